package dev.scoreline.engine;

import static dev.scoreline.engine.Fixture.dec;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Decay (section 9) and timeframes (section 11) through the whole engine. */
class DecayAndTimeTest {

    static final String FORMS = """
            score "Forms" on contact
              type engagement
              group "G"
                decay 50% every 1 month
                add 10 for each form_submission
            """;

    @Test
    void tenPointsAtFiftyPercentMonthlyGiveTenThenFiveThenZero() {
        Fixture f = new Fixture().record("contact:a").record("contact:b").record("contact:c").record("contact:d")
                .eventDaysAgo("contact:a", "form_submission", 29.99)
                .eventDaysAgo("contact:b", "form_submission", 30)
                .eventDaysAgo("contact:c", "form_submission", 59.99)
                .eventDaysAgo("contact:d", "form_submission", 60);
        var r = f.score(FORMS);
        assertThat(r.get("Forms/contact:a").value()).isEqualByComparingTo("10");
        assertThat(r.get("Forms/contact:b").value()).isEqualByComparingTo("5");
        assertThat(r.get("Forms/contact:c").value()).isEqualByComparingTo("5");
        assertThat(r.get("Forms/contact:d").value()).isEqualByComparingTo("0");
    }

    @Test
    void aHundredPercentEveryThreeMonthsIsGoneAfterNinetyDays() {
        String text = """
                score "CTA" on contact
                  type engagement
                  group "G"
                    decay 100% every 3 months
                    add 2 for each cta_click
                """;
        Fixture f = new Fixture().record("contact:a").record("contact:b")
                .eventDaysAgo("contact:a", "cta_click", 89.9)
                .eventDaysAgo("contact:b", "cta_click", 120);
        assertThat(f.value(text, "contact:a")).isEqualByComparingTo("2");
        assertThat(f.value(text, "contact:b")).isEqualByComparingTo("0");
    }

    @Test
    void decayNeverGoesBelowZeroAndUsesExactDecimals() {
        String text = """
                score "Thirds" on contact
                  type engagement
                  group "G"
                    decay 30% every 1 month
                    add 0.1 for each visit
                """;
        Fixture f = new Fixture().record("contact:a");
        for (int i = 0; i < 3; i++) {
            f.eventDaysAgo("contact:a", "visit", 1);
        }
        f.eventDaysAgo("contact:a", "visit", 31);   // 0.07
        f.eventDaysAgo("contact:a", "visit", 200);  // 1 - 6*0.3 < 0: 0
        assertThat(f.value(text, "contact:a")).isEqualByComparingTo(dec("0.37"));
    }

    @Test
    void eventsAfterNowAreIgnored() {
        Fixture f = new Fixture().record("contact:a")
                .eventDaysAgo("contact:a", "form_submission", -1)
                .eventDaysAgo("contact:a", "form_submission", 0);
        assertThat(f.value(FORMS, "contact:a")).isEqualByComparingTo("10");
    }

    @Test
    void frequencyDecayIsThatOfTheNewestMatchingEventAndZeroOccurrencesWork() {
        String text = """
                score "Freq" on contact
                  type engagement
                  group "G"
                    decay 50% every 1 month
                    add 10 if reply occurs at least 2 times
                    subtract 4 if meeting occurs exactly 0 times in the last 60 days
                """;
        Fixture f = new Fixture().record("contact:a").record("contact:b")
                .eventDaysAgo("contact:a", "reply", 45).eventDaysAgo("contact:a", "reply", 70)
                .eventDaysAgo("contact:b", "reply", 1).eventDaysAgo("contact:b", "reply", 70)
                .eventDaysAgo("contact:b", "meeting", 10);
        assertThat(f.value(text, "contact:a")).isEqualByComparingTo("1");   // 10 * 0.5 - 4
        assertThat(f.value(text, "contact:b")).isEqualByComparingTo("10");
    }

    @Test
    void inTheLastUsesThirtyDayMonthsAndCountsFromNow() {
        String text = """
                score "Recent" on contact
                  type engagement
                  group "G"
                    add 1 for each visit in the last 1 month
                    add 10 for each visit in the last 2 weeks
                    add 100 for each visit in the last 1 year
                """;
        Fixture f = new Fixture().record("contact:a")
                .eventDaysAgo("contact:a", "visit", 30)    // 1 + 100
                .eventDaysAgo("contact:a", "visit", 14)    // 1 + 10 + 100
                .eventDaysAgo("contact:a", "visit", 365.5); // nothing
        assertThat(f.value(text, "contact:a")).isEqualByComparingTo("212");
    }
}

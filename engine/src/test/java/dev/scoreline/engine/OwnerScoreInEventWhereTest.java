package dev.scoreline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A {@code score "…"} or {@code status "…"} test inside an event's {@code where} reads the record
 * that owns the event (language.md section 12): the scored record for its own events, each
 * associated record for theirs. The engine matches those terms on the owner and the rest on the
 * event; an event counts only for an owner whose scores hold them.
 */
class OwnerScoreInEventWhereTest {

    /** Lead: 10 per meeting. c-hot has 3 (30, Low), c-cold 1 (10, Low), c-warm 5 (50, Medium). */
    private static final String LEAD = """
            score "Lead" on contact
              type engagement
              group "A"
                add 10 for each meeting

            """;

    private static Fixture data() {
        Fixture f = new Fixture().record("contact:c-hot").record("contact:c-cold").record("contact:c-warm")
                .record("company:a").associate("company:a", "contact:c-hot").associate("company:a", "contact:c-cold")
                .record("company:b").associate("company:b", "contact:c-cold");
        meetings(f, "contact:c-hot", 3);
        meetings(f, "contact:c-cold", 1);
        meetings(f, "contact:c-warm", 5);
        for (String c : List.of("contact:c-hot", "contact:c-cold", "contact:c-warm")) {
            f.eventDaysAgo(c, "page_view", 1, "channel", "web").eventDaysAgo(c, "page_view", 2, "channel", "web")
                    .eventDaysAgo(c, "page_view", 3, "channel", "email");
        }
        return f;
    }

    private static void meetings(Fixture f, String contact, int n) {
        for (int i = 0; i < n; i++) {
            f.eventDaysAgo(contact, "meeting", 5 + i);
        }
    }

    private static String s(String type, String... rules) {
        StringBuilder sb = new StringBuilder(LEAD).append("score \"S\" on ").append(type)
                .append("\n  type engagement\n  group \"G\"\n");
        for (String r : rules) {
            sb.append("    ").append(r).append('\n');
        }
        return sb.toString();
    }

    private static BigDecimal valueOfS(Fixture f, String text, String record) {
        ScoreResult r = f.score(text).get("S/" + record);
        return r == null ? null : r.value();
    }

    @Test
    void onTheRecordsOwnEventsTheTestReadsTheScoredRecord() {
        Fixture f = data();
        String text = s("contact", "add 5 for each page_view where score \"Lead\" >= 20");
        assertThat(valueOfS(f, text, "contact:c-hot")).isEqualByComparingTo("15");
        assertThat(valueOfS(f, text, "contact:c-cold")).isEqualByComparingTo("0");
        String mixed = s("contact", "add 5 for each page_view where channel is \"web\" and not status \"Lead\" is \"Low\"");
        assertThat(valueOfS(f, mixed, "contact:c-warm")).isEqualByComparingTo("10");
        assertThat(valueOfS(f, mixed, "contact:c-hot")).isEqualByComparingTo("0");
        String or = s("contact", "add 1 if page_view where (score \"Lead\" > 40 or status \"Lead\" is \"High\") occurs at least 3 times");
        assertThat(valueOfS(f, or, "contact:c-warm")).isEqualByComparingTo("1");
        assertThat(valueOfS(f, or, "contact:c-hot")).isEqualByComparingTo("0");
    }

    @Test
    void onAssociatedRecordsEventsTheTestReadsEachOwner() {
        Fixture f = data();
        String events = s("company", "add 5 for each page_view where score \"Lead\" >= 20 on associated contact");
        assertThat(valueOfS(f, events, "company:a")).isEqualByComparingTo("15"); // c-hot's three, not c-cold's
        assertThat(valueOfS(f, events, "company:b")).isEqualByComparingTo("0");
        String capped = s("company",
                "add 5 for each page_view where channel is \"web\" and score \"Lead\" >= 20 at most 1 per week on associated contact");
        assertThat(valueOfS(f, capped, "company:a")).isEqualByComparingTo("5");
        String counted = s("company", "add 7 if at least 1 associated contact with page_view where score \"Lead\" > 15");
        assertThat(valueOfS(f, counted, "company:a")).isEqualByComparingTo("7");
        assertThat(valueOfS(f, counted, "company:b")).isEqualByComparingTo("0");
        String often = s("company",
                "add 2 if page_view where score \"Lead\" < 15 occurs at least 3 times on associated contact");
        assertThat(valueOfS(f, often, "company:a")).isEqualByComparingTo("2"); // c-cold's three
    }

    /** A record out of the read score's scope has no value there: {@code is unknown} holds, comparisons do not. */
    @Test
    void aRecordOutOfTheReadScoresScopeReadsUnknown() {
        Fixture f = new Fixture().recordInLists("contact:in", List.of("Leads")).record("contact:out");
        for (String c : List.of("contact:in", "contact:out")) {
            f.eventDaysAgo(c, "meeting", 1).eventDaysAgo(c, "page_view", 1);
        }
        String text = """
                score "Lead" on contact
                  type engagement
                  include lists "Leads"
                  group "A"
                    add 10 for each meeting

                score "S" on contact
                  type engagement
                  group "G"
                    add 1 for each page_view where score "Lead" is unknown
                    add 10 for each page_view where score "Lead" >= 0
                """;
        assertThat(f.score(text).get("S/contact:in").value()).isEqualByComparingTo("10");
        assertThat(f.score(text).get("S/contact:out").value()).isEqualByComparingTo("1");
    }

    /** Scores read through event wheres are evaluated in the order their references require: C reads B reads Lead. */
    @Test
    void aChainOfScoresThroughEventWheresIsEvaluatedInOrder() {
        Fixture f = data();
        String text = LEAD + """
                score "B" on contact
                  type engagement
                  group "G"
                    add 20 for each page_view where score "Lead" >= 20

                score "C" on company
                  type engagement
                  group "G"
                    add 1 for each page_view where score "B" >= 60 on associated contact
                """;
        Map<String, ScoreResult> out = f.score(text);
        assertThat(out.get("B/contact:c-hot").value()).isEqualByComparingTo("60");
        assertThat(out.get("B/contact:c-warm").value()).isEqualByComparingTo("60");
        assertThat(out.get("C/company:a").value()).isEqualByComparingTo("3");
        assertThat(out.get("C/company:b").value()).isEqualByComparingTo("0");
    }

    @Test
    void explainSaysWhenTheOwnersScoresDoNotHold() {
        Fixture f = data();
        String text = s("company", "add 5 for each page_view where score \"Lead\" >= 20 on associated contact");
        CompiledScores scores = Fixture.compile(text);
        Explanation e = Fixture.ENGINE.explain(f.load(scores), RecordKey.parse("company:a"), Fixture.NOW).orElseThrow();
        List<String> lines = new ArrayList<>();
        e.scores().stream().filter(x -> x.score().equals("S")).forEach(x -> x.groups().forEach(g -> g.rules()
                .forEach(r -> lines.addAll(r.details()))));
        assertThat(lines).anyMatch(l -> l.equals("contact:c-cold: no event counts: the event's where tests the owner's scores"
                + " (score \"Lead\" = 10), which do not hold"));
        assertThat(e.scores().stream().filter(x -> x.score().equals("S")).findFirst().orElseThrow().total())
                .isEqualByComparingTo("15");
    }
}

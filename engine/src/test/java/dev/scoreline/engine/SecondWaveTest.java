package dev.scoreline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.api.RecordKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The second wave's forms (language.md sections 6, 7, 7a, 8.0, 11), each on the record itself and
 * through associations, with what {@code explain} says and the next-change instants they give.
 */
class SecondWaveTest {

    private static String on(String type, String scoreType, String... rules) {
        StringBuilder sb = new StringBuilder("score \"S\" on " + type + "\n  type " + scoreType + "\n  group \"G\"\n");
        for (String r : rules) {
            sb.append("    ").append(r).append('\n');
        }
        return sb.toString();
    }

    private static List<String> explain(Fixture f, String text, String record, String score) {
        CompiledScores scores = Fixture.compile(text);
        ScoringData data = f.load(scores);
        Explanation e = Fixture.ENGINE.explain(data, RecordKey.parse(record), Fixture.NOW).orElseThrow();
        List<String> lines = new ArrayList<>();
        e.scores().stream().filter(s -> s.score().equals(score)).forEach(s -> s.groups().forEach(g -> g.rules()
                .forEach(r -> {
                    lines.add(r.rule() + " = " + r.points().toPlainString());
                    lines.addAll(r.details());
                })));
        return lines;
    }

    @Test
    void aRuleLimitClampsTheRuleAfterItsEventsAreSummed() {
        Fixture f = new Fixture().record("contact:c").record("company:a").associate("company:a", "contact:c");
        for (int i = 0; i < 7; i++) {
            f.eventDaysAgo("contact:c", "page_view", i + 0.5);
        }
        assertThat(f.value(on("contact", "engagement", "add 5 for each page_view limit 20"), "contact:c"))
                .isEqualByComparingTo("20");
        assertThat(f.value(on("contact", "engagement", "subtract 5 for each page_view limit 12.5"), "contact:c"))
                .isEqualByComparingTo("-12.5");
        assertThat(f.value(on("company", "engagement", "add 5 for each page_view on associated contact limit 8"),
                "company:a")).isEqualByComparingTo("8");
        assertThat(explain(f, on("contact", "engagement", "add 5 for each page_view limit 20"), "contact:c", "S"))
                .anyMatch(l -> l.contains("clamped from 35 to 20 by the rule's limit 20"));
    }

    @Test
    void valueOfReadsANumberOnceOnTheRecordAndAggregatesOverAssociatedOnes() {
        Fixture f = new Fixture().record("company:a", "adoption", "0.8", "seats", Fixture.list("2", "n/a", "3"))
                .record("contact:p", "nps", "7").record("contact:q", "nps", 9).record("contact:r", "nps", "n/a")
                .associate("company:a", "contact:p").associate("company:a", "contact:q").associate("company:a", "contact:r");
        assertThat(f.value(on("company", "fit", "add value of adoption times 20"), "company:a")).isEqualByComparingTo("16");
        assertThat(f.value(on("company", "fit", "subtract value of seats"), "company:a")).isEqualByComparingTo("-5");
        assertThat(f.value(on("company", "fit", "add value of nps on associated contact aggregate average"), "company:a"))
                .isEqualByComparingTo("8");
        assertThat(f.value(on("company", "fit", "subtract value of nps on associated contact aggregate min"), "company:a"))
                .isEqualByComparingTo("-7");
        assertThat(f.value(on("company", "fit", "add value of nps times 2 on associated contact aggregate max"),
                "company:a")).isEqualByComparingTo("18");
        assertThat(f.value(on("company", "fit", "add value of nps on associated contact"), "company:a"))
                .isEqualByComparingTo("16");
        assertThat(f.value(on("company", "fit", "add value of missing"), "company:a")).isEqualByComparingTo("0");
        assertThat(f.warnings).anyMatch(w -> w.contains("n/a"));
    }

    @Test
    void aCapCountsTheOldestEventsOfEachUtcPeriodPerOwningRecord() {
        Fixture f = new Fixture().record("contact:c").record("contact:d").record("company:a")
                .associate("company:a", "contact:c").associate("company:a", "contact:d");
        for (int i = 0; i < 5; i++) {
            f.event("contact:c", "click", "2026-02-10T10:00:0" + i + "Z");
            f.event("contact:d", "click", "2026-02-10T23:59:5" + i + "Z");
        }
        f.event("contact:c", "click", "2026-02-11T00:00:00Z"); // the next UTC day
        f.event("contact:c", "click", "2026-02-16T00:00:00Z"); // Monday: the next ISO week
        assertThat(f.value(on("contact", "engagement", "add 2 for each click at most 3 per day"), "contact:c"))
                .isEqualByComparingTo("10");
        assertThat(f.value(on("contact", "engagement", "add 1 for each click at most 2 per week"), "contact:c"))
                .isEqualByComparingTo("3");
        assertThat(f.value(on("contact", "engagement", "add 1 for each click at most 4 per month"), "contact:c"))
                .isEqualByComparingTo("4");
        assertThat(f.value(on("company", "engagement", "add 1 for each click at most 3 per day on associated contact"),
                "company:a")).isEqualByComparingTo("8"); // 3 + 1 + 1 of c, 3 of d
        assertThat(explain(f, on("contact", "engagement", "add 2 for each click at most 3 per day"), "contact:c", "S"))
                .anyMatch(l -> l.equals("2 events over the cap (at most 3 per day) left out: 2026-02-10 x2"));
    }

    @Test
    void atTheSameInstantTheEventWithMorePointsCountsFirst() {
        Fixture f = new Fixture().record("contact:c")
                .event("contact:c", "form", "2026-02-10T10:00:00Z", "name", "Newsletter")
                .event("contact:c", "form", "2026-02-10T10:00:00Z", "name", "Demo")
                .event("contact:c", "form", "2026-02-10T10:00:00Z", "name", "Pricing");
        String text = on("contact", "engagement",
                "points for each form by name: \"Demo\" 10, \"Pricing\" 5, \"Newsletter\" 1 at most 1 per day");
        assertThat(f.value(text, "contact:c")).isEqualByComparingTo("10");
        assertThat(f.value(on("contact", "engagement",
                "points for each form by name: \"Demo\" 10, \"Pricing\" 5, \"Newsletter\" 1 at most 2 per day"),
                "contact:c")).isEqualByComparingTo("15");
    }

    @Test
    void sinceBoundsTheEventsByTheScoredRecordsDate() {
        Fixture f = new Fixture().record("contact:c", "recycled_at", "2026-02-20")
                .record("contact:u", "recycled_at", "not a date")
                .record("contact:m", "recycled_at", Fixture.list("2026-02-25T00:00:00Z", "2026-02-15"))
                .record("company:a", "recycled_at", "2026-02-25").associate("company:a", "contact:u");
        for (String c : List.of("contact:c", "contact:u", "contact:m")) {
            f.event(c, "visit", "2026-02-10T00:00:00Z").event(c, "visit", "2026-02-19T23:59:59Z")
                    .event(c, "visit", "2026-02-20T00:00:00Z").event(c, "visit", "2026-02-26T00:00:00Z");
        }
        String text = on("contact", "engagement", "add 5 for each visit since recycled_at");
        assertThat(f.value(text, "contact:c")).isEqualByComparingTo("10"); // a date is its 00:00 UTC
        assertThat(f.value(text, "contact:u")).isEqualByComparingTo("20"); // no bound
        assertThat(f.value(text, "contact:m")).isEqualByComparingTo("15"); // the earliest readable instant, 02-15
        // Under an association the bound is still the scored record's: the company's date.
        assertThat(f.value(on("company", "engagement", "add 1 for each visit since recycled_at on associated contact"),
                "company:a")).isEqualByComparingTo("1");
        assertThat(f.value(on("contact", "engagement", "add 3 if visit occurs at least 3 times since recycled_at"),
                "contact:c")).isEqualByComparingTo("0");
        assertThat(explain(f, text, "contact:c", "S")).anyMatch(l -> l.startsWith("since recycled_at = 2026-02-20T00:00:00Z"));
        assertThat(f.warnings).anyMatch(w -> w.contains("\"not a date\" does not read as a date"));
    }

    @Test
    void countRulesCountDistinctAssociatedRecords() {
        Fixture f = new Fixture().record("company:a")
                .record("contact:p", "title", "VP Sales").record("contact:q", "title", "VP Ops").record("contact:r")
                .associate("company:a", "contact:p", "Decision maker").associate("company:a", "contact:q")
                .associate("company:a", "contact:r", "Decision maker")
                .eventDaysAgo("contact:p", "meeting", 3).eventDaysAgo("contact:p", "meeting", 4)
                .eventDaysAgo("contact:q", "meeting", 40);
        assertThat(f.value(on("company", "fit", "add 15 if at least 3 associated contact"), "company:a"))
                .isEqualByComparingTo("15");
        assertThat(f.value(on("company", "fit", "add 10 if exactly 2 associated contact where title contains \"VP\""),
                "company:a")).isEqualByComparingTo("10");
        assertThat(f.value(on("company", "fit", "add 10 if exactly 2 associated contact labeled \"decision maker\""),
                "company:a")).isEqualByComparingTo("10");
        String with = on("company", "engagement", "add 20 if at least 1 associated contact with meeting in the last 30 days",
                "subtract 5 if exactly 2 associated contact with meeting");
        assertThat(f.value(with, "company:a")).isEqualByComparingTo("15");
        assertThat(explain(f, with, "company:a", "S")).contains("contact:p counted (2 matching events)",
                "contact:q not counted: no matching event", "1 associated contact record satisfies the count");
    }

    private static final String REFERENCES = """
            score "Lead" on contact
              type engagement
              exclude lists "Competitors"
              group "Activity"
                add 10 for each meeting

            score "Follow-up" on contact
              type fit
              group "P"
                add 10 if score "Lead" >= 20
                subtract 1 if score "Lead" is unknown
                add 2 if status "Lead" is not "Low"

            score "Account" on company
              type fit
              group "Contacts"
                add value of score "Lead" on associated contact aggregate average
                add 7 if status "Lead" is "low" on associated contact
                add value of score "Follow-up" times 0.5 on associated contact aggregate max
            """;

    @Test
    void scoresReadOtherScoresInTheOrderTheirReferencesRequire() {
        Fixture f = new Fixture().record("contact:p").recordInLists("contact:x", List.of("Competitors")).record("contact:q")
                .record("company:a").associate("company:a", "contact:p").associate("company:a", "contact:x")
                .associate("company:a", "contact:q")
                .eventDaysAgo("contact:p", "meeting", 1).eventDaysAgo("contact:p", "meeting", 2)
                .eventDaysAgo("contact:p", "meeting", 3).eventDaysAgo("contact:x", "meeting", 1);
        Map<String, BigDecimalText> got = values(f.score(REFERENCES));
        assertThat(got).containsEntry("Follow-up/contact:p", new BigDecimalText("10")) // 30, status Low
                .containsEntry("Follow-up/contact:x", new BigDecimalText("1")) // out of Lead's scope: unknown
                .containsEntry("Follow-up/contact:q", new BigDecimalText("0"))
                // average of 30 and 0 (x has none) + 7 for each of the two Low contacts + max(10, 1, 0) x 0.5
                .containsEntry("Account/company:a", new BigDecimalText("34"));
        assertThat(explain(f, REFERENCES, "company:a", "Account")).anyMatch(l -> l.equals("contact:p: score \"Lead\" = 30"))
                .anyMatch(l -> l.startsWith("    line ") && l.endsWith(": 30"));
    }

    @Test
    void anAssociationsWhereMayReadTheAssociatedRecordsScores() {
        Fixture f = new Fixture().record("contact:p").record("contact:q").record("company:a")
                .associate("company:a", "contact:p").associate("company:a", "contact:q")
                .eventDaysAgo("contact:p", "meeting", 1).eventDaysAgo("contact:p", "meeting", 2)
                .eventDaysAgo("contact:q", "meeting", 1);
        String text = """
                score "Lead" on contact
                  type engagement
                  group "Activity"
                    add 10 for each meeting

                score "Account" on company
                  type engagement
                  group "Contacts"
                    add 1 for each meeting on associated contact where score "Lead" >= 20
                    add 5 if exactly 1 associated contact where score "Lead" > 15 or status "Lead" is "High" with meeting
                """;
        assertThat(values(f.score(text))).containsEntry("Account/company:a", new BigDecimalText("7"));
    }

    private record BigDecimalText(String value) { }

    private static Map<String, BigDecimalText> values(Map<String, dev.scoreline.api.ScoreResult> results) {
        Map<String, BigDecimalText> out = new TreeMap<>();
        results.forEach((k, r) -> out.put(k, new BigDecimalText(r.value().stripTrailingZeros().toPlainString())));
        return out;
    }

    @Test
    void nextChangeInstantsOfTheNewForms() {
        Fixture f = new Fixture().record("contact:c", "recycled_at", "2026-02-20").record("company:a")
                .associate("company:a", "contact:c")
                .event("contact:c", "visit", "2026-02-25T00:00:00Z");
        // A cap period ending and a since bound move nothing with time alone.
        assertThat(next(f, on("contact", "engagement", "add 5 for each visit at most 1 per day since recycled_at"),
                "contact:c")).isNull();
        // A count rule's timeframe does: the visit leaves the last 10 days on 2026-03-07 (plus 1 ms).
        assertThat(next(f, on("company", "engagement", "add 5 if at least 1 associated contact with visit in the last 10 days"),
                "company:a")).isEqualTo(Instant.parse("2026-03-07T00:00:00.001Z"));
    }

    private static Instant next(Fixture f, String text, String record) {
        CompiledScores scores = Fixture.compile(text);
        ScoringData data = f.load(scores);
        Instant[] out = new Instant[1];
        boolean[] seen = new boolean[1];
        Fixture.ENGINE.scoreWithNextChange(data, Fixture.NOW, (r, next) -> {
            if (r.record().toString().equals(record)) {
                out[0] = next;
                seen[0] = true;
            }
        });
        assertThat(seen[0]).as("a result for " + record).isTrue();
        return out[0];
    }
}

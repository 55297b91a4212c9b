package dev.scoreline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.api.ScoreResult;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rules on associated records (language.md section 7) and the data rules of section 12. */
class AssociationTest {

    static String score(String rule) {
        return "score \"S\" on company\n  type health\n  group \"G\" limit 100\n    " + rule + "\n";
    }

    @Test
    void associationsGoBothWaysAndLabelsMatchIgnoringCaseAndSpaces() {
        Fixture f = new Fixture().record("company:a").record("contact:p").record("contact:q")
                .associate("contact:p", "company:a", " champion ")
                .associate("company:a", "contact:q", "Billing");
        assertThat(f.value(score("add 5 if name is unknown on associated contact labeled \"Champion\""),
                "company:a")).isEqualByComparingTo("5");
        assertThat(f.value(score("add 5 if name is unknown on associated contact"), "company:a"))
                .isEqualByComparingTo("10");
    }

    @Test
    void whereFiltersTheAssociatedRecords() {
        Fixture f = new Fixture().record("company:a")
                .record("ticket:t1", "priority", "High", "sla", "Overdue")
                .record("ticket:t2", "priority", "Low", "sla", "Overdue")
                .associate("company:a", "ticket:t1").associate("company:a", "ticket:t2");
        assertThat(f.value(score("subtract 3 if sla is \"overdue\" on associated ticket where priority is \"high\""),
                "company:a")).isEqualByComparingTo("-3");
    }

    @Test
    void duplicateAssociationsCountOnceWithTheUnionOfTheirLabels() {
        Fixture f = new Fixture().record("company:a").record("contact:p")
                .associate("company:a", "contact:p", "Billing")
                .associate("contact:p", "company:a", "Champion")
                .associate("company:a", "contact:p");
        assertThat(f.value(score("add 5 if name is unknown on associated contact"), "company:a"))
                .isEqualByComparingTo("5");
        assertThat(f.value(score("add 5 if name is unknown on associated contact labeled \"champion\""),
                "company:a")).isEqualByComparingTo("5");
    }

    @Test
    void selfAssociationsAreIgnoredAndDanglingOnesAreWarnings() {
        Fixture f = new Fixture().record("contact:a").record("contact:b")
                .associate("contact:a", "contact:a")
                .associate("contact:a", "contact:ghost")
                .associate("contact:a", "contact:b");
        String text = "score \"S\" on contact\n  type fit\n  group \"G\"\n    add 1 if x is unknown on associated contact\n";
        var r = f.score(text);
        assertThat(r.get("S/contact:a").value()).isEqualByComparingTo("1");   // only b, not itself
        assertThat(r.get("S/contact:b").value()).isEqualByComparingTo("1");   // contact <-> contact both ways
        assertThat(f.warnings).anyMatch(w -> w.contains("contact:ghost"));
    }

    @Test
    void averageMinAndMaxOverNothingAreZero() {
        Fixture f = new Fixture().record("company:a");
        for (String agg : new String[] {"sum", "average", "min", "max"}) {
            assertThat(f.value(score("add 5 for each open on associated contact aggregate " + agg), "company:a"))
                    .as(agg).isEqualByComparingTo("0");
            assertThat(f.value(score("points for stage: \"won\" 10 on associated deal aggregate " + agg), "company:a"))
                    .as(agg).isEqualByComparingTo("0");
        }
    }

    @Test
    void propertyRulesAggregateOneValuePerMatchingRecord() {
        Fixture f = new Fixture().record("company:a")
                .record("deal:d1", "stage", "won").record("deal:d2", "stage", "sent").record("deal:d3", "stage", "lost")
                .associate("company:a", "deal:d1").associate("company:a", "deal:d2").associate("company:a", "deal:d3");
        String points = "points for stage: \"won\" 10, \"sent\" 5 on associated deal aggregate ";
        assertThat(f.value(score(points + "average"), "company:a")).isEqualByComparingTo("7.5");
        assertThat(f.value(score(points + "min"), "company:a")).isEqualByComparingTo("5");
        assertThat(f.value(score(points + "max"), "company:a")).isEqualByComparingTo("10");
        assertThat(f.value(score(points + "sum"), "company:a")).isEqualByComparingTo("15");
        assertThat(f.value(score("add 4 if stage is any of \"won\", \"sent\" on associated deal aggregate average"),
                "company:a")).isEqualByComparingTo("4");
    }

    @Test
    void eventRulesPoolTheEventsOfAllAssociatedRecords() {
        Fixture f = new Fixture().record("company:a").record("contact:p").record("contact:q")
                .associate("company:a", "contact:p").associate("company:a", "contact:q")
                .eventDaysAgo("contact:p", "open", 1).eventDaysAgo("contact:p", "open", 35)
                .eventDaysAgo("contact:q", "open", 2);
        String decayed = "score \"S\" on company\n  type engagement\n  group \"G\"\n    decay 50% every 1 month\n"
                + "    add 2 for each open on associated contact aggregate ";
        assertThat(f.value(decayed + "sum\n", "company:a")).isEqualByComparingTo("5");
        assertThat(f.value(decayed + "average\n", "company:a")).isEqualByComparingTo("1.67");
        assertThat(f.value(decayed + "min\n", "company:a")).isEqualByComparingTo("1");
        assertThat(f.value(score("add 7 if open occurs at least 3 times on associated contact"), "company:a"))
                .isEqualByComparingTo("7");
    }

    /**
     * Drools decides each distinct shape once (one company, two contact roles, one event type and
     * one association kind here), so a run's Drools work is bounded by the shapes, not by contacts
     * times events: ten times the contacts match the same few facts in the same sessions.
     */
    @Test
    void aCompanyWithThousandsOfContactsScoresWithoutAQuadraticScan() {
        String text = "score \"S\" on company\n  type engagement\n  group \"G\"\n"
                + "    add 1 for each open on associated contact where role is \"buyer\"\n";
        Map<String, ScoreResult> few = new LinkedHashMap<>();
        RunSummary fewContacts = companyWithContacts(500).run(text, Fixture.NOW, few);
        Map<String, ScoreResult> many = new LinkedHashMap<>();
        RunSummary manyContacts = companyWithContacts(5000).run(text, Fixture.NOW, many);

        assertThat(few.get("S/company:big").value()).isEqualByComparingTo("7500");
        assertThat(many.get("S/company:big").value()).isEqualByComparingTo("75000");
        assertThat(manyContacts.factsMatched()).isEqualTo(fewContacts.factsMatched()).isLessThanOrEqualTo(10);
        assertThat(manyContacts.droolsSessions()).isEqualTo(fewContacts.droolsSessions()).isLessThanOrEqualTo(5);
    }

    /** A company with this many contacts, half of them buyers, each with 30 opens on 30 days. */
    private static Fixture companyWithContacts(int contacts) {
        Fixture f = new Fixture().record("company:big");
        for (int i = 0; i < contacts; i++) {
            f.record("contact:p" + i, "role", i % 2 == 0 ? "buyer" : "user");
            f.associate("company:big", "contact:p" + i);
            for (int e = 0; e < 30; e++) {
                f.eventDaysAgo("contact:p" + i, "open", e);
            }
        }
        return f;
    }
}

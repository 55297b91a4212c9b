package dev.scoreline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.api.Association;
import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.DataProblems;
import dev.scoreline.api.ListMembership;
import dev.scoreline.api.Projection;
import dev.scoreline.api.ScoreResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Loading asks an adapter for what the scores read ({@link CompiledScores#projection()}): per
 * record and event type the properties rules name, and no events at all when no rule reads them.
 * An adapter that leaves out the rest gives the same scores, warnings and shapes as one that
 * gives everything.
 */
class ReadWhatScoresReadTest {

    /** Every way a rule reads data: properties, lists, since, value of, associations, event wheres and points. */
    static final String SCORES = """
            score "Lead" on contact
              type engagement
              group "Activity"
                add 5 for each page_view where url contains "pricing" since recycled_at
                points for each form_submission by form_name: "Demo" 20, "Contact us" 15
                add 10 if meeting occurs at least 2 times in the last 90 days
                add 3 for each webinar where channel is "web" and in list "VIP"

            score "Fit" on contact
              type fit
              include lists "Leads"
              group "Role"
                add 30 if JobTitle contains "chief"
                points for seniority: "senior" 10, "junior" 2
                add value of employees times 0.01 limit 10
              group "Company"
                add 15 if industry is "Software" on associated company
                add 5 if at least 2 associated deal where stage is "won"

            score "Health" on company
              type health
              group "Usage" limit 50
                add 20 if nps >= 9
                add 2 for each meeting on associated contact labeled "Champion"
              group "Leads" limit 50
                add value of score "Lead" on associated contact aggregate average limit 50
            """;

    static final String FIT_ONLY = """
            score "Fit" on contact
              type fit
              group "Role"
                add 30 if jobtitle contains "chief"
                add 10 if employees > 100
            """;

    @Test
    void theProjectionNamesWhatEachTypeIsReadFor() {
        Projection p = Fixture.compile(SCORES).projection();
        assertThat(p.isEverything()).isFalse();
        assertThat(p.readsEvents()).isTrue();
        assertThat(p.recordProperties("contact"))
                .containsExactlyInAnyOrder("recycled_at", "jobtitle", "seniority", "employees");
        assertThat(p.recordProperties("Company ")).containsExactlyInAnyOrder("industry", "nps");
        assertThat(p.recordProperties("deal")).containsExactly("stage");
        assertThat(p.readsRecordProperty("contact", "NPS")).isFalse();
        assertThat(p.eventTypes()).containsExactlyInAnyOrder("page_view", "form_submission", "meeting", "webinar");
        assertThat(p.eventProperties("page_view")).containsExactly("url");
        assertThat(p.eventProperties("form_submission")).containsExactly("form_name");
        assertThat(p.eventProperties("webinar")).containsExactly("channel");
        assertThat(p.eventProperties("meeting")).isEmpty();
        assertThat(p.readsEventType("email_open")).isFalse();
    }

    @Test
    void whenNoRuleReadsEventsTheEventsAreNotAskedFor() {
        Fixture f = new Fixture().record("contact:c1", "jobtitle", "Chief", "employees", 500)
                .record("contact:c2", "jobtitle", "Intern")
                .eventDaysAgo("contact:c1", "meeting", 1).eventDaysAgo("contact:nobody", "meeting", 1);
        CompiledScores scores = Fixture.compile(FIT_ONLY);
        assertThat(scores.projection().readsEvents()).isFalse();
        CrmAdapter noEvents = new Honouring(f) {
            @Override public Stream<CrmEvent> events() {
                throw new AssertionError("events read although no score reads them");
            }

            @Override public Stream<CrmEvent> events(Projection projection) {
                return events();
            }
        };
        List<String> warnings = new ArrayList<>();
        ScoringData data = Fixture.ENGINE.load(scores, noEvents, recorder(warnings));
        assertThat(data.eventsSkipped()).isTrue();
        assertThat(data.eventsRead()).isZero();
        assertThat(warnings).as("the dangling event is not read, so not reported").isEmpty();
        List<ScoreResult> results = new ArrayList<>();
        Fixture.ENGINE.score(data, Fixture.NOW, results::add);
        assertThat(results).extracting(r -> r.value().intValue()).containsExactly(40, 0);

        ScoringData withEvents = Fixture.ENGINE.load(Fixture.compile(SCORES), f.adapter(), DataProblems.IGNORE);
        assertThat(withEvents.eventsSkipped()).isFalse();
        assertThat(withEvents.eventsRead()).isEqualTo(2);
    }

    @Test
    void anAdapterThatLeavesOutWhatIsNotReadGivesTheSameScoresWarningsAndShapes() {
        CompiledScores scores = Fixture.compile(SCORES);
        for (long seed = 1; seed <= 5; seed++) {
            Fixture f = randomData(new Random(seed));
            List<String> allWarnings = new ArrayList<>();
            List<String> projectedWarnings = new ArrayList<>();
            ScoringData all = Fixture.ENGINE.load(scores, f.adapter(), recorder(allWarnings));
            ScoringData projected = Fixture.ENGINE.load(scores, new Honouring(f), recorder(projectedWarnings));
            assertThat(results(projected)).as("seed %d", seed).isEqualTo(results(all)).isNotEmpty();
            assertThat(projectedWarnings).as("seed %d", seed).isEqualTo(allWarnings);
            assertThat(projected.recordShapes()).isEqualTo(all.recordShapes());
            assertThat(projected.eventShapes()).isEqualTo(all.eventShapes());
            assertThat(projected.eventsRead()).isEqualTo(all.eventsRead());
        }
    }

    private static List<ScoreResult> results(ScoringData data) {
        List<ScoreResult> out = new ArrayList<>();
        Fixture.ENGINE.score(data, Fixture.NOW, out::add);
        return out;
    }

    /**
     * Contacts, companies and deals whose properties overlap across types (a company's
     * {@code jobtitle}, a contact's {@code nps}, read on the other type only), with names in
     * any case, values that do not read as numbers, and events of read and unread types with
     * read and unread properties.
     */
    static Fixture randomData(Random r) {
        Fixture f = new Fixture();
        String[] titles = {"Chief of staff", "CHIEF DATA OFFICER", "engineer", "Intern"};
        String[] events = {"page_view", "form_submission", "meeting", "webinar", "email_open"};
        for (int i = 0; i < 40; i++) {
            List<String> lists = r.nextBoolean() ? List.of("Leads") : r.nextBoolean() ? List.of("Leads", "VIP") : List.of();
            f.recordInLists("contact:c" + i, lists, r.nextBoolean() ? "jobtitle" : "JobTitle", titles[r.nextInt(4)],
                    "seniority", r.nextBoolean() ? "Senior" : "junior", "employees", r.nextInt(4) == 0 ? "many" : r.nextInt(900),
                    "nps", r.nextInt(4) == 0 ? "n/a" : String.valueOf(r.nextInt(11)),
                    "recycled_at", r.nextBoolean() ? "2025-12-01" : "not a date", "phone", "+1 555 " + i);
            for (int e = r.nextInt(12); e > 0; e--) {
                f.eventDaysAgo("contact:c" + i, events[r.nextInt(events.length)], r.nextInt(200),
                        "url", r.nextBoolean() ? "https://x/pricing" : "https://x/blog", "form_name",
                        r.nextBoolean() ? "Demo" : "Contact us", "channel", r.nextBoolean() ? "web" : "email",
                        "campaign", "c" + r.nextInt(3));
            }
        }
        for (int i = 0; i < 8; i++) {
            f.record("company:a" + i, "industry", r.nextBoolean() ? "Software" : "Retail", "nps", r.nextInt(4) == 0 ? "high" : r.nextInt(11),
                    "jobtitle", "n/a", "employees", "lots", "recycled_at", "never");
            for (int c = 0; c < 5; c++) {
                f.associate("company:a" + i, "contact:c" + r.nextInt(40), r.nextBoolean() ? "Champion" : "Billing");
            }
            f.record("deal:d" + i, "stage", r.nextBoolean() ? "won" : "lost", "amount", "huge");
            f.associate("contact:c" + r.nextInt(40), "deal:d" + i);
        }
        f.eventDaysAgo("contact:nobody", "meeting", 3); // a dangling reference: warned either way
        return f;
    }

    private static DataProblems recorder(List<String> into) {
        return new DataProblems() {
            @Override public void badLine(String source, long line, String reason) { into.add(source + ": " + reason); }
            @Override public void warning(String source, long line, String message) { into.add(source + ": " + message); }
        };
    }

    /** The fixture's data with only what the projection names, as a projecting adapter gives it. */
    private static class Honouring implements CrmAdapter {
        private final Fixture f;

        Honouring(Fixture f) {
            this.f = f;
        }

        @Override public String name() { return "projecting"; }
        @Override public Stream<CrmRecord> records() { return f.records.stream(); }
        @Override public Stream<CrmEvent> events() { return f.events.stream(); }
        @Override public Stream<Association> associations() { return f.associations.stream(); }
        @Override public Stream<ListMembership> listMemberships() { return f.memberships.stream(); }

        @Override public Stream<CrmRecord> records(Projection projection) {
            return records().map(projection::apply);
        }

        @Override public Stream<CrmEvent> events(Projection projection) {
            return events().map(projection::apply);
        }
    }
}

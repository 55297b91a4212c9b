package dev.scoreline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Record rules are matched on the record's projection onto just the properties (and lists) each
 * group of rules reads: records that differ only elsewhere share one Drools fact per group.
 */
class ProjectionTest {

    static final String FIT = """
            score "Fit" on contact
              type fit
              include lists "Leads"
              group "Role"
                add 30 if jobtitle contains "chief"
                points for seniority: "senior" 10, "junior" 2
              group "Company"
                add 15 if industry is "Software" and employees >= 50
            """;

    @Test
    void factsFollowTheValuesEachGroupReadsNotTheRecords() {
        Fixture f = new Fixture();
        List<String> titles = List.of("Chief Data Officer", "Engineer", "chief of staff", "Analyst");
        for (int i = 0; i < 200; i++) {
            f.recordInLists("contact:c" + i, i % 5 == 0 ? List.of() : List.of("Leads"),
                    "jobtitle", titles.get(i % 4) + (i < 100 ? "" : " "),     // trailing space: same value
                    "seniority", i % 2 == 0 ? "Senior" : "junior",
                    "industry", i % 3 == 0 ? "Software" : "Retail",
                    "employees", i % 7 == 0 ? 10 : 500,
                    "phone", "+1 555 " + i);                                    // read by no rule
        }
        CompiledScores scores = Fixture.compile(FIT);
        ScoringData data = f.load(scores);
        List<Integer> values = new ArrayList<>();
        // One thread: two threads may both match a projection neither has seen yet (harmless, but counted).
        ScoreEngine oneThread = ScoreEngine.builder().threads(1).chunk(16).build();
        RunSummary summary = oneThread.score(scores, data, Fixture.NOW, r -> values.add(r.value().intValue()));

        // 160 records in scope; every one a distinct whole shape is not needed: the groups read
        // lists (2 memberships), jobtitle (4 titles), seniority (2), industry and employees (2 x 2).
        assertThat(values).hasSize(160);
        assertThat(summary.factsMatched()).isLessThanOrEqualTo(2 + 4 + 2 + 4);
        // And the values are those of each record: c1 is an engineer, junior, retail, 500 employees.
        assertThat(f.value(FIT, "contact:c1")).isEqualByComparingTo("2");
        // c2: "chief of staff", senior, retail -> 30 + 10; c3: analyst, junior, Software with 500 -> 2 + 15.
        assertThat(f.value(FIT, "contact:c2")).isEqualByComparingTo("40");
        assertThat(f.value(FIT, "contact:c3")).isEqualByComparingTo("17");
        // c6: "chief of staff", senior, Software, 500 -> 30 + 10 + 15.
        assertThat(f.value(FIT, "contact:c6")).isEqualByComparingTo("55");
    }
}

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
        RunSummary summary = oneThread.score(data, Fixture.NOW, r -> values.add(r.value().intValue()));

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

    static final String NUMBERS = """
            score "N" on contact
              type fit
              group "G"
                add 10 if employees >= 50
                add 5 if employees is between 200 and 1000
                subtract 3 if employees < 10 or employees is unknown
                add 7 if revenue > 1000000 and region is "EMEA"
                add 1 if code is 42
                add 2 if code > 40
            """;

    /**
     * A property that rules only compare with numbers is projected onto the interval its value
     * lies in, not the value: near-unique numbers make few facts, and every value scores as the
     * rules say, on the numbers compared with, just off them, not numbers, lists and unknown.
     */
    @Test
    void numbersComparedOnlyWithNumbersAreProjectedByInterval() {
        List<Object> employees = java.util.Arrays.asList(9, "9.999", 10, 49, "49.99", 50, "50.0", 199, 200, 1000,
                "1000.0001", 5000, "n/a", "", List.of(5, 300), null, 200.5, -1);
        List<Object> codes = List.of(41, 42, "42.0", 43, "x");
        java.util.Random random = new java.util.Random(7);
        Fixture f = new Fixture();
        java.util.Map<String, Integer> expected = new java.util.HashMap<>();
        for (int i = 0; i < 300; i++) {
            Object emp = employees.get(i % employees.size());
            Object code = codes.get(i % codes.size());
            long revenue = 900_000 + random.nextInt(200_000); // near unique, either side of 1,000,000
            String region = i % 3 == 0 ? "EMEA" : "APAC";
            java.util.List<Object> props = new java.util.ArrayList<>(List.of("revenue", revenue, "region", region, "code", code));
            if (emp != null) {
                props.add("employees");
                props.add(emp);
            }
            f.record("contact:c" + i, props.toArray());
            expected.put("contact:c" + i, expect(emp, revenue, region, code));
        }
        CompiledScores scores = Fixture.compile(NUMBERS);
        ScoringData data = f.load(scores);
        java.util.Map<String, Integer> values = new java.util.HashMap<>();
        ScoreEngine oneThread = ScoreEngine.builder().threads(1).chunk(16).build();
        RunSummary summary = oneThread.score(data, Fixture.NOW,
                r -> values.put(r.record().toString(), r.value().intValue()));
        assertThat(values).isEqualTo(expected);
        // employees: at most 11 intervals and points, texts, unknown, lists; revenue x region: 4;
        // code (read with equality, so by value): 5. Without intervals revenue alone needs ~300.
        assertThat(summary.factsMatched()).isLessThan(40);
    }

    private static int expect(Object employees, long revenue, String region, Object code) {
        List<java.math.BigDecimal> nums = new ArrayList<>();
        boolean unknown = employees == null || "".equals(employees);
        for (Object o : employees instanceof List<?> l ? l : java.util.Arrays.asList(employees)) {
            try {
                nums.add(new java.math.BigDecimal(String.valueOf(o)));
            } catch (NumberFormatException notANumber) {
                // counts as known text
            }
        }
        int points = 0;
        if (nums.stream().anyMatch(n -> n.compareTo(java.math.BigDecimal.valueOf(50)) >= 0)) {
            points += 10;
        }
        if (nums.stream().anyMatch(n -> n.compareTo(java.math.BigDecimal.valueOf(200)) >= 0
                && n.compareTo(java.math.BigDecimal.valueOf(1000)) <= 0)) {
            points += 5;
        }
        if (unknown || nums.stream().anyMatch(n -> n.compareTo(java.math.BigDecimal.TEN) < 0)) {
            points -= 3;
        }
        if (revenue > 1_000_000 && region.equals("EMEA")) {
            points += 7;
        }
        java.math.BigDecimal c = code.equals("x") ? null : new java.math.BigDecimal(String.valueOf(code));
        if (c != null && c.compareTo(java.math.BigDecimal.valueOf(42)) == 0) {
            points += 1;
        }
        if (c != null && c.compareTo(java.math.BigDecimal.valueOf(40)) > 0) {
            points += 2;
        }
        return points;
    }
}

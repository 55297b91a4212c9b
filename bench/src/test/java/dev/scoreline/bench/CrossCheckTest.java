package dev.scoreline.bench;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The most valuable test here: three independent implementations of every scenario (plain Java,
 * SQL, DRL rules; the rollup has no DRL) agree record by record on a small generated data set, and the engine, reading
 * the scenario's {@code .score} file and the data set's jsonl folder (and its csv layout, as DuckDB
 * does too), agrees with them. When they
 * disagree, someone misread the spec (or broke the engine).
 */
class CrossCheckTest {
    @TempDir
    static Path tmp;
    static DataSet data;
    static Instant asOf;
    static DuckDbBaseline duck;

    /** 160 companies of 2 to 300 contacts use up the 1,500 contacts: the last companies have none (an edge every score meets). */
    @BeforeAll
    static void generate() throws Exception {
        DataGenerator g = new DataGenerator(DataGenerator.Config.of(1500, 160, 15, 11).withCompanySizes(2, 300));
        g.write(tmp);
        data = new DataSetReader().read(tmp);
        CsvFolder.writeOnce(tmp);
        asOf = g.config().asOf();
        Links toContact = data.links("company", "contact");
        assertThat(toContact.start[toContact.start.length - 1] - toContact.start[toContact.start.length - 2])
                .as("the last company has no contact").isZero();
        duck = new DuckDbBaseline(2);
    }

    @AfterAll
    static void close() throws Exception {
        duck.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"lead", "fit", "health", "rollup"})
    void baselinesAgree(String name) throws Exception {
        Scenario sc = Scenario.byName(name);
        ScoredSummary hand = new HandWrittenEvaluator(1).score(sc, data, asOf);
        duck.load(sc, data, asOf);
        ScoredSummary sql = duck.score(sc, data, asOf);
        assertAgree(sc, "duckdb", hand, sql);
        try (NaiveDroolsBaseline drools = new NaiveDroolsBaseline(2)) {
            if (drools.supports(sc)) {
                drools.load(sc, data, asOf);
                assertAgree(sc, "naive drools", hand, drools.score(sc, data, asOf));
            }
        }
        try (EngineContender engine = new EngineContender(2)) {
            engine.load(sc, data, asOf);
            assertAgree(sc, "the engine", hand, engine.score(sc, data, asOf));
        }
        // The same data in the csv layout, through the csv adapter and DuckDB's read_csv.
        try (EngineContender engine = new EngineContender(2, true); DuckDbBaseline csvSql = new DuckDbBaseline(2, true)) {
            engine.load(sc, data, asOf);
            assertAgree(sc, "the engine on csv", hand, engine.score(sc, data, asOf));
            csvSql.load(sc, data, asOf);
            assertAgree(sc, "duckdb on csv", hand, csvSql.score(sc, data, asOf));
        }
        for (ScoredSummary.Values v : hand.scores().values()) {
            assertThat(v.scored()).as(v.spec.name()).isPositive();
            assertThat(distinctStatuses(v)).as(v.spec.name() + " uses several statuses").isGreaterThan(1);
        }
    }

    static long distinctStatuses(ScoredSummary.Values v) {
        return java.util.Arrays.stream(v.status).filter(java.util.Objects::nonNull).distinct().count();
    }

    static void assertAgree(Scenario sc, String who, ScoredSummary hand, ScoredSummary other) {
        ScoredSummary.Comparison c = hand.compare(other);
        assertThat(c.examples()).as(sc.name + ": hand-written vs " + who).isEmpty();
        assertThat(c.agrees()).isTrue();
        assertThat(other.sum()).isCloseTo(hand.sum(), org.assertj.core.data.Offset.offset(0.01 * hand.scored()));
        Map<String, Map<String, Double>> sample = hand.sample(3);
        assertThat(sample).isNotEmpty();
    }
}

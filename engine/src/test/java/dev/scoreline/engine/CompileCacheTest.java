package dev.scoreline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.api.DataProblems;
import dev.scoreline.dsl.ScoreParser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's compile cache keeps the recently compiled rule bases, never more than its bound. */
class CompileCacheTest {

    private static final int BOUND = ScoreEngine.COMPILE_CACHE_SIZE;

    /** A definition set of its own for each {@code points}: one rule adding that many points per visit. */
    private static CompiledScores compile(ScoreEngine engine, int points) {
        String text = "score \"S\" on contact\n  type engagement\n  group \"G\"\n    add " + points + " for each visit\n";
        return engine.compile(ScoreParser.parse("cache.score", text).definitions());
    }

    /** The value of contact:a, who has two visits. */
    private static BigDecimal valueOf(ScoreEngine engine, CompiledScores scores) {
        Fixture f = new Fixture().record("contact:a").eventDaysAgo("contact:a", "visit", 1).eventDaysAgo("contact:a", "visit", 2);
        ScoringData data = engine.load(scores, f.adapter(), DataProblems.IGNORE);
        List<BigDecimal> values = new ArrayList<>();
        engine.score(data, Fixture.NOW, r -> values.add(r.value()));
        assertThat(values).hasSize(1);
        return values.get(0);
    }

    @Test
    void compilingMoreDefinitionSetsThanTheBoundKeepsTheBoundAndEachStillScoresRight() {
        ScoreEngine engine = ScoreEngine.builder().threads(1).build();
        List<CompiledScores> compiled = new ArrayList<>();
        for (int points = 1; points <= BOUND + 5; points++) {
            compiled.add(compile(engine, points));
            assertThat(engine.compiledKept()).isLessThanOrEqualTo(BOUND);
        }
        assertThat(engine.compiledKept()).isEqualTo(BOUND);
        for (int points = 1; points <= BOUND + 5; points++) {
            // Evicted or not, compiled scores and the data loaded for them keep scoring.
            assertThat(valueOf(engine, compiled.get(points - 1))).isEqualByComparingTo(BigDecimal.valueOf(2L * points));
        }
        CompiledScores again = compile(engine, 1);
        assertThat(again).as("the first set was dropped, so it is built again").isNotSameAs(compiled.get(0));
        assertThat(valueOf(engine, again)).isEqualByComparingTo("2");
        assertThat(engine.compiledKept()).isEqualTo(BOUND);
    }

    @Test
    void theLeastRecentlyUsedSetIsTheOneDropped() {
        ScoreEngine engine = ScoreEngine.builder().threads(1).build();
        List<CompiledScores> compiled = new ArrayList<>();
        for (int points = 1; points <= BOUND; points++) {
            compiled.add(compile(engine, points));
        }
        assertThat(compile(engine, 1)).as("still held: the same rule base").isSameAs(compiled.get(0));
        compile(engine, BOUND + 1); // one too many: the least recently used, set 2, goes
        assertThat(compile(engine, 1)).isSameAs(compiled.get(0));
        assertThat(compile(engine, BOUND)).isSameAs(compiled.get(BOUND - 1));
        assertThat(compile(engine, 2)).isNotSameAs(compiled.get(1));
    }
}

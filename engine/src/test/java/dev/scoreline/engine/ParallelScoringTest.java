package dev.scoreline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.api.DataProblems;
import dev.scoreline.api.ScoreResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Scoring threads share the loaded data, whose values parse as numbers and instants when first
 * read: many threads over one-record chunks give what one thread gives, run after run. (A flag
 * set before the instant it guarded once let a second thread read "no instant", so a {@code since}
 * bound was skipped now and then; CI caught it one run in many.)
 */
class ParallelScoringTest {

    @Test
    void manyThreadsScoreAsOneDoes() {
        ScoreEngine one = ScoreEngine.builder().threads(1).build();
        ScoreEngine many = ScoreEngine.builder().threads(6).chunk(1).build();
        CompiledScores scores = Fixture.compile(ReadWhatScoresReadTest.SCORES);
        for (long seed = 1; seed <= 5; seed++) {
            Fixture f = ReadWhatScoresReadTest.randomData(new Random(seed));
            List<ScoreResult> expected = results(one, scores, f);
            for (int run = 0; run < 60; run++) {
                assertThat(results(many, scores, f)).as("seed %d, run %d", seed, run).isEqualTo(expected);
            }
        }
    }

    private static List<ScoreResult> results(ScoreEngine engine, CompiledScores scores, Fixture f) {
        List<ScoreResult> out = new ArrayList<>();
        engine.score(engine.load(scores, f.adapter(), DataProblems.IGNORE), Fixture.NOW, out::add);
        return out;
    }
}

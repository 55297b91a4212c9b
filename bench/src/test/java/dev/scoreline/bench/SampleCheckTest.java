package dev.scoreline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.api.DataProblems;
import dev.scoreline.dsl.ScoreParser;
import dev.scoreline.engine.ScoreEngine;
import dev.scoreline.plugins.jsonl.JsonlAdapter;
import dev.scoreline.plugins.jsonl.JsonlSink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check of the 10M-contact run, on a small one: the engine's result lines for the lead
 * scenario agree with the hand-written scores on a sample of its contacts, and one changed value
 * in the lines is found.
 */
class SampleCheckTest {

    @Test
    void theEnginesLinesAgreeOnASampleAndOneChangedValueIsFound(@TempDir Path tmp) throws Exception {
        DataGenerator.Config config = DataGenerator.Config.of(2000, 200, 10, 5);
        Path data = tmp.resolve("data");
        new DataGenerator(config).write(data);
        Path results = tmp.resolve("results.jsonl");
        ScoreEngine engine = ScoreEngine.builder().threads(2).build();
        var scores = engine.compile(ScoreParser.parse("lead.score", Scenario.LEAD.scoreText()).definitions());
        var loaded = engine.load(scores, new JsonlAdapter(data), DataProblems.IGNORE);
        try (JsonlSink sink = new JsonlSink(results)) {
            sink.open();
            List<dev.scoreline.api.ScoreResult> all = new ArrayList<>();
            engine.score(loaded, config.asOf(), all::add);
            sink.write(all.stream().map(r -> new dev.scoreline.api.ScoreUpdate(r, null, null, config.asOf(), "")).toList());
            sink.flush();
        }

        SampleCheck.Result ok = SampleCheck.check(Scenario.LEAD, data, results, config.asOf(), 10, tmp.resolve("s1"));
        assertThat(ok.contacts()).isBetween(100, 300);
        assertThat(ok.lines()).isEqualTo(3L * ok.contacts());
        assertThat(ok.agrees()).as(ok.comparison().examples().toString()).isTrue();

        List<String> lines = Files.readAllLines(results, StandardCharsets.UTF_8);
        List<String> changed = new ArrayList<>();
        for (String l : lines) {
            changed.add(l.replaceFirst("\"value\":(\\d+)", "\"value\":1$1"));
        }
        Files.write(results, changed, StandardCharsets.UTF_8);
        SampleCheck.Result bad = SampleCheck.check(Scenario.LEAD, data, results, config.asOf(), 10, tmp.resolve("s2"));
        assertThat(bad.agrees()).isFalse();
        assertThat(bad.comparison().valueMismatches()).isPositive();
    }
}

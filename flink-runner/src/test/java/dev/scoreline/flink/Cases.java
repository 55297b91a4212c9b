package dev.scoreline.flink;

import dev.scoreline.api.DataProblems;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.engine.CompiledScores;
import dev.scoreline.engine.ScoreEngine;
import dev.scoreline.engine.ScoringData;
import dev.scoreline.flink.internal.Stages;
import dev.scoreline.plugins.jsonl.JsonlSink;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The scoring conformance cases (the project's one copy, conformance/cases) and their one-JVM results. */
final class Cases {

    private Cases() { }

    static List<Path> all() throws IOException, URISyntaxException {
        try (Stream<Path> s = Files.list(Path.of(Cases.class.getResource("/conformance/cases").toURI()))) {
            return s.filter(d -> Files.exists(d.resolve("expect.jsonl"))).sorted().toList(); // the scoring cases
        }
    }

    static RuleTexts rules(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return RuleTexts.read(s.filter(p -> p.toString().endsWith(".score")).sorted().toList());
        }
    }

    static Instant asOf(Path dir) throws IOException {
        return Instant.parse(Files.readString(dir.resolve("as-of")).trim());
    }

    /** The one-JVM run's results, written by the same sink plugin with the job's cause, as sorted lines. */
    static List<String> oneJvm(RuleTexts rules, Path data, Instant asOf, Path tmp) throws Exception {
        return oneJvm(rules, DataFolder.jsonl(data), asOf, tmp);
    }

    static List<String> oneJvm(RuleTexts rules, DataFolder data, Instant asOf, Path tmp) throws Exception {
        Path file = tmp.resolve("one-jvm.jsonl");
        try (JsonlSink sink = new JsonlSink(file)) {
            sink.open();
            sink.write(oneJvmUpdates(rules, data, asOf));
        }
        return sortedLines(List.of(file));
    }

    /** The one-JVM run's results as the updates the job gives (its cause, no previous value). */
    static List<ScoreUpdate> oneJvmUpdates(RuleTexts rules, DataFolder data, Instant asOf) {
        CompiledScores scores = rules.compile();
        ScoreEngine engine = ScoreEngine.create();
        ScoringData loaded = engine.load(scores, data.open(), DataProblems.IGNORE);
        List<ScoreUpdate> updates = new ArrayList<>();
        engine.score(loaded, asOf, r -> updates.add(new ScoreUpdate(r, null, null, asOf, Stages.Score.CAUSE)));
        return updates;
    }

    /** Every line of the files, sorted: the job's tasks write in no order across files. */
    static List<String> sortedLines(List<Path> files) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path f : files) {
            lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
        }
        lines.sort(null);
        return lines;
    }

    static List<Path> filesIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}

package dev.scoreline.cli;

import dev.scoreline.api.RecordKey;
import dev.scoreline.engine.CompiledScores;
import dev.scoreline.engine.RunSummary;
import dev.scoreline.engine.ScoreEngine;
import dev.scoreline.engine.ScoringData;
import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScorelineException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score every in-scope record of every score in the files; JSON Lines on stdout or --out.")
final class ScoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions options;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the results to FILE instead of stdout.")
    Path out;

    @Option(names = "--strict", description = "Fail (exit 3) on any bad data line, before anything is written.")
    boolean strict;

    @Option(names = "--record", paramLabel = "KEY",
            description = "Print only this record's lines (type:id); the others are scored and not written.")
    String record;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        RecordKey only = record == null ? null : ScoresCommand.recordKey("--record: ", record);
        DataOptions.Loaded loaded = options.load(options.definitions("score", err), err, only, strict);
        ScoreEngine engine = loaded.engine();
        CompiledScores scores = loaded.scores();
        ScoringData data = loaded.data();
        CountingProblems problems = loaded.problems();
        int scoreCount = scores.definitions().size();
        if (strict && problems.badLines() > 0) {
            throw dev.scoreline.runtime.Failures.badData(problems.badLines());
        }
        RunSummary summary;
        if (out == null) {
            Writer w = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
            summary = write(engine, data, options.now(), only, w);
            w.flush();
        } else {
            summary = writeFile(engine, data, only);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // No score reads events: the events were not read, so their lines were not checked either.
        String events = data.eventsSkipped() ? "events not read (no score reads events)" : data.eventsRead() + " events";
        err.printf(Locale.ROOT, "scored %d record%s for %d score%s: read %d records, %s, %d associations; "
                        + "%d out of scope; %d bad line%s skipped; %d data warning%s; took %.2f s%n",
                summary.results(), summary.results() == 1 ? "" : "s", scoreCount,
                scoreCount == 1 ? "" : "s", data.recordsRead(), events, data.associationsRead(),
                summary.recordsOutOfScope(), problems.badLines(), problems.badLines() == 1 ? "" : "s",
                problems.warnings(), problems.warnings() == 1 ? "" : "s", seconds);
        err.flush();
        return Main.OK;
    }

    /** Written beside the target and moved into place: a failed run leaves no half file. */
    private RunSummary writeFile(ScoreEngine engine, ScoringData data, RecordKey only) throws IOException {
        Path tmp;
        try {
            tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".scoreline-", ".tmp");
        } catch (IOException e) {
            throw unwritable(e);
        }
        RunSummary summary;
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            summary = write(engine, data, options.now(), only, w);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw unwritable(e);
        } catch (RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        try {
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw unwritable(e);
        }
        return summary;
    }

    private ScorelineException unwritable(IOException e) {
        return new ScorelineException(ErrorCode.OUTPUT_UNWRITABLE, "--out " + out + " cannot be written: "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                "give --out a file in a folder that exists and can be written", e);
    }

    private static RunSummary write(ScoreEngine engine, ScoringData data,
                                    java.time.Instant now, RecordKey only, Writer w) throws IOException {
        ResultJson json = new ResultJson(w);
        try {
            return engine.score(data, now, r -> {
                try {
                    if (only == null || only.equals(r.record())) {
                        json.write(r);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}

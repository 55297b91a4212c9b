package dev.scoreline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks a large run's results against the hand-written evaluator on a sample of its contacts,
 * for data too large to hold in the bench's in-memory {@link DataSet}: keeps every contact whose
 * id hashes into one of {@code every} buckets, with its events, in a small folder, scores that
 * folder by hand and compares with the run's result lines for the same contacts.
 *
 * <p>Valid for scenarios whose scores read only a contact's own properties and events (lead,
 * fit): a sampled contact's score then does not depend on the records left out.
 *
 * <p>{@code SampleCheck SCENARIO DATA_DIR RESULTS.jsonl AS_OF EVERY SAMPLE_DIR}
 */
public final class SampleCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleCheck() { }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: SampleCheck SCENARIO DATA_DIR RESULTS.jsonl AS_OF EVERY SAMPLE_DIR");
            System.exit(2);
        }
        Result r = check(Scenario.byName(args[0]), Path.of(args[1]), Path.of(args[2]), DataSetReader.parse(args[3]),
                Integer.parseInt(args[4]), Path.of(args[5]));
        System.out.printf("sampled %d contacts of 1 in %d buckets, %d events, in %.1f s%n",
                r.contacts(), Integer.parseInt(args[4]), r.events(), r.sampleSeconds());
        System.out.printf("%d result lines of sampled contacts; hand-written scored %d; %s (max difference %.4f)%n",
                r.lines(), r.byHand(), r.agrees() ? "agree record by record" : "DISAGREE", r.comparison().maxAbsDiff());
        r.comparison().examples().forEach(e -> System.out.println("  " + e));
        System.exit(r.agrees() ? 0 : 1);
    }

    /** What a check found: the sample's size, the run's lines for it, and how they compare with the hand-written scores. */
    public record Result(int contacts, long events, double sampleSeconds, long lines, long byHand,
                         ScoredSummary.Comparison comparison) {
        /** Every sampled result agrees, and the run gave exactly the results the hand-written scoring did. */
        public boolean agrees() {
            return comparison.agrees() && lines == byHand;
        }
    }

    /** Samples 1 in {@code every} contacts of {@code data} into {@code sampleDir} and checks {@code results} on them. */
    public static Result check(Scenario scenario, Path data, Path results, Instant asOf, int every, Path sampleDir)
            throws Exception {
        if (!scenario.objectType.equals("contact")) {
            throw new IllegalArgumentException("a contact scenario is needed");
        }
        long t0 = System.nanoTime();
        Files.createDirectories(sampleDir);
        Set<String> sampled = sampleRecords(data.resolve("records.jsonl"), sampleDir.resolve("records.jsonl"), every);
        long events = sampleEvents(data.resolve("events.jsonl"), sampleDir.resolve("events.jsonl"), sampled);
        double sampleSeconds = (System.nanoTime() - t0) / 1e9;
        DataSet sample = new DataSetReader().read(sampleDir);
        ScoredSummary byHand = new HandWrittenEvaluator(2).score(scenario, sample, asOf);
        ScoredSummary engine = new ScoredSummary(scenario, sample);
        long lines = readResults(results, sampled, engine);
        return new Result(sampled.size(), events, sampleSeconds, lines, byHand.scored(), byHand.compare(engine));
    }

    private static boolean inSample(String id, int every) {
        return Math.floorMod(id.hashCode() * 0x9E3779B1, every) == 0;
    }

    private static Set<String> sampleRecords(Path in, Path out, int every) throws IOException {
        Set<String> keys = new HashSet<>();
        try (BufferedReader r = Files.newBufferedReader(in, StandardCharsets.UTF_8);
             BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.startsWith("{\"type\":\"contact\"")) continue;
                JsonNode n = JSON.readTree(line);
                String id = n.path("id").asText();
                if (!inSample(id, every)) continue;
                keys.add("contact:" + id);
                w.write(line);
                w.newLine();
            }
        }
        return keys;
    }

    /** Events are matched on their {@code "record":"…"} field, found by text: the file is read, not parsed. */
    private static long sampleEvents(Path in, Path out, Set<String> keys) throws IOException {
        long n = 0;
        String marker = "\"record\":\"";
        try (BufferedReader r = Files.newBufferedReader(in, StandardCharsets.UTF_8);
             BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                int at = line.indexOf(marker);
                if (at < 0) continue;
                int from = at + marker.length(), to = line.indexOf('"', from);
                if (to < 0 || !keys.contains(line.substring(from, to))) continue;
                w.write(line);
                w.newLine();
                n++;
            }
        }
        return n;
    }

    private static long readResults(Path in, Set<String> keys, ScoredSummary into) throws IOException {
        long n = 0;
        try (BufferedReader r = Files.newBufferedReader(in, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                JsonNode res = JSON.readTree(line);
                String record = res.path("record").asText();
                if (!keys.contains(record)) continue;
                String score = res.path("score").asText();
                ScoreSpec spec = into.scenario.score(score);
                double[] groups = new double[spec.groups().size()];
                for (int g = 0; g < groups.length; g++) {
                    JsonNode v = res.path("groups").get(spec.groups().get(g).name());
                    groups[g] = v == null ? Double.NaN : v.asDouble();
                }
                JsonNode status = res.get("status");
                into.putById(record.substring(record.indexOf(':') + 1), score, res.path("value").asDouble(),
                        status == null || status.isNull() ? null : status.asText(), groups);
                n++;
            }
        }
        return n;
    }
}

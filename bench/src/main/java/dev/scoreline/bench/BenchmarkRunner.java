package dev.scoreline.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One command: generates (or reuses) a seeded data set, then runs every scenario with every
 * contender — load once, warm-up passes, then measured passes — and prints records/s, events/s,
 * peak heap, the speed ratio of every contender to every baseline, and a record-by-record
 * cross-check of every contender against the first one. Writes the same as markdown.
 *
 * <p>Each scenario runs in a JVM of its own (the same java, flags and class path), its contenders
 * side by side in it: the engine's code is shared by all scenarios, and in one JVM the JIT's
 * profile of one scenario shapes the code the next one runs (JMH forks per benchmark for the same
 * reason). {@code --one-jvm} runs everything in this JVM.
 *
 * <pre>
 * BenchmarkRunner [--size small|medium|large] [--contacts N --companies N --events-per-contact N]
 *                 [--seed S] [--scenarios lead,fit,health,rollup,updates,compile,job,store-write] [--contenders hand-written-2t,duckdb-1t,…]
 *                 [--updates N] [--passes N] [--warmups N] [--warmup-seconds S] [--data DIR] [--out FILE.md]
 *                 [--one-jvm]
 * </pre>
 */
public final class BenchmarkRunner {

    /** Every contender the runner knows, by name; the engine only once it exists. */
    static Map<String, java.util.function.Supplier<Contender>> registry() {
        Map<String, java.util.function.Supplier<Contender>> m = new LinkedHashMap<>();
        int cores = Runtime.getRuntime().availableProcessors();
        if (EngineContender.AVAILABLE) m.put("engine-" + cores + "t", () -> new EngineContender(cores));
        if (EngineContender.AVAILABLE) m.put("engine-csv-" + cores + "t", () -> new EngineContender(cores, true));
        m.put("hand-written-" + cores + "t", () -> new HandWrittenEvaluator(cores));
        if (cores != 1) m.put("hand-written-1t", () -> new HandWrittenEvaluator(1));
        m.put("duckdb-1t", () -> new DuckDbBaseline(1));
        if (cores != 1) m.put("duckdb-" + cores + "t", () -> new DuckDbBaseline(cores));
        m.put("duckdb-csv-1t", () -> new DuckDbBaseline(1, true));
        if (cores != 1) m.put("duckdb-csv-" + cores + "t", () -> new DuckDbBaseline(cores, true));
        m.put("naive-drools-" + cores + "t", () -> new NaiveDroolsBaseline(cores));
        return m;
    }

    record Result(String contender, double loadS, double[] scoreS, long peakHeapBytes, long liveHeapBytes, ScoredSummary summary, String error,
                  long bytesRead) {
        /** Load and scoring together, for a contender that loads from files; NaN otherwise. */
        double endToEndS() {
            return bytesRead > 0 ? loadS + medianS() : Double.NaN;
        }

        double medianS() {
            double[] s = scoreS.clone();
            Arrays.sort(s);
            return s.length == 0 ? Double.NaN : s[s.length / 2];
        }
    }

    public static void main(String[] args) throws Exception {
        String size = "small";
        Integer contacts = null, companies = null;
        Double events = null;
        long seed = 42;
        List<String> scenarios = List.of("lead", "fit", "health", "rollup", "updates", "compile");
        int updates = 20_000;
        int storeRows = 200_000;
        List<String> contenders = null;
        int passes = 3, warmups = 2;
        double warmupSeconds = 0;
        Path dataDir = null, out = null;
        boolean oneJvm = false;
        for (int i = 0; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--size" -> { size = v; i++; }
                case "--contacts" -> { contacts = Integer.parseInt(v); i++; }
                case "--companies" -> { companies = Integer.parseInt(v); i++; }
                case "--events-per-contact" -> { events = Double.parseDouble(v); i++; }
                case "--seed" -> { seed = Long.parseLong(v); i++; }
                case "--scenarios" -> { scenarios = List.of(v.split(",")); i++; }
                case "--contenders" -> { contenders = List.of(v.split(",")); i++; }
                case "--updates" -> { updates = Integer.parseInt(v); i++; }
                case "--store-rows" -> { storeRows = Integer.parseInt(v); i++; }
                case "--passes" -> { passes = Integer.parseInt(v); i++; }
                case "--warmups" -> { warmups = Integer.parseInt(v); i++; }
                case "--warmup-seconds" -> { warmupSeconds = Double.parseDouble(v); i++; }
                case "--data" -> { dataDir = Path.of(v); i++; }
                case "--out" -> { out = Path.of(v); i++; }
                case "--one-jvm" -> oneJvm = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        int[] preset = switch (size) {
            case "small" -> new int[]{10_000, 2_000, 30};
            case "medium" -> new int[]{100_000, 20_000, 30};
            case "large" -> new int[]{1_000_000, 200_000, 30};
            default -> throw new IllegalArgumentException("--size small|medium|large");
        };
        int nContacts = contacts != null ? contacts : preset[0];
        int nCompanies = companies != null ? companies : (contacts != null ? Math.max(1, nContacts / 5) : preset[1]);
        double nEvents = events != null ? events : preset[2];
        DataGenerator.Config config = DataGenerator.Config.of(nContacts, nCompanies, nEvents, seed);
        if (dataDir == null) {
            dataDir = Path.of("bench", "target", "bench-data",
                    String.format(Locale.ROOT, "c%d-co%d-e%s-s%d", nContacts, nCompanies, fmt(nEvents), seed));
            if (!Files.isDirectory(Path.of("bench"))) dataDir = Path.of("target").resolve(dataDir.subpath(2, dataDir.getNameCount()));
        }
        if (out == null) out = dataDir.getParent().getParent().resolve("bench-results.md");

        Map<String, java.util.function.Supplier<Contender>> registry = registry();
        // The csv contenders are asked for by name, in a run of their own (docs/performance.md): behind the
        // jsonl engine in one JVM, the csv engine would load with the JIT already warm.
        if (contenders == null) contenders = registry.keySet().stream().filter(c -> !c.contains("-csv-")).toList();
        for (String c : contenders) if (!registry.containsKey(c)) throw new IllegalArgumentException("unknown contender " + c + "; known: " + registry.keySet());

        StringBuilder md = new StringBuilder();
        DataGenerator gen = new DataGenerator(config);
        long t0 = System.nanoTime();
        if (gen.writeOnce(dataDir)) {
            System.err.println("wrote data to " + dataDir);
        }
        if (contenders.stream().anyMatch(c -> c.contains("-csv-")) && CsvFolder.writeOnce(dataDir)) {
            System.err.println("wrote its csv layout to " + CsvFolder.of(dataDir));
        }
        double writeS = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        DataSet data = gen.generate();
        data.folder(dataDir);
        double genS = (System.nanoTime() - t0) / 1e9;
        System.gc();
        long resident = heapUsed();
        Instant asOf = config.asOf();
        line(md, "# Scoreline benchmark");
        line(md, "");
        line(md, String.format(Locale.ROOT, "- data: %s (seed %d, as of %s), folder %s (%.1f s to write, %.1f s to build in memory)",
                data, seed, asOf, dataDir, writeS, genS));
        line(md, String.format(Locale.ROOT, "- JVM: Java %s, %d cores, max heap %d MB, GC %s; heap in use with the in-memory data set: %d MB",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, gcNames(), resident >> 20));
        line(md, String.format(Locale.ROOT, "- passes: %d warm-up%s + %d measured; scoring time = median of measured passes; load once per scenario",
                warmups, warmupSeconds > 0 ? String.format(Locale.ROOT, " and at least %.0f s of warm-up", warmupSeconds) : "", passes));
        line(md, !oneJvm && scenarios.size() > 1
                ? "- each scenario in a JVM of its own (same java, flags and class path), its contenders side by side in it, one after the other"
                : "- every scenario in this one JVM, one after the other");
        line(md, "- live heap: the largest heap in use after a garbage collection from the contender's load to after its last pass (a collection is forced then);"
                + " peak used: the heap pools' peaks, garbage included. Both include the resident in-memory data set (above); DuckDB's own memory is native, outside the heap");
        line(md, "");
        System.out.print(md);

        for (String scName : scenarios) {
            if (!oneJvm && scenarios.size() > 1) {
                String t = forked(args, scName);
                System.out.print(t);
                md.append(t);
                continue;
            }
            if (scName.equals("compile")) {
                String t = CompileBenchmark.run();
                System.out.print(t);
                md.append(t);
                continue;
            }
            if (scName.equals("job")) {
                String t = JobBenchmark.run(data, asOf, Runtime.getRuntime().availableProcessors());
                System.out.print(t);
                md.append(t);
                continue;
            }
            if (scName.equals("store-write")) {
                String t = StoreWriteBenchmark.run(storeRows);
                System.out.print(t);
                md.append(t);
                continue;
            }
            if (scName.equals("updates")) {
                for (Scenario sc : List.of(Scenario.LEAD, Scenario.HEALTH)) {
                    System.err.printf(Locale.ROOT, "updates / %s …%n", sc.name);
                    String t = UpdateBenchmark.run(sc, data, asOf, updates, Runtime.getRuntime().availableProcessors());
                    System.out.print(t);
                    md.append(t);
                }
                continue;
            }
            Scenario sc = Scenario.byName(scName);
            int records = sc.records(data);
            String types = String.join(" and ", sc.scores.stream().map(ScoreSpec::objectType).distinct().toList());
            long eventsRead = sc.readsEvents ? data.table("contact").eventCount() : 0;
            List<Result> results = new ArrayList<>();
            List<String> unsupported = new ArrayList<>();
            for (String cname : contenders) {
                Contender c = registry.get(cname).get();
                if (c.supports(sc)) results.add(run(c, sc, data, asOf, warmups, warmupSeconds, passes));
                else unsupported.add(cname);
            }
            StringBuilder t = new StringBuilder();
            line(t, "## Scenario `" + sc.name + "`: " + sc.description);
            line(t, "");
            line(t, String.format(Locale.ROOT, "%d records of type %s scored by %d score(s); %d events read%s", records, types,
                    sc.scores.size(), eventsRead, unsupported.isEmpty() ? "" : "; not written for this scenario: " + String.join(", ", unsupported)));
            line(t, "");
            StringBuilder head = new StringBuilder("| contender | load s | score s (median) | load + score s | input MB/s (load) | records/s | events/s | live heap MB | peak used MB |");
            StringBuilder sep = new StringBuilder("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            for (Result b : results) { head.append(" vs ").append(b.contender).append(" |"); sep.append("---:|"); }
            boolean duckDb = results.stream().anyMatch(r -> r.contender.startsWith("duckdb") && r.error == null);
            if (duckDb) { head.append(" load + score vs the better DuckDB on the same files |"); sep.append("---:|"); }
            head.append(" sum of values | agrees with ").append(results.get(0).contender).append(" |");
            sep.append("---:|---|");
            line(t, head.toString());
            line(t, sep.toString());
            Result ref = results.get(0);
            for (Result r : results) {
                StringBuilder row = new StringBuilder("| " + r.contender + " | ");
                if (r.error != null) {
                    row.append("failed: ").append(r.error.replace('|', '/')).append(" |");
                    line(t, row.toString());
                    continue;
                }
                double s = r.medianS();
                boolean fromFiles = r.bytesRead > 0;
                row.append(String.format(Locale.ROOT, "%.2f | %.3f | %s | %s | %s | %s | %d | %d |", r.loadS, s,
                        fromFiles ? String.format(Locale.ROOT, "%.2f", r.endToEndS()) : "-",
                        fromFiles ? String.format(Locale.ROOT, "%.0f", r.bytesRead / 1e6 / r.loadS) : "-",
                        rate(records / s), eventsRead == 0 ? "-" : rate(eventsRead / s), r.liveHeapBytes >> 20, r.peakHeapBytes >> 20));
                for (Result b : results) {
                    row.append(b.error != null ? " - |" : String.format(Locale.ROOT, " %.2f× |", b.medianS() / s));
                }
                if (duckDb) {
                    Result best = bestDuckDb(results, r.contender.contains("-csv-"));
                    row.append(fromFiles && best != null ? String.format(Locale.ROOT, " %.2f× (%s) |",
                            best.endToEndS() / r.endToEndS(), best.contender) : " - |");
                }
                String agree;
                if (r == ref || ref.error != null) agree = r == ref ? "(reference)" : "-";
                else {
                    ScoredSummary.Comparison c = ref.summary.compare(r.summary);
                    agree = c.agrees() ? String.format(Locale.ROOT, "yes (max abs diff %.3f)", c.maxAbsDiff())
                            : String.format(Locale.ROOT, "NO: %d values, %d statuses, %d groups, %d scope differ (max abs diff %.3f); e.g. %s",
                            c.valueMismatches(), c.statusMismatches(), c.groupMismatches(), c.scopeMismatches(), c.maxAbsDiff(),
                            c.examples().isEmpty() ? "" : c.examples().get(0));
                }
                row.append(String.format(Locale.ROOT, " %.2f | %s |", r.summary.sum(), agree));
                line(t, row.toString());
            }
            line(t, "");
            line(t, "Ratios: how many times faster the row is than the column (column's scoring time / row's scoring time);"
                    + " the last column compares load + score from the data folder (the contenders that load from files)."
                    + " Input MB/s: the bytes of the files the contender's load reads, over its load time.");
            line(t, "");
            System.out.print(t);
            md.append(t);
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
        System.out.println("written to " + out);
    }

    /**
     * Runs one scenario in a JVM of its own, with this one's java, flags and class path and the
     * same options, and returns its results: its markdown without the header lines that the data
     * and the JVM already gave here.
     */
    private static String forked(String[] args, String scenario) throws IOException, InterruptedException {
        Path part = Files.createTempFile("bench-" + scenario + "-", ".md");
        try {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(BenchmarkRunner.class.getName());
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--scenarios") || args[i].equals("--out")) {
                    i++; // replaced below
                } else {
                    cmd.add(args[i]);
                }
            }
            cmd.addAll(List.of("--scenarios", scenario, "--out", part.toString()));
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            int exit = p.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("scenario " + scenario + " failed in its JVM (exit " + exit + ")");
            }
            String text = Files.readString(part, StandardCharsets.UTF_8);
            int body = text.indexOf("\n## ");
            return body < 0 ? "" : text.substring(body + 1);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /**
     * Loads, warms up — at least {@code warmups} passes and at least {@code warmupSeconds} of them:
     * on two cores the JIT's compiler threads share the CPU with the first passes for seconds,
     * longer for large code such as the engine's and Drools' — then measures.
     */
    private static Result run(Contender c, Scenario sc, DataSet data, Instant asOf, int warmups, double warmupSeconds,
                              int passes) {
        String name = c.name();
        System.err.printf(Locale.ROOT, "%s / %s …%n", sc.name, name);
        System.gc();
        try (c; dev.scoreline.bench.internal.HeapWatch heap = new dev.scoreline.bench.internal.HeapWatch()) {
            long t0 = System.nanoTime();
            c.load(sc, data, asOf);
            double load = (System.nanoTime() - t0) / 1e9;
            ScoredSummary last = null;
            long warmStart = System.nanoTime();
            for (int w = 0; w < warmups || (System.nanoTime() - warmStart) / 1e9 < warmupSeconds; w++) {
                last = c.score(sc, data, asOf);
            }
            double[] times = new double[passes];
            for (int p = 0; p < passes; p++) {
                last = null;
                t0 = System.nanoTime();
                last = c.score(sc, data, asOf);
                times[p] = (System.nanoTime() - t0) / 1e9;
            }
            long peak = heap.peakUsed();
            long live = heap.maxLiveAfterGc();
            return new Result(name, load, times, peak, live, last, null, bytesRead(c.filesRead(sc, data.folder().orElseThrow())));
        } catch (Throwable e) {
            e.printStackTrace();
            return new Result(name, Double.NaN, new double[0], 0, 0, null, e.toString(), 0);
        }
    }

    /** The DuckDB contender with the shortest load + score on the jsonl folder, or on the csv one. */
    private static Result bestDuckDb(List<Result> results, boolean csv) {
        return results.stream().filter(r -> r.contender.startsWith("duckdb") && r.error == null
                        && r.contender.contains("-csv-") == csv)
                .min(java.util.Comparator.comparingDouble(Result::endToEndS)).orElse(null);
    }

    private static long bytesRead(List<Path> files) throws IOException {
        long n = 0;
        for (Path p : files) {
            if (Files.exists(p)) n += Files.size(p);
        }
        return n;
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String gcNames() {
        List<String> n = new ArrayList<>();
        ManagementFactory.getGarbageCollectorMXBeans().forEach(g -> n.add(g.getName()));
        return String.join("+", n);
    }

    private static String rate(double perS) {
        if (perS >= 1e6) return String.format(Locale.ROOT, "%.2fM", perS / 1e6);
        if (perS >= 1e3) return String.format(Locale.ROOT, "%.1fk", perS / 1e3);
        return String.format(Locale.ROOT, "%.0f", perS);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static void line(StringBuilder sb, String s) {
        sb.append(s).append('\n');
    }

}

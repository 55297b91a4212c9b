package dev.scoreline.flink;

import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScorelineException;
import dev.scoreline.flink.internal.Bundle;
import dev.scoreline.flink.internal.Gathered;
import dev.scoreline.flink.internal.SinkWriterAdapter;
import dev.scoreline.flink.internal.Stages;
import dev.scoreline.flink.internal.StreamReader;
import dev.scoreline.flink.internal.UpdateType;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A retroactive run on Flink: every record of a data folder scored at one NOW, results to a sink.
 * The adapter's four streams are read by one task each; a first keyed stage gathers each record's
 * facts and sends its summary to the associated records whose scores read it; for scores that read,
 * through an association, scores that read associations, a hop stage per further association
 * passes on summaries carrying those scores; the last keyed stage scores each record with its
 * task's {@link dev.scoreline.engine.RecordScorer}. The scores are the
 * one-JVM run's, record by record.
 *
 * <pre>
 * flink run -c dev.scoreline.flink.BatchScoringJob scoreline-flink-runner.jar \
 *     --rules lead.score --format jsonl --data /shared/crm --as-of 2026-03-01T00:00:00Z --out /shared/scores
 * </pre>
 */
public final class BatchScoringJob {

    private static final String USAGE = "use --rules FILES --format jsonl|csv --data DIR --as-of INSTANT --out DIR"
            + " [--out-format jsonl|csv] [--parallelism N]";

    private BatchScoringJob() { }

    /** Adds the job to {@code env}, in batch mode. */
    public static void build(StreamExecutionEnvironment env, RuleTexts rules, DataFolder data, Instant asOf,
                             SinkTarget sink) {
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        // Rule errors are refused on the client, before the cluster sees the job.
        int hopStages = dev.scoreline.engine.RecordScorer.create(rules.compile(), dev.scoreline.api.DataProblems.IGNORE)
                .hopStages();
        Stages.Rules compiled = rules::compile;
        DataStream<Gathered> gathered = env.fromData(List.of(StreamReader.RECORDS, StreamReader.LISTS,
                        StreamReader.EVENTS, StreamReader.ASSOCIATIONS), Types.STRING)
                .setParallelism(1)
                .rebalance()
                .flatMap(new StreamReader(data::open)).returns(Bundle.TYPE).name("read " + data.format() + " " + data.dir())
                .keyBy(b -> b.key().toString(), Types.STRING)
                .reduce(Bundle::merge).returns(Bundle.TYPE).name("gather each record's facts")
                .flatMap(new Stages.Neighbours(compiled)).returns(Gathered.TYPE).name("send summaries to neighbours")
                .keyBy(g -> g.key().toString(), Types.STRING)
                .reduce(Gathered::merge).returns(Gathered.TYPE).name("gather each record's neighbours");
        // One more keyed stage per association hop past the first: a summary then carries the
        // scores its record's own neighbours gave it (a company's account score, for its contacts).
        for (int hop = 2; hop <= hopStages + 1; hop++) {
            gathered = gathered
                    .flatMap(new Stages.Hop(compiled, asOf)).returns(Gathered.TYPE)
                    .name("send summaries with scores to neighbours (hop " + hop + ")")
                    .keyBy(g -> g.key().toString(), Types.STRING)
                    .reduce(Gathered::merge).returns(Gathered.TYPE).name("gather each record's neighbours (hop " + hop + ")");
        }
        gathered.flatMap(new Stages.Score(compiled, asOf)).returns(UpdateType.TYPE).name("score at " + asOf)
                .sinkTo(new SinkWriterAdapter(sink)).name("sink");
    }

    /** The configuration the job runs with: generic types off, so every type has its explicit serializer. */
    public static Configuration configuration() {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        return conf;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        List<Path> ruleFiles = new ArrayList<>();
        for (String f : required(options, "rules").split(",")) {
            ruleFiles.add(Path.of(f.trim()));
        }
        DataFolder data = new DataFolder(options.getOrDefault("format", "jsonl"), required(options, "data"));
        Instant asOf;
        try {
            asOf = options.containsKey("as-of") ? Instant.parse(options.get("as-of")) : Instant.now();
        } catch (DateTimeParseException e) {
            throw new ScorelineException(ErrorCode.BAD_ARGUMENT, "--as-of \"" + options.get("as-of") + "\" is not an instant",
                    "give an ISO-8601 instant such as 2026-03-01T00:00:00Z", e);
        }
        Path out = Path.of(required(options, "out"));
        SinkTarget sink = options.getOrDefault("out-format", "jsonl").equals("csv")
                ? SinkTarget.csvFolder(out) : SinkTarget.jsonlFolder(out);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration());
        if (options.containsKey("parallelism")) {
            env.setParallelism(Integer.parseInt(options.get("parallelism")));
        }
        build(env, RuleTexts.read(ruleFiles), data, asOf, sink);
        env.execute("scoreline batch run at " + asOf);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new ScorelineException(ErrorCode.BAD_ARGUMENT, "argument \"" + args[i] + "\" is not --name value",
                        USAGE);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new ScorelineException(ErrorCode.BAD_ARGUMENT, "--" + name + " is missing",
                    USAGE);
        }
        return value;
    }
}

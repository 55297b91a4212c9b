package dev.scoreline.flink;

import dev.scoreline.api.DataProblems;
import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.api.ScorelineException;
import dev.scoreline.engine.RecordScorer;
import dev.scoreline.flink.internal.SinkWriterAdapter;
import dev.scoreline.flink.internal.Stages;
import dev.scoreline.flink.internal.UpdateType;
import dev.scoreline.flink.streaming.ChangeFeedSource;
import dev.scoreline.flink.streaming.Delta;
import dev.scoreline.flink.streaming.FeedChange;
import dev.scoreline.flink.streaming.LiveKeyScorer;
import dev.scoreline.flink.streaming.RecordKeeper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Continuous scores on Flink: a data folder's change feed (the lines appended to its files, read
 * by the adapter from the byte offsets in the checkpointed watermark) through two keyed stages —
 * each record's data kept and turned into deltas for itself and its associated records, then each
 * record re-scored when what its scores read changes and when its next-change timer fires — to
 * the sink plugins as updates, as {@code scoreline run --follow} gives them in one JVM.
 *
 * <pre>
 * flink run -c dev.scoreline.flink.StreamingScoringJob scoreline-flink-runner-job.jar \
 *     --rules lead.score --format jsonl --data /shared/crm --out /shared/updates [--poll 10] [--checkpoints 60]
 * </pre>
 */
public final class StreamingScoringJob {

    private StreamingScoringJob() { }

    /**
     * Adds the job to {@code env} (streaming mode). {@code untilCaughtUp}: the job ends once a
     * poll finds nothing new (a catch-up run); otherwise it follows the feed until cancelled.
     */
    public static void build(StreamExecutionEnvironment env, RuleTexts rules, CrmSource data, Duration poll,
                             boolean untilCaughtUp, SinkTarget sink) {
        updates(env, rules, data, poll, untilCaughtUp).sinkTo(new SinkWriterAdapter(sink)).uid("sink").name("sink");
    }

    /**
     * The job's updates before they reach a sink: what {@link #build} writes, for a host that adds
     * steps or a sink of its own (the tests put a failing step there).
     */
    public static DataStream<ScoreUpdate> updates(StreamExecutionEnvironment env, RuleTexts rules, CrmSource data,
                                                  Duration poll, boolean untilCaughtUp) {
        // Refused on the client, before the cluster sees the job: the streaming stages carry
        // neighbours' summaries one association hop, so a score of a score across two hops cannot run here yet.
        if (RecordScorer.create(rules.compile(), DataProblems.IGNORE).hopStages() > 0) {
            throw new ScorelineException(ErrorCode.CONFIG_INVALID,
                    "the streaming job scores within one association hop; these scores read scores two or more hops away",
                    "run them with the batch job (BatchScoringJob) or with scoreline run --follow in one JVM");
        }
        Stages.Rules compiled = rules::compile;
        return env.fromSource(new ChangeFeedSource(data::open, poll, untilCaughtUp), WatermarkStrategy.noWatermarks(),
                        "change feed of " + data.label(), FeedChange.TYPE)
                .setParallelism(1).uid("change-feed")
                .keyBy(c -> c.key().toString(), Types.STRING)
                .process(new RecordKeeper(compiled)).returns(Delta.TYPE).uid("keep-records").name("keep each record's data")
                .keyBy(d -> d.target().toString(), Types.STRING)
                .process(new LiveKeyScorer(compiled)).returns(UpdateType.TYPE).uid("live-scores")
                .name("re-score on change and on time");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        List<Path> ruleFiles = new ArrayList<>();
        for (String f : required(options, "rules").split(",")) {
            ruleFiles.add(Path.of(f.trim()));
        }
        DataFolder data = new DataFolder(options.getOrDefault("format", "jsonl"), required(options, "data"));
        Path out = Path.of(required(options, "out"));
        SinkTarget sink = options.getOrDefault("out-format", "jsonl").equals("csv")
                ? SinkTarget.csvFolder(out) : SinkTarget.jsonlFolder(out);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(BatchScoringJob.configuration());
        if (options.containsKey("parallelism")) {
            env.setParallelism(Integer.parseInt(options.get("parallelism")));
        }
        // The sinks make their updates durable at each checkpoint, and the feed's watermark is checkpointed with them.
        env.enableCheckpointing(seconds(options, "checkpoints", "60").toMillis());
        build(env, RuleTexts.read(ruleFiles), data, seconds(options, "poll", "10"),
                Boolean.parseBoolean(options.getOrDefault("until-caught-up", "false")), sink);
        env.execute("scoreline streaming scores of " + data.dir());
    }

    private static Duration seconds(Map<String, String> options, String name, String otherwise) {
        String text = options.getOrDefault(name, otherwise);
        try {
            long n = Long.parseLong(text.trim());
            if (n > 0) {
                return Duration.ofSeconds(n);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ScorelineException(ErrorCode.BAD_ARGUMENT, "--" + name + " \"" + text + "\" is not a number of seconds",
                "give a whole number of seconds above 0, such as --" + name + " " + otherwise);
    }

    private static final String USAGE = "use --rules FILES --format jsonl|csv --data DIR --out DIR"
            + " [--out-format jsonl|csv] [--parallelism N] [--poll SECONDS] [--checkpoints SECONDS] [--until-caught-up true]";

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new ScorelineException(ErrorCode.BAD_ARGUMENT, "argument \"" + args[i] + "\" is not --name value", USAGE);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new ScorelineException(ErrorCode.BAD_ARGUMENT, "--" + name + " is missing", USAGE);
        }
        return value;
    }
}

package dev.scoreline.flink;

import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.flink.internal.Bundle;
import dev.scoreline.flink.internal.Gathered;
import dev.scoreline.flink.internal.SinkWriterAdapter;
import dev.scoreline.flink.internal.Stages;
import dev.scoreline.flink.internal.StreamReader;
import dev.scoreline.flink.internal.UpdateType;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A retroactive run on Flink: every record of a data folder scored at one NOW, results to a sink.
 * The adapter's four streams are read by one task each (the events, the largest, on a task of their
 * own), each reading only what the scores read; a first keyed stage gathers each record's facts and
 * sends its summary to the associated records whose scores read it, and scores there the records
 * whose scores read no associated record; a second keyed stage scores the others with its task's
 * {@link dev.scoreline.engine.RecordScorer}. The scores are the one-JVM run's, record by record.
 *
 * <pre>
 * flink run -c dev.scoreline.flink.BatchScoringJob scoreline-flink-runner-job.jar /shared/scoreline.yaml [--parallelism 8]
 * </pre>
 * <p>The entry point reads a run config ({@link JobConfig}); {@code scoreline flink run CONFIG}
 * starts it in a JVM of its own.
 */
public final class BatchScoringJob {

    private BatchScoringJob() { }

    /** Adds the job to {@code env}, in batch mode. */
    public static void build(StreamExecutionEnvironment env, RuleTexts rules, CrmSource data, Instant asOf,
                             SinkTarget sink) {
        build(env, rules, data, asOf, List.of(sink));
    }

    /** Adds the job to {@code env}, in batch mode, every result to each of {@code sinks}. */
    public static void build(StreamExecutionEnvironment env, RuleTexts rules, CrmSource data, Instant asOf,
                             List<SinkTarget> sinks) {
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        // Chained operators hand their objects on without a copy: no stage keeps or changes an
        // object it has emitted (each emits new ones; a reduce's result leaves it once, at the end).
        env.getConfig().enableObjectReuse();
        // Rule errors are refused on the client, before the cluster sees the job.
        int hopStages = dev.scoreline.engine.RecordScorer.create(rules.compile(), dev.scoreline.api.DataProblems.IGNORE)
                .hopStages();
        Stages.Rules compiled = rules::compile;
        SingleOutputStreamOperator<Gathered> first = env.fromData(
                        List.of(StreamReader.RECORDS, StreamReader.LISTS, StreamReader.EVENTS, StreamReader.ASSOCIATIONS),
                        Types.STRING)
                .setParallelism(1)
                .partitionCustom(StreamReader::task, s -> s)
                .flatMap(new StreamReader(data::open, compiled)).returns(Bundle.TYPE).name("read " + data.label())
                .keyBy(b -> b.key().toString(), Types.STRING)
                .reduce(Bundle::merge).returns(Bundle.TYPE).name("gather each record's facts")
                .process(new Stages.Neighbours(compiled, asOf)).returns(Gathered.TYPE)
                .name("send summaries to neighbours, score who reads none");
        DataStream<Gathered> gathered = first
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
        DataStream<ScoreUpdate> scored = gathered.flatMap(new Stages.Score(compiled, asOf)).returns(UpdateType.TYPE)
                .name("score at " + asOf)
                .union(first.getSideOutput(Stages.Neighbours.SCORED));
        for (SinkTarget sink : sinks) {
            DataStreamSink<ScoreUpdate> writer = scored.sinkTo(new SinkWriterAdapter(sink)).name(sink.label());
            if (sink.singleWriter()) {
                writer.setParallelism(1);
            }
        }
    }

    /** The configuration the job runs with: generic types off, so every type has its explicit serializer. */
    public static Configuration configuration() {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        return conf;
    }

    public static void main(String[] args) {
        int exit = JobMain.run(args, System.out, System.err);
        if (exit != 0) {
            System.exit(exit);
        }
    }
}

package dev.scoreline.flink;

import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScorelineException;
import dev.scoreline.runtime.Failures;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.client.program.ProgramAbortException;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The batch job's command line, {@code CONFIG [--parallelism N] [--jobmanager HOST:PORT] [--debug]}:
 * reads the run config, runs the job where it is started (a local MiniCluster in a plain JVM, the
 * cluster under {@code flink run}) or on the JobManager named, and ends as the {@code scoreline}
 * command does: one line {@code error[SLnnn]: …} and the exit code of data-and-cli.md, never a
 * stack trace without {@code --debug}.
 */
final class JobMain {

    static final String USAGE = "use CONFIG [--parallelism N] [--jobmanager HOST:PORT] [--debug]";

    private JobMain() { }

    /** Runs the job and returns its exit code; messages go to {@code out} and {@code err}. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        boolean debug = List.of(args).contains("--debug");
        try {
            Options options = Options.parse(args);
            JobConfig cfg = JobConfig.read(options.config());
            cfg.notices().forEach(n -> err.println("scoreline flink run: " + n));
            StreamExecutionEnvironment env = options.environment();
            if (options.parallelism() > 0) {
                env.setParallelism(options.parallelism());
            }
            BatchScoringJob.build(env, cfg.rules(), cfg.data(), cfg.asOf(), cfg.sinks());
            JobExecutionResult result = env.execute("scoreline batch run at " + cfg.asOf());
            List<String> sinks = new ArrayList<>();
            cfg.sinks().forEach(s -> sinks.add(s.label().replaceFirst("^sink ", "")));
            out.printf(Locale.ROOT, "scored %s at %s in %.2f s on %s (parallelism %d); results to %s%n", cfg.data().label(),
                    cfg.asOf(), result.getNetRuntime() / 1000.0, options.where(env), env.getParallelism(),
                    String.join(", ", sinks));
            out.flush();
            return 0;
        } catch (ProgramAbortException e) {
            throw e; // how Flink's client takes the job graph from a packaged program's main: not a failure
        } catch (Throwable t) {
            ScorelineException coded = Failures.of(t);
            err.println(coded.line() + (coded.code() == ErrorCode.INTERNAL_ERROR && !debug
                    ? " (run with --debug for the trace)" : ""));
            if (debug) {
                t.printStackTrace(err);
            }
            err.flush();
            return Failures.exitCode(coded.code());
        }
    }

    /** The command line: the config, and where and how wide the job runs. */
    record Options(Path config, int parallelism, String jobManager) {

        static Options parse(String[] args) {
            Path config = null;
            int parallelism = 0;
            String jobManager = null;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--debug")) {
                    continue;
                }
                if (a.equals("--parallelism") || a.equals("--jobmanager")) {
                    if (i + 1 == args.length) {
                        throw bad(a + " needs a value");
                    }
                    String v = args[++i];
                    if (a.equals("--jobmanager")) {
                        jobManager = v;
                    } else {
                        parallelism = parallelism(v);
                    }
                } else if (a.startsWith("-") || config != null) {
                    throw bad("unexpected argument \"" + a + "\"");
                } else {
                    config = Path.of(a);
                }
            }
            if (config == null) {
                throw bad("no CONFIG given");
            }
            return new Options(config, parallelism, jobManager);
        }

        private static int parallelism(String v) {
            try {
                int n = Integer.parseInt(v);
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw bad("--parallelism takes a whole number of at least 1, not \"" + v + "\"");
        }

        private static ScorelineException bad(String message) {
            return new ScorelineException(ErrorCode.BAD_ARGUMENT, message, USAGE);
        }

        /** Where the job runs: the JobManager named (sending it the job's jar), else where it was started. */
        StreamExecutionEnvironment environment() {
            if (jobManager == null) {
                return StreamExecutionEnvironment.getExecutionEnvironment(BatchScoringJob.configuration());
            }
            int colon = jobManager.lastIndexOf(':');
            int port;
            try {
                port = Integer.parseInt(jobManager.substring(colon + 1));
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                throw bad("--jobmanager takes HOST:PORT (the JobManager's REST address, e.g. flink-jm:8081), not \""
                        + jobManager + "\"");
            }
            return StreamExecutionEnvironment.createRemoteEnvironment(jobManager.substring(0, Math.max(colon, 0)), port,
                    BatchScoringJob.configuration(), jobJar());
        }

        String where(StreamExecutionEnvironment env) {
            return jobManager != null ? "the JobManager " + jobManager
                    : env instanceof LocalStreamEnvironment ? "a local MiniCluster" : "the cluster";
        }

        /** The jar the job's classes come from, which a remote JobManager needs to run them. */
        private static String jobJar() {
            try {
                Path jar = Path.of(JobMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (jar.toString().endsWith(".jar")) {
                    return jar.toString();
                }
            } catch (java.net.URISyntaxException | RuntimeException e) {
                // said below
            }
            throw new ScorelineException(ErrorCode.FLINK_JAR_MISSING, "--jobmanager sends the job's jar to the cluster,"
                    + " and these classes are not in one", "run the job from its jar (scoreline flink run does)");
        }
    }
}

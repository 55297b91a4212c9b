package dev.scoreline.cli;

import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScorelineException;
import dev.scoreline.runtime.RunConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code scoreline flink run CONFIG}: the config's scores as the flink-runner's batch job, in a JVM
 * of its own (Flink stays off this command's class path): the job jar and the Flink jars beside it
 * ({@code flink-lib/}), a local MiniCluster unless {@code --jobmanager} names a cluster. The job's
 * output and exit code are this command's (docs/flink.md).
 */
@Command(name = "flink", mixinStandardHelpOptions = true,
        description = "Score on Apache Flink, with the flink-runner's job (docs/flink.md).",
        subcommands = FlinkCommand.Run.class)
final class FlinkCommand implements Runnable {

    /** The job's main class in the job jar. */
    static final String MAIN_CLASS = "dev.scoreline.flink.BatchScoringJob";

    /** Names the job jar when --jar does not. */
    static final String JAR_VARIABLE = "SCORELINE_FLINK_JAR";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: run");
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Score every record of the config's adapter at one NOW as a Flink batch job and write the "
                    + "config's sinks. Runs on a local MiniCluster in a JVM of its own, or on the JobManager given.")
    static final class Run implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "CONFIG", description = "The run config (the YAML scoreline run reads).")
        Path config;

        @Option(names = "--parallelism", paramLabel = "N",
                description = "Tasks per keyed stage (default: the cores of this machine, or the cluster's default).")
        Integer parallelism;

        @Option(names = "--jobmanager", paramLabel = "HOST:PORT",
                description = "Submit to this JobManager's REST address (e.g. flink-jm:8081) instead of a local MiniCluster.")
        String jobManager;

        @Option(names = "--jar", paramLabel = "FILE", description = "The flink-runner job jar (default: $"
                + JAR_VARIABLE + ", else flink-runner/target/ of this installation), with Flink's jars in flink-lib/ beside it.")
        Path jar;

        @Override
        public Integer call() throws Exception {
            if (parallelism != null && parallelism < 1) {
                throw ScoresCommand.badArgument("--parallelism must be at least 1, got " + parallelism, "give e.g. --parallelism 2");
            }
            Path file = RunConfig.read(config).file(); // a config error is said here, before a JVM starts
            Path job = jobJar(jar, System.getenv(JAR_VARIABLE), Path.of(System.getProperty("scoreline.home", ".")));
            Path lib = flinkLib(job);
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            String javaOpts = System.getenv("SCORELINE_FLINK_JAVA_OPTS");
            if (javaOpts != null && !javaOpts.isBlank()) {
                command.addAll(List.of(javaOpts.trim().split("\\s+")));
            }
            boolean debug = Main.debug(spec.root().commandLine().getParseResult());
            // Flink's own log only with --debug; the job's data warnings (Scoreline's) always, as scoreline run prints them.
            command.addAll(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=" + (debug ? "info" : "error"),
                    "-Dorg.slf4j.simpleLogger.log.dev.scoreline=warn", "-Dorg.slf4j.simpleLogger.showThreadName=false",
                    "-Dorg.slf4j.simpleLogger.showLogName=false", "-cp", job + java.io.File.pathSeparator + lib.resolve("*"),
                    MAIN_CLASS, file.toAbsolutePath().toString()));
            if (parallelism != null) {
                command.addAll(List.of("--parallelism", parallelism.toString()));
            }
            if (jobManager != null) {
                command.addAll(List.of("--jobmanager", jobManager));
            }
            if (debug) {
                command.add("--debug");
            }
            return launch(command, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    /** The job jar: --jar, else $SCORELINE_FLINK_JAR, else the newest one the repository's build left in flink-runner/target. */
    static Path jobJar(Path option, String variable, Path home) {
        Path named = option != null ? option : variable != null && !variable.isBlank() ? Path.of(variable) : null;
        if (named != null) {
            if (!Files.isRegularFile(named)) {
                throw missing("no Flink job jar at " + named + " (" + (option != null ? "--jar" : "$" + JAR_VARIABLE) + ")");
            }
            return named;
        }
        Path target = home.resolve("flink-runner").resolve("target");
        try (Stream<Path> files = Files.isDirectory(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(f -> f.getFileName().toString().matches("scoreline-flink-runner-.*-job\\.jar"))
                    .max(Comparator.comparing(FlinkCommand::modified))
                    .orElseThrow(() -> missing("no Flink job jar in " + target.toAbsolutePath().normalize()
                            + " (and no --jar or $" + JAR_VARIABLE + ")"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flink's own jars, which the job jar leaves to the cluster: flink-lib/ beside it, as the build puts them. */
    static Path flinkLib(Path jar) {
        Path lib = jar.toAbsolutePath().resolveSibling("flink-lib");
        try (Stream<Path> files = Files.isDirectory(lib) ? Files.list(lib) : Stream.empty()) {
            if (files.noneMatch(f -> f.getFileName().toString().startsWith("flink-runtime-"))) {
                throw new ScorelineException(ErrorCode.FLINK_JAR_MISSING, "no Flink jars in " + lib + " beside the job jar",
                        "build the jar with its flink-lib/ (mvn -B -q -pl flink-runner -am package -DskipTests), or submit it to"
                                + " a Flink installation: flink run -c " + MAIN_CLASS + " " + jar + " CONFIG");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lib;
    }

    private static ScorelineException missing(String message) {
        return new ScorelineException(ErrorCode.FLINK_JAR_MISSING, message, "build it (mvn -B -q -pl flink-runner -am package"
                + " -DskipTests, from the repository's root) or name it with --jar FILE or $" + JAR_VARIABLE);
    }

    private static long modified(Path f) {
        try {
            return Files.getLastModifiedTime(f).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Runs the job's JVM, its output and errors line by line to ours, and returns its exit code. */
    static int launch(List<String> command, PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        Process job = new ProcessBuilder(command).start();
        Thread stop = new Thread(job::destroy); // an interrupted scoreline does not leave its job running
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            job.getOutputStream().close();
            Thread errors = copy(job.getErrorStream(), err);
            copy(job.getInputStream(), out).join();
            errors.join();
            return job.waitFor();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException e) {
                // this JVM is shutting down: the hook stops the job
            }
            out.flush();
            err.flush();
        }
    }

    private static Thread copy(InputStream from, PrintWriter to) {
        Thread t = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(from, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    synchronized (to) {
                        to.println(line);
                        to.flush();
                    }
                }
            } catch (IOException e) {
                // the job's stream closed under us: it has ended, and waitFor says how
            }
        }, "flink job output");
        t.setDaemon(true);
        t.start();
        return t;
    }
}

package dev.scoreline.cli;

import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScorelineException;
import dev.scoreline.dsl.RuleErrorsException;
import dev.scoreline.runtime.Failures;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code scoreline} command. */
@Command(name = "scoreline",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Scores CRM records with rules written in .score files.",
        subcommands = {
                InitCommand.class,
                CheckCommand.class,
                FmtCommand.class,
                ScoreCommand.class,
                ExplainCommand.class,
                PreviewCommand.class,
                RunCommand.class, ScoresCommand.class, HistoryCommand.class, CardCommand.class, ReportCommand.class,
                BacktestCommand.class, SuggestCommand.class, AdjustCommand.class, FlinkCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    /** Exit codes of data-and-cli.md. */
    public static final int OK = 0;
    public static final int RULE_ERRORS = 1;
    public static final int USAGE = 2;
    public static final int BAD_DATA = 3;
    /** Updates kept undelivered in an outbox, or a sink that failed. */
    public static final int UNDELIVERED = 4;
    /** The store is locked by another run or unavailable. */
    public static final int STORE_UNAVAILABLE = 5;
    /** A failure Scoreline did not foresee (a bug); sysexits' EX_SOFTWARE. */
    public static final int INTERNAL = 70;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "On a failure, also print its stack trace.")
    boolean debug;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String[] args) {
        int exit;
        try {
            exit = execute(args);
        } catch (Throwable t) {
            // What picocli does not hand to the handler (an Error): still one line, the trace only with --debug.
            boolean debug = java.util.Arrays.asList(args).contains("--debug");
            System.err.println(Failures.of(t).line() + (debug ? "" : " (run with --debug for the trace)"));
            if (debug) {
                t.printStackTrace();
            }
            exit = INTERNAL;
        }
        System.exit(exit);
    }

    /** Runs the command line and returns its exit code; the tests call this in process. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** Runs the command line with its own output and error writers (for tests and hosts). */
    public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    public static CommandLine commandLine() {
        // Flyway's migration lines stay quiet for every store a command opens, a config's too (RunConfig opens those).
        ScoresCommand.StoreOptions.quietMigrations();
        CommandLine cl = new CommandLine(new Main());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // A bad command line is a usage error (2), whatever picocli would say by default.
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            java.util.List<String> suggestions = ex instanceof CommandLine.UnmatchedArgumentException u
                    ? u.getSuggestions() : java.util.List.of();
            String help = "see '" + c.getCommandSpec().qualifiedName() + " --help'";
            c.getErr().println(new ScorelineException(ErrorCode.BAD_ARGUMENT, ex.getMessage(), suggestions.isEmpty() ? help
                    : "did you mean " + String.join(" or ", suggestions) + "? " + help).line());
            c.getErr().flush();
            return USAGE;
        });
        cl.setExecutionExceptionHandler(Main::failed);
        return cl;
    }

    /**
     * The one place a failure reaches the user: rule diagnostics, then one line
     * {@code error[SLnnn]: message; fix: …}, the stack trace only with {@code --debug}, and the
     * exit code of the failure's kind. Nothing escapes as a trace.
     */
    static int failed(Exception ex, CommandLine command, CommandLine.ParseResult parsed) {
        PrintWriter err = command.getErr();
        ScorelineException coded = Failures.of(ex);
        if (coded instanceof RuleErrorsException rules) {
            rules.diagnostics().forEach(d -> err.println(d.format()));
        }
        String line = coded.line();
        if (coded.code() == ErrorCode.INTERNAL_ERROR && !debug(parsed)) {
            line += " (run with --debug for the trace)";
        }
        err.println(line);
        if (debug(parsed)) {
            ex.printStackTrace(err);
        }
        err.flush();
        command.getOut().flush();
        return exitCode(coded.code());
    }

    /** The exit code of data-and-cli.md for a kind of failure. */
    static int exitCode(ErrorCode code) {
        return Failures.exitCode(code);
    }

    /** Whether {@code --debug} was given, before or after the command. */
    static boolean debug(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"scoreline " + (v == null ? "0.1.0-SNAPSHOT" : v)};
        }
    }
}

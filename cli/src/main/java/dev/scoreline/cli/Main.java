package dev.scoreline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code scoreline} command. */
@Command(name = "scoreline",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Scores CRM records with rules written in .score files.",
        subcommands = {
                CheckCommand.class,
                FmtCommand.class,
                ScoreCommand.class,
                ExplainCommand.class,
                PreviewCommand.class,
                RunCommand.class, ScoresCommand.class, HistoryCommand.class, CardCommand.class, ReportCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    /** Exit codes of data-and-cli.md. */
    public static final int OK = 0;
    public static final int RULE_ERRORS = 1;
    public static final int USAGE = 2;
    public static final int BAD_DATA = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
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
        CommandLine cl = new CommandLine(new Main());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // A bad command line is a usage error (2), whatever picocli would say by default.
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("scoreline: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, c.getErr());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
            return USAGE;
        });
        return cl;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"scoreline " + (v == null ? "0.1.0-SNAPSHOT" : v)};
        }
    }
}

package dev.scoreline.cli;

import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScorelineException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code scoreline init TEMPLATE [DIR]}: writes a commented starting {@code .score} file, so a
 * business user begins from predefined groups instead of an empty page. The templates are
 * resources of this module ({@code templates/NAME.score}); each passes {@code check} and scores the
 * quickstart data (InitCommandTest holds them to that).
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Write a commented starting .score file from a template: lead, combined, deal or health.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the file was written", "2:unknown template, or the file exists or cannot be written"})
final class InitCommand implements Callable<Integer> {

    /** The templates, in the order the help and the messages list them. */
    static final List<String> TEMPLATES = List.of("lead", "combined", "deal", "health");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TEMPLATE", description = "lead, combined, deal or health.")
    String template;

    @Parameters(index = "1", arity = "0..1", paramLabel = "DIR",
            description = "The folder to write TEMPLATE.score into (created if missing; default: the current folder).")
    Path dir = Path.of(".");

    @Override
    public Integer call() {
        String text = text(template);
        Path target = dir.resolve(template + ".score");
        write(target, text);
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote " + target + " (the " + template + " template; every rule has a comment saying why)");
        out.println("next:");
        out.println("  scoreline check " + target);
        out.println("  scoreline preview --rules " + target + " --data DATA_DIR");
        out.flush();
        return Main.OK;
    }

    /** The text of a template; an unknown name is SL509 listing the ones there are. */
    static String text(String template) {
        if (!TEMPLATES.contains(template)) {
            throw new ScorelineException(ErrorCode.BAD_ARGUMENT, "unknown template \"" + template + "\"",
                    "use one of " + String.join(", ", TEMPLATES) + ", e.g. 'scoreline init health'");
        }
        try (InputStream in = InitCommand.class.getResourceAsStream("templates/" + template + ".score")) {
            if (in == null) {
                throw new IllegalStateException("template resource templates/" + template + ".score is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Never overwrites: a user's edited rules are worth more than a fresh template. */
    private static void write(Path target, String text) {
        Path folder = target.toAbsolutePath().getParent();
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new ScorelineException(ErrorCode.OUTPUT_UNWRITABLE, target + " cannot be written: "
                    + folder + " is a file, not a folder", "give a folder (DIR) to write the template into");
        }
        try {
            Files.createDirectories(folder);
            Files.writeString(target, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            throw new ScorelineException(ErrorCode.OUTPUT_UNWRITABLE, target + " already exists; init does not overwrite it",
                    "rename or remove it, or give another folder: 'scoreline init " + target.getFileName()
                            .toString().replace(".score", "") + " OTHER_DIR'", e);
        } catch (IOException e) {
            throw new ScorelineException(ErrorCode.OUTPUT_UNWRITABLE, target + " cannot be written: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                    "give a folder that can be written", e);
        }
    }
}

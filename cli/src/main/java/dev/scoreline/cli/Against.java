package dev.scoreline.cli;

import dev.scoreline.runtime.RunConfig;
import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScorelineException;
import dev.scoreline.dsl.Diagnostic;
import dev.scoreline.dsl.ParseResult;
import dev.scoreline.dsl.RuleErrorsException;
import dev.scoreline.dsl.ScoreHeader;
import dev.scoreline.dsl.ScoreParser;
import dev.scoreline.dsl.model.ScoreDefinition;
import dev.scoreline.store.CatalogEntry;
import dev.scoreline.store.ScoreDefinitionText;
import dev.scoreline.store.ScoreStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The definitions {@code preview --against} compares with: the previewed set with some scores
 * replaced by their earlier text, from a file or from the store's active versions. The whole set
 * is parsed and compiled together, so a score that reads another score sees the earlier one.
 */
final class Against {

    /** The word that names the store's active versions rather than a file. */
    static final String ACTIVE = "active";

    private Against() { }

    /**
     * The previewed set with every score of {@code file} in place of the score of that name;
     * the others keep their text from {@code rules} (cut out of their files, at their lines).
     * A missing file is SL511, errors in it {@code file:line:col: error: …}, a score in it that the
     * previewed set does not have SL509.
     */
    static List<ScoreDefinition> file(Path file, List<Path> rules, List<ScoreDefinition> previewed, PrintWriter err) {
        ScoreParser.SourceText old = RuleFiles.read(List.of(file), "preview").get(0);
        Set<String> replaced = ScoreParser.headers(old.text()).stream().map(ScoreHeader::name).collect(Collectors.toSet());
        if (replaced.isEmpty()) {
            throw new ScorelineException(ErrorCode.NO_RULES, "--against " + file + " holds no score",
                    "give --against the earlier version of a score in --rules (a file with its `score \"NAME\" on TYPE` block)");
        }
        List<ScoreParser.SourceText> sources = new ArrayList<>(List.of(old));
        for (ScoreParser.SourceText current : RuleFiles.read(rules, "preview")) {
            String text = current.text().replace("\r\n", "\n");
            for (ScoreDefinitionText block : ScoreDefinitionText.split(text)) {
                if (!replaced.contains(block.name())) {
                    // blank lines above keep every line where it is in its file, for the diagnostics
                    String above = text.substring(0, Math.max(0, text.indexOf(block.sourceText().strip())));
                    sources.add(new ScoreParser.SourceText(current.source(),
                            "\n".repeat((int) above.chars().filter(c -> c == '\n').count()) + block.sourceText()));
                }
            }
        }
        return checked(parse(sources, old.source(), err), previewed, "--against " + file);
    }

    /**
     * The active version in {@code store} of every previewed score; a score the store does not
     * have, or has only as a draft, is SL605.
     */
    static List<ScoreDefinition> active(ScoreStore store, String where, List<ScoreDefinition> previewed, PrintWriter err) {
        List<ScoreParser.SourceText> sources = new ArrayList<>();
        String fix = " or compare with a file: --against OLD.score";
        for (ScoreDefinition d : previewed) {
            CatalogEntry e = store.entry(d.name()).orElseThrow(() -> new ScorelineException(ErrorCode.UNKNOWN_SCORE,
                    "the store at " + where + " has no score \"" + d.name() + "\" to compare with",
                    "add and activate it there (scoreline scores add FILE.score --activate --store " + where + ")," + fix));
            if (e.activeVersion() == null) {
                throw new ScorelineException(ErrorCode.UNKNOWN_SCORE, "\"" + d.name() + "\" has no active version in the store at "
                        + where + " (it is a draft)", "activate a version (scoreline scores activate \"" + d.name()
                        + "\" --store " + where + ")," + fix);
            }
            String text = store.version(d.name(), e.activeVersion()).orElseThrow().sourceText();
            sources.add(new ScoreParser.SourceText("\"" + d.name() + "\" version " + e.activeVersion() + " in " + where, text));
        }
        return checked(parse(sources, null, err), previewed, "the active versions");
    }

    /**
     * The store {@code --against active} reads, found as every command finds it (--config's, else
     * --store's or $SCORELINE_STORE, else that of the config {@code run} reads by default, else
     * ./scoreline-data); one that is not there is not made.
     */
    static ScoreStore openStore(ScoresCommand.StoreOptions options, StringBuilder where) {
        Path config = options.config != null ? options.config : options.defaultConfig();
        String fix = "give --store FOLDER|JDBC_URL or --config scoreline.yaml (where the scores were activated),"
                + " or compare with a file: --against OLD.score";
        if (config != null) {
            if (options.store != null) {
                throw ScoresCommand.badArgument("--store and --config both given", "give --store or --config, not both");
            }
            RunConfig cfg = RunConfig.read(config);
            if (cfg.store() == null) {
                throw new ScorelineException(ErrorCode.CONFIG_INVALID, config + " names no store",
                        "add a store: to the config, or " + fix.substring("give ".length()));
            }
            Object folder = cfg.store().get("embedded");
            where.append(folder != null ? folder : cfg.store().get("url"));
            mustExist(where.toString(), fix);
            return cfg.openStore();
        }
        where.append(options.where() != null ? options.where() : ScoreStore.DEFAULT_DIR.toString());
        mustExist(where.toString(), fix);
        return options.open();
    }

    /** An embedded store's folder that does not exist is SL601: previewing never makes a store. */
    private static void mustExist(String where, String fix) {
        if (!where.startsWith("jdbc:") && !Files.isDirectory(Path.of(where))) {
            throw new ScorelineException(ErrorCode.STORE_UNREACHABLE, "no score store at " + where
                    + (where.equals(ScoreStore.DEFAULT_DIR.toString()) ? " (the default store folder)" : ""), fix);
        }
    }

    /** Parsed together; errors thrown with every diagnostic, warnings printed only for {@code warnFor} (null: none). */
    private static List<ScoreDefinition> parse(List<ScoreParser.SourceText> sources, String warnFor, PrintWriter err) {
        ParseResult result = ScoreParser.parseAll(sources);
        if (result.hasErrors()) {
            throw new RuleErrorsException(result.diagnostics());
        }
        for (Diagnostic d : result.diagnostics()) {
            if (d.position() != null && d.position().source().equals(warnFor)) {
                err.println(d.format());
            }
        }
        err.flush();
        return result.definitions();
    }

    /** Every earlier score is one the preview has, on the same object type. */
    private static List<ScoreDefinition> checked(List<ScoreDefinition> earlier, List<ScoreDefinition> previewed, String what) {
        Map<String, ScoreDefinition> byName = new LinkedHashMap<>();
        previewed.forEach(d -> byName.put(d.name(), d));
        for (ScoreDefinition d : earlier) {
            ScoreDefinition now = byName.get(d.name());
            if (now == null) {
                throw ScoresCommand.badArgument(what + " holds score \"" + d.name() + "\", which no --rules file defines",
                        "compare a score with an earlier version of itself: the same name in --rules and --against");
            }
            if (!now.objectType().equals(d.objectType())) {
                throw ScoresCommand.badArgument("score \"" + d.name() + "\" is on " + d.objectType() + " in " + what
                        + " but on " + now.objectType() + " in --rules", "compare versions of a score on the same object type");
            }
        }
        return earlier;
    }
}

package dev.scoreline.cli;

import dev.scoreline.runtime.RunConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScorelineException;
import dev.scoreline.dsl.Diagnostic;
import dev.scoreline.dsl.ParseResult;
import dev.scoreline.dsl.ScoreParser;
import dev.scoreline.store.CatalogEntry;
import dev.scoreline.store.Quotas;
import dev.scoreline.store.SavedDraft;
import dev.scoreline.store.ScoreDefinitionText;
import dev.scoreline.store.ScoreStore;
import dev.scoreline.dsl.RuleErrorsException;
import dev.scoreline.runtime.Stores;
import dev.scoreline.store.ScoreVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code scoreline scores …}: the catalog of score definitions in the store (docs/store.md). */
@Command(name = "scores", mixinStandardHelpOptions = true,
        description = "The score catalog in the store: drafts and active scores, with versions.",
        subcommands = {
                ScoresCommand.ListScores.class,
                ScoresCommand.Add.class,
                ScoresCommand.Activate.class,
                ScoresCommand.Deactivate.class,
                ScoresCommand.CloneScore.class,
                ScoresCommand.Delete.class,
                ScoresCommand.Show.class,
                ScoresCommand.Quota.class
        })
final class ScoresCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a scores command is required: list, add, activate, deactivate, clone, delete, show or quota");
    }

    /**
     * {@code --store} and its credentials; shared with {@code scoreline history}. The commands that
     * read data take {@code --config} from their data options; the others take it here ({@link WithConfig}).
     */
    static class StoreOptions {

        /** The store options with {@code --config}: for the commands whose only config is the store's. */
        static final class WithConfig extends StoreOptions {
            @Option(names = "--config", paramLabel = "CONFIG",
                    description = "A run config (scoreline.yaml): read the store it names, the one `scoreline run CONFIG` writes.")
            void config(Path file) {
                this.config = file;
            }
        }

        @Option(names = "--store", paramLabel = "JDBC_URL",
                description = "The score store: a JDBC URL (jdbc:postgresql://host/db, jdbc:h2:…) or the folder of an "
                        + "embedded store. Default: the store of --config, else $SCORELINE_STORE, else the store of the "
                        + "config `scoreline run` reads without one (./scoreline.yaml, else the quickstart), else "
                        + "./scoreline-data.")
        String store;

        /** A run config whose store is read ({@link WithConfig}'s --config, or a data command's own). */
        Path config;

        @Option(names = "--store-user", paramLabel = "USER",
                description = "Database user (default: $SCORELINE_STORE_USER, or the URL's own).")
        String user;

        @Option(names = "--store-password", paramLabel = "PASSWORD",
                description = "Database password (default: $SCORELINE_STORE_PASSWORD, or the URL's own).")
        String password;

        /**
         * Flyway reports every migration at INFO: keep a command's output to what it did, but let a
         * real warning through (Flyway 13 knows H2 2.3, so it no longer warns that it was not tested
         * with it). {@code run --verbose} sets INFO first.
         */
        static void quietMigrations() {
            if (System.getProperty("org.slf4j.simpleLogger.log.org.flywaydb") == null) {
                System.setProperty("org.slf4j.simpleLogger.log.org.flywaydb", "warn");
            }
        }

        /**
         * Opens the store the options name, else the environment's, else that of the config
         * {@code run} reads by default (so {@code scoreline history KEY} reads what
         * {@code scoreline run} wrote), else {@code ./scoreline-data}; a failure to open is a coded SL6xx.
         */
        ScoreStore open() {
            if (store != null && config != null) {
                throw badArgument("--store and --config both given", "give --store or --config, not both");
            }
            if (config != null) {
                return RunConfig.read(config).requireStore("the store is where the runs of this config keep their history");
            }
            String u = user != null ? user : System.getenv("SCORELINE_STORE_USER");
            String p = password != null ? password : System.getenv("SCORELINE_STORE_PASSWORD");
            String where = where();
            if (where == null) {
                Path runs = defaultConfig();
                if (runs != null) {
                    ScoreStore opened = RunConfig.read(runs).openStore();
                    if (opened != null) {
                        return opened;
                    }
                }
                where = ScoreStore.DEFAULT_DIR.toString();
            }
            return open(where, u, p);
        }

        /**
         * The config whose store a command reads when neither --store, --config nor $SCORELINE_STORE
         * names one: the config {@code run} reads without an argument, when it exists; else null.
         */
        Path defaultConfig() {
            Path runs = RunConfig.defaultFile();
            return config == null && where() == null && Files.isRegularFile(runs) ? runs : null;
        }

        /** The store --store or $SCORELINE_STORE names (a JDBC URL or an embedded store's folder), or null. */
        String where() {
            String where = store != null ? store : System.getenv("SCORELINE_STORE");
            return where == null || where.isBlank() ? null : where;
        }

        /**
         * The store when the user has one: {@code --store} or {@code $SCORELINE_STORE} given, or the
         * embedded store's folder present; empty otherwise (nothing is created). For commands that
         * work without a store and show what it adds (explain shows the adjustments it keeps).
         */
        java.util.Optional<ScoreStore> openIfAny() {
            if (config != null && store == null) {
                return java.util.Optional.ofNullable(RunConfig.read(config).openStore());
            }
            boolean named = store != null || (System.getenv("SCORELINE_STORE") != null
                    && !System.getenv("SCORELINE_STORE").isBlank());
            return named || Files.isDirectory(ScoreStore.DEFAULT_DIR) ? java.util.Optional.of(open())
                    : java.util.Optional.empty();
        }

        /** The one way every command opens a store: a JDBC URL or the folder of an embedded store. */
        static ScoreStore open(String where, String user, String password) {
            quietMigrations();
            return Stores.open(where, user, password);
        }
    }

    /** What every scores command does around its own work: open the store, close it, flush the output. */
    abstract static class StoreCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions.WithConfig storeOptions;

        PrintWriter out;
        PrintWriter err;

        abstract int call(ScoreStore store) throws Exception;

        @Override
        public final Integer call() throws Exception {
            out = spec.commandLine().getOut();
            err = spec.commandLine().getErr();
            try (ScoreStore store = storeOptions.open()) {
                return call(store);
            } finally {
                out.flush();
                err.flush();
            }
        }

        String prefix() {
            return spec.qualifiedName(" ");
        }
    }

    /** A command-line value that cannot be used (SL509, exit 2). */
    static ScorelineException badArgument(String message, String fix) {
        return new ScorelineException(ErrorCode.BAD_ARGUMENT, message, fix);
    }

    /** A record key as the user wrote it ({@code type:id}); {@code option} prefixes the message ("--record: " or ""). */
    static RecordKey recordKey(String option, String text) {
        try {
            return RecordKey.parse(text);
        } catch (IllegalArgumentException e) {
            throw badArgument(option + e.getMessage(), "write the key as type:id, e.g. contact:c1");
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the scores: state, version, content hash.")
    static final class ListScores extends StoreCommand {

        @Option(names = "--json", description = "One JSON array instead of a table.")
        boolean json;

        @Override
        int call(ScoreStore store) throws Exception {
            List<CatalogEntry> entries = store.list();
            if (json) {
                ObjectMapper mapper = new ObjectMapper();
                ArrayNode array = mapper.createArrayNode();
                for (CatalogEntry e : entries) {
                    ObjectNode o = array.addObject();
                    o.put("name", e.name());
                    o.put("objectType", e.objectType());
                    o.put("state", e.state().label());
                    o.put("version", e.version());
                    if (e.activeVersion() == null) {
                        o.putNull("activeVersion");
                    } else {
                        o.put("activeVersion", e.activeVersion());
                    }
                    o.put("hash", e.hash());
                    o.put("created", e.createdAt().toString());
                    o.put("updated", e.updatedAt().toString());
                }
                out.println(mapper.writeValueAsString(array));
                return Main.OK;
            }
            if (entries.isEmpty()) {
                out.println("no scores in the store; add some with: scoreline scores add FILE.score");
                return Main.OK;
            }
            int w = Math.max(4, entries.stream().mapToInt(e -> e.name().length()).max().orElse(4));
            int t = Math.max(4, entries.stream().mapToInt(e -> e.objectType().length()).max().orElse(4));
            String row = "%-" + w + "s  %-" + t + "s  %-6s  %7s  %6s  %-12s  %s%n";
            out.printf(Locale.ROOT, row, "NAME", "TYPE", "STATE", "VERSION", "ACTIVE", "HASH", "UPDATED");
            for (CatalogEntry e : entries) {
                out.printf(Locale.ROOT, row, e.name(), e.objectType(), e.state().label(), e.version(),
                        e.activeVersion() == null ? "-" : e.activeVersion().toString(), e.hash().substring(0, 12),
                        e.updatedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            }
            return Main.OK;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Validate score files and save every score in them as a draft (a new version when its text changed).")
    static final class Add extends StoreCommand {

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .score files.")
        List<Path> files;

        @Option(names = "--activate", description = "Also activate every score saved.")
        boolean activate;

        @Override
        int call(ScoreStore store) throws Exception {
            List<ScoreParser.SourceText> sources = new ArrayList<>();
            for (Path f : files) {
                try {
                    sources.add(new ScoreParser.SourceText(f.toString(), Files.readString(f, StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    throw RuleFiles.unreadable(f, e);
                }
            }
            // Validated first: a broken score line is reported by the parser rather than missed by the split.
            Optional<ParseResult> parsed = validate(sources);
            if (parsed.isPresent() && parsed.get().hasErrors()) {
                return Main.RULE_ERRORS;
            }
            List<ScoreDefinitionText> texts = new ArrayList<>();
            for (ScoreParser.SourceText source : sources) {
                List<ScoreDefinitionText> found = ScoreDefinitionText.split(source.text());
                if (found.isEmpty()) {
                    throw new ScorelineException(ErrorCode.NO_RULES, source.source() + " holds no score",
                            "a score starts with a line `score \"NAME\" on TYPE`");
                }
                texts.addAll(found);
            }
            if (parsed.isPresent()) {
                List<String> parsedNames = parsed.get().definitions().stream().map(d -> d.name()).sorted().toList();
                List<String> splitNames = texts.stream().map(ScoreDefinitionText::name).sorted().toList();
                if (!parsedNames.equals(splitNames)) {
                    throw badArgument("cannot cut the files into one text per score (found " + splitNames
                            + ", the parser found " + parsedNames + ")", "write each `score \"NAME\" on TYPE` on one line");
                }
            }
            for (ScoreDefinitionText d : texts) {
                SavedDraft saved = store.saveDraft(d);
                CatalogEntry e = saved.entry();
                if (!saved.newVersion()) {
                    out.printf(Locale.ROOT, "\"%s\" unchanged (version %d, %s)%n", e.name(), e.version(), e.state().label());
                } else if (e.isActive()) {
                    out.printf(Locale.ROOT, "saved \"%s\" version %d (sha256 %s); active version %d runs until it is activated%n",
                            e.name(), e.version(), e.hash().substring(0, 12), e.activeVersion());
                } else {
                    out.printf(Locale.ROOT, "saved \"%s\" (%s) as draft version %d (sha256 %s)%n", e.name(), e.objectType(),
                            e.version(), e.hash().substring(0, 12));
                }
                if (activate) {
                    reportActivation(store.activate(d.name()), e, out);
                }
            }
            return Main.OK;
        }

        /** Parser diagnostics on stderr; empty when the parser is not available. */
        private Optional<ParseResult> validate(List<ScoreParser.SourceText> sources) {
            ParseResult result;
            try {
                result = ScoreParser.parseAll(sources);
            } catch (UnsupportedOperationException e) {
                err.println(prefix() + ": warning: the rules parser is not available; the files were saved unvalidated");
                return Optional.empty();
            }
            if (result.hasErrors()) {
                // Printed with every diagnostic where every failure is; nothing is saved.
                throw new RuleErrorsException(result.diagnostics());
            }
            for (Diagnostic d : result.diagnostics()) {
                err.println(d.format());
            }
            return Optional.of(result);
        }
    }

    static void reportActivation(CatalogEntry now, CatalogEntry before, PrintWriter out) {
        if (before.isActive() && before.activeVersion() != null && before.activeVersion().equals(now.activeVersion())) {
            out.printf(Locale.ROOT, "\"%s\" version %d is already active%n", now.name(), now.activeVersion());
        } else {
            out.printf(Locale.ROOT, "activated \"%s\" version %d; the next run scores every %s record with it%n",
                    now.name(), now.activeVersion(), now.objectType());
        }
    }

    @Command(name = "activate", mixinStandardHelpOptions = true,
            description = "Make a score's newest version the one that runs (within the active quota of its object type).")
    static final class Activate extends StoreCommand {

        @Parameters(index = "0", paramLabel = "NAME", description = "The score's name.")
        String name;

        @Override
        int call(ScoreStore store) {
            CatalogEntry before = store.require(name);
            reportActivation(store.activate(name), before, out);
            return Main.OK;
        }
    }

    @Command(name = "deactivate", mixinStandardHelpOptions = true,
            description = "Stop running a score; it becomes a draft again and keeps its versions and history.")
    static final class Deactivate extends StoreCommand {

        @Parameters(index = "0", paramLabel = "NAME", description = "The score's name.")
        String name;

        @Override
        int call(ScoreStore store) {
            CatalogEntry before = store.require(name);
            store.deactivate(name);
            out.println(before.isActive() ? "deactivated \"" + name + "\"; it is a draft again"
                    : "\"" + name + "\" is not active");
            return Main.OK;
        }
    }

    @Command(name = "clone", mixinStandardHelpOptions = true, description = "Copy a score's newest version as a new draft.")
    static final class CloneScore extends StoreCommand {

        @Parameters(index = "0", paramLabel = "NAME", description = "The score to copy.")
        String name;

        @Parameters(index = "1", paramLabel = "NEW", description = "The name of the copy.")
        String newName;

        @Override
        int call(ScoreStore store) {
            if (newName.isBlank()) {
                throw badArgument("the new name cannot be empty", "give the copy a name");
            }
            CatalogEntry copy = store.clone(name, newName);
            out.printf(Locale.ROOT, "cloned \"%s\" as draft \"%s\" (%s, version 1)%n", name, copy.name(), copy.objectType());
            return Main.OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a draft with its versions and current values (its history is kept).")
    static final class Delete extends StoreCommand {

        @Parameters(index = "0", paramLabel = "NAME", description = "The score's name.")
        String name;

        @Override
        int call(ScoreStore store) {
            store.delete(name);
            out.println("deleted \"" + name + "\"; its history is kept");
            return Main.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print the text of a score's version and its versions.")
    static final class Show extends StoreCommand {

        @Parameters(index = "0", paramLabel = "NAME", description = "The score's name.")
        String name;

        @Option(names = "--version", paramLabel = "N", description = "The version (default: the newest).")
        Integer version;

        @Override
        int call(ScoreStore store) {
            CatalogEntry e = store.require(name);
            int v = version == null ? e.version() : version;
            Optional<ScoreVersion> text = store.version(name, v);
            if (text.isEmpty()) {
                throw new ScorelineException(ErrorCode.UNKNOWN_SCORE,
                        "\"" + name + "\" has no version " + v + " (versions 1 to " + e.version() + ")");
            }
            out.printf(Locale.ROOT, "# \"%s\" on %s: %s, version %d of %d%s%n", name, e.objectType(), e.state().label(), v,
                    e.version(), e.activeVersion() == null ? "" : ", active version " + e.activeVersion());
            for (ScoreVersion sv : store.versions(name)) {
                out.printf(Locale.ROOT, "#   version %d  %s  sha256 %s%n", sv.version(), sv.createdAt(), sv.hash());
            }
            out.print(text.get().sourceText());
            return Main.OK;
        }
    }

    @Command(name = "quota", mixinStandardHelpOptions = true,
            description = "Show the quotas, or set those of an object type (TYPE * sets the default): "
                    + "how many scores may be active and how many drafts.")
    static final class Quota extends StoreCommand {

        @Parameters(arity = "0..3", paramLabel = "TYPE ACTIVE DRAFTS",
                description = "An object type, then its maximum active scores and drafts.")
        List<String> args = new ArrayList<>();

        @Override
        int call(ScoreStore store) {
            if (args.size() == 2) {
                throw badArgument("only one limit given", "give both: scores quota TYPE ACTIVE DRAFTS");
            }
            if (args.size() == 3) {
                Quotas q;
                try {
                    q = new Quotas(Integer.parseInt(args.get(1)), Integer.parseInt(args.get(2)));
                } catch (IllegalArgumentException e) {
                    throw badArgument("ACTIVE and DRAFTS are whole numbers from 0, got " + args.get(1) + " and " + args.get(2),
                            "e.g. scores quota contact 5 10");
                }
                store.setQuotas(args.get(0), q);
                out.println("quotas of " + label(args.get(0)) + ": " + q);
                return Main.OK;
            }
            if (args.size() == 1) {
                out.println("quotas of " + label(args.get(0)) + ": " + store.quotas(args.get(0)));
                return Main.OK;
            }
            Map<String, Quotas> all = store.allQuotas();
            if (!all.containsKey("*")) {
                out.println("quotas of other object types: " + store.quotas("*") + " (built in)");
            }
            all.forEach((type, q) -> out.println("quotas of " + label(type) + ": " + q));
            return Main.OK;
        }

        private static String label(String type) {
            return "*".equals(type) ? "other object types" : type;
        }
    }
}

package dev.scoreline.runtime;

import dev.scoreline.api.PluginSettings;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScorelineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The config file of {@code scoreline run} (YAML), the one reading of it: the command line's
 * commands and the Flink job ({@code scoreline flink run}) read a config through it. Paths in it
 * are relative to the file's folder, the embedded store's too ({@code store: embedded} is
 * {@code scoreline-data/} beside the file), so every command given the same config reads the store
 * the run wrote, from any folder.
 *
 * <pre>
 * rules: [lead.score, health.score]        # score files (saved to the store's catalog and activated), or
 *                                           # rules: catalog — the active scores of the store's catalog
 * adapter: {name: jsonl, dir: data}         # one adapter plugin and its settings
 * sinks:                                    # any number of sink plugins and their settings
 *   - {name: jsonl, file: out/scores.jsonl}    # any sink may add outbox: FILE, attempts: N, backoff: 200ms
 *   - {name: jsonl, id: audit, file: out/audit.jsonl}   # a second of one kind needs an id of its own
 * store: embedded                           # or {url: jdbc:postgresql://…, user: …, password: …, batch: 5000}
 * as-of: 2026-03-01T00:00:00Z               # optional; default: now
 * outbox: out/outbox                        # where failing sinks keep what they owe
 * </pre>
 */
public record RunConfig(Path file, List<Path> rules, String adapter, Map<String, Object> adapterSettings,
                 List<Plugin> sinks, Map<String, Object> store, Instant asOf, Path outbox) {

    /** A plugin entry: the plugin, the id its instance is bound under (the plugin's name unless given), its settings. */
    public record Plugin(String name, String id, Map<String, Object> settings) { }

    /** An id names an outbox file and appears in messages: a letter or digit, then letters, digits, '.', '_', '-'. */
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** In the order the docs list them, so messages read the same every time. */
    private static final List<String> KEYS = List.of("rules", "adapter", "sinks", "store", "as-of", "outbox");

    private static final String SEE = "see examples/quickstart/scoreline.yaml";

    /** The value of {@code rules} that runs the store's catalog rather than files. */
    public static final String CATALOG = "catalog";

    /** Whether the run scores the active scores of the store's catalog ({@code rules: catalog}). */
    public boolean fromCatalog() {
        return rules.isEmpty();
    }

    /** A config file that cannot be used (SL502): the message names the file and the key. */
    public static ScorelineException invalid(Path file, String message, String fix) {
        return new ScorelineException(ErrorCode.CONFIG_INVALID, file + ": " + message, fix);
    }

    /** The config at {@code file}; a missing or unreadable file is SL501, one that cannot be used SL502. */
    public static RunConfig read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ScorelineException(ErrorCode.CONFIG_UNREADABLE, "no config file at " + file,
                    "give the path of a YAML config, e.g. scoreline run examples/quickstart/scoreline.yaml");
        }
        Map<?, ?> map = parse(file);
        for (Object k : map.keySet()) {
            if (!KEYS.contains(String.valueOf(k))) {
                throw invalid(file, "unknown key \"" + k + "\"", "the keys are " + String.join(", ", KEYS));
            }
        }
        Path base = file.toAbsolutePath().getParent();
        List<Path> rules = new ArrayList<>();
        Object r = map.get("rules");
        if (CATALOG.equals(r)) {
            if (map.get("store") == null) {
                throw invalid(file, "\"rules: catalog\" runs the active scores of the store's catalog, and there is no store",
                        "add store: embedded (or store: {url: jdbc:…}), or name .score files in rules");
            }
        } else if (r instanceof String s) {
            rules.add(base.resolve(s));
        } else if (r instanceof List<?> l && !l.isEmpty()) {
            for (Object o : l) {
                rules.add(base.resolve(String.valueOf(o)));
            }
        } else {
            throw invalid(file, "\"rules\" must name one or more .score files, or be catalog",
                    "write e.g. rules: [lead.score], or rules: catalog to run the store's active scores");
        }
        Plugin adapter = plugin(file, "adapter", map.get("adapter"), base);
        List<Plugin> sinks = new ArrayList<>();
        Object s = map.get("sinks");
        if (s instanceof List<?> l) {
            for (Object o : l) {
                sinks.add(plugin(file, "sinks", o, base));
            }
            checkDistinct(file, sinks);
        } else if (s != null) {
            throw invalid(file, "\"sinks\" must be a list", "write each sink as {name: PLUGIN, setting: value}; " + SEE);
        }
        Map<String, Object> store = null;
        Object st = map.get("store");
        if ("embedded".equals(st)) {
            store = Map.of("embedded", base.resolve("scoreline-data").toString());
        } else if (st instanceof Map<?, ?> m) {
            store = new LinkedHashMap<>();
            for (var e : m.entrySet()) {
                store.put(String.valueOf(e.getKey()), e.getValue());
            }
            if (!store.containsKey("url")) {
                throw invalid(file, "\"store\" needs a \"url\" (a JDBC URL)", "write store: {url: jdbc:…} or store: embedded");
            }
        } else if (st != null) {
            throw invalid(file, "\"store\" is neither embedded nor a map with a url",
                    "write store: embedded or store: {url: jdbc:…, user: …, password: …}");
        }
        Instant asOf = null;
        if (map.get("as-of") != null) {
            try {
                asOf = asOf(String.valueOf(map.get("as-of")));
            } catch (DateTimeParseException e) {
                throw invalid(file, "\"as-of\": --as-of takes an ISO-8601 instant such as 2026-03-01T00:00:00Z or a date such as"
                        + " 2026-03-01, not \"" + map.get("as-of") + "\"", "write e.g. as-of: 2026-03-01T00:00:00Z");
            }
        }
        Path outbox = base.resolve(map.get("outbox") == null ? "scoreline-data/outbox" : String.valueOf(map.get("outbox")));
        return new RunConfig(file, rules, adapter.name(), adapter.settings(), sinks, store, asOf, outbox);
    }

    /** An as-of instant as configs and {@code --as-of} write it: ISO-8601 (an offset allowed), or a date meaning 00:00 UTC. */
    public static Instant asOf(String value) throws DateTimeParseException {
        String v = value.strip();
        if (v.length() == 10) {
            return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return v.endsWith("Z") || v.endsWith("z") ? Instant.parse(v.toUpperCase(java.util.Locale.ROOT))
                : OffsetDateTime.parse(v).toInstant();
    }

    /** The file's YAML, which must be a map. */
    private static Map<?, ?> parse(Path file) {
        Object root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readValue(Files.readString(file), Object.class);
        } catch (JsonProcessingException e) {
            throw new ScorelineException(ErrorCode.CONFIG_INVALID, file + ":" + yamlProblem(e),
                    "correct the YAML at that place; " + SEE, e);
        } catch (IOException e) {
            throw new ScorelineException(ErrorCode.CONFIG_UNREADABLE, file + ": cannot read the config: "
                    + firstLine(String.valueOf(e.getMessage())), "check that the file can be read", e);
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw invalid(file, "the config must be a map of keys " + String.join(", ", KEYS), SEE);
        }
        return map;
    }

    /** {@code LINE:COL: not valid YAML: PROBLEM}, where the YAML parser found the problem. */
    private static String yamlProblem(JsonProcessingException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof org.yaml.snakeyaml.error.MarkedYAMLException y && y.getProblemMark() != null) {
                return (y.getProblemMark().getLine() + 1) + ":" + (y.getProblemMark().getColumn() + 1)
                        + ": not valid YAML: " + y.getProblem();
            }
        }
        JsonLocation at = e.getLocation();
        return (at == null ? "" : at.getLineNr() + ":" + at.getColumnNr() + ":") + " not valid YAML: "
                + firstLine(e.getOriginalMessage());
    }

    private static Plugin plugin(Path file, String key, Object value, Path base) {
        if (!(value instanceof Map<?, ?> m) || !(m.get("name") instanceof String name)) {
            throw invalid(file, "each \"" + key + "\" entry must be a map with a \"name\" (the plugin) and its settings",
                    "write e.g. {name: jsonl, dir: data}");
        }
        String id = name;
        if (key.equals("sinks") && m.containsKey("id")) {
            id = String.valueOf(m.get("id"));
            if (!ID.matcher(id).matches()) {
                throw invalid(file, "sink id \"" + id + "\" is not usable",
                        "write an id of letters, digits, '.', '_' or '-' (it names the sink's outbox file), e.g. id: crm-hook");
            }
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        for (var e : m.entrySet()) {
            String k = String.valueOf(e.getKey());
            if (!k.equals("name") && !(k.equals("id") && key.equals("sinks"))) {
                settings.put(k, isPath(k) && e.getValue() instanceof String p ? base.resolve(p).toString() : e.getValue());
            }
        }
        return new Plugin(name, id, settings);
    }

    /**
     * Two sinks writing one file are refused (SL502), and so are two sinks with one id (SL507),
     * rather than numbered: the id names the sink's outbox, so an
     * id that depended on the order of the entries would hand one webhook's kept updates to another
     * the day someone reorders the list.
     */
    private static void checkDistinct(Path file, List<Plugin> sinks) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        Map<Path, Integer> files = new LinkedHashMap<>();
        for (int i = 0; i < sinks.size(); i++) {
            Plugin sink = sinks.get(i);
            Path target = sink.settings().get("file") instanceof String f ? Path.of(f).toAbsolutePath().normalize() : null;
            Integer sameFile = target == null ? null : files.putIfAbsent(target, i + 1);
            if (sameFile != null) {
                // Two sinks appending to one file would interleave their lines into neither's format.
                throw invalid(file, "sinks " + sameFile + " and " + (i + 1) + " both write " + target,
                        "give each sink a file of its own");
            }
            Integer before = seen.putIfAbsent(sink.id(), i + 1);
            if (before != null) {
                throw new ScorelineException(ErrorCode.DUPLICATE_SINK, file + ": sinks " + before + " and " + (i + 1)
                        + " both have the id \"" + sink.id() + "\"", "give each " + sink.name()
                        + " sink its own id, e.g. id: " + sink.id() + "-" + (i + 1) + " (the id names its outbox; keep it when reordering)");
            }
        }
    }

    /** Settings that name files or folders are resolved against the config file's folder. */
    public static boolean isPath(String key) {
        return key.equals("dir") || key.equals("file") || key.equals("outbox") || key.equals("rejected") || key.endsWith("_dir")
                || key.endsWith("_file") || key.endsWith("_path");
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    /** The store the config names, opened; null when it names none. */
    public dev.scoreline.store.ScoreStore openStore() {
        if (store == null) {
            return null;
        }
        dev.scoreline.store.ScoreStore opened = Stores.open(
                String.valueOf(store.getOrDefault("url", store.get("embedded"))), (String) store.get("user"),
                (String) store.get("password"));
        Object batch = store.get("batch");
        if (batch != null) {
            // Results per transaction; also the most a sink is re-sent after a crash.
            opened.batchSize(PluginSettings.of("store", store).integer("batch", dev.scoreline.store.ScoreStore.DEFAULT_BATCH,
                    1, 1_000_000));
        }
        return opened;
    }

    /** The store the config names, opened; a config without one is SL502, {@code why} saying what needs it. */
    public dev.scoreline.store.ScoreStore requireStore(String why) {
        dev.scoreline.store.ScoreStore opened = openStore();
        if (opened == null) {
            throw invalid(file, "names no store", "add a store: to the config (store: embedded); " + why);
        }
        return opened;
    }

    /**
     * The config {@code run} reads when given none, and so the one whose store the other commands
     * read by default: {@code ./scoreline.yaml} when there is one, else the installation's quickstart.
     */
    public static Path defaultFile() {
        Path here = Path.of("scoreline.yaml");
        if (Files.isRegularFile(here)) {
            return here;
        }
        return Path.of(System.getProperty("scoreline.home", "."), "examples", "quickstart", "scoreline.yaml");
    }

    /** What a command says when it reads {@link #defaultFile()} (a command should never guess silently). */
    public static String defaultNotice(Path file) {
        return "using " + file + (file.equals(Path.of("scoreline.yaml")) ? " (found here)"
                : " (the quickstart: no ./scoreline.yaml here)");
    }
}

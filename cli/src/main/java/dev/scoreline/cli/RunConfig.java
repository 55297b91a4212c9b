package dev.scoreline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The config file of {@code scoreline run} (YAML). Paths in it are relative to the file's folder.
 *
 * <pre>
 * rules: [lead.score, health.score]        # score files
 * adapter: {name: jsonl, dir: data}         # one adapter plugin and its settings
 * sinks:                                    # any number of sink plugins and their settings
 *   - {name: jsonl, file: out/scores.jsonl}    # any sink may add outbox: FILE, attempts: N, backoff: 200ms
 * store: embedded                           # or {url: jdbc:postgresql://…, user: …, password: …}
 * as-of: 2026-03-01T00:00:00Z               # optional; default: now
 * outbox: out/outbox                        # where failing sinks keep what they owe
 * </pre>
 */
record RunConfig(Path file, List<Path> rules, String adapter, Map<String, Object> adapterSettings,
                 List<Plugin> sinks, Map<String, Object> store, Instant asOf, Path outbox) {

    record Plugin(String name, Map<String, Object> settings) { }

    private static final Set<String> KEYS = Set.of("rules", "adapter", "sinks", "store", "as-of", "outbox");

    /** A config file that cannot be used: the message names the key and what is allowed. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    static RunConfig read(Path file) throws Invalid {
        Object root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readValue(Files.readString(file), Object.class);
        } catch (IOException e) {
            throw new Invalid(file + ": cannot read the config: " + firstLine(e.getMessage()));
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new Invalid(file + ": the config must be a map of keys " + KEYS);
        }
        for (Object k : map.keySet()) {
            if (!KEYS.contains(String.valueOf(k))) {
                throw new Invalid(file + ": unknown key \"" + k + "\"; the keys are " + KEYS);
            }
        }
        Path base = file.toAbsolutePath().getParent();
        List<Path> rules = new ArrayList<>();
        Object r = map.get("rules");
        if (r instanceof String s) {
            rules.add(base.resolve(s));
        } else if (r instanceof List<?> l && !l.isEmpty()) {
            for (Object o : l) {
                rules.add(base.resolve(String.valueOf(o)));
            }
        } else {
            throw new Invalid(file + ": \"rules\" must name one or more .score files, e.g. rules: [lead.score]");
        }
        Plugin adapter = plugin(file, "adapter", map.get("adapter"), base);
        List<Plugin> sinks = new ArrayList<>();
        Object s = map.get("sinks");
        if (s instanceof List<?> l) {
            for (Object o : l) {
                sinks.add(plugin(file, "sinks", o, base));
            }
        } else if (s != null) {
            throw new Invalid(file + ": \"sinks\" must be a list of {name: …, settings…}");
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
                throw new Invalid(file + ": \"store\" needs a \"url\" (a JDBC URL) or the word embedded");
            }
        } else if (st != null) {
            throw new Invalid(file + ": \"store\" is either embedded or {url: jdbc:…, user: …, password: …}");
        }
        Instant asOf = null;
        if (map.get("as-of") != null) {
            try {
                asOf = new AsOf().convert(String.valueOf(map.get("as-of")));
            } catch (RuntimeException e) {
                throw new Invalid(file + ": \"as-of\": " + e.getMessage());
            }
        }
        Path outbox = base.resolve(map.get("outbox") == null ? "scoreline-data/outbox" : String.valueOf(map.get("outbox")));
        return new RunConfig(file, rules, adapter.name(), adapter.settings(), sinks, store, asOf, outbox);
    }

    private static Plugin plugin(Path file, String key, Object value, Path base) throws Invalid {
        if (!(value instanceof Map<?, ?> m) || !(m.get("name") instanceof String name)) {
            throw new Invalid(file + ": each \"" + key + "\" entry must be a map with a \"name\" (the plugin) "
                    + "and its settings, e.g. {name: jsonl, dir: data}");
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        for (var e : m.entrySet()) {
            String k = String.valueOf(e.getKey());
            if (!k.equals("name")) {
                settings.put(k, isPath(k) && e.getValue() instanceof String p ? base.resolve(p).toString() : e.getValue());
            }
        }
        return new Plugin(name, settings);
    }

    /** Settings that name files or folders are resolved against the config file's folder. */
    static boolean isPath(String key) {
        return key.equals("dir") || key.equals("file") || key.equals("outbox") || key.equals("rejected") || key.endsWith("_dir")
                || key.endsWith("_file") || key.endsWith("_path");
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}

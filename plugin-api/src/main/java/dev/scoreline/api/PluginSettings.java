package dev.scoreline.api;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a plugin's settings as a config file gives them (strings, numbers, booleans, lists, maps)
 * with errors that name the plugin, the key and what is allowed. Call {@link #rejectUnknown()}
 * after reading every key so a misspelt key fails instead of being ignored.
 */
public final class PluginSettings {

    private final String plugin;
    private final String id;
    private final Map<String, Object> values;
    private final Set<String> read = new LinkedHashSet<>();

    private PluginSettings(String plugin, String id, Map<String, Object> values) {
        this.plugin = plugin;
        this.id = id;
        this.values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static PluginSettings of(ScorelinePlugin plugin, Map<String, Object> values) {
        return of(plugin, plugin.name(), values);
    }

    /**
     * The settings of one instance of {@code plugin}, bound under {@code id}; messages name the
     * instance by its id, and the plugin too when they differ ({@code sink "crm-hook" (webhook)}).
     */
    public static PluginSettings of(ScorelinePlugin plugin, String id, Map<String, Object> values) {
        Objects.requireNonNull(id, "id");
        String owner = plugin.kind().label() + " \"" + id + "\"" + (id.equals(plugin.name()) ? "" : " (" + plugin.name() + ")");
        return new PluginSettings(owner, id, values);
    }

    /** For settings read outside a plugin; {@code owner} names them in messages. */
    public static PluginSettings of(String owner, Map<String, Object> values) {
        return new PluginSettings(owner, null, values);
    }

    /**
     * The id the instance is bound under: the plugin's name unless a config gives the entry an
     * {@code id}. A plugin uses it for whatever must differ between two instances, e.g. a default
     * file name; null for settings read outside a plugin.
     */
    public String id() {
        return id;
    }

    /** How messages name the owner of these settings, e.g. {@code sink "crm-hook" (webhook)}. */
    public String owner() {
        return plugin;
    }

    public boolean has(String key) {
        read.add(key);
        Object value = values.get(key);
        return value != null && !(value instanceof String s && s.isBlank());
    }

    public String requiredString(String key) {
        return optionalString(key).orElseThrow(() -> missing(key, "a text value"));
    }

    public Optional<String> optionalString(String key) {
        Object value = raw(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            String text = value.toString().strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        }
        throw error(key, "must be text, got " + describe(value));
    }

    public String string(String key, String defaultValue) {
        return optionalString(key).orElse(defaultValue);
    }

    public Path requiredPath(String key) {
        return optionalPath(key).orElseThrow(() -> missing(key, "a file or folder path"));
    }

    public Optional<Path> optionalPath(String key) {
        Object value = raw(key);
        if (value instanceof Path path) {
            return Optional.of(path);
        }
        return optionalString(key).map(text -> {
            try {
                return Path.of(text);
            } catch (InvalidPathException e) {
                throw error(key, "is not a usable path: " + e.getMessage());
            }
        });
    }

    public int integer(String key, int defaultValue, int min, int max) {
        Object value = raw(key);
        if (value == null || (value instanceof String s && s.isBlank())) {
            return defaultValue;
        }
        long n;
        try {
            BigDecimal number = value instanceof Number num ? new BigDecimal(num.toString()) : new BigDecimal(value.toString().strip());
            n = number.longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw error(key, "must be a whole number from " + min + " to " + max + ", got " + describe(value));
        }
        if (n < min || n > max) {
            throw error(key, "must be a whole number from " + min + " to " + max + ", got " + n);
        }
        return (int) n;
    }

    public boolean bool(String key, boolean defaultValue) {
        Object value = raw(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().strip().toLowerCase(Locale.ROOT);
        switch (text) {
            case "true": case "yes": case "on": return true;
            case "false": case "no": case "off": return false;
            case "": return defaultValue;
            default: throw error(key, "must be true or false, got " + describe(value));
        }
    }

    /** A duration written ISO-8601 ({@code PT5S}) or as a number with a unit: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}. */
    public Duration duration(String key, Duration defaultValue) {
        Object value = raw(key);
        if (value == null || value.toString().isBlank()) {
            return defaultValue;
        }
        String text = value.toString().strip().toLowerCase(Locale.ROOT);
        try {
            if (text.startsWith("pt") || text.startsWith("p")) {
                return Duration.parse(text.toUpperCase(Locale.ROOT));
            }
            String[][] units = {{"ms", "1"}, {"s", "1000"}, {"m", "60000"}, {"h", "3600000"}};
            for (String[] unit : units) {
                if (text.endsWith(unit[0])) {
                    String number = text.substring(0, text.length() - unit[0].length()).strip();
                    if (unit[0].equals("m") && number.endsWith("m")) {
                        continue;
                    }
                    return Duration.ofMillis(new BigDecimal(number).multiply(new BigDecimal(unit[1])).longValueExact());
                }
            }
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            // fall through to the error below
        }
        throw error(key, "must be a duration such as 500ms, 5s, 2m, 1h or PT5S, got " + describe(value));
    }

    public <E extends Enum<E>> E choice(String key, Class<E> type, E defaultValue) {
        Optional<String> text = optionalString(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().replace('_', '-').equalsIgnoreCase(text.get().replace('_', '-'))) {
                return constant;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            allowed.add(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        throw error(key, "must be one of " + String.join(", ", allowed) + ", got \"" + text.get() + "\"");
    }

    public URI requiredUri(String key, Set<String> schemes) {
        String text = requiredString(key);
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null || !schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT)) || uri.getHost() == null) {
                throw error(key, "must be an absolute " + String.join(" or ", new TreeSet<>(schemes)) + " URL, got \"" + text + "\"");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw error(key, "is not a URL: " + e.getMessage());
        }
    }

    /** A list, written as a config-file list or as one comma-separated text. */
    public List<String> stringList(String key) {
        Object value = raw(key);
        if (value == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (value instanceof Collection<?> items) {
            for (Object item : items) {
                if (item instanceof Map || item instanceof Collection) {
                    throw error(key, "must be a list of text values, got a list holding " + describe(item));
                }
                if (item != null && !item.toString().isBlank()) {
                    out.add(item.toString().strip());
                }
            }
        } else if (value instanceof String text) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        } else {
            throw error(key, "must be a list of text values, got " + describe(value));
        }
        return out;
    }

    /** A nested map or list of maps, for structured settings such as thresholds. */
    public List<Map<String, Object>> mapList(String key) {
        Object value = raw(key);
        if (value == null) {
            return List.of();
        }
        List<Object> items = value instanceof Collection<?> c ? new ArrayList<>(c) : List.of(value);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> map)) {
                throw error(key, "must be a list of maps, got an item that is " + describe(item));
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), v));
            out.add(copy);
        }
        return out;
    }

    /** The value as given, for settings this class has no reader for. */
    public Object raw(String key) {
        read.add(key);
        return values.get(key);
    }

    /** Fails on keys that no reader asked for, naming the keys this plugin knows. */
    public void rejectUnknown() {
        List<String> unknown = new ArrayList<>();
        for (String key : values.keySet()) {
            if (!read.contains(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            String which = unknown.size() == 1 ? "unknown setting \"" + unknown.get(0) + "\""
                    : "unknown settings \"" + String.join("\", \"", unknown) + "\"";
            throw new PluginSettingsException(plugin, null, which + "; known settings: "
                    + (read.isEmpty() ? "none" : String.join(", ", new TreeSet<>(read))));
        }
    }

    public PluginSettingsException error(String key, String message) {
        return new PluginSettingsException(plugin, key, message);
    }

    private PluginSettingsException missing(String key, String what) {
        return error(key, "is required (" + what + ")");
    }

    private static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof Map) {
            return "a map";
        }
        if (value instanceof Collection) {
            return "a list";
        }
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        return Objects.toString(value);
    }
}

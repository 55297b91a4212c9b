package dev.scoreline.plugins.jsonl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.scoreline.api.Association;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.Projection;
import dev.scoreline.api.RecordKey;
import dev.scoreline.plugins.internal.Instants;
import java.io.IOException;
import java.nio.CharBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The usual line of the data folder read with Jackson's streaming parser straight from its bytes,
 * building only what the {@link Projection} names: a property no score reads is stepped over, not
 * converted. It reads clean lines only: whatever would make {@link JsonlTree} report something (a
 * bad line, a warning, a field not yet reported as unused) makes it answer null, and the line is
 * read again as a tree, so what a user is told does not depend on which reader took the line.
 *
 * <p>Field names come from Jackson's canonicalizing symbol table (one String per name), so the
 * projection's verdict is looked up per name once. One instance per stream: it is not thread-safe.
 */
final class JsonlFastPath {

    /** Over this, the tree reads the line: it alone checks the parser's limit on a string's length. */
    private static final int LONGEST_LINE = 1 << 20;
    private static final int MOST_NAMES_REMEMBERED = 4096;

    private final JsonFactory factory = JsonlTree.factory();
    private final Projection projection;
    private final Map<String, Filter> recordFilters = new HashMap<>();
    private final Map<String, Filter> eventFilters = new HashMap<>();
    private final Texts types = new Texts();
    /** The owner of the last event read: a file holds a record's events together, one key for them all. */
    private char[] lastKeyText = new char[64];
    private int lastKeyLength = -1;
    private RecordKey lastKey;

    JsonlFastPath(Projection projection) {
        this.projection = projection;
    }

    /** A record, or null when the tree must read the line. */
    CrmRecord record(byte[] bytes, int length, LineContext at) {
        if (length > LONGEST_LINE) {
            return null;
        }
        try (JsonParser p = factory.createParser(bytes, 0, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String type = null;
            String id = null;
            Map<String, Object> properties = Map.of();
            List<String> lists = List.of();
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                t = p.nextToken();
                switch (name) {
                    case "type" -> type = t == JsonToken.VALUE_STRING ? types.of(p) : null;
                    case "id" -> id = t == JsonToken.VALUE_NUMBER_INT ? p.getBigIntegerValue().toString()
                            : t == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "properties" -> properties = type == null ? null
                            : properties(p, t, filter(recordFilters, type, true));
                    case "lists" -> lists = strings(p, t);
                    default -> {
                        if (!skipUnknown(p, t, name, at)) {
                            return null;
                        }
                    }
                }
                // A field the tree would complain about (or properties before the type): the tree reads the line.
                if (type == null && name.equals("type") || id == null && name.equals("id") || properties == null
                        || lists == null) {
                    return null;
                }
            }
            if (!ends(p) || type == null || id == null || type.isBlank() || type.indexOf(':') >= 0 || id.isBlank()) {
                return null;
            }
            return new CrmRecord(new RecordKey(type, id), properties, lists);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** An event, or null when the tree must read the line. */
    CrmEvent event(byte[] bytes, int length, LineContext at) {
        if (length > LONGEST_LINE) {
            return null;
        }
        try (JsonParser p = factory.createParser(bytes, 0, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            RecordKey record = null;
            String type = null;
            Instant when = null;
            Map<String, Object> properties = Map.of();
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                t = p.nextToken();
                switch (name) {
                    case "record" -> record = t == JsonToken.VALUE_STRING ? owner(p) : null;
                    case "type" -> type = t == JsonToken.VALUE_STRING ? types.of(p) : null;
                    case "at" -> when = instant(p, t);
                    case "properties" -> properties = type == null ? null
                            : properties(p, t, filter(eventFilters, type, false));
                    default -> {
                        if (!skipUnknown(p, t, name, at)) {
                            return null;
                        }
                    }
                }
                if (properties == null || name.equals("record") && record == null || name.equals("type") && type == null
                        || name.equals("at") && when == null) {
                    return null;
                }
            }
            if (!ends(p) || record == null || type == null || when == null || type.isBlank()
                    || !Instants.isPlausible(when)) {
                return null;
            }
            return new CrmEvent(record, type, when, properties);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** An association, or null when the tree must read the line. */
    Association association(byte[] bytes, int length, LineContext at) {
        if (length > LONGEST_LINE) {
            return null;
        }
        try (JsonParser p = factory.createParser(bytes, 0, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            RecordKey from = null;
            RecordKey to = null;
            List<String> labels = List.of();
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                t = p.nextToken();
                switch (name) {
                    case "from" -> from = t == JsonToken.VALUE_STRING ? RecordKey.parse(p.getText()) : null;
                    case "to" -> to = t == JsonToken.VALUE_STRING ? RecordKey.parse(p.getText()) : null;
                    case "labels" -> labels = strings(p, t);
                    default -> {
                        if (!skipUnknown(p, t, name, at)) {
                            return null;
                        }
                    }
                }
                if (labels == null || name.equals("from") && from == null || name.equals("to") && to == null) {
                    return null;
                }
            }
            if (!ends(p) || from == null || to == null) {
                return null;
            }
            return new Association(from, to, new LinkedHashSet<>(labels));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- values

    /** Whether the object ended and nothing follows it (the tree refuses trailing tokens). */
    private static boolean ends(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.END_OBJECT && p.nextToken() == null;
    }

    /** The event's owner; the same key as the line before when the text is the same. */
    private RecordKey owner(JsonParser p) throws IOException {
        char[] text = p.getTextCharacters();
        int offset = p.getTextOffset();
        int length = p.getTextLength();
        if (length == lastKeyLength && Arrays.equals(text, offset, offset + length, lastKeyText, 0, length)) {
            return lastKey;
        }
        RecordKey key = RecordKey.parse(new String(text, offset, length)); // blank or no colon: the tree says why
        if (length > lastKeyText.length) {
            lastKeyText = new char[Math.max(length, 2 * lastKeyText.length)];
        }
        System.arraycopy(text, offset, lastKeyText, 0, length);
        lastKeyLength = length;
        lastKey = key;
        return key;
    }

    /** The instant of {@code "at"}, or null for anything the tree must judge. */
    private static Instant instant(JsonParser p, JsonToken t) throws IOException {
        try {
            if (t == JsonToken.VALUE_STRING) {
                Instant utc = Instants.utcFast(CharBuffer.wrap(p.getTextCharacters(), p.getTextOffset(), p.getTextLength()));
                return utc != null ? utc : Instants.parse(p.getText());
            }
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                return Instants.fromEpochMillis(p.getDecimalValue());
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    /**
     * The read properties of the object the parser is at, null when the tree must read the line
     * (a value the tree warns about, read or not: an object, an array holding a container).
     */
    private static Map<String, Object> properties(JsonParser p, JsonToken t, Filter filter) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return Map.of();
        }
        if (t != JsonToken.START_OBJECT) {
            return null;
        }
        Map<String, Object> out = null;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            t = p.nextToken();
            boolean read = filter.reads(name);
            Object value;
            if (t == JsonToken.START_ARRAY) {
                value = array(p, read);
                if (value == null) {
                    return null;
                }
            } else if (t == JsonToken.START_OBJECT) {
                return null;
            } else {
                value = read ? scalar(p, t) : step(p, t);
            }
            if (read) {
                if (out == null) {
                    out = new LinkedHashMap<>();
                }
                out.put(name, value);
            }
        }
        return out == null ? Map.of() : Collections.unmodifiableMap(out);
    }

    /** A multi-valued property (its values when {@code read}), or null when it holds a container. */
    private static List<Object> array(JsonParser p, boolean read) throws IOException {
        List<Object> values = read ? new ArrayList<>() : null;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                return null;
            }
            if (read) {
                values.add(scalar(p, t));
            } else {
                step(p, t);
            }
        }
        return read ? Collections.unmodifiableList(values) : List.of();
    }

    private static Object scalar(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getDecimalValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> null;
        };
    }

    /**
     * Steps over a scalar that is not read. A fraction or exponent is converted all the same: the
     * tree converts every number, and one no decimal can hold makes the line bad.
     */
    private static Object step(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            p.getDecimalValue();
        }
        return null;
    }

    /** A list of strings ({@code lists}, {@code labels}); null when it is anything else. */
    private static List<String> strings(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (t != JsonToken.START_ARRAY) {
            return null;
        }
        List<String> out = new ArrayList<>(4);
        while ((t = p.nextToken()) == JsonToken.VALUE_STRING) {
            out.add(p.getText());
        }
        return t == JsonToken.END_ARRAY ? out : null;
    }

    /**
     * Steps over a field the format does not know, once the tree has reported it for the file;
     * false before (the tree reports it).
     */
    private static boolean skipUnknown(JsonParser p, JsonToken t, String name, LineContext at) throws IOException {
        if (!at.reportedUnknown.contains(name)) {
            return false;
        }
        int depth = 0;
        do {
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                depth++;
            } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                depth--;
            } else {
                step(p, t);
            }
        } while (depth > 0 && (t = p.nextToken()) != null);
        return true;
    }

    private Filter filter(Map<String, Filter> filters, String type, boolean records) {
        Filter f = filters.get(type);
        if (f == null) {
            Set<String> read = records ? projection.recordProperties(type) : projection.eventProperties(type);
            f = new Filter(projection.isEverything(), read);
            filters.put(type, f);
        }
        return f;
    }

    /** Whether a property name (as the file writes it) is read on one type; each name judged once. */
    private static final class Filter {
        private final boolean all;
        private final Set<String> read;
        private final Map<String, Boolean> verdicts = new HashMap<>();

        Filter(boolean all, Set<String> read) {
            this.all = all;
            this.read = read;
        }

        boolean reads(String name) {
            if (all) {
                return true;
            }
            Boolean known = verdicts.get(name);
            if (known == null) {
                known = read.contains(Projection.fold(name));
                if (verdicts.size() < MOST_NAMES_REMEMBERED) {
                    verdicts.put(name, known);
                }
            }
            return known;
        }
    }

    /** The few type names of a file, one String each, found from the parser's characters without a new String. */
    private static final class Texts {
        private final String[] known = new String[32];
        private int count;

        String of(JsonParser p) throws IOException {
            char[] text = p.getTextCharacters();
            int offset = p.getTextOffset();
            int length = p.getTextLength();
            for (int i = 0; i < count; i++) {
                String k = known[i];
                if (k.length() == length && regionEquals(k, text, offset)) {
                    return k;
                }
            }
            String s = new String(text, offset, length);
            if (count < known.length) {
                known[count++] = s;
            }
            return s;
        }

        private static boolean regionEquals(String s, char[] text, int offset) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) != text[offset + i]) {
                    return false;
                }
            }
            return true;
        }
    }
}

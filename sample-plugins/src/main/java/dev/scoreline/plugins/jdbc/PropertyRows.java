package dev.scoreline.plugins.jdbc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** How a property value is kept in a {@code *_properties} table: one row per value. */
final class PropertyRows {

    /** One row: index (null for a single value), value as text, and its type. */
    record Row(Integer index, String value, String type) { }

    private PropertyRows() { }

    static List<Row> rows(Object value) {
        List<Row> out = new ArrayList<>();
        if (value instanceof Collection<?> values) {
            int i = 0;
            for (Object v : values) {
                out.add(scalar(i++, v));
            }
        } else {
            out.add(scalar(null, value));
        }
        return out;
    }

    private static Row scalar(Integer index, Object value) {
        if (value == null) {
            return new Row(index, null, "null");
        }
        if (value instanceof BigDecimal d) {
            return new Row(index, d.toString(), "number");
        }
        if (value instanceof Number n) {
            return new Row(index, new BigDecimal(n.toString()).toString(), "number");
        }
        if (value instanceof Boolean b) {
            return new Row(index, b.toString(), "boolean");
        }
        return new Row(index, value.toString(), "text");
    }

    /** Reads one row's value back; throws {@link IllegalArgumentException} with a reason. */
    static Object value(String text, String type) {
        String t = type == null ? "text" : type.strip().toLowerCase(Locale.ROOT);
        switch (t) {
            case "text":
            case "":
                return text;
            case "null":
                return null;
            case "number":
                if (text == null || text.isBlank()) {
                    return null; // a whitespace-only value is unknown (language.md section 10)
                }
                try {
                    return new BigDecimal(text.strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("prop_type is number but prop_value \"" + text + "\" is not one");
                }
            case "boolean":
                if (text == null) {
                    return null;
                }
                if (text.strip().equalsIgnoreCase("true")) {
                    return Boolean.TRUE;
                }
                if (text.strip().equalsIgnoreCase("false")) {
                    return Boolean.FALSE;
                }
                throw new IllegalArgumentException("prop_type is boolean but prop_value \"" + text + "\" is not true or false");
            default:
                throw new IllegalArgumentException("prop_type \"" + type + "\" is not text, number, boolean or null");
        }
    }
}

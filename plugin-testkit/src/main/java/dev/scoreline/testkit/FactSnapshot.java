package dev.scoreline.testkit;

import dev.scoreline.api.Association;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.ListMembership;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An adapter's facts as sorted lines of text, so two adapters over the same data can be compared
 * even though one source types its values (JSON numbers) and another holds only text (CSV).
 *
 * <p>The normal form follows the language's matching rules: an unknown value (null, empty text,
 * empty list) is left out, a number is its plain decimal text ({@code 2.5}, {@code 1000}), a list of
 * one value is that value, list memberships from {@link CrmRecord#lists()} and from
 * {@link dev.scoreline.api.CrmAdapter#listMemberships()} are merged, and association labels are
 * sorted. Text is kept as written, case and spaces included.
 */
public record FactSnapshot(List<String> records, List<String> events, List<String> associations,
                           List<String> listMemberships) {

    public static FactSnapshot of(AdapterContents contents) {
        List<String> records = new ArrayList<>();
        TreeSet<String> memberships = new TreeSet<>();
        for (CrmRecord record : contents.records()) {
            records.add(record.key() + " " + properties(record.properties()));
            for (String list : record.lists()) {
                memberships.add(record.key() + " in " + list);
            }
        }
        for (ListMembership membership : contents.listMemberships()) {
            memberships.add(membership.record() + " in " + membership.list());
        }
        List<String> events = new ArrayList<>();
        for (CrmEvent event : contents.events()) {
            events.add(event.record() + " " + event.type() + " @" + event.at() + " " + properties(event.properties()));
        }
        List<String> associations = new ArrayList<>();
        for (Association association : contents.associations()) {
            associations.add(association.from() + " -> " + association.to() + " " + new TreeSet<>(association.labels()));
        }
        records.sort(null);
        events.sort(null);
        associations.sort(null);
        return new FactSnapshot(List.copyOf(records), List.copyOf(events), List.copyOf(associations),
                List.copyOf(memberships));
    }

    /** Properties in normal form: sorted by name, unknown values left out. */
    public static String properties(Map<String, Object> properties) {
        TreeMap<String, String> out = new TreeMap<>();
        properties.forEach((name, value) -> {
            String text = value(value);
            if (text != null) {
                out.put(name, text);
            }
        });
        return out.toString();
    }

    /** One value in normal form, or {@code null} when it is unknown. */
    public static String value(Object value) {
        if (value instanceof Collection<?> values) {
            List<String> parts = new ArrayList<>();
            for (Object element : values) {
                String text = value(element);
                if (text != null) {
                    parts.add(text);
                }
            }
            if (parts.isEmpty()) {
                return null;
            }
            return parts.size() == 1 ? parts.get(0) : parts.toString();
        }
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString()).toPlainString();
        }
        String text = value.toString();
        return text.isEmpty() ? null : text;
    }

}

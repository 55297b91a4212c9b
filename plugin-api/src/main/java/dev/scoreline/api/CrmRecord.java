package dev.scoreline.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A CRM record (a contact, company, deal, ticket or any custom object).
 *
 * <p>Property values are {@link String}, {@link java.math.BigDecimal} (or any {@link Number}),
 * {@link Boolean}, {@code null}, or a {@link List} of those for a multi-valued property.
 * {@code lists} names the lists the record belongs to; adapters whose source keeps memberships
 * apart may also report them through {@link CrmAdapter#listMemberships()}.
 */
public record CrmRecord(RecordKey key, Map<String, Object> properties, List<String> lists) {

    public CrmRecord {
        Objects.requireNonNull(key, "key");
        properties = properties == null ? Map.of() : properties;
        lists = lists == null ? List.of() : List.copyOf(lists);
    }

    public CrmRecord(RecordKey key, Map<String, Object> properties) {
        this(key, properties, List.of());
    }
}

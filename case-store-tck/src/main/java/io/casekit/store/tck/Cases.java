package io.casekit.store.tck;

import io.casekit.core.Case;
import io.casekit.core.CaseId;
import io.casekit.core.CaseTypeId;
import io.casekit.core.FieldChange;
import io.casekit.core.HistoryEntry;
import io.casekit.core.Priority;
import io.casekit.core.StandardField;
import io.casekit.core.TenantId;
import io.casekit.core.Value;
import io.casekit.core.spi.CaseStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cases and history entries built by hand, as the service would build them, for the tests that
 * talk to a store directly.
 */
final class Cases {
    static final CaseTypeId TYPE = CaseTypeId.of("incident");
    static final String CREATOR = "agent-1";
    static final Instant CREATED_AT = Instant.parse("2024-06-20T08:00:00.123Z");

    private Cases() {}

    /** A case with only the mandatory fields, at version 1. */
    static Case minimal(TenantId tenant, String id) {
        return Case.builder().tenant(tenant).id(CaseId.of(id)).typeId(TYPE)
                .title("Printer on fire").description("The printer on floor 3 is on fire.")
                .version(1).createdBy(CREATOR).createdAt(CREATED_AT).updatedAt(CREATED_AT)
                .build();
    }

    /** A case with every standard field set and an extension of every value type, at version 1. */
    static Case full(TenantId tenant, String id) {
        Map<String, Value> extensions = new LinkedHashMap<>();
        extensions.put("AICC__severity__CST", Value.text("S1 – “critical” 🔥"));
        extensions.put("notes", Value.text("line 1\r\nline 2\n\ttabbed\rold-mac"));
        extensions.put("amount", Value.decimal(new BigDecimal("12345678901234567.89")));
        extensions.put("rate", Value.decimal(new BigDecimal("0.10")));
        extensions.put("reported_on", Value.date(LocalDate.of(2024, 2, 29)));
        extensions.put("occurred_at", Value.dateTime(LocalDateTime.of(2023, 6, 20, 23, 59, 59)));
        extensions.put("channels", Value.textList(List.of("web", "e-mail, phone", "\"chat\"", "日本")));
        extensions.put("vip", Value.bool(true));
        extensions.put("escalated", Value.bool(false));
        // Two names that differ only by case are two fields: a case-insensitive store merges them.
        extensions.put("region", Value.text("lower"));
        extensions.put("Region", Value.text("upper"));
        return Case.builder().tenant(tenant).id(CaseId.of(id)).typeId(TYPE)
                .title("  Drucker brennt — 打印机着火 ")
                .description("Étage 3:\n\tthe printer is on fire.\r\nPlease come 🚒.")
                .ownerId("owner_7")
                .priority(Priority.CRITICAL)
                .dueDate(LocalDateTime.of(2023, 6, 20, 0, 0, 0))
                .contactId("contact-42")
                .contactPhone("+44 (20) 7946-0958")
                .attachment("file:7f3a,https://example.com/a?b=c&d=%20\u0001")
                .extensions(extensions)
                .version(1).createdBy(CREATOR).createdAt(CREATED_AT).updatedAt(CREATED_AT)
                .build();
    }

    /** The same case with another title; version and times unchanged. */
    static Case titled(Case c, String title) {
        return c.with("title", Optional.of(Value.text(title)));
    }

    /** The same new case, created at another time. */
    static Case createdAt(Case c, Instant at) {
        return c.toBuilder().createdAt(at).updatedAt(at).build();
    }

    /** The creation entry of a new case: version 1, by its creator, setting each of its fields. */
    static HistoryEntry creation(Case created) {
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fieldsOf(created)) {
            changes.add(new FieldChange(field, Optional.empty(), created.value(field)));
        }
        return new HistoryEntry(created.tenant(), created.id(), 1, created.createdAt(), created.createdBy(), changes);
    }

    /** Inserts a new case with its creation entry and returns it. */
    static Case insert(CaseStore store, Case created) {
        store.insert(created, creation(created));
        return created;
    }

    /** The names of the fields a case has a value for: the standard ones, then its extensions. */
    static List<String> fieldsOf(Case c) {
        List<String> fields = new ArrayList<>();
        for (StandardField field : StandardField.values()) {
            if (c.value(field.wireName()).isPresent()) {
                fields.add(field.wireName());
            }
        }
        fields.addAll(c.extensions().keySet());
        return fields;
    }

    /**
     * A change of {@code before}: the fields set (or, for an empty value, cleared) as given, by
     * {@code actor} at {@code at}, to the next version.
     */
    static Change change(Case before, String actor, Instant at, Map<String, Optional<Value>> values) {
        Case after = before;
        List<FieldChange> changes = new ArrayList<>();
        for (Map.Entry<String, Optional<Value>> e : values.entrySet()) {
            changes.add(new FieldChange(e.getKey(), before.value(e.getKey()), e.getValue()));
            after = after.with(e.getKey(), e.getValue());
        }
        Case updated = after.withVersion(before.version() + 1, at);
        return new Change(updated, before.version(),
                new HistoryEntry(before.tenant(), before.id(), updated.version(), at, actor, changes));
    }

    /** A change of one field. */
    static Change change(Case before, String actor, Instant at, String field, Optional<Value> value) {
        return change(before, actor, at, Map.of(field, value));
    }

    /** A change of the title, by {@code agent-2}, one second after the case's last update. */
    static Change retitle(Case before, String title) {
        return change(before, "agent-2", before.updatedAt().plusSeconds(1), "title", Optional.of(Value.text(title)));
    }

    /** One update of a case: what {@link CaseStore#update} is given. */
    record Change(Case updated, long expectedVersion, HistoryEntry entry) {
        /** Applies the change to the store and returns the updated case. */
        Case applyTo(CaseStore store) {
            store.update(updated, expectedVersion, entry);
            return updated;
        }
    }
}

package io.casekit.json.internal;

import io.casekit.core.Case;
import io.casekit.core.FieldChange;
import io.casekit.core.HistoryEntry;
import io.casekit.core.StandardField;
import io.casekit.core.Value;
import io.casekit.core.Violation;
import io.casekit.core.WireFormats;
import io.casekit.core.template.CaseType;
import io.casekit.core.template.FieldDefinition;
import io.casekit.core.template.FlowStatus;
import io.casekit.core.template.StatusFlow;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.core.JsonGenerator;

/**
 * Writes casekit's values as the wire documents of wire-format §2–§4. Used by the endpoints and by
 * {@link io.casekit.json.CasekitModule}, so both write the same bytes.
 *
 * <p>Numbers are written exactly ({@link BigDecimal#toString()}, which reads back to an equal
 * decimal, scale included); dates and date-times in their wire formats; instants as ISO-8601 UTC.
 */
public final class WireWriter {
    private WireWriter() {}

    /**
     * A case as the read endpoint returns it: the standard fields, {@code type}, the extension fields
     * as top-level keys, then {@code version}, {@code createdBy}, {@code createdAt}, {@code updatedAt},
     * and the lifecycle's {@code status}, {@code state} (its wire name), {@code closedAt} (while
     * closed), {@code closedReason} (when there is one) and {@code reopened}. Absent optional fields
     * are omitted.
     */
    public static void writeCase(JsonGenerator g, Case c) {
        g.writeStartObject();
        g.writeStringProperty(StandardField.ID, c.id().value());
        g.writeStringProperty(StandardField.TITLE.wireName(), c.title());
        g.writeStringProperty(StandardField.DESCRIPTION.wireName(), c.description());
        optional(g, StandardField.OWNER_ID, c.ownerId());
        optional(g, StandardField.PRIORITY, c.priority().map(p -> p.wireName()));
        optional(g, StandardField.DUE_DATE, c.dueDate().map(WireFormats::format));
        optional(g, StandardField.CONTACT_ID, c.contactId());
        optional(g, StandardField.CONTACT_PHONE, c.contactPhone());
        optional(g, StandardField.ATTACHMENT, c.attachment());
        g.writeStringProperty(StandardField.TYPE, c.typeId().value());
        for (Map.Entry<String, Value> e : c.extensions().entrySet()) {
            g.writeName(e.getKey());
            writeValue(g, e.getValue());
        }
        g.writeNumberProperty(StandardField.VERSION, c.version());
        g.writeStringProperty(StandardField.CREATED_BY, c.createdBy());
        g.writeStringProperty(StandardField.CREATED_AT, instant(c.createdAt()));
        g.writeStringProperty(StandardField.UPDATED_AT, instant(c.updatedAt()));
        g.writeStringProperty(StandardField.STATUS, c.status());
        g.writeStringProperty(StandardField.STATE, c.state().wireName());
        if (c.closedAt().isPresent()) {
            g.writeStringProperty(StandardField.CLOSED_AT, instant(c.closedAt().get()));
        }
        if (c.closedReason().isPresent()) {
            g.writeStringProperty(StandardField.CLOSED_REASON, c.closedReason().get());
        }
        g.writeBooleanProperty(StandardField.REOPENED, c.reopened());
        g.writeEndObject();
    }

    private static void optional(JsonGenerator g, StandardField field, Optional<String> value) {
        if (value.isPresent()) {
            g.writeStringProperty(field.wireName(), value.get());
        }
    }

    /** A value in the JSON shape its field accepts. */
    public static void writeValue(JsonGenerator g, Value value) {
        if (value instanceof Value.Text t) {
            g.writeString(t.value());
        } else if (value instanceof Value.Decimal d) {
            g.writeNumber(d.value());
        } else if (value instanceof Value.Date d) {
            g.writeString(WireFormats.format(d.value()));
        } else if (value instanceof Value.DateTime d) {
            g.writeString(WireFormats.format(d.value()));
        } else if (value instanceof Value.TextList l) {
            g.writeStartArray();
            for (String item : l.values()) {
                g.writeString(item);
            }
            g.writeEndArray();
        } else {
            g.writeBoolean(((Value.Bool) value).value());
        }
    }

    /**
     * {@code {"version":n,"at":…,"actor":…,"kind":…,"remark":…,"changes":[…]}}: {@code kind} is the
     * {@link io.casekit.core.ChangeKind}'s wire name, {@code remark} is omitted when there is none.
     */
    public static void writeHistoryEntry(JsonGenerator g, HistoryEntry entry) {
        g.writeStartObject();
        g.writeNumberProperty("version", entry.version());
        g.writeStringProperty("at", instant(entry.at()));
        g.writeStringProperty("actor", entry.actor());
        g.writeStringProperty("kind", entry.kind().wireName());
        if (entry.remark().isPresent()) {
            g.writeStringProperty("remark", entry.remark().get());
        }
        g.writeName("changes");
        g.writeStartArray();
        for (FieldChange change : entry.changes()) {
            writeFieldChange(g, change);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** {@code {"path":"/caseInfo/title","old":…,"new":…}}; a missing value is {@code null}. */
    public static void writeFieldChange(JsonGenerator g, FieldChange change) {
        g.writeStartObject();
        g.writeStringProperty("path", change.path());
        g.writeName("old");
        writeOptional(g, change.oldValue());
        g.writeName("new");
        writeOptional(g, change.newValue());
        g.writeEndObject();
    }

    private static void writeOptional(JsonGenerator g, Optional<Value> value) {
        if (value.isPresent()) {
            writeValue(g, value.get());
        } else {
            g.writeNull();
        }
    }

    /** {@code {"path":…,"code":…,"message":…,"params":{…}}}. */
    public static void writeViolation(JsonGenerator g, Violation violation) {
        g.writeStartObject();
        g.writeStringProperty("path", violation.path());
        g.writeStringProperty("code", violation.code().code());
        g.writeStringProperty("message", violation.message());
        g.writeName("params");
        writeParams(g, violation.params());
        g.writeEndObject();
    }

    /**
     * The figures behind an error: numbers, strings, lists of strings. Keys are written in
     * alphabetical order: the core's maps may have no stable order, and the same violation must
     * always be the same bytes.
     */
    public static void writeParams(JsonGenerator g, Map<String, ?> params) {
        g.writeStartObject();
        for (Map.Entry<String, ?> e : new TreeMap<>(params).entrySet()) {
            g.writeName(e.getKey());
            writeParam(g, e.getValue());
        }
        g.writeEndObject();
    }

    private static void writeParam(JsonGenerator g, Object value) {
        if (value instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (value instanceof BigInteger i) {
            g.writeNumber(i);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            g.writeNumber(((Number) value).longValue());
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Collection<?> items) {
            g.writeStartArray();
            for (Object item : items) {
                writeParam(g, item);
            }
            g.writeEndArray();
        } else {
            // Anything else is shown as text rather than serialized by reflection.
            g.writeString(String.valueOf(value));
        }
    }

    /**
     * A case type definition as wire-format §4 writes it; options left at their default are omitted,
     * and so is a {@link StatusFlow#DEFAULT} status flow.
     */
    public static void writeCaseType(JsonGenerator g, CaseType type) {
        g.writeStartObject();
        g.writeStringProperty("tenant", type.tenant().value());
        g.writeStringProperty("id", type.id().value());
        g.writeStringProperty("name", type.name());
        g.writeName("fields");
        g.writeStartArray();
        for (FieldDefinition field : type.fields()) {
            writeFieldDefinition(g, field);
        }
        g.writeEndArray();
        if (!type.statusFlow().equals(StatusFlow.DEFAULT)) {
            writeStatusFlow(g, type.statusFlow());
        }
        g.writeEndObject();
    }

    private static void writeStatusFlow(JsonGenerator g, StatusFlow flow) {
        g.writeName("statusFlow");
        g.writeStartObject();
        g.writeBooleanProperty("strictOrder", flow.strictOrder());
        g.writeName("statuses");
        g.writeStartArray();
        for (FlowStatus status : flow.statuses()) {
            g.writeStartObject();
            g.writeStringProperty("name", status.name());
            g.writeStringProperty("state", status.state().wireName());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeFieldDefinition(JsonGenerator g, FieldDefinition f) {
        g.writeStartObject();
        g.writeStringProperty("name", f.name());
        g.writeStringProperty("type", f.type().name());
        if (f.required()) {
            g.writeBooleanProperty("required", true);
        }
        if (!f.options().isEmpty()) {
            g.writeName("options");
            g.writeStartArray();
            for (String option : f.options()) {
                g.writeString(option);
            }
            g.writeEndArray();
        }
        f.maxBytes().ifPresent(v -> g.writeNumberProperty("maxBytes", v));
        f.precision().ifPresent(v -> g.writeNumberProperty("precision", v));
        f.scale().ifPresent(v -> g.writeNumberProperty("scale", v));
        // Bounds are strings, as in wire-format §4: a decimal text survives any client's number type.
        f.min().ifPresent(v -> g.writeStringProperty("min", v.toString()));
        f.max().ifPresent(v -> g.writeStringProperty("max", v.toString()));
        f.maxItems().ifPresent(v -> g.writeNumberProperty("maxItems", v));
        g.writeEndObject();
    }

    /** ISO-8601 in UTC, e.g. {@code 2026-11-27T22:12:31Z}; milliseconds only when there are some. */
    public static String instant(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}

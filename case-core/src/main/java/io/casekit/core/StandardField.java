package io.casekit.core;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The standard fields of a case that a modification may change, by their wire names. The other
 * keys of a case ({@code id}, {@code type}, {@code creatorId}, {@code version}, {@code createdBy},
 * {@code createdAt}, {@code updatedAt}) are named by the constants of this class.
 */
public enum StandardField {
    TITLE("title", true),
    DESCRIPTION("description", true),
    OWNER_ID("ownerId", false),
    PRIORITY("priority", false),
    DUE_DATE("dueDate", false),
    CONTACT_ID("contactId", false),
    CONTACT_PHONE("contactPhone", false),
    ATTACHMENT("attachment", false);

    /** The key that names the case in a request: required, never changed. */
    public static final String ID = "id";
    /** The key of the case type: set at create, read-only afterwards. */
    public static final String TYPE = "type";
    /** The key of the operator: the creator at create, the actor of a modification. */
    public static final String CREATOR_ID = "creatorId";
    public static final String VERSION = "version";
    public static final String CREATED_BY = "createdBy";
    public static final String CREATED_AT = "createdAt";
    public static final String UPDATED_AT = "updatedAt";
    /** The lifecycle's keys: changed by the lifecycle operations of {@code CaseService} only. */
    public static final String STATUS = "status";
    public static final String STATE = "state";
    public static final String CLOSED_AT = "closedAt";
    public static final String CLOSED_REASON = "closedReason";
    /** A history entry's record that the case was closed ({@code true}) or reopened (cleared); not a key of a read case. */
    public static final String CLOSED = "closed";
    public static final String REOPENED = "reopened";

    /** Keys the library manages: sending one is {@code read_only}, never a silent drop. */
    public static final Set<String> READ_ONLY = Set.of(TYPE, VERSION, CREATED_BY, CREATED_AT, UPDATED_AT,
            STATUS, STATE, CLOSED_AT, CLOSED_REASON, REOPENED, CLOSED);

    private static final Map<String, StandardField> BY_NAME = Map.of(
            "title", TITLE, "description", DESCRIPTION, "ownerId", OWNER_ID, "priority", PRIORITY,
            "dueDate", DUE_DATE, "contactId", CONTACT_ID, "contactPhone", CONTACT_PHONE, "attachment", ATTACHMENT);
    private static final Set<String> OTHER_KEYS = Set.of(ID, TYPE, CREATOR_ID, VERSION, CREATED_BY, CREATED_AT, UPDATED_AT,
            STATUS, STATE, CLOSED_AT, CLOSED_REASON, REOPENED, CLOSED);
    /** No longer name is reserved: {@link #isReserved} answers such names without hashing them. */
    private static final int LONGEST_RESERVED = java.util.stream.Stream.concat(BY_NAME.keySet().stream(),
            OTHER_KEYS.stream()).mapToInt(String::length).max().orElseThrow();

    private final String wireName;
    private final boolean mandatory;

    StandardField(String wireName, boolean mandatory) {
        this.wireName = wireName;
        this.mandatory = mandatory;
    }

    /** The field's name in requests, responses and history paths. */
    public String wireName() {
        return wireName;
    }

    /** Whether every request must carry the field and it can never be cleared. */
    public boolean mandatory() {
        return mandatory;
    }

    public static Optional<StandardField> byName(String wireName) {
        return Optional.ofNullable(BY_NAME.get(wireName));
    }

    /** Whether {@code name} is a key of the standard case model and so can not name an extension field. */
    public static boolean isReserved(String name) {
        return name.length() <= LONGEST_RESERVED && (BY_NAME.containsKey(name) || OTHER_KEYS.contains(name));
    }

    Optional<Value> get(Case c) {
        return switch (this) {
            case TITLE -> Optional.of(Value.text(c.title()));
            case DESCRIPTION -> Optional.of(Value.text(c.description()));
            case OWNER_ID -> c.ownerId().map(Value::text);
            case PRIORITY -> c.priority().map(p -> Value.text(p.wireName()));
            case DUE_DATE -> c.dueDate().map(Value::dateTime);
            case CONTACT_ID -> c.contactId().map(Value::text);
            case CONTACT_PHONE -> c.contactPhone().map(Value::text);
            case ATTACHMENT -> c.attachment().map(Value::text);
        };
    }

    Case set(Case c, Optional<Value> value) {
        if (mandatory && value.isEmpty()) {
            throw new IllegalArgumentException(wireName + " can not be cleared");
        }
        Optional<String> text = this == DUE_DATE ? Optional.empty() : value.map(v -> text(v));
        Case.Builder copy = c.toBuilder();
        Case.Builder changed = switch (this) {
            case TITLE -> copy.title(text.orElseThrow());
            case DESCRIPTION -> copy.description(text.orElseThrow());
            case OWNER_ID -> copy.ownerId(text);
            case PRIORITY -> copy.priority(text.map(StandardField::priority));
            case DUE_DATE -> copy.dueDate(value.map(StandardField::dateTime));
            case CONTACT_ID -> copy.contactId(text);
            case CONTACT_PHONE -> copy.contactPhone(text);
            case ATTACHMENT -> copy.attachment(text);
        };
        return changed.build();
    }

    private String text(Value v) {
        if (v instanceof Value.Text t) {
            return t.value();
        }
        throw new IllegalArgumentException(wireName + " takes a text value, not " + v);
    }

    private static Priority priority(String wireName) {
        return Priority.fromWireName(wireName)
                .orElseThrow(() -> new IllegalArgumentException("not a priority: " + wireName));
    }

    private static LocalDateTime dateTime(Value v) {
        if (v instanceof Value.DateTime d) {
            return d.value();
        }
        throw new IllegalArgumentException("dueDate takes a date-time value, not " + v);
    }
}

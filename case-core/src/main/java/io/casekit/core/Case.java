package io.casekit.core;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A stored case: the aggregate that modifications change. Immutable and safe to share between
 * threads; every change yields a new instance with the next {@link #version()}.
 *
 * <p>Strings are held exactly as given: no trimming, case folding or normalisation. Validity of the
 * field contents is the job of the service that creates and modifies cases; this record only refuses
 * what no case can be (a version below 1, an extension named like a standard field).
 *
 * <p>Build a case with {@link #builder()}, and copy one with changes with {@link #toBuilder()},
 * rather than through the canonical constructor: its sixteen positional arguments, six of them
 * {@code Optional}, are easy to put in the wrong order, and the lifecycle will add more (our
 * decision). Store adapters rebuild a stored case this way:
 *
 * <pre>{@code
 * Case stored = Case.builder()
 *         .tenant(tenant).id(id).typeId(typeId)
 *         .title(title).description(description)
 *         .ownerId(ownerIdOrNull)              // null: no owner
 *         .priority(Optional.of(Priority.HIGH))
 *         .extension("AICC__severity__CST", Value.text("S1"))
 *         .version(3).createdBy(creator).createdAt(createdAt).updatedAt(updatedAt)
 *         .build();
 * Case renamed = stored.toBuilder().title("New title").build();
 * }</pre>
 *
 * @param tenant       the tenant the case belongs to
 * @param id           the case's id, unique in its tenant, never changed
 * @param typeId       the case type, set at creation, never changed
 * @param title        the title, not blank, at most 128 UTF-8 bytes
 * @param description  the description, not blank, at most 20,000 UTF-8 bytes
 * @param ownerId      the owner
 * @param priority     the priority
 * @param dueDate      the deadline, a local date-time of the tenant's zone, to the second
 * @param contactId    the contact
 * @param contactPhone the contact's phone number
 * @param attachment   an opaque reference to attachments
 * @param extensions   the template's extension fields that have a value, by field name
 * @param version      1 at creation, +1 per effective change
 * @param createdBy    the creator
 * @param createdAt    when the case was created
 * @param updatedAt    when the case last changed
 * @param status       the case's status, a name of its type's {@link io.casekit.core.template.StatusFlow}
 *                     (for a case built without one: {@code Open}, the first status of
 *                     {@link io.casekit.core.template.StatusFlow#DEFAULT})
 * @param state        what the status means ({@link CaseState}): {@code Completed} once closed,
 *                     {@code Cancelled} once cancelled, else the state its status maps to
 * @param closedAt     when the case was closed; present exactly while it is closed
 * @param closedReason the reason given when it was closed (only while closed)
 * @param reopened     whether the case was ever reopened after a close
 *
 * <p>The lifecycle's components are kept consistent by {@code CaseService}'s operations (a closed case
 * is {@code Completed}, a closed reason belongs to a closed case); this record holds what it is given.
 */
public record Case(
        TenantId tenant,
        CaseId id,
        CaseTypeId typeId,
        String title,
        String description,
        Optional<String> ownerId,
        Optional<Priority> priority,
        Optional<LocalDateTime> dueDate,
        Optional<String> contactId,
        Optional<String> contactPhone,
        Optional<String> attachment,
        Map<String, Value> extensions,
        long version,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        String status,
        CaseState state,
        Optional<Instant> closedAt,
        Optional<String> closedReason,
        boolean reopened) {

    /** The status of a case built without one: the first status of the default flow. */
    static final String DEFAULT_STATUS = "Open";

    /**
     * The canonical constructor, which every other way of making a case ends in. Prefer
     * {@link #builder()} and {@link #toBuilder()}, which name each component.
     *
     * @throws NullPointerException     when a component, an extension name or an extension value is
     *                                  null
     * @throws IllegalArgumentException when {@code version} is below 1, an extension has the name of a
     *                                  standard field or another key of the case model
     *                                  ({@link StandardField#isReserved}), or {@code dueDate} has a
     *                                  fraction of a second (as {@link Value.DateTime})
     */
    public Case {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(typeId, "typeId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(contactPhone, "contactPhone");
        Objects.requireNonNull(attachment, "attachment");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(closedAt, "closedAt");
        Objects.requireNonNull(closedReason, "closedReason");
        if (dueDate.isPresent() && dueDate.get().getNano() != 0) {
            throw new IllegalArgumentException("a date-time value has no fraction of a second");
        }
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, was " + version);
        }
        Objects.requireNonNull(extensions, "extensions");
        // A map a Case made (a builder's, another case's) is taken over as it is: it was checked when made.
        extensions = SortedExtensions.of(extensions);
    }

    /**
     * The value of a modifiable field: a {@link StandardField} by its wire name, or an extension
     * field. Priority is its wire name as {@link Value.Text}, {@code dueDate} a {@link Value.DateTime}.
     * Also the lifecycle's fields as its history entries record them: {@code status} and {@code state}
     * (wire name) as texts, {@code closedReason}, {@code reopened} as {@code true} once reopened
     * (empty before), and {@code closed} as {@code true} while closed (empty while open).
     */
    public Optional<Value> value(String field) {
        switch (field) {
            case StandardField.STATUS:
                return Optional.of(Value.text(status));
            case StandardField.STATE:
                return Optional.of(Value.text(state.wireName()));
            case StandardField.CLOSED_REASON:
                return closedReason.map(Value::text);
            case StandardField.REOPENED:
                return reopened ? Optional.of(Value.bool(true)) : Optional.empty();
            case StandardField.CLOSED:
                return closedAt.isPresent() ? Optional.of(Value.bool(true)) : Optional.empty();
            default:
                break;
        }
        Optional<StandardField> standard = StandardField.byName(field);
        if (standard.isPresent()) {
            return standard.get().get(this);
        }
        return Optional.ofNullable(extensions.get(field));
    }

    /**
     * This case with one modifiable field set to {@code value}, or cleared when it is empty. The
     * version and timestamps are unchanged.
     *
     * @throws IllegalArgumentException when a mandatory field would be cleared or a value has the
     *                                  wrong type for a standard field
     */
    public Case with(String field, Optional<Value> value) {
        Optional<StandardField> standard = StandardField.byName(field);
        if (standard.isPresent()) {
            return standard.get().set(this, value);
        }
        if (StandardField.isReserved(field)) {
            throw new IllegalArgumentException(field + " is not modifiable");
        }
        TreeMap<String, Value> changed = new TreeMap<>(((SortedExtensions) extensions).sortedMap());
        if (value.isPresent()) {
            changed.put(field, value.get());
        } else {
            changed.remove(field);
        }
        return withExtensions(SortedExtensions.adopt(changed));
    }

    /** This case with another version and update time, as a store writes it after a change. */
    public Case withVersion(long newVersion, Instant newUpdatedAt) {
        return toBuilder().version(newVersion).updatedAt(newUpdatedAt).build();
    }

    Case withExtensions(Map<String, Value> newExtensions) {
        return toBuilder().extensions(newExtensions).build();
    }

    /** An empty builder: every required component still to be set, the optional ones empty. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding every component of this case, to make a copy with some of them changed.
     * Changing the builder never changes this case.
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.tenant = tenant;
        b.id = id;
        b.typeId = typeId;
        b.title = title;
        b.description = description;
        b.ownerId = ownerId;
        b.priority = priority;
        b.dueDate = dueDate;
        b.contactId = contactId;
        b.contactPhone = contactPhone;
        b.attachment = attachment;
        b.shareExtensions((SortedExtensions) extensions);
        b.version = version;
        b.versionSet = true;
        b.createdBy = createdBy;
        b.createdAt = createdAt;
        b.updatedAt = updatedAt;
        b.status = status;
        b.state = state;
        b.closedAt = closedAt;
        b.closedReason = closedReason;
        b.reopened = reopened;
        return b;
    }

    /**
     * Builds a {@link Case}, one setter per component, each named as the component and each
     * returning this builder.
     *
     * <p><b>Required</b>: {@code tenant}, {@code id}, {@code typeId}, {@code title},
     * {@code description}, {@code version}, {@code createdBy}, {@code createdAt} and
     * {@code updatedAt} have no default; {@link #build()} refuses a builder that lacks any of them,
     * and their setters throw {@link NullPointerException} for null. The version has no default
     * although a new case starts at 1: a store adapter that forgot to read the stored version must
     * fail, not silently make it 1 (our decision).
     *
     * <p><b>Optional</b>: {@code ownerId}, {@code priority}, {@code dueDate}, {@code contactId},
     * {@code contactPhone} and {@code attachment} start empty. Each has two setters: one taking the
     * plain value, where {@code null} means empty (as a nullable database column reads), and one
     * taking the {@code Optional}, which must not be null itself. A literal {@code null} matches both
     * and does not compile; pass {@code Optional.empty()} to clear. {@code extensions} starts empty;
     * {@link #extensions(Map)} replaces them all, {@link #extension(String, Value)} adds or replaces
     * one.
     *
     * <p>Nothing but the nulls above is checked before {@link #build()}, which applies the canonical
     * constructor's checks. A builder is reusable: {@code build()} may be called again, after more
     * changes or none, and each case built is independent of the builder and of the maps passed to
     * it. Not thread-safe: confine a builder to one thread.
     */
    public static final class Builder {
        private @Nullable TenantId tenant;
        private @Nullable CaseId id;
        private @Nullable CaseTypeId typeId;
        private @Nullable String title;
        private @Nullable String description;
        private Optional<String> ownerId = Optional.empty();
        private Optional<Priority> priority = Optional.empty();
        private Optional<LocalDateTime> dueDate = Optional.empty();
        private Optional<String> contactId = Optional.empty();
        private Optional<String> contactPhone = Optional.empty();
        private Optional<String> attachment = Optional.empty();
        // Copy on write: the map may be held by a case built before (or the case toBuilder() came
        // from) while extensionsShared is true; any change copies it first.
        private TreeMap<String, Value> extensions = new TreeMap<>();
        private boolean extensionsShared;
        private long version;
        private boolean versionSet;
        private @Nullable String createdBy;
        private @Nullable Instant createdAt;
        private @Nullable Instant updatedAt;
        private String status = DEFAULT_STATUS;
        private CaseState state = CaseState.PROCESSING;
        private Optional<Instant> closedAt = Optional.empty();
        private Optional<String> closedReason = Optional.empty();
        private boolean reopened;

        private Builder() {}

        /** The tenant the case belongs to. Required. */
        public Builder tenant(TenantId tenant) {
            this.tenant = Objects.requireNonNull(tenant, "tenant");
            return this;
        }

        /** The case's id. Required. */
        public Builder id(CaseId id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        /** The case type. Required. */
        public Builder typeId(CaseTypeId typeId) {
            this.typeId = Objects.requireNonNull(typeId, "typeId");
            return this;
        }

        /** The title, held exactly as given. Required. */
        public Builder title(String title) {
            this.title = Objects.requireNonNull(title, "title");
            return this;
        }

        /** The description, held exactly as given. Required. */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /** The owner; {@code null} means none. */
        public Builder ownerId(@Nullable String ownerId) {
            return ownerId(Optional.ofNullable(ownerId));
        }

        /** The owner, or empty for none. */
        public Builder ownerId(Optional<String> ownerId) {
            this.ownerId = Objects.requireNonNull(ownerId, "ownerId");
            return this;
        }

        /** The priority; {@code null} means none. */
        public Builder priority(@Nullable Priority priority) {
            return priority(Optional.ofNullable(priority));
        }

        /** The priority, or empty for none. */
        public Builder priority(Optional<Priority> priority) {
            this.priority = Objects.requireNonNull(priority, "priority");
            return this;
        }

        /** The deadline, a local date-time of the tenant's zone, to the second; {@code null} means none. */
        public Builder dueDate(@Nullable LocalDateTime dueDate) {
            return dueDate(Optional.ofNullable(dueDate));
        }

        /** The deadline, a local date-time of the tenant's zone, to the second, or empty for none. */
        public Builder dueDate(Optional<LocalDateTime> dueDate) {
            this.dueDate = Objects.requireNonNull(dueDate, "dueDate");
            return this;
        }

        /** The contact; {@code null} means none. */
        public Builder contactId(@Nullable String contactId) {
            return contactId(Optional.ofNullable(contactId));
        }

        /** The contact, or empty for none. */
        public Builder contactId(Optional<String> contactId) {
            this.contactId = Objects.requireNonNull(contactId, "contactId");
            return this;
        }

        /** The contact's phone number; {@code null} means none. */
        public Builder contactPhone(@Nullable String contactPhone) {
            return contactPhone(Optional.ofNullable(contactPhone));
        }

        /** The contact's phone number, or empty for none. */
        public Builder contactPhone(Optional<String> contactPhone) {
            this.contactPhone = Objects.requireNonNull(contactPhone, "contactPhone");
            return this;
        }

        /** The opaque reference to attachments; {@code null} means none. */
        public Builder attachment(@Nullable String attachment) {
            return attachment(Optional.ofNullable(attachment));
        }

        /** The opaque reference to attachments, or empty for none. */
        public Builder attachment(Optional<String> attachment) {
            this.attachment = Objects.requireNonNull(attachment, "attachment");
            return this;
        }

        /**
         * Every extension field of the case, replacing those set before. The map is copied (another
         * case's {@link Case#extensions()}, which never changes, is shared until this builder changes
         * it); its order does not matter (a case keeps its extensions sorted by name).
         *
         * @throws NullPointerException when the map, a name or a value is null
         */
        public Builder extensions(Map<String, Value> extensions) {
            Objects.requireNonNull(extensions, "extensions");
            // Checked before anything changes, so that a refused map leaves the builder as it was.
            extensions.forEach((name, value) -> {
                Objects.requireNonNull(name, "extension name");
                Objects.requireNonNull(value, "extension value");
            });
            if (extensions instanceof SortedExtensions sorted) {
                shareExtensions(sorted);
            } else {
                this.extensions = new TreeMap<>(extensions);
                this.extensionsShared = false;
            }
            return this;
        }

        /**
         * Adds the extension field {@code name}, replacing its value if it was set. A name reserved
         * for the case model is refused by {@link #build()}.
         */
        public Builder extension(String name, Value value) {
            Objects.requireNonNull(name, "extension name");
            Objects.requireNonNull(value, "extension value");
            if (extensionsShared) {
                extensions = new TreeMap<>(extensions);
                extensionsShared = false;
            }
            extensions.put(name, value);
            return this;
        }

        private void shareExtensions(SortedExtensions sorted) {
            extensions = sorted.sortedMap();
            extensionsShared = true;
        }

        /** The version: 1 at creation, +1 per effective change. Required; {@link #build()} refuses one below 1. */
        public Builder version(long version) {
            this.version = version;
            this.versionSet = true;
            return this;
        }

        /** The creator. Required. */
        public Builder createdBy(String createdBy) {
            this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
            return this;
        }

        /** When the case was created. Required. */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
            return this;
        }

        /** When the case last changed. Required. */
        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
            return this;
        }

        /**
         * The status, a name of the type's status flow. Default {@code Open}, the first status of
         * {@link io.casekit.core.template.StatusFlow#DEFAULT}.
         */
        public Builder status(String status) {
            this.status = Objects.requireNonNull(status, "status");
            return this;
        }

        /** The state. Default {@link CaseState#PROCESSING}. */
        public Builder state(CaseState state) {
            this.state = Objects.requireNonNull(state, "state");
            return this;
        }

        /** When the case was closed; null means open. Default open. */
        public Builder closedAt(@Nullable Instant closedAt) {
            this.closedAt = Optional.ofNullable(closedAt);
            return this;
        }

        /** When the case was closed; empty means open. */
        public Builder closedAt(Optional<Instant> closedAt) {
            this.closedAt = Objects.requireNonNull(closedAt, "closedAt");
            return this;
        }

        /** The reason it was closed with; null means none. Default none. */
        public Builder closedReason(@Nullable String closedReason) {
            this.closedReason = Optional.ofNullable(closedReason);
            return this;
        }

        /** The reason it was closed with; empty means none. */
        public Builder closedReason(Optional<String> closedReason) {
            this.closedReason = Objects.requireNonNull(closedReason, "closedReason");
            return this;
        }

        /** Whether the case was ever reopened. Default false. */
        public Builder reopened(boolean reopened) {
            this.reopened = reopened;
            return this;
        }

        /**
         * The case these components make, through the canonical constructor.
         *
         * @throws IllegalStateException    when required components were not set; the message names
         *                                  every one of them, in the order of the record's components
         * @throws IllegalArgumentException when the canonical constructor refuses the components (a
         *                                  version below 1, a reserved extension name, a due date
         *                                  with a fraction of a second)
         */
        public Case build() {
            List<String> missing = new ArrayList<>();
            if (tenant == null) {
                missing.add("tenant");
            }
            if (id == null) {
                missing.add("id");
            }
            if (typeId == null) {
                missing.add("typeId");
            }
            if (title == null) {
                missing.add("title");
            }
            if (description == null) {
                missing.add("description");
            }
            if (!versionSet) {
                missing.add("version");
            }
            if (createdBy == null) {
                missing.add("createdBy");
            }
            if (createdAt == null) {
                missing.add("createdAt");
            }
            if (updatedAt == null) {
                missing.add("updatedAt");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("required components of a case not set: " + String.join(", ", missing));
            }
            SortedExtensions built = SortedExtensions.adopt(extensions);
            extensionsShared = true;
            return new Case(tenant, id, typeId, title, description, ownerId, priority, dueDate, contactId,
                    contactPhone, attachment, built, version, createdBy, createdAt, updatedAt, status, state, closedAt, closedReason, reopened);
        }
    }
}

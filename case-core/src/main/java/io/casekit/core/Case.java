package io.casekit.core;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A stored case: the aggregate that modifications change. Immutable; every change yields a new
 * instance with the next {@link #version()}.
 *
 * <p>Strings are held exactly as given: no trimming, case folding or normalisation. Validity of the
 * field contents is the job of the service that creates and modifies cases; this record only refuses
 * what no case can be (a version below 1, an extension named like a standard field).
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
        Instant updatedAt) {

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
        dueDate.ifPresent(d -> new Value.DateTime(d));
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, was " + version);
        }
        TreeMap<String, Value> sorted = new TreeMap<>();
        for (Map.Entry<String, Value> e : extensions.entrySet()) {
            if (StandardField.isReserved(e.getKey())) {
                throw new IllegalArgumentException("extension " + e.getKey() + " has the name of a standard field");
            }
            sorted.put(e.getKey(), Objects.requireNonNull(e.getValue(), "extension value"));
        }
        extensions = Collections.unmodifiableMap(sorted);
    }

    /**
     * The value of a modifiable field: a {@link StandardField} by its wire name, or an extension
     * field. Priority is its wire name as {@link Value.Text}, {@code dueDate} a {@link Value.DateTime}.
     */
    public Optional<Value> value(String field) {
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
        TreeMap<String, Value> changed = new TreeMap<>(extensions);
        if (value.isPresent()) {
            changed.put(field, value.get());
        } else {
            changed.remove(field);
        }
        return withExtensions(changed);
    }

    /** This case with another version and update time, as a store writes it after a change. */
    public Case withVersion(long newVersion, Instant newUpdatedAt) {
        return new Case(tenant, id, typeId, title, description, ownerId, priority, dueDate, contactId,
                contactPhone, attachment, extensions, newVersion, createdBy, createdAt, newUpdatedAt);
    }

    Case withExtensions(Map<String, Value> newExtensions) {
        return new Case(tenant, id, typeId, title, description, ownerId, priority, dueDate, contactId,
                contactPhone, attachment, newExtensions, version, createdBy, createdAt, updatedAt);
    }
}

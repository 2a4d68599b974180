package io.casekit.core;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The typed setters shared by the builders of {@link CaseDraft} and {@link CaseModification}: each
 * sends one {@code caseInfo} key as a client would. Not thread-safe.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract sealed class CaseInfoBuilder<B extends CaseInfoBuilder<B>>
        permits CaseDraft.Builder, CaseModification.Builder {
    final Map<String, InputValue> fields = new LinkedHashMap<>();

    CaseInfoBuilder() {}

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    public B title(String title) {
        return set("title", InputValue.text(title));
    }

    public B description(String description) {
        return set("description", InputValue.text(description));
    }

    public B ownerId(String ownerId) {
        return set("ownerId", InputValue.text(ownerId));
    }

    public B priority(Priority priority) {
        return set("priority", InputValue.text(priority.wireName()));
    }

    /** Sets the due date; it has no fraction of a second on the wire, so one here is refused. */
    public B dueDate(LocalDateTime dueDate) {
        return set("dueDate", InputValue.dateTime(dueDate));
    }

    public B contactId(String contactId) {
        return set("contactId", InputValue.text(contactId));
    }

    public B contactPhone(String contactPhone) {
        return set("contactPhone", InputValue.text(contactPhone));
    }

    public B attachment(String attachment) {
        return set("attachment", InputValue.text(attachment));
    }

    /** Sets an extension field of the template to a typed value. */
    public B extension(String name, Value value) {
        return set(name, InputValue.of(value));
    }

    /** Sends {@code key} with exactly this input, as a client would. */
    public B set(String key, InputValue value) {
        fields.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return self();
    }
}

package io.casekit.core;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request to create a case: the AICC {@code caseInfo} of a create request.
 *
 * <p>Required: {@code title}, {@code description}, {@code type}, {@code contactId}, {@code creatorId}
 * (who becomes {@code createdBy}) and the template's required fields. {@code id} is optional: without
 * it the service generates one. Nothing is checked when the object is built: the service validates it
 * and reports all violations at once.
 *
 * @param caseInfo the request's fields in the order sent
 */
public record CaseDraft(Map<String, InputValue> caseInfo) {
    public CaseDraft {
        caseInfo = CaseInfo.copy(caseInfo);
    }

    /** A create request of exactly these fields. */
    public static CaseDraft of(Map<String, InputValue> caseInfo) {
        return new CaseDraft(caseInfo);
    }

    /** A builder for a case of {@code type}, created by {@code creatorId}. */
    public static Builder builder(CaseTypeId type, String creatorId) {
        return new Builder().set(StandardField.TYPE, InputValue.text(type.value()))
                .set(StandardField.CREATOR_ID, InputValue.text(creatorId));
    }

    /** What the request says of {@code key}. */
    public Patch<InputValue> patch(String key) {
        return CaseInfo.patch(caseInfo, key);
    }

    /** Builds a {@link CaseDraft}. Not thread-safe. */
    public static final class Builder {
        private final Map<String, InputValue> fields = new LinkedHashMap<>();

        private Builder() {}

        /** Creates the case with this id instead of a generated one. */
        public Builder id(String id) {
            return set(StandardField.ID, InputValue.text(id));
        }

        public Builder title(String title) {
            return set("title", InputValue.text(title));
        }

        public Builder description(String description) {
            return set("description", InputValue.text(description));
        }

        public Builder ownerId(String ownerId) {
            return set("ownerId", InputValue.text(ownerId));
        }

        public Builder priority(Priority priority) {
            return set("priority", InputValue.text(priority.wireName()));
        }

        public Builder dueDate(LocalDateTime dueDate) {
            return set("dueDate", CaseInfo.input(dueDate));
        }

        public Builder contactId(String contactId) {
            return set("contactId", InputValue.text(contactId));
        }

        public Builder contactPhone(String contactPhone) {
            return set("contactPhone", InputValue.text(contactPhone));
        }

        public Builder attachment(String attachment) {
            return set("attachment", InputValue.text(attachment));
        }

        /** Sets an extension field of the type's template to a typed value. */
        public Builder extension(String name, Value value) {
            return set(name, CaseInfo.input(value));
        }

        /** Sends {@code key} with exactly this input, as a client would. */
        public Builder set(String key, InputValue value) {
            fields.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public CaseDraft build() {
            return new CaseDraft(fields);
        }
    }
}

package io.casekit.core;

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
        return builder(Objects.requireNonNull(type, "type").value(), creatorId);
    }

    /**
     * A builder for a case of {@code type}, created by {@code creatorId}. The type is sent as text,
     * as a client would: one that is no case type of the tenant is reported by the validation.
     */
    public static Builder builder(String type, String creatorId) {
        return new Builder().set(StandardField.TYPE, InputValue.text(Objects.requireNonNull(type, "type")))
                .set(StandardField.CREATOR_ID, InputValue.text(Objects.requireNonNull(creatorId, "creatorId")));
    }

    /** What the request says of {@code key}. */
    public Patch<InputValue> patch(String key) {
        return CaseInfo.patch(caseInfo, key);
    }

    /** Builds a {@link CaseDraft}. Not thread-safe. */
    public static final class Builder extends CaseInfoBuilder<Builder> {
        private Builder() {}

        /** Creates the case with this id instead of a generated one. */
        public Builder id(CaseId id) {
            return id(Objects.requireNonNull(id, "id").value());
        }

        /** Creates the case with this id instead of a generated one; an invalid one is reported by the validation. */
        public Builder id(String id) {
            return set(StandardField.ID, InputValue.text(Objects.requireNonNull(id, "id")));
        }

        public CaseDraft build() {
            return new CaseDraft(fields);
        }
    }
}

package io.casekit.core;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A request to modify a case: the AICC {@code caseInfo} of a modify request, plus an optional
 * expected version.
 *
 * <p>Each key is in one of three states ({@link #patch(String)}): absent (unchanged), null (cleared;
 * for an optional text also {@code ""}), or a value (set). {@code id} names the case and
 * {@code creatorId} the operator on whose behalf the change is made; {@code title} and
 * {@code description} must always be sent. Nothing is checked when the object is built: the service
 * validates it and reports all violations at once.
 *
 * <pre>{@code
 * CaseModification change = CaseModification.builder("c6m800000142mS63Voa8", "10gg0000013wljxK5XX6")
 *         .title("testOpenApi11")
 *         .description("test111")
 *         .priority(Priority.HIGH)
 *         .clear("ownerId")
 *         .build();
 * }</pre>
 *
 * @param caseInfo        the request's fields in the order sent
 * @param expectedVersion when present, the change applies only to this version of the case
 */
public record CaseModification(Map<String, InputValue> caseInfo, OptionalLong expectedVersion) {
    public CaseModification {
        caseInfo = CaseInfo.copy(caseInfo);
        Objects.requireNonNull(expectedVersion, "expectedVersion");
    }

    /** A modification of exactly these fields, with no expected version. */
    public static CaseModification of(Map<String, InputValue> caseInfo) {
        return new CaseModification(caseInfo, OptionalLong.empty());
    }

    /** A builder for the case {@code caseId}, changed on behalf of {@code operator}. */
    public static Builder builder(String caseId, String operator) {
        return new Builder().set(StandardField.ID, InputValue.text(caseId))
                .set(StandardField.CREATOR_ID, InputValue.text(operator));
    }

    /** What the request says of {@code key}. */
    public Patch<InputValue> patch(String key) {
        return CaseInfo.patch(caseInfo, key);
    }

    /** This modification, to be applied only to the given version of the case. */
    public CaseModification expectingVersion(long version) {
        return new CaseModification(caseInfo, OptionalLong.of(version));
    }

    /** Builds a {@link CaseModification}. Not thread-safe. */
    public static final class Builder extends CaseInfoBuilder<Builder> {
        private OptionalLong expectedVersion = OptionalLong.empty();

        private Builder() {}

        /** Clears an optional field or an extension field (sends it as null). */
        public Builder clear(String key) {
            return set(key, InputValue.nullValue());
        }

        /** Applies the change only if the case is still at {@code version}. */
        public Builder expectedVersion(long version) {
            expectedVersion = OptionalLong.of(version);
            return this;
        }

        public CaseModification build() {
            return new CaseModification(fields, expectedVersion);
        }
    }
}

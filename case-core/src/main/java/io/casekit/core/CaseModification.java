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
 * {@code creatorId} the operator on whose behalf the change is made; both are always required.
 * Every other field may be left out and then stays as it is; a mandatory field ({@code title},
 * {@code description}, a required template field) can never be cleared (domain-rules §8, "Java API
 * vs wire"; our decision). The AICC wire request is stricter: it must also carry {@code title} and
 * {@code description} (seed); a request read from the wire says so with {@link #ofAiccRequest}.
 * A field sent with the value the case holds is unchanged and is not judged against the case type
 * as it is now, so a case read and sent back is a no-op even after its type was narrowed
 * (domain-rules §8, "evolving case types"). Nothing is checked when the object is built: the service
 * validates it and reports the violations at once (the first 100 in request order, and their count:
 * {@link CaseValidationException}).
 *
 * <pre>{@code
 * CaseModification change = CaseModification.builder(CaseId.of("c6m800000142mS63Voa8"), "10gg0000013wljxK5XX6")
 *         .priority(Priority.HIGH)
 *         .clear("ownerId")
 *         .build();
 * }</pre>
 *
 * @param caseInfo        the request's fields in the order sent
 * @param expectedVersion when present, the change applies only to this version of the case
 * @param aiccRequest     whether the AICC wire rule applies: {@code title} and {@code description}
 *                        must be sent ({@code required} when absent), as {@code id} and
 *                        {@code creatorId} must always be
 */
public record CaseModification(Map<String, InputValue> caseInfo, OptionalLong expectedVersion, boolean aiccRequest) {
    public CaseModification {
        caseInfo = CaseInfo.copy(caseInfo);
        Objects.requireNonNull(expectedVersion, "expectedVersion");
    }

    /** A modification under the Java rules: only {@code id} and {@code creatorId} must be sent. */
    public CaseModification(Map<String, InputValue> caseInfo, OptionalLong expectedVersion) {
        this(caseInfo, expectedVersion, false);
    }

    /**
     * A modification of exactly these fields, with no expected version, under the Java rules: only
     * {@code id} and {@code creatorId} must be sent, an absent field stays as it is.
     */
    public static CaseModification of(Map<String, InputValue> caseInfo) {
        return new CaseModification(caseInfo, OptionalLong.empty(), false);
    }

    /**
     * The {@code caseInfo} of an AICC modify request, with no expected version: besides {@code id}
     * and {@code creatorId}, {@code title} and {@code description} must be sent (the seed's rule).
     */
    public static CaseModification ofAiccRequest(Map<String, InputValue> caseInfo) {
        return new CaseModification(caseInfo, OptionalLong.empty(), true);
    }

    /** A builder for the case {@code caseId}, changed on behalf of {@code operator}. */
    public static Builder builder(CaseId caseId, String operator) {
        return builder(Objects.requireNonNull(caseId, "caseId").value(), operator);
    }

    /**
     * A builder for the case {@code caseId}, changed on behalf of {@code operator}. The id is sent
     * as text, as a client would: one no case can have is reported by the validation, not here.
     */
    public static Builder builder(String caseId, String operator) {
        return new Builder().set(StandardField.ID, InputValue.text(Objects.requireNonNull(caseId, "caseId")))
                .set(StandardField.CREATOR_ID, InputValue.text(Objects.requireNonNull(operator, "operator")));
    }

    /** What the request says of {@code key}. */
    public Patch<InputValue> patch(String key) {
        return CaseInfo.patch(caseInfo, key);
    }

    /** This modification, to be applied only to the given version of the case. */
    public CaseModification expectingVersion(long version) {
        return new CaseModification(caseInfo, OptionalLong.of(version), aiccRequest);
    }

    /** Builds a {@link CaseModification} under the Java rules. Not thread-safe. */
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
            return new CaseModification(fields, expectedVersion, false);
        }
    }
}

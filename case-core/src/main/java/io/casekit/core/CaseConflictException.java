package io.casekit.core;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The case changed under the caller: the version it expected is not the stored one. A store also
 * throws it, without an actual version, when its database aborted the transaction because of a
 * concurrent one (a serialization failure or a deadlock); such a conflict is {@link #retryable()}.
 *
 * <p>The service throws it too when it <b>gave up</b> a modify: concurrent changes won the
 * compare-and-set more often than its re-apply bound allows. Such a conflict says how many re-applies
 * were made ({@link #reapplies()}), has the last lost race as its cause and the earlier ones as
 * {@linkplain #getSuppressed() suppressed} exceptions, oldest first, and is retryable.
 */
public final class CaseConflictException extends CaseException {
    private static final long serialVersionUID = 1L;

    private final CaseId caseId;
    private final long expectedVersion;
    private final OptionalLong actualVersion;
    private final OptionalInt reapplies;

    /** The stored version is {@code actualVersion}, not {@code expectedVersion}. */
    public CaseConflictException(CaseId caseId, long expectedVersion, long actualVersion) {
        super("Case " + caseId.value() + " is at version " + actualVersion + ", not " + expectedVersion);
        this.caseId = caseId;
        this.expectedVersion = expectedVersion;
        this.actualVersion = OptionalLong.of(actualVersion);
        this.reapplies = OptionalInt.empty();
    }

    /** The database refused the change because of a concurrent transaction; the stored version is unknown. */
    public CaseConflictException(CaseId caseId, long expectedVersion, Throwable cause) {
        super("Case " + caseId.value() + " was changed concurrently", cause);
        this.caseId = caseId;
        this.expectedVersion = expectedVersion;
        this.actualVersion = OptionalLong.empty();
        this.reapplies = OptionalInt.empty();
    }

    /**
     * The service gave up after {@code reapplies} re-applies; {@code lastLost} is the conflict of its
     * last attempt, whose case, versions and cause this one carries on (as its cause). The caller adds
     * the earlier lost races with {@link #addSuppressed}.
     *
     * @throws IllegalArgumentException when {@code reapplies} is negative
     */
    public CaseConflictException(CaseConflictException lastLost, int reapplies) {
        super("Case " + lastLost.caseId.value() + " kept changing concurrently: gave up after " + reapplies
                + (reapplies == 1 ? " re-apply" : " re-applies"), lastLost);
        if (reapplies < 0) {
            throw new IllegalArgumentException("reapplies must not be negative");
        }
        this.caseId = lastLost.caseId;
        this.expectedVersion = lastLost.expectedVersion;
        this.actualVersion = lastLost.actualVersion;
        this.reapplies = OptionalInt.of(reapplies);
    }

    public CaseId caseId() {
        return caseId;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    /** The stored version, when the store knows it. */
    public OptionalLong actualVersion() {
        return actualVersion;
    }

    /**
     * For a conflict the service gave up on, how many times it re-read the case and re-applied the
     * modify first (0 with a re-apply bound of 0); empty for any other conflict (a pinned version that
     * does not match, or a store's).
     */
    public OptionalInt reapplies() {
        return reapplies;
    }

    /** True when the database aborted a concurrent transaction, and when the service gave up re-applying. */
    @Override
    public boolean retryable() {
        return actualVersion.isEmpty() || reapplies.isPresent();
    }

    @Override
    public Kind kind() {
        return Kind.CONFLICT;
    }
}

package io.casekit.core;

import java.util.OptionalLong;

/**
 * The case changed under the caller: the version it expected is not the stored one. A store also
 * throws it, without an actual version, when its database aborted the transaction because of a
 * concurrent one (a serialization failure or a deadlock); such a conflict is {@link #retryable()}.
 */
public final class CaseConflictException extends CaseException {
    private static final long serialVersionUID = 1L;

    private final CaseId caseId;
    private final long expectedVersion;
    private final OptionalLong actualVersion;

    /** The stored version is {@code actualVersion}, not {@code expectedVersion}. */
    public CaseConflictException(CaseId caseId, long expectedVersion, long actualVersion) {
        super("Case " + caseId.value() + " is at version " + actualVersion + ", not " + expectedVersion);
        this.caseId = caseId;
        this.expectedVersion = expectedVersion;
        this.actualVersion = OptionalLong.of(actualVersion);
    }

    /** The database refused the change because of a concurrent transaction; the stored version is unknown. */
    public CaseConflictException(CaseId caseId, long expectedVersion, Throwable cause) {
        super("Case " + caseId.value() + " was changed concurrently", cause);
        this.caseId = caseId;
        this.expectedVersion = expectedVersion;
        this.actualVersion = OptionalLong.empty();
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

    @Override
    public boolean retryable() {
        return actualVersion.isEmpty();
    }

    @Override
    public Kind kind() {
        return Kind.CONFLICT;
    }
}

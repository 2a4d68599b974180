package io.casekit.core;

/**
 * The store failed: the database could not be reached, the connection broke, or it answered with
 * an error the library does not expect. The operation changed nothing, or its transaction was
 * rolled back, so a retry is safe. The message never holds SQL or driver text; the cause does, for
 * the host's logs only.
 */
public final class StorageUnavailableException extends CaseException {
    private static final long serialVersionUID = 1L;

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageUnavailableException(String message) {
        super(message);
    }

    @Override
    public boolean retryable() {
        return true;
    }

    @Override
    public Kind kind() {
        return Kind.STORAGE_UNAVAILABLE;
    }
}

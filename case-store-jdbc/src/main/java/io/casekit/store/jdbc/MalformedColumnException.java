package io.casekit.store.jdbc;

/**
 * A stored column the store can not read back: not written by casekit, or changed by hand into a
 * form it does not accept. The store reports it as a {@link io.casekit.core.StorageUnavailableException}
 * whose message says the stored data is unreadable, and keeps this as its cause.
 */
final class MalformedColumnException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedColumnException(String message) {
        super(message);
    }

    MalformedColumnException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.casekit.core;

/**
 * The root of every exception the library throws on purpose. Callers branch on {@link #kind()},
 * never on the message, which is for people and may change.
 */
public abstract sealed class CaseException extends RuntimeException
        permits CaseValidationException, CaseNotFoundException, CaseConflictException, CaseRefusedException,
        DuplicateCaseException, StorageUnavailableException, CaseReadOnlyException {

    private static final long serialVersionUID = 1L;

    /** The stable kinds of failure. */
    public enum Kind {
        /** The request breaks one or more rules; nothing was stored. */
        VALIDATION("validation"),
        /** No such case (or case type) in the tenant. */
        NOT_FOUND("not_found"),
        /** The case changed since the version the caller expected. */
        CONFLICT("conflict"),
        /** The host's authorization policy refused the change. */
        REFUSED("refused"),
        /** A case with this id already exists in the tenant. */
        DUPLICATE("duplicate"),
        /** The store could not be reached or failed; nothing was changed and a retry is safe. */
        STORAGE_UNAVAILABLE("storage_unavailable"),
        /** The case is closed or cancelled: only reads, history, reopen (closed) and resume (cancelled) work. */
        READ_ONLY_CASE("read_only_case");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        /** The stable machine code of the kind. */
        public String code() {
            return code;
        }
    }

    CaseException(String message) {
        super(message);
    }

    CaseException(String message, Throwable cause) {
        super(message, cause);
    }

    /** What kind of failure this is. */
    public abstract Kind kind();

    /** Whether the same call may succeed if simply made again. */
    public boolean retryable() {
        return false;
    }
}

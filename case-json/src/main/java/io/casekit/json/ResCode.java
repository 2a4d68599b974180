package io.casekit.json;

import io.casekit.core.CaseException;

/**
 * The {@code resCode} values of casekit's AICC responses (wire-format §3). The first three digits
 * of a non-zero code are the HTTP status a host sends; {@link #httpStatus()} gives it.
 *
 * <p>{@link #DUPLICATE_CASE} ({@code 409002}) is casekit's own: wire-format §3 has no code for a
 * create that names an id the tenant already has, and a conflict with the stored state is what it
 * is, so it shares HTTP 409 with a version conflict but has its own code.
 */
public enum ResCode {
    /** Success. */
    SUCCESS("0", 200, "Success"),
    /** Not JSON, invalid UTF-8, a byte-order mark, a duplicate key, trailing data, the wrong top-level shape, a limit exceeded. */
    MALFORMED_REQUEST("400001", 400, "Malformed request"),
    /** One or more violations; {@code errors} lists all of them. */
    VALIDATION_FAILED("400002", 400, "Validation failed"),
    /** Missing or unknown access token (sent by the host). */
    UNAUTHORIZED("401001", 401, "Missing or unknown access token"),
    /** The host's authorization policy refused the change. */
    REFUSED("403001", 403, "Refused"),
    /** No such case in this tenant. */
    NOT_FOUND("404001", 404, "Case not found"),
    /** The case changed under the request; {@code errors[0].params} holds the versions. */
    VERSION_CONFLICT("409001", 409, "Version conflict"),
    /** A create named an id the tenant already has. casekit's own code. */
    DUPLICATE_CASE("409002", 409, "Case already exists"),
    /** The case is closed or cancelled; {@code errors[0]} ({@code case_read_only}) says which and what undoes it. casekit's own code. */
    CASE_READ_ONLY("409003", 409, "Case is closed or cancelled"),
    /** The body is longer than the limit (default 1 MiB). */
    BODY_TOO_LARGE("413001", 413, "Request body too large"),
    /** The Content-Type is not JSON in UTF-8 (sent by the host). */
    UNSUPPORTED_MEDIA_TYPE("415001", 415, "Content-Type must be application/json in UTF-8"),
    /** Something unexpected failed; no detail is given. */
    INTERNAL_ERROR("500001", 500, "Internal error"),
    /** The store failed; nothing changed and a retry is safe. */
    STORAGE_UNAVAILABLE("503001", 503, "Storage unavailable; the request can be retried");

    private final String code;
    private final int httpStatus;
    private final String message;

    ResCode(String code, int httpStatus, String message) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.message = message;
    }

    /** The wire value of {@code resCode}, e.g. {@code 400002}. */
    public String code() {
        return code;
    }

    /** The HTTP status to send: 200 for success, else the first three digits of the code. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The default {@code resMsg}. */
    public String message() {
        return message;
    }

    /** The code of a failure of the core, by its kind (never by its message). */
    public static ResCode of(CaseException.Kind kind) {
        return switch (kind) {
            case VALIDATION -> VALIDATION_FAILED;
            case NOT_FOUND -> NOT_FOUND;
            case CONFLICT -> VERSION_CONFLICT;
            case REFUSED -> REFUSED;
            case DUPLICATE -> DUPLICATE_CASE;
            case STORAGE_UNAVAILABLE -> STORAGE_UNAVAILABLE;
            case READ_ONLY_CASE -> CASE_READ_ONLY;
        };
    }
}

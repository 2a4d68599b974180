package io.casekit.json;

import java.util.Objects;

/**
 * Bytes that can not be read as the expected JSON document: longer than the limit
 * ({@link ResCode#BODY_TOO_LARGE}), or not UTF-8 JSON text of the expected shape within the limits
 * ({@link ResCode#MALFORMED_REQUEST}). The message says what is wrong, and where when it can, in
 * words for people; it never holds a class name or a stack trace of the parser.
 */
public final class UnreadableJsonException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ResCode resCode;

    public UnreadableJsonException(ResCode resCode, String message) {
        // Hostile bodies are refused often and cheaply: the stack trace would say nothing about the body.
        super(Objects.requireNonNull(message, "message"), null, false, false);
        if (resCode != ResCode.BODY_TOO_LARGE && resCode != ResCode.MALFORMED_REQUEST) {
            throw new IllegalArgumentException("an unreadable document is " + ResCode.BODY_TOO_LARGE + " or "
                    + ResCode.MALFORMED_REQUEST + ", not " + resCode);
        }
        this.resCode = resCode;
    }

    /** {@link ResCode#BODY_TOO_LARGE} or {@link ResCode#MALFORMED_REQUEST}. */
    public ResCode resCode() {
        return resCode;
    }
}

package io.casekit.core;

import java.util.Collections;
import java.util.TreeMap;
import java.util.Map;
import java.util.Objects;

/**
 * One reason a request was refused.
 *
 * @param path    where: a JSON Pointer into the AICC request, e.g. {@code /caseInfo/title}
 * @param code    what, as a stable machine code
 * @param params  the figures behind it, e.g. {@code maxBytes} and {@code actualBytes}; values are
 *                {@link Long}, {@link String}, {@link java.math.BigDecimal} or a list of strings
 * @param message an English sentence for people; never parse it
 */
public record Violation(String path, ViolationCode code, Map<String, Object> params, String message) {
    /** The JSON Pointer of the object that holds a case's fields in a request. */
    public static final String CASE_INFO = "/caseInfo";

    public Violation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        // Sorted, so that the same violation always lists its params in the same order.
        params = Collections.unmodifiableMap(new TreeMap<>(params));
    }

    /** The JSON Pointer of a field of {@code caseInfo}, escaped as RFC 6901 says ({@link JsonPointers#escape}). */
    public static String pathOf(String field) {
        return CASE_INFO + "/" + JsonPointers.escape(field);
    }
}

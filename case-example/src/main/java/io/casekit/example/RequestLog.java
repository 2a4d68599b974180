package io.casekit.example;

import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Where the host records each request: one call per request, after its answer was sent (or the
 * client went away). Never given a body, a header or a query string, so never a token. Implementations
 * must be thread-safe: requests are served in parallel.
 */
@FunctionalInterface
public interface RequestLog {
    /** The longest path written; a longer one is cut and ends with {@code ...}. */
    int MAX_PATH_LENGTH = 300;

    /** The time of a line: UTC, to the millisecond, always the same width. */
    DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /**
     * @param method  the request method
     * @param path    the request path as sent, without its query
     * @param status  the HTTP status sent
     * @param resCode the {@code resCode} of the body sent
     * @param millis  the time from the request's arrival at the handler to the end of the answer
     */
    void record(String method, String path, int status, String resCode, long millis);

    /**
     * One line per request on {@code out}:
     * {@code 2026-11-27T22:12:31.207Z POST /service/AICC__Case/1.0.0/openapi/case/modify 200 0 12ms}.
     * Method and path are written with every character outside visible ASCII as {@code ?}, so that
     * a client can not forge a line.
     */
    static RequestLog to(PrintStream out, Clock clock) {
        return (method, path, status, resCode, millis) -> out.println(
                TIME.format(clock.instant()) + " " + visible(method, 20) + " " + visible(path, MAX_PATH_LENGTH) + " " + status + " "
                        + resCode + " " + millis + "ms");
    }

    private static String visible(String text, int maxLength) {
        StringBuilder shown = new StringBuilder(Math.min(text.length(), maxLength + 1));
        for (int i = 0; i < text.length() && i < maxLength; i++) {
            char c = text.charAt(i);
            shown.append(c >= 0x21 && c <= 0x7E ? c : '?');
        }
        if (text.length() > maxLength) {
            shown.append("...");
        }
        return shown.toString();
    }
}

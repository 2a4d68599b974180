package io.casekit.core;

/**
 * JSON Pointers (RFC 6901), the form of every {@link Violation#path()}: one escaping rule for the
 * whole library, used by the core's violation paths and by the wire module's document paths alike.
 *
 * <p>Stateless and thread-safe.
 */
public final class JsonPointers {
    private JsonPointers() {}

    /**
     * A key as one reference token of a JSON Pointer, escaped as RFC 6901 section 3 says:
     * {@code ~} becomes {@code ~0} and {@code /} becomes {@code ~1}, in that order, so that a key
     * {@code "~1"} becomes {@code "~01"} and reads back as itself. Every other character is kept as
     * it is (a pointer is a JSON string, not a URI fragment: nothing is percent-encoded).
     *
     * @param key any key, also empty
     * @return the key as a reference token, without the leading {@code /}
     */
    public static String escape(String key) {
        if (key.indexOf('~') < 0 && key.indexOf('/') < 0) {
            return key;
        }
        return key.replace("~", "~0").replace("/", "~1");
    }
}

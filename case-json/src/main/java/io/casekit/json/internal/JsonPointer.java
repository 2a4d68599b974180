package io.casekit.json.internal;

/** JSON Pointers (RFC 6901) into documents. */
final class JsonPointer {
    private JsonPointer() {}

    /** A key as one reference token: {@code ~} becomes {@code ~0} and {@code /} becomes {@code ~1}. */
    static String escape(String key) {
        if (key.indexOf('~') < 0 && key.indexOf('/') < 0) {
            return key;
        }
        return key.replace("~", "~0").replace("/", "~1");
    }
}

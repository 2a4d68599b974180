package io.casekit.json.internal;

/** How client text appears inside a message: quoted, and cut short so that a message stays small. */
final class Shown {
    private static final int MAX_CHARS = 64;

    private Shown() {}

    static String quote(String text) {
        if (text.length() <= MAX_CHARS) {
            return "'" + text + "'";
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
        return "'" + text.substring(0, end) + "…'";
    }
}

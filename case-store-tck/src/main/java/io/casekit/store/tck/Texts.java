package io.casekit.store.tck;

import io.casekit.core.Utf8;

/** Texts of exact UTF-8 sizes for the tests of values kept in full. */
final class Texts {
    /** One character of each UTF-8 width: 1, 2, 3 and 4 bytes. */
    private static final String EVERY_WIDTH = "aé中😀";
    private static final int EVERY_WIDTH_BYTES = 10;

    private Texts() {}

    /**
     * A text of exactly {@code bytes} UTF-8 bytes that starts with {@code prefix} (ASCII) and goes on
     * with characters of every UTF-8 width and line breaks, so that a cut at any byte or character
     * count shows.
     */
    static String ofUtf8Bytes(int bytes, String prefix) {
        StringBuilder text = new StringBuilder(bytes).append(prefix);
        long length = Utf8.encodedLength(prefix);
        int line = 0;
        while (length + EVERY_WIDTH_BYTES <= bytes) {
            text.append(EVERY_WIDTH);
            length += EVERY_WIDTH_BYTES;
            if (++line % 8 == 0 && length + 1 <= bytes) {
                text.append('\n');
                length++;
            }
        }
        while (length < bytes) {
            text.append('z');
            length++;
        }
        if (Utf8.encodedLength(text) != bytes) {
            throw new IllegalStateException("built " + Utf8.encodedLength(text) + " bytes, not " + bytes);
        }
        return text.toString();
    }
}

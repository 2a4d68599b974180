package io.casekit.core;

/**
 * UTF-8 facts about Java strings, computed without encoding (no allocation). The limits of
 * casekit are in UTF-8 bytes, as the AICC API states them: a CJK character is 3 bytes, an emoji 4.
 */
public final class Utf8 {
    private Utf8() {}

    /**
     * The number of bytes {@code text} takes in UTF-8, or -1 when it holds a lone surrogate and so
     * has no UTF-8 form.
     */
    public static long encodedLength(CharSequence text) {
        long bytes = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    bytes += 4;
                    i++;
                } else {
                    return -1;
                }
            } else if (Character.isLowSurrogate(c)) {
                return -1;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /**
     * The char index of the first lone surrogate in {@code text}, or -1 when there is none.
     */
    public static int indexOfLoneSurrogate(CharSequence text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}

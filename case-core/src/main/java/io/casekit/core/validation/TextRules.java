package io.casekit.core.validation;

import io.casekit.core.Blank;
import io.casekit.core.validation.CaseText.Controls;

/** Character and format rules on text shared by the constraints and the template rules. */
final class TextRules {
    private TextRules() {}

    /**
     * What one pass over a text finds: its UTF-8 length (lone surrogates counted as 3, as they have
     * none), whether it holds a lone surrogate, and the index of the first character refused, or -1.
     */
    record Scan(long bytes, boolean hasLoneSurrogate, int refusedAt) {}

    static Scan scan(CharSequence text, Controls controls) {
        long bytes = 0;
        int refusedAt = -1;
        boolean loneSurrogate = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                bytes++;
            } else if (c < 0x80) {
                bytes++;
                if (refusedAt < 0 && (c == 0 || refusesControl(c, controls))) {
                    refusedAt = i;
                }
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes += 3;
                loneSurrogate = true;
                if (refusedAt < 0) {
                    refusedAt = i;
                }
            } else {
                bytes += 3;
            }
        }
        return new Scan(bytes, loneSurrogate, refusedAt);
    }

    /** The index of the first character {@code controls} refuses (always U+0000 and lone surrogates), or -1. */
    static int indexOfRefused(CharSequence text, Controls controls) {
        if (controls == Controls.ANY) {
            return io.casekit.core.RefusedCharacters.indexIn(text);
        }
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                if (c == 0 || refusesControl(c, controls)) {
                    return i;
                }
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    private static boolean refusesControl(char c, Controls controls) {
        return switch (controls) {
            case NONE -> true;
            case LINE_BREAKS -> c != '\t' && c != '\n' && c != '\r';
            case ANY -> false;
        };
    }

    /** The index of the first character that is not an id character, or -1. */
    static int indexOfNonIdCharacter(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean id = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!id) {
                return i;
            }
        }
        return -1;
    }

    /** Digits, an optional leading {@code +}, spaces, {@code -}, {@code (}, {@code )}; at least one digit. */
    static boolean isPhoneNumber(CharSequence text) {
        boolean digit = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == '+') {
                if (i != 0) {
                    return false;
                }
            } else if (c != ' ' && c != '-' && c != '(' && c != ')') {
                return false;
            }
        }
        return digit;
    }

    /**
     * One {@code @}, a non-empty local part and domain, no control character and no white space:
     * neither Unicode {@code White_Space} ({@link Blank#isWhiteSpace}) nor a Java space character.
     */
    static boolean isEmail(String text) {
        int at = text.indexOf('@');
        if (at <= 0 || at == text.length() - 1 || text.indexOf('@', at + 1) >= 0) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= 0x20 || c == 0x7F || Blank.isWhiteSpace(c) || Character.isWhitespace(c)
                    || Character.isSpaceChar(c)) {
                return false;
            }
        }
        return true;
    }
}

package io.casekit.core;

/**
 * The characters that no text of a case holds, whatever the field: U+0000 and lone surrogates
 * (UTF-16 halves without their pair, which have no UTF-8 form). Every text rule refuses them (our
 * decision, see {@code io.casekit.core.validation.CaseText}); the query validation uses this to refuse a filter value holding
 * one, which could match nothing and which PostgreSQL can not take as a parameter. Stateless and
 * thread-safe.
 */
public final class RefusedCharacters {
    private RefusedCharacters() {}

    /** The index (in UTF-16 units) of the first U+0000 or lone surrogate of {@code text}, or -1 when there is none. */
    public static int indexIn(CharSequence text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return i;
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The character at {@code index} as {@code U+XXXX}, the form of the {@code character} parameter of violations. */
    public static String describe(CharSequence text, int index) {
        return String.format("U+%04X", (int) text.charAt(index));
    }
}

package io.casekit.core.validation;

/**
 * The characters that no text of a case holds, whatever the field: U+0000 and lone surrogates
 * (UTF-16 halves without their pair, which have no UTF-8 form). Every text rule refuses them (our
 * decision, see {@link CaseText}); the query validation uses this to refuse a filter value holding
 * one, which could match nothing and which PostgreSQL can not take as a parameter. Stateless and
 * thread-safe.
 */
public final class RefusedCharacters {
    private RefusedCharacters() {}

    /** The index (in UTF-16 units) of the first U+0000 or lone surrogate of {@code text}, or -1 when there is none. */
    public static int indexIn(CharSequence text) {
        return TextRules.indexOfRefused(text, CaseText.Controls.ANY);
    }

    /** The character at {@code index} as {@code U+XXXX}, the form of the {@code character} parameter of violations. */
    public static String describe(CharSequence text, int index) {
        return ConstraintParams.codePoint(text.charAt(index));
    }
}

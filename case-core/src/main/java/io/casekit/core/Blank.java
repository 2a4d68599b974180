package io.casekit.core;

/**
 * What "blank" means in casekit, defined once and used by every rule that refuses a blank text
 * (the {@code title}, {@code description}, ids and {@code creatorId} of a request, the case type
 * of a create, a case type's name and its picklist options).
 *
 * <p>A text is <b>blank</b> when it is empty or every code point of it is either
 * <ul>
 *   <li>Unicode {@code White_Space} (domain-rules §8): U+0009–U+000D, U+0020, U+0085, U+00A0, U+1680,
 *       U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000; or</li>
 *   <li>invisible: Unicode {@code Default_Ignorable_Code_Point} (UAX #44, DerivedCoreProperties.txt of
 *       Unicode 15.1), which holds the invisible format characters U+200B ZERO WIDTH SPACE, U+200C,
 *       U+200D, U+2060 WORD JOINER, U+FEFF ZERO WIDTH NO-BREAK SPACE (the byte-order mark), U+180E
 *       MONGOLIAN VOWEL SEPARATOR (White_Space until Unicode 6.3), U+00AD SOFT HYPHEN, the bidi marks
 *       and controls (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), the variation selectors, the
 *       Hangul fillers (U+115F, U+1160, U+3164, U+FFA0) and the tag characters (U+E0000–U+E0FFF).</li>
 * </ul>
 *
 * <p>Why invisible characters count as blank (our decision; domain-rules §8 leaves it to us): Unicode
 * says a renderer shows nothing for them, so a title of only U+200B or U+FEFF looks exactly like an
 * empty one to the person who reads it, which is what the not-blank rule is there to prevent. Taking
 * Unicode's own property, rather than a hand-picked list, also covers the fillers and tags used to
 * fake "empty" names. A text with at least one other character is not blank, whatever else it holds:
 * {@code "a\u200B"} and an emoji with a variation selector are not blank. Java's
 * {@link String#isBlank()} is not this rule: it misses U+00A0, U+2007, U+202F and U+0085, and counts
 * U+001C–U+001F, which are not {@code White_Space}.
 *
 * <p>Stateless and thread-safe. A lone surrogate is neither white space nor invisible, so a text
 * holding one is not blank (it is refused for its characters instead).
 */
public final class Blank {
    private Blank() {}

    /** Whether {@code text} is empty or only {@code White_Space} and invisible code points (see above). */
    public static boolean isBlank(CharSequence text) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            int codePoint = Character.codePointAt(text, i);
            if (!isBlankCodePoint(codePoint)) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }

    /** Whether a text of only this code point would be blank: {@link #isWhiteSpace} or {@link #isInvisible}. */
    public static boolean isBlankCodePoint(int codePoint) {
        return isWhiteSpace(codePoint) || isInvisible(codePoint);
    }

    /**
     * Whether {@code codePoint} has the Unicode {@code White_Space} property (PropList.txt; unchanged
     * since Unicode 6.3). Not {@link Character#isWhitespace(int)}, which differs from it.
     */
    public static boolean isWhiteSpace(int codePoint) {
        return switch (codePoint) {
            case 0x0009, 0x000A, 0x000B, 0x000C, 0x000D, 0x0020, 0x0085, 0x00A0, 0x1680,
                 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
            default -> codePoint >= 0x2000 && codePoint <= 0x200A;
        };
    }

    /**
     * Whether {@code codePoint} has the Unicode {@code Default_Ignorable_Code_Point} property
     * (DerivedCoreProperties.txt, Unicode 15.1): shown as nothing unless a renderer supports it.
     */
    public static boolean isInvisible(int codePoint) {
        if (codePoint < 0x00AD) {
            return false;
        }
        if (codePoint < 0x2000) {
            return codePoint == 0x00AD || codePoint == 0x034F || codePoint == 0x061C
                    || codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x17B4 || codePoint == 0x17B5
                    || (codePoint >= 0x180B && codePoint <= 0x180F);
        }
        return (codePoint >= 0x200B && codePoint <= 0x200F)
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2060 && codePoint <= 0x206F)
                || codePoint == 0x3164
                || (codePoint >= 0xFE00 && codePoint <= 0xFE0F)
                || codePoint == 0xFEFF
                || codePoint == 0xFFA0
                || (codePoint >= 0xFFF0 && codePoint <= 0xFFF8)
                || (codePoint >= 0x1BCA0 && codePoint <= 0x1BCA3)
                || (codePoint >= 0x1D173 && codePoint <= 0x1D17A)
                || (codePoint >= 0xE0000 && codePoint <= 0xE0FFF);
    }
}

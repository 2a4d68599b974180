package io.casekit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Blank}: Unicode White_Space and Default_Ignorable_Code_Point, nothing else. */
public class BlankTest {
    /** domain-rules §8, written out as it stands there. */
    public static final int[] WHITE_SPACE = {0x0009, 0x000A, 0x000B, 0x000C, 0x000D, 0x0020, 0x0085, 0x00A0, 0x1680,
            0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A,
            0x2028, 0x2029, 0x202F, 0x205F, 0x3000};

    /** The invisible characters our decision counts as blank: one of each kind, and the usual suspects. */
    public static final int[] INVISIBLE = {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x180E, 0x00AD, 0x034F, 0x061C,
            0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B, 0x180F, 0x200E, 0x200F, 0x202A, 0x202E, 0x2061, 0x2064,
            0x2066, 0x2069, 0x206F, 0x3164, 0xFE00, 0xFE0F, 0xFFA0, 0xFFF0, 0x1BCA0, 0x1D173, 0x1D17A,
            0xE0001, 0xE0020, 0xE007F, 0xE0100, 0xE01EF, 0xE0FFF};

    static IntStream whiteSpace() {
        return IntStream.of(WHITE_SPACE);
    }

    static IntStream invisible() {
        return IntStream.of(INVISIBLE);
    }

    private static String of(int... codePoints) {
        return new String(codePoints, 0, codePoints.length);
    }

    @ParameterizedTest(name = "U+{0}")
    @MethodSource("whiteSpace")
    void every_white_space_character_alone_or_repeated_is_blank(int codePoint) {
        assertThat(Blank.isBlank(of(codePoint))).isTrue();
        assertThat(Blank.isBlank(of(codePoint, codePoint, 0x20))).isTrue();
        assertThat(Blank.isWhiteSpace(codePoint)).isTrue();
        assertThat(Blank.isBlank(of(codePoint, 'x', codePoint))).isFalse();
    }

    @ParameterizedTest(name = "U+{0}")
    @MethodSource("invisible")
    void every_invisible_format_character_alone_is_blank_and_next_to_a_letter_is_not(int codePoint) {
        assertThat(Blank.isBlank(of(codePoint))).isTrue();
        assertThat(Blank.isInvisible(codePoint)).isTrue();
        assertThat(Blank.isWhiteSpace(codePoint)).isFalse();
        assertThat(Blank.isBlank(of('a', codePoint))).isFalse();
        assertThat(Blank.isBlank(of(codePoint, 0x00A0, codePoint))).isTrue();
    }

    @Test
    void all_of_them_together_are_blank() {
        List<Integer> all = new ArrayList<>();
        whiteSpace().forEach(all::add);
        invisible().forEach(all::add);
        String text = all.stream().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        assertThat(Blank.isBlank(text)).isTrue();
        assertThat(Blank.isBlank(text + ".")).isFalse();
        assertThat(Blank.isBlank("." + text)).isFalse();
        assertThat(Blank.isBlank(new StringBuilder(text))).isTrue();
    }

    @Test
    void empty_is_blank() {
        assertThat(Blank.isBlank("")).isTrue();
    }

    @Test
    void what_string_is_blank_gets_wrong() {
        // The bug of issue 12 item 5: what an HTML &nbsp; sends.
        assertThat("\u00A0".isBlank()).isFalse();
        assertThat(Blank.isBlank("\u00A0")).isTrue();
        assertThat(Blank.isBlank("\u2007\u202F\u0085")).isTrue();
        // Java counts the information separators as white space; Unicode does not, neither do we.
        assertThat("\u001C\u001D\u001E\u001F".isBlank()).isTrue();
        assertThat(Blank.isBlank("\u001C\u001D\u001E\u001F")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", " a ", "a\u200B", "\u2764\uFE0F", "\uD800", "\uDC00 ", "\u2800", "\u3000x",
            "\u0000", "_", "\uD83C\uDF89"})
    void a_text_with_a_character_of_its_own_is_not_blank(String text) {
        assertThat(Blank.isBlank(text)).isFalse();
    }

    @Test
    void white_space_is_exactly_unicodes_white_space_property() {
        // An independent source: java.util.regex's Unicode property, tested for every code point.
        Pattern whiteSpace = Pattern.compile("\\p{IsWhite_Space}");
        List<Integer> differ = new ArrayList<>();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (Blank.isWhiteSpace(cp) != whiteSpace.matcher(of(cp)).matches()) {
                differ.add(cp);
            }
        }
        assertThat(differ).isEmpty();
        assertThat(IntStream.rangeClosed(0, Character.MAX_CODE_POINT).filter(Blank::isWhiteSpace).toArray())
                .containsExactly(WHITE_SPACE);
    }

    @Test
    void invisible_is_unicodes_derivation_of_default_ignorable() {
        // UAX #44: Default_Ignorable_Code_Point = Other_Default_Ignorable_Code_Point + Cf + Variation_Selector
        // - White_Space - FFF9..FFFB - 13430..1343F - Prepended_Concatenation_Mark. Checked here for Cf
        // through the JDK's own general categories.
        List<Integer> differ = new ArrayList<>();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (Character.getType(cp) == Character.FORMAT) {
                boolean excluded = (cp >= 0x0600 && cp <= 0x0605) || cp == 0x06DD || cp == 0x070F
                        || cp == 0x0890 || cp == 0x0891 || cp == 0x08E2 || cp == 0x110BD || cp == 0x110CD
                        || (cp >= 0xFFF9 && cp <= 0xFFFB) || (cp >= 0x13430 && cp <= 0x1343F);
                if (Blank.isInvisible(cp) == excluded) {
                    differ.add(cp);
                }
            }
        }
        assertThat(differ).isEmpty();
        // Variation selectors (Unicode's Variation_Selector property) are invisible too.
        for (int[] range : new int[][] {{0x180B, 0x180D}, {0x180F, 0x180F}, {0xFE00, 0xFE0F}, {0xE0100, 0xE01EF}}) {
            for (int cp = range[0]; cp <= range[1]; cp++) {
                assertThat(Blank.isInvisible(cp)).as("U+%04X", cp).isTrue();
            }
        }
        // And nothing White_Space is counted twice.
        assertThat(IntStream.rangeClosed(0, Character.MAX_CODE_POINT)
                .filter(cp -> Blank.isInvisible(cp) && Blank.isWhiteSpace(cp)).toArray()).isEmpty();
        // Letters, digits, punctuation and symbols are never invisible, whatever their script.
        assertThat(IntStream.rangeClosed(0, Character.MAX_CODE_POINT).filter(Blank::isInvisible)
                .filter(cp -> Character.isLetterOrDigit(cp) && cp != 0x115F && cp != 0x1160 && cp != 0x3164
                        && cp != 0xFFA0).toArray()).isEmpty();
    }

    @Provide
    Arbitrary<String> blankTexts() {
        int[] blank = IntStream.concat(whiteSpace(), invisible()).toArray();
        return Arbitraries.of(IntStream.of(blank).boxed().toList()).list().ofMaxSize(12)
                .map(cps -> of(cps.stream().mapToInt(Integer::intValue).toArray()));
    }

    @Property(tries = 500)
    void blank_texts_stay_blank_until_one_other_character_joins(@ForAll("blankTexts") String text,
                                                              @ForAll("visible") int other) {
        assertThat(Blank.isBlank(text)).isTrue();
        int at = text.offsetByCodePoints(0, text.codePointCount(0, text.length()) / 2);
        String mixed = text.substring(0, at) + of(other) + text.substring(at);
        assertThat(Blank.isBlank(mixed)).isFalse();
    }

    @Provide
    Arbitrary<Integer> visible() {
        // Lone surrogates included: they are no white space either.
        return Arbitraries.integers().between(0, Character.MAX_CODE_POINT).filter(cp -> !Blank.isBlankCodePoint(cp));
    }
}

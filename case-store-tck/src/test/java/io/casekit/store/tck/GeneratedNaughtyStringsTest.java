package io.casekit.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.Utf8;
import io.casekit.store.tck.GeneratedNaughtyStrings.Hazard;
import io.casekit.store.tck.GeneratedNaughtyStrings.NaughtyString;
import io.casekit.store.tck.GeneratedNaughtyStrings.RefusedIn;
import io.casekit.store.tck.GeneratedNaughtyStrings.RefusedString;
import io.casekit.store.tck.NaughtyStringsContract.TextField;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The kit's generated naughty strings stay complete: enough of them, every hazard, every UTF-8
 * width, every byte limit, and each one something a store must keep somewhere. Fails when an edit
 * of the generator loses a class of hazard.
 */
class GeneratedNaughtyStringsTest {
    private static final List<NaughtyString> STORED = GeneratedNaughtyStrings.stored();

    @Test
    void thereAreEnoughAndTheirNamesAreUnique() {
        assertThat(STORED).hasSizeGreaterThanOrEqualTo(150);
        assertThat(STORED.stream().map(NaughtyString::displayName).collect(Collectors.toSet())).hasSize(STORED.size());
        assertThat(STORED).allSatisfy(s -> assertThat(s.text()).isNotEmpty());
    }

    @Test
    void everyHazardHasAtLeastThreeStrings() {
        for (Hazard hazard : Hazard.values()) {
            assertThat(STORED.stream().filter(s -> s.hazard() == hazard)).as(hazard.label).hasSizeGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void everyStringIsValidUnicodeWithoutUPlus0000() {
        assertThat(STORED).allSatisfy(s -> {
            assertThat(Utf8.indexOfLoneSurrogate(s.text())).as(s.name()).isNegative();
            assertThat(s.text()).as(s.name()).doesNotContain("\u0000");
        });
    }

    /**
     * A string no field must keep would test little through the service: only blank ones (which go to
     * the store directly) and the one over the largest limit (which every field refuses) are such.
     */
    @Test
    void everyStringIsKeptInSomeFieldOrIsBlank() {
        assertThat(STORED).allSatisfy(s -> assertThat(NaughtyStringsContract.mayBeBlank(s.text())
                || Utf8.encodedLength(s.text()) > GeneratedNaughtyStrings.LONGEST_FIELD_BYTES
                || Arrays.stream(TextField.values()).anyMatch(f -> f.mustKeep(s.text()))).as(s.name()).isTrue());
        assertThat(STORED.stream().filter(s -> NaughtyStringsContract.mayBeBlank(s.text())))
                .as("blank strings, for the direct store test").hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void everyUtf8WidthIsPresentAloneAndMixed() {
        for (int width = 2; width <= 4; width++) {
            int w = width;
            IntPredicate ofWidth = cp -> Utf8.encodedLength(new String(Character.toChars(cp))) == w;
            assertThat(STORED).as("a string of only %d-byte characters", w)
                    .anyMatch(s -> s.text().codePoints().allMatch(ofWidth));
            assertThat(STORED).as("%d-byte characters in the %s strings", w, Hazard.values()[w - 2].label)
                    .filteredOn(s -> s.hazard() == Hazard.values()[w - 2])
                    .allMatch(s -> s.text().codePoints().anyMatch(ofWidth));
        }
    }

    @Test
    void everyByteLimitIsHitExactlyAndPassedByOne() {
        for (int limit : GeneratedNaughtyStrings.BYTE_LIMITS) {
            for (int width = 2; width <= 4; width++) {
                int w = width;
                assertThat(STORED).as("%d bytes ending on a %d-byte character", limit, w).anyMatch(s ->
                        Utf8.encodedLength(s.text()) == limit && Utf8.encodedLength(lastCharacter(s.text())) == w);
            }
            assertThat(STORED).as("%d bytes of mostly 4-byte characters", limit).anyMatch(s ->
                    Utf8.encodedLength(s.text()) == limit && s.text().codePoints().filter(cp -> cp > 0xFFFF).count() == limit / 4);
            assertThat(STORED).as("%d + 1 bytes", limit).anyMatch(s -> Utf8.encodedLength(s.text()) == limit + 1);
        }
        assertThat(STORED).as("a 20,000-byte description of 4-byte characters").anyMatch(s ->
                Utf8.encodedLength(s.text()) == 20_000 && s.text().codePoints().allMatch(cp -> cp > 0xFFFF));
        assertThat(STORED).as("a 128-byte title ending on a multi-byte character").anyMatch(s ->
                Utf8.encodedLength(s.text()) == 128 && TextField.TITLE.mustKeep(s.text())
                        && Utf8.encodedLength(lastCharacter(s.text())) > 1);
    }

    @Test
    void eachHazardHoldsWhatItIsNamedFor() {
        assertThat(texts(Hazard.EMOJI)).contains("\u200D").contains("\uD83C\uDDE9").contains("\uD83C\uDFFD");
        assertThat(texts(Hazard.COMBINING_MARKS).codePoints().anyMatch(cp -> Character.getType(cp) == Character.NON_SPACING_MARK))
                .isTrue();
        assertThat(texts(Hazard.BIDI)).contains("\u202E", "\u2066", "\u200F", "\u05E2", "\u0627");
        assertThat(texts(Hazard.INVISIBLE)).contains("\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD");
        for (int space : new int[] {0x0020, 0x0085, 0x00A0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005,
                0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000}) {
            assertThat(texts(Hazard.WHITE_SPACE)).as("U+%04X", space).contains(Character.toString(space));
        }
        List<String> forms = STORED.stream().filter(s -> s.hazard() == Hazard.NORMALISATION).map(NaughtyString::text).toList();
        assertThat(forms).as("a string that NFC changes and one that NFD changes")
                .anyMatch(s -> !Normalizer.isNormalized(s, Normalizer.Form.NFC))
                .anyMatch(s -> !Normalizer.isNormalized(s, Normalizer.Form.NFD));
        assertThat(forms).as("a pair equal after normalisation").anyMatch(a -> forms.stream().anyMatch(b -> !a.equals(b)
                && Normalizer.normalize(a, Normalizer.Form.NFC).equals(Normalizer.normalize(b, Normalizer.Form.NFC))));
        assertThat(texts(Hazard.FULL_WIDTH).codePoints().anyMatch(cp -> cp >= 0xFF01 && cp <= 0xFF5E)).isTrue();
        assertThat(texts(Hazard.LOOK_ALIKES)).contains("\u0430", "\u03BF", "\u0130");
        assertThat(texts(Hazard.SPECIAL_CODE_POINTS)).contains("\uFFFE", "\uFFFF", "\uE000", "\uFFFD");
        assertThat(texts(Hazard.SQL_INJECTION)).contains("'", "--", "DROP TABLE");
        assertThat(texts(Hazard.SCRIPT_INJECTION)).contains("<script>", "onerror");
        assertThat(texts(Hazard.FORMAT_STRINGS)).contains("%s", "%n", "{0}", "${");
        assertThat(texts(Hazard.PATHS)).contains("../", "..\\");
        assertThat(texts(Hazard.SHELL_INJECTION)).contains("$(", "`", ";");
        assertThat(texts(Hazard.JSON_LIKE)).contains("{\"", "\\u0041");
        assertThat(texts(Hazard.QUOTES_AND_BACKSLASHES)).contains("'", "\"", "`", "\\\\", "\u201C");
        assertThat(texts(Hazard.LIKE_WILDCARDS)).contains("%", "_", "\\%");
        assertThat(texts(Hazard.LINE_BREAKS)).contains("\r\n", "\t").contains("\r").contains("\n");
        assertThat(STORED).filteredOn(s -> s.hazard() == Hazard.LINE_BREAKS)
                .allMatch(s -> TextField.DESCRIPTION.mustKeep(s.text()) || NaughtyStringsContract.mayBeBlank(s.text()));
        assertThat(STORED).filteredOn(s -> s.hazard() == Hazard.LONG_TEXTS)
                .allMatch(s -> Utf8.encodedLength(s.text()) > GeneratedNaughtyStrings.DESCRIPTION_MAX_BYTES);
    }

    @Test
    void refusedStringsBreakTheRulesTheySayInEveryKindOfField() {
        List<RefusedString> refused = GeneratedNaughtyStrings.refused();
        assertThat(refused.stream().map(RefusedString::refusedIn).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(RefusedIn.class));
        assertThat(refused).allSatisfy(r -> {
            String s = r.text();
            boolean unstorable = s.contains("\u0000") || Utf8.indexOfLoneSurrogate(s) >= 0;
            boolean control = s.chars().anyMatch(c -> (c < 0x20 || c == 0x7F) && c != '\t' && c != '\n' && c != '\r');
            boolean lineBreak = s.chars().anyMatch(c -> c == '\t' || c == '\n' || c == '\r');
            assertThat(List.of(unstorable, control, lineBreak)).as(r.name()).contains(true);
            switch (r.refusedIn()) {
                case EVERY_FIELD -> assertThat(unstorable).as(r.name()).isTrue();
                case ALL_BUT_ATTACHMENT -> assertThat(!unstorable && control).as(r.name()).isTrue();
                case SINGLE_LINE_FIELDS -> assertThat(!unstorable && !control && lineBreak).as(r.name()).isTrue();
            }
        });
        assertThat(refused).anyMatch(r -> r.text().equals("\u0000"))
                .anyMatch(r -> r.text().chars().anyMatch(c -> Character.isHighSurrogate((char) c)) && Utf8.indexOfLoneSurrogate(r.text()) >= 0)
                .anyMatch(r -> r.text().chars().anyMatch(c -> Character.isLowSurrogate((char) c)) && Utf8.indexOfLoneSurrogate(r.text()) >= 0);
    }

    private static String texts(Hazard hazard) {
        return STORED.stream().filter(s -> s.hazard() == hazard).map(NaughtyString::text).collect(Collectors.joining("|"));
    }

    private static String lastCharacter(String s) {
        return new String(Character.toChars(s.codePointBefore(s.length())));
    }
}

package io.casekit.example.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of a free-text field as domain-rules §2 and §5 state them, written here a second time
 * (not taken from the library) so that the tests can predict the answer to any text: at most
 * {@code maxBytes} bytes of UTF-8; no U+0000 and no lone surrogate ever; no other control character
 * (U+0001–U+001F, U+007F) unless the field allows line breaks (TAB, LF, CR) or any; not blank when
 * mandatory (empty, or only Unicode White_Space and invisible characters, domain-rules §8);
 * {@code ""} clears an optional field.
 */
record TextRule(String key, int maxBytes, Controls controls, boolean mandatory) {
    enum Controls { NONE, LINE_BREAKS, ANY }

    static final TextRule TITLE = new TextRule("title", 128, Controls.NONE, true);
    static final TextRule DESCRIPTION = new TextRule("description", 20_000, Controls.LINE_BREAKS, true);
    static final TextRule ATTACHMENT = new TextRule("attachment", 2_000, Controls.ANY, false);
    static final TextRule NOTES = new TextRule("AICC__notes__CST", 255, Controls.NONE, false);
    static final TextRule DETAILS = new TextRule("AICC__details__CST", 32_000, Controls.LINE_BREAKS, false);

    static final List<TextRule> ALL = List.of(TITLE, DESCRIPTION, ATTACHMENT, NOTES, DETAILS);

    String path() {
        return "/caseInfo/" + key;
    }

    /** The answer to setting this field to {@code text}, everything else in the request being valid. */
    Expect expect(String text) {
        if (text.isEmpty()) {
            return mandatory ? Expect.invalid(path(), "blank") : Expect.ACCEPTED;
        }
        List<String> codes = new ArrayList<>();
        boolean loneSurrogate = hasLoneSurrogate(text);
        if (loneSurrogate || hasRefusedControl(text)) {
            codes.add("invalid_characters");
        }
        // A lone surrogate has no UTF-8 form, so there is no length to judge.
        if (!loneSurrogate && text.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            codes.add("too_long");
        }
        if (mandatory && isBlank(text)) {
            codes.add("blank");
        }
        return codes.isEmpty() ? Expect.ACCEPTED : Expect.invalid(path(), codes.toArray(String[]::new));
    }

    private boolean hasRefusedControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return true;
            }
            boolean control = c < 0x20 || c == 0x7F;
            boolean lineBreak = c == '\t' || c == '\n' || c == '\r';
            if (control && (controls == Controls.NONE || (controls == Controls.LINE_BREAKS && !lineBreak))) {
                return true;
            }
        }
        return false;
    }

    static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.regex.Pattern WHITE_SPACE = java.util.regex.Pattern.compile("\\p{IsWhite_Space}");

    /**
     * domain-rules §8 and casekit's decision: only Unicode White_Space and Default_Ignorable_Code_Point,
     * the latter derived as UAX #44 does (format characters but a few, variation selectors, fillers).
     */
    static boolean isBlank(String text) {
        return text.codePoints().allMatch(cp -> WHITE_SPACE.matcher(Character.toString(cp)).matches()
                || isDefaultIgnorable(cp));
    }

    private static boolean isDefaultIgnorable(int cp) {
        if (Character.getType(cp) == Character.FORMAT) {
            boolean excluded = (cp >= 0x0600 && cp <= 0x0605) || cp == 0x06DD || cp == 0x070F || cp == 0x0890
                    || cp == 0x0891 || cp == 0x08E2 || cp == 0x110BD || cp == 0x110CD || (cp >= 0xFFF9 && cp <= 0xFFFB)
                    || (cp >= 0x13430 && cp <= 0x1343F);
            return !excluded;
        }
        return cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x17B4 || cp == 0x17B5
                || (cp >= 0x180B && cp <= 0x180F) || cp == 0x2065 || cp == 0x3164 || (cp >= 0xFE00 && cp <= 0xFE0F)
                || cp == 0xFFA0 || (cp >= 0xFFF0 && cp <= 0xFFF8) || (cp >= 0xE0000 && cp <= 0xE0FFF);
    }
}

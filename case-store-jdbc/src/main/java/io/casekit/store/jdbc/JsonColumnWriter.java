package io.casekit.store.jdbc;

/**
 * Writes JSON strings into a column's text for {@link ValueColumns}, char for char as Jackson's
 * generator (its defaults) wrote them, so that stored text and the texts the H2 queries match
 * ({@code extensions LIKE ...}) stay the same as before: {@code "} and {@code \} escaped with a
 * backslash, {@code \b \t \n \f \r} in their short forms, every other char below U+0020 as
 * {@code \}{@code u00XX} with upper-case hex digits, every other char (non-ASCII, U+007F, an unpaired
 * surrogate) as it is. A test checks the output against Jackson's on random strings.
 *
 * <p>Ours rather than Jackson's generator because a generator per column was 4 % of an H2 modify
 * (docs/benchmarks.md §2). Stateless and thread-safe.
 */
final class JsonColumnWriter {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private JsonColumnWriter() {}

    /** Appends {@code text} as a JSON string, quotes included. */
    static void string(StringBuilder out, String text) {
        out.append('"');
        int start = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= ' ' && c != '"' && c != '\\') {
                continue;
            }
            out.append(text, start, i);
            start = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        out.append(text, start, length).append('"');
    }
}

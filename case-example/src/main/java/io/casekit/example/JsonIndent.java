package io.casekit.example;

/**
 * Indents a JSON text for people, character by character: strings and numbers are copied exactly as
 * they are (nothing is parsed into a value and written back), only whitespace between tokens
 * changes. Meant for JSON a casekit host wrote; any other text comes out changed in layout only.
 */
final class JsonIndent {
    private static final String STEP = "  ";

    private JsonIndent() {}

    static String indent(String json) {
        StringBuilder out = new StringBuilder(json.length() * 2);
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                out.append(c);
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    inString = true;
                    out.append(c);
                }
                case '{', '[' -> {
                    int next = nextToken(json, i + 1);
                    char close = c == '{' ? '}' : ']';
                    if (next < json.length() && json.charAt(next) == close) {
                        out.append(c).append(close);
                        i = next;
                    } else {
                        out.append(c);
                        newLine(out, ++depth);
                    }
                }
                case '}', ']' -> {
                    newLine(out, --depth);
                    out.append(c);
                }
                case ',' -> {
                    out.append(c);
                    newLine(out, depth);
                }
                case ':' -> out.append(": ");
                case ' ', '\t', '\n', '\r' -> {
                    // The layout is this method's own.
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static int nextToken(String json, int from) {
        int i = from;
        while (i < json.length() && " \t\n\r".indexOf(json.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    private static void newLine(StringBuilder out, int depth) {
        out.append('\n');
        out.append(STEP.repeat(Math.max(depth, 0)));
    }
}

package io.casekit.store.jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a schema script into its statements, for {@link JdbcSchema#create}.
 *
 * <p>A statement ends at a {@code ;} that stands outside every string literal ({@code '…'}, with
 * {@code ''} inside; on MariaDB also {@code \'}), quoted identifier ({@code "…"}, on MariaDB also
 * {@code `…`}), comment ({@code -- …} to the end of the line, <code>/* … *&#47;</code>, nested on
 * PostgreSQL; on MariaDB also {@code # …}) and, on PostgreSQL, dollar-quoted body
 * ({@code $$…$$}, {@code $tag$…$tag$}). Comments are dropped (a MariaDB executable comment
 * <code>/*! … *&#47;</code> is kept: the server runs it), everything else is kept as written, and a
 * statement that is empty once its comments are gone is no statement.
 *
 * <p>On MariaDB a line {@code DELIMITER <token>} that stands between statements (the {@code mysql}
 * client's command, which Flyway's MariaDB parser also knows) makes {@code <token>} end the
 * statements that follow, until the next {@code DELIMITER} line; the line itself is no statement.
 * A stored function's body, a compound statement whose inner statements end with {@code ;}, is
 * written between {@code DELIMITER //} and {@code DELIMITER ;}.
 *
 * <p>Our decision, rather than a library: Jdbi's own {@code Script} splitter does not know dollar
 * quotes (jdbi/jdbi issue 1644), and a migration tool (Flyway) is not wanted as a run-time
 * dependency of the store for three scripts of its own.
 */
final class SqlScript {
    private SqlScript() {}

    /**
     * @throws IllegalStateException when the script ends inside a literal, identifier, comment or
     *                               body, its last statement does not end with its delimiter, a
     *                               {@code DELIMITER} line names none, or a MariaDB script ends with
     *                               a delimiter other than {@code ;}
     */
    static List<String> statements(String script, JdbcDialect dialect) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        String delimiter = ";";
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            int delimiterLineEnd = dialect == JdbcDialect.MARIADB ? delimiterLineEnd(script, i) : -1;
            if (delimiterLineEnd >= 0 && !current.toString().isBlank()) {
                delimiterLineEnd = -1;
            }
            if (delimiterLineEnd >= 0) {
                delimiter = script.substring(i + DELIMITER.length(), delimiterLineEnd).strip();
                if (delimiter.isEmpty()) {
                    throw new IllegalStateException("A casekit schema script has a DELIMITER line without a delimiter");
                }
                current.setLength(0);
                i = delimiterLineEnd;
            } else if (script.startsWith(delimiter, i)) {
                add(statements, current);
                i += delimiter.length();
            } else if (c == '\'' || c == '"' || (c == '`' && dialect == JdbcDialect.MARIADB)) {
                int end = quotedEnd(script, i, c, dialect == JdbcDialect.MARIADB && c != '`');
                current.append(script, i, end);
                i = end;
            } else if (c == '-' && script.startsWith("--", i) && lineCommentStarts(script, i + 2, dialect)
                    || c == '#' && dialect == JdbcDialect.MARIADB) {
                // The line break is kept, so that the words either side stay apart.
                int end = script.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (c == '/' && script.startsWith("/*", i)) {
                int end = blockCommentEnd(script, i, dialect == JdbcDialect.POSTGRESQL);
                if (dialect == JdbcDialect.MARIADB && script.startsWith("/*!", i)) {
                    current.append(script, i, end);
                } else {
                    current.append(' ');
                }
                i = end;
            } else if (c == '$' && dialect == JdbcDialect.POSTGRESQL && dollarQuoteMayStart(script, i)) {
                int tagEnd = dollarTagEnd(script, i);
                if (tagEnd < 0) {
                    current.append(c);
                    i++;
                } else {
                    String tag = script.substring(i, tagEnd);
                    int close = script.indexOf(tag, tagEnd);
                    if (close < 0) {
                        throw unterminated("dollar-quoted body " + tag);
                    }
                    int end = close + tag.length();
                    current.append(script, i, end);
                    i = end;
                }
            } else {
                current.append(c);
                i++;
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException("A casekit schema script does not end its last statement with '"
                    + delimiter + "'");
        }
        if (!delimiter.equals(";")) {
            throw new IllegalStateException("A casekit schema script ends with the delimiter " + delimiter
                    + " instead of ';'");
        }
        return statements;
    }

    private static final String DELIMITER = "DELIMITER";

    /**
     * The end of a {@code DELIMITER <token>} line (the index of its line break, or the script's end)
     * when one starts at {@code i}, the start of a line; otherwise -1.
     */
    private static int delimiterLineEnd(String script, int i) {
        if (!script.regionMatches(true, i, DELIMITER, 0, DELIMITER.length())
                || (i > 0 && script.charAt(i - 1) != '\n')
                || i + DELIMITER.length() >= script.length()
                || (script.charAt(i + DELIMITER.length()) != ' ' && script.charAt(i + DELIMITER.length()) != '\t')) {
            return -1;
        }
        int end = script.indexOf('\n', i);
        return end < 0 ? script.length() : end;
    }

    private static void add(List<String> statements, StringBuilder current) {
        String statement = current.toString().strip();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
        current.setLength(0);
    }

    /** The index just past the closing quote; a doubled quote, or a backslash escape where allowed, is inside. */
    private static int quotedEnd(String script, int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        throw unterminated(quote == '\'' ? "string literal" : "quoted identifier");
    }

    /** MariaDB reads {@code --} as a comment only when a space or control character follows it. */
    private static boolean lineCommentStarts(String script, int afterDashes, JdbcDialect dialect) {
        return dialect != JdbcDialect.MARIADB || afterDashes >= script.length() || script.charAt(afterDashes) <= ' ';
    }

    private static int blockCommentEnd(String script, int start, boolean nested) {
        int depth = 0;
        int i = start;
        while (i < script.length()) {
            if (script.startsWith("/*", i) && (nested || depth == 0)) {
                depth++;
                i += 2;
            } else if (script.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        throw unterminated("comment");
    }

    /** In PostgreSQL a {@code $} inside an identifier ({@code a$b}) or a parameter ({@code $1}) starts no quote. */
    private static boolean dollarQuoteMayStart(String script, int i) {
        return i == 0 || !isIdentifierPart(script.charAt(i - 1));
    }

    /** The index past the opening {@code $tag$}, or -1 when what follows the {@code $} is no tag. */
    private static int dollarTagEnd(String script, int start) {
        int i = start + 1;
        if (i < script.length() && Character.isDigit(script.charAt(i))) {
            return -1;
        }
        while (i < script.length() && isIdentifierPart(script.charAt(i)) && script.charAt(i) != '$') {
            i++;
        }
        return i < script.length() && script.charAt(i) == '$' ? i + 1 : -1;
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private static IllegalStateException unterminated(String what) {
        return new IllegalStateException("A casekit schema script ends inside a " + what);
    }
}

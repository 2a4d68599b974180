package io.casekit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Schema scripts split only at a {@code ;} that ends a statement, never at one inside a literal, a name, a comment or a body. */
class SqlScriptTest {
    @RegisterExtension
    static final Databases DATABASES = Databases.requested();

    static List<String> databases() {
        return Databases.names();
    }

    @ParameterizedTest
    @EnumSource(JdbcDialect.class)
    void aSemicolonAtALineEndInsideAStringLiteralDoesNotSplit(JdbcDialect dialect) {
        assertThat(SqlScript.statements("INSERT INTO t (v) VALUES ('first;\nsecond;\n''quoted'';');\nSELECT 1;", dialect))
                .containsExactly("INSERT INTO t (v) VALUES ('first;\nsecond;\n''quoted'';')", "SELECT 1");
    }

    @ParameterizedTest
    @EnumSource(JdbcDialect.class)
    void aSemicolonInsideAQuotedIdentifierDoesNotSplit(JdbcDialect dialect) {
        assertThat(SqlScript.statements("CREATE TABLE \"a;\n\"\"b;\" (c INT);", dialect))
                .containsExactly("CREATE TABLE \"a;\n\"\"b;\" (c INT)");
    }

    @ParameterizedTest
    @EnumSource(JdbcDialect.class)
    void commentsAreDroppedAndTheirSemicolonsDoNotSplit(JdbcDialect dialect) {
        String script = """
                -- a comment that ends in a semicolon;
                CREATE TABLE t ( -- the key;
                    id INT /* not; the end;
                    of anything; */ NOT NULL
                );
                /* a trailing block; */
                -- and a trailing line;
                """;
        assertThat(SqlScript.statements(script, dialect))
                .containsExactly("CREATE TABLE t ( \n    id INT   NOT NULL\n)");
    }

    @ParameterizedTest
    @EnumSource(JdbcDialect.class)
    void commentMarkersInsideALiteralAreText(JdbcDialect dialect) {
        assertThat(SqlScript.statements("SELECT '-- no; /* comment; */';", dialect))
                .containsExactly("SELECT '-- no; /* comment; */'");
    }

    @Test
    void aPostgreSqlDollarQuotedBodyIsOneStatement() {
        String script = """
                CREATE FUNCTION f() RETURNS INT AS $$
                BEGIN
                    RETURN 1;
                END;
                $$ LANGUAGE plpgsql;
                CREATE FUNCTION g() RETURNS TEXT AS $body$ SELECT 'a;'::text; $$ still; $body$ LANGUAGE sql;
                SELECT a$b$c FROM t WHERE x = $1;
                """;
        assertThat(SqlScript.statements(script, JdbcDialect.POSTGRESQL)).containsExactly(
                "CREATE FUNCTION f() RETURNS INT AS $$\nBEGIN\n    RETURN 1;\nEND;\n$$ LANGUAGE plpgsql",
                "CREATE FUNCTION g() RETURNS TEXT AS $body$ SELECT 'a;'::text; $$ still; $body$ LANGUAGE sql",
                "SELECT a$b$c FROM t WHERE x = $1");
    }

    @Test
    void postgreSqlBlockCommentsNest() {
        assertThat(SqlScript.statements("/* outer; /* inner; */ still outer; */ SELECT 1;", JdbcDialect.POSTGRESQL))
                .containsExactly("SELECT 1");
    }

    @Test
    void mariaDbBackslashEscapesBackticksHashCommentsAndExecutableComments() {
        String script = """
                INSERT INTO `odd;name` (v) VALUES ('it\\'s; fine');
                # a hash comment;
                SELECT 1 /*!50100 , 2 */;
                SELECT 3--4;
                """;
        assertThat(SqlScript.statements(script, JdbcDialect.MARIADB)).containsExactly(
                "INSERT INTO `odd;name` (v) VALUES ('it\\'s; fine')",
                "SELECT 1 /*!50100 , 2 */",
                "SELECT 3--4");
    }

    @Test
    void mariaDbDelimiterLinesKeepACompoundStatementWhole() {
        String script = """
                SELECT 1;
                DELIMITER //
                CREATE FUNCTION f(x INT) RETURNS INT
                BEGIN
                    DECLARE y INT DEFAULT ';//';
                    SET y = x + 1; -- a comment; with //
                    RETURN y;
                END
                //
                BEGIN NOT ATOMIC SELECT 2; END//
                delimiter ;
                SELECT 3;
                """;
        assertThat(SqlScript.statements(script, JdbcDialect.MARIADB)).containsExactly(
                "SELECT 1",
                "CREATE FUNCTION f(x INT) RETURNS INT\nBEGIN\n    DECLARE y INT DEFAULT ';//';\n    SET y = x + 1; \n"
                        + "    RETURN y;\nEND",
                "BEGIN NOT ATOMIC SELECT 2; END",
                "SELECT 3");
    }

    @Test
    void aDelimiterLineCountsOnlyOnMariaDbBetweenStatementsAtALineStart() {
        assertThat(SqlScript.statements("SELECT 1\nDELIMITER //\n;", JdbcDialect.MARIADB))
                .containsExactly("SELECT 1\nDELIMITER //");
        assertThat(SqlScript.statements("SELECT ' DELIMITER //';\n  DELIMITER x;", JdbcDialect.MARIADB))
                .containsExactly("SELECT ' DELIMITER //'", "DELIMITER x");
        assertThat(SqlScript.statements("DELIMITER //\nSELECT 1;", JdbcDialect.POSTGRESQL))
                .containsExactly("DELIMITER //\nSELECT 1");
    }

    @Test
    void aMariaDbScriptMustEndWithTheDelimiterSetBack() {
        assertThatThrownBy(() -> SqlScript.statements("DELIMITER //\nSELECT 1//\n", JdbcDialect.MARIADB))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("instead of ';'");
        assertThatThrownBy(() -> SqlScript.statements("DELIMITER //\nSELECT 1;\n", JdbcDialect.MARIADB))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'//'");
        assertThatThrownBy(() -> SqlScript.statements("DELIMITER \nSELECT 1;\n", JdbcDialect.MARIADB))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("without a delimiter");
    }

    @ParameterizedTest
    @EnumSource(JdbcDialect.class)
    void aScriptThatEndsInsideALiteralOrCommentIsRefused(JdbcDialect dialect) {
        assertThatThrownBy(() -> SqlScript.statements("SELECT 'open;\n", dialect))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("string literal");
        assertThatThrownBy(() -> SqlScript.statements("SELECT 1; /* open;\n", dialect))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("comment");
        assertThatThrownBy(() -> SqlScript.statements("SELECT 1;\nSELECT 2", dialect))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not end");
    }

    @Test
    void anUnterminatedDollarQuoteIsRefused() {
        assertThatThrownBy(() -> SqlScript.statements("SELECT $x$ open;", JdbcDialect.POSTGRESQL))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("$x$");
    }

    /** The statements run as split, on the real database: a wrong cut would be a syntax error or a changed value. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aScriptWithSemicolonsInLiteralsAndCommentsRunsOnTheDatabase(String database) {
        TestDatabase db = DATABASES.get(database);
        String table = db.prefix + "script_test";
        String body = db.dialect == JdbcDialect.POSTGRESQL
                ? "CREATE FUNCTION " + db.prefix + "script_fn() RETURNS TEXT AS $fn$\nBEGIN\n    RETURN 'from;\nbody';\n"
                        + "END;\n$fn$ LANGUAGE plpgsql;\n"
                : "";
        String script = "-- values whose lines end in semicolons;\n"
                + "CREATE TABLE " + table + " (id INT NOT NULL PRIMARY KEY, v VARCHAR(100) NOT NULL);\n"
                + "INSERT INTO " + table + " (id, v) VALUES (1, 'one;\ntwo;');\n"
                + "/* not a statement;\n   at all; */\n"
                + "INSERT INTO " + table + " (id, v) VALUES (2, '-- kept; /* kept */');\n"
                + body;
        try {
            db.jdbi.useHandle(h -> {
                for (String statement : SqlScript.statements(script, db.dialect)) {
                    h.execute(statement);
                }
            });

            List<String> values = db.jdbi.withHandle(h -> h.createQuery("SELECT v FROM " + table + " ORDER BY id")
                    .mapTo(String.class).list());
            assertThat(values).containsExactly("one;\ntwo;", "-- kept; /* kept */");
            if (db.dialect == JdbcDialect.POSTGRESQL) {
                String fromBody = db.jdbi.withHandle(h -> h.createQuery("SELECT " + db.prefix + "script_fn()")
                        .mapTo(String.class).one());
                assertThat(fromBody).isEqualTo("from;\nbody");
            }
        } finally {
            db.jdbi.useHandle(h -> {
                h.execute("DROP TABLE IF EXISTS " + table);
                if (db.dialect == JdbcDialect.POSTGRESQL) {
                    h.execute("DROP FUNCTION IF EXISTS " + db.prefix + "script_fn()");
                }
            });
        }
    }
}

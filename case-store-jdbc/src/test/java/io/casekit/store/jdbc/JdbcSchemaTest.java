package io.casekit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casekit.core.Case;
import io.casekit.core.StorageUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class JdbcSchemaTest {
    @RegisterExtension
    static final Databases DATABASES = Databases.requested();

    static List<String> databases() {
        return Databases.names();
    }

    /** Tables under a prefix of their own, dropped afterwards whatever happened. */
    private static <T> T withFreshPrefix(TestDatabase db, String prefix, java.util.function.Function<JdbcStoreOptions, T> test) {
        JdbcStoreOptions options = db.options().withTablePrefix(prefix);
        try {
            return test.apply(options);
        } finally {
            Statements sql = new Statements(prefix, db.dialect);
            db.jdbi.useHandle(h -> {
                for (String table : List.of(sql.caseTable, sql.historyTable, sql.caseTypeTable, sql.schemaTable)) {
                    h.execute("DROP TABLE IF EXISTS " + table);
                }
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void nothingRunsDdlByDefaultAndValidateSaysWhatToDo(String database) {
        TestDatabase db = DATABASES.get(database);
        withFreshPrefix(db, db.prefix + "none_", options -> {
            JdbcCaseStore store = JdbcCaseStore.create(db.jdbi, options);
            assertThatThrownBy(() -> store.find(Fixtures.TENANT, io.casekit.core.CaseId.of("x")))
                    .isInstanceOf(StorageUnavailableException.class)
                    .hasMessage(Failures.NO_SCHEMA);
            assertThatThrownBy(() -> store.count(Fixtures.TENANT, io.casekit.core.query.CaseQuery.builder().build()))
                    .isInstanceOf(StorageUnavailableException.class)
                    .hasMessageContaining("JdbcSchema.create");

            assertThatThrownBy(() -> JdbcSchema.validate(db.jdbi, options))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("missing or incomplete")
                    .hasMessageContaining("JdbcSchema.create")
                    .hasMessageContaining("io/casekit/store/jdbc/schema/" + db.dialect.folder());
            return null;
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void currentVersionIsTheRecordedOneAndEmptyWithoutASchema(String database) {
        TestDatabase db = DATABASES.get(database);
        withFreshPrefix(db, db.prefix + "ver_", options -> {
            assertThat(JdbcSchema.currentVersion(db.jdbi, options)).as("no tables").isEmpty();

            JdbcSchema.create(db.jdbi, options);
            assertThat(JdbcSchema.currentVersion(db.jdbi, options)).hasValue(JdbcSchema.VERSION);

            String schemaTable = new Statements(options.tablePrefix(), db.dialect).schemaTable;
            db.jdbi.useHandle(h -> h.execute("DELETE FROM " + schemaTable + " WHERE version > 2"));
            assertThat(JdbcSchema.currentVersion(db.jdbi, options)).as("an older schema").hasValue(2);
            db.jdbi.useHandle(h -> h.execute("DELETE FROM " + schemaTable));
            assertThat(JdbcSchema.currentVersion(db.jdbi, options)).as("an empty version table").isEmpty();
            return null;
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void createIsIdempotentAndLeavesAValidSchemaThatKeepsItsData(String database) {
        TestDatabase db = DATABASES.get(database);
        withFreshPrefix(db, db.prefix + "idem_", options -> {
            JdbcSchema.create(db.jdbi, options);
            Case c = Fixtures.minimal(Fixtures.TENANT, "kept");
            JdbcCaseStore.create(db.jdbi, options).insert(c, Fixtures.creation(c));

            JdbcSchema.create(db.jdbi, options);
            JdbcSchema.validate(db.jdbi, options);

            assertThat(JdbcCaseStore.create(db.jdbi, options).find(Fixtures.TENANT, c.id())).contains(c);
            Integer versions = db.jdbi.withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM " + options.tablePrefix() + "schema_version").mapTo(Integer.class).one());
            assertThat(versions).isEqualTo(JdbcSchema.VERSION);
            return null;
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void severalHostsCreatingTheSchemaAtOnceAllSucceed(String database) throws Exception {
        TestDatabase db = DATABASES.get(database);
        withFreshPrefix(db, db.prefix + "race_", options -> {
            int hosts = 4;
            List<Jdbi> jdbis = new ArrayList<>();
            for (int i = 0; i < hosts; i++) {
                jdbis.add(Jdbi.create(db.pool(1, true, db.sessionZone())));
            }
            ExecutorService threads = Executors.newFixedThreadPool(hosts);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (Jdbi jdbi : jdbis) {
                    runs.add(threads.submit(() -> {
                        start.await();
                        JdbcSchema.create(jdbi, options);
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> run : runs) {
                    run.get(2, TimeUnit.MINUTES);
                }
            } catch (Exception e) {
                throw new AssertionError("a concurrent JdbcSchema.create failed", e);
            } finally {
                threads.shutdownNow();
            }
            assertThatCode(() -> JdbcSchema.validate(db.jdbi, options)).doesNotThrowAnyException();
            return null;
        });
    }

    /** Each column of schema version 4, dropped alone, makes validate fail (the version row says 4). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void validateRefusesATableThatLacksAColumnOfVersion4(String database) {
        TestDatabase db = DATABASES.get(database);
        String[][] columns = {{"case", "status"}, {"case", "state"}, {"case", "closed_at"}, {"case", "closed_reason"},
                {"case", "reopened"}, {"case_history", "kind"}, {"case_history", "remark"}, {"case_type", "status_flow"}};
        for (String[] column : columns) {
            withFreshPrefix(db, db.prefix + "col_", options -> {
                JdbcSchema.create(db.jdbi, options);
                JdbcSchema.validate(db.jdbi, options);
                db.jdbi.useHandle(h -> {
                    if (db.dialect == JdbcDialect.H2 && column[0].equals("case")) {
                        // H2 refuses to drop a column an index names; the indexes go first.
                        for (String index : List.of("case_state", "case_status", "case_closed")) {
                            h.execute("DROP INDEX IF EXISTS " + options.tablePrefix() + index);
                        }
                    }
                    h.execute("ALTER TABLE " + options.tablePrefix() + column[0] + " DROP COLUMN " + column[1]);
                });
                assertThatThrownBy(() -> JdbcSchema.validate(db.jdbi, options)).as("without %s.%s", column[0], column[1])
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("missing or incomplete");
                return null;
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void validateRefusesAnOlderOrNewerSchemaVersion(String database) {
        TestDatabase db = DATABASES.get(database);
        withFreshPrefix(db, db.prefix + "vers_", options -> {
            JdbcSchema.create(db.jdbi, options);
            String table = options.tablePrefix() + "schema_version";

            db.jdbi.useHandle(h -> h.execute("INSERT INTO " + table + " (version, script) VALUES (" + (JdbcSchema.VERSION + 1) + ", 'V9__future.sql')"));
            assertThatThrownBy(() -> JdbcSchema.validate(db.jdbi, options))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("version " + (JdbcSchema.VERSION + 1) + ", newer");
            assertThatThrownBy(() -> JdbcSchema.create(db.jdbi, options))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("upgrade the library");

            db.jdbi.useHandle(h -> h.execute("DELETE FROM " + table));
            assertThatThrownBy(() -> JdbcSchema.validate(db.jdbi, options))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("at version 0");
            return null;
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JdbcDialect.class)
    void theScriptsCarryThePrefixAndSplitIntoStatements(JdbcDialect dialect) {
        List<String> scripts = JdbcSchema.scripts(dialect, JdbcStoreOptions.defaults().withTablePrefix("myapp_ck_"));

        assertThat(scripts).hasSize(JdbcSchema.VERSION);
        assertThat(scripts.get(0)).doesNotContain("${prefix}").contains("CREATE TABLE IF NOT EXISTS myapp_ck_case (")
                .contains("myapp_ck_case_history").contains("myapp_ck_case_type").contains("myapp_ck_schema_version");
        List<String> statements = SqlScript.statements(scripts.get(0), dialect);
        assertThat(statements).hasSize(5).allSatisfy(s -> assertThat(s).doesNotContain(";").doesNotStartWith("--"));
        assertThat(statements.get(0)).contains("myapp_ck_schema_version");
    }

    @Test
    void aScriptWhoseLastStatementIsNotEndedIsRefused() {
        assertThatThrownBy(() -> SqlScript.statements("CREATE TABLE a (b INT);\nCREATE TABLE c (d INT)", JdbcDialect.H2))
                .isInstanceOf(IllegalStateException.class);
    }
}

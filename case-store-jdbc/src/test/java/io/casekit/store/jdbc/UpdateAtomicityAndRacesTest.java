package io.casekit.store.jdbc;

import static io.casekit.store.jdbc.Fixtures.TENANT;
import static io.casekit.store.jdbc.Fixtures.creation;
import static io.casekit.store.jdbc.Fixtures.full;
import static io.casekit.store.jdbc.Fixtures.minimal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.casekit.core.Case;
import io.casekit.core.CaseConflictException;
import io.casekit.core.CaseId;
import io.casekit.core.CaseNotFoundException;
import io.casekit.core.ChangeKind;
import io.casekit.core.HistoryEntry;
import io.casekit.core.StorageUnavailableException;
import io.casekit.core.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The promises of {@code update} under attack, on every database: the one statement of PostgreSQL
 * and H2 and the two statements in a transaction of MariaDB. Atomicity both ways, racing writers
 * (also against an erase), host transactions and isolation levels, a manual-commit pool,
 * host-managed mode, driver URL options and H2 compatibility modes a host may use, exact round trips
 * near the limits, lock timeouts.
 */
class UpdateAtomicityAndRacesTest {
    @RegisterExtension
    static final Databases DATABASES = Databases.requested();

    static List<String> databases() {
        return Databases.names();
    }

    // ---------------------------------------------------------------- helpers

    /** The update of {@code c} to its next version with a title, a remark and a kind of its own. */
    private static Fixtures.Change retitle(Case c, String title, String actor, Optional<String> remark) {
        Fixtures.Change plain = Fixtures.change(c, "title", Optional.of(Value.text(title)), actor);
        HistoryEntry e = plain.entry();
        return new Fixtures.Change(plain.updated(), new HistoryEntry(e.tenant(), e.caseId(), e.version(), e.at(),
                e.actor(), e.changes(), ChangeKind.MODIFY, remark));
    }

    private static void assertNoSqlIn(Throwable t, TestDatabase db) {
        String message = String.valueOf(t.getMessage());
        assertThat(message).doesNotContainIgnoringCase("update ").doesNotContainIgnoringCase("insert ")
                .doesNotContain(db.prefix).doesNotContainIgnoringCase("select ");
    }

    private static void ddl(TestDatabase db, String sql) {
        db.jdbi.useHandle(h -> h.execute(sql));
    }

    private static List<Long> historyVersions(JdbcCaseStore store, CaseId id) {
        return store.history(TENANT, id).stream().map(HistoryEntry::version).toList();
    }

    // ---------------------------------------------------------------- 1. atomicity

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aHistoryValueTheTableRefusesLeavesTheCaseAsItWas(String database) {
        TestDatabase db = DATABASES.get(database);
        JdbcCaseStore store = db.store();
        Case c = full(TENANT, "refusedhist");
        store.insert(c, creation(c));

        updateRefusedByACheck(db, store, "case_history", "actor <> 'refused'",
                retitle(c, "new title", "refused", Optional.of("r")));

        assertThat(store.find(TENANT, c.id())).contains(c);
        assertThat(store.history(TENANT, c.id())).containsExactly(creation(c));
        // and the case can still move on
        Fixtures.Change ok = retitle(c, "new title", "fine", Optional.empty());
        store.update(ok.updated(), 1, ok.entry());
        assertThat(store.find(TENANT, c.id())).contains(ok.updated());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anUpdateTheCaseTableRefusesInsertsNoHistory(String database) {
        TestDatabase db = DATABASES.get(database);
        JdbcCaseStore store = db.store();
        Case c = full(TENANT, "refusedcase");
        store.insert(c, creation(c));

        updateRefusedByACheck(db, store, "case", "title <> 'refused'", retitle(c, "refused", "actor", Optional.empty()));

        assertThat(store.find(TENANT, c.id())).contains(c);
        assertThat(store.history(TENANT, c.id())).containsExactly(creation(c));
    }

    /**
     * Runs the update while a CHECK constraint on the table ({@code case} or {@code case_history})
     * refuses it: a storage failure without SQL in its message. The constraint is dropped after.
     */
    private static void updateRefusedByACheck(TestDatabase db, JdbcCaseStore store, String table, String check,
                                              Fixtures.Change change) {
        String constraint = db.prefix + "refusing_check";
        ddl(db, "ALTER TABLE " + db.prefix + table + " ADD CONSTRAINT " + constraint + " CHECK (" + check + ")");
        try {
            Throwable t = org.assertj.core.api.Assertions.catchThrowable(
                    () -> store.update(change.updated(), change.updated().version() - 1, change.entry()));
            assertThat(t).isInstanceOf(StorageUnavailableException.class);
            assertNoSqlIn(t, db);
        } finally {
            ddl(db, "ALTER TABLE " + db.prefix + table + " DROP CONSTRAINT " + constraint);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aPlantedHistoryRowIsARetryableConflictWithoutSqlInTheMessageAndTheCaseStays(String database) {
        TestDatabase db = DATABASES.get(database);
        JdbcCaseStore store = db.store();
        Case c = full(TENANT, "planted");
        store.insert(c, creation(c));
        db.jdbi.useHandle(h -> h.createUpdate("INSERT INTO " + db.prefix + "case_history"
                        + " (tenant, case_id, version, changed_at, actor, changes, kind) VALUES (?, ?, 2, "
                        + "CURRENT_TIMESTAMP" + ", 'x', "
                        + db.dialect.jsonParameter() + ", 'modify')")
                .bind(0, TENANT.value()).bind(1, c.id().value()).bind(2, "[]").execute());
        Fixtures.Change change = retitle(c, "x", "a", Optional.empty());

        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> store.update(change.updated(), 1, change.entry()));

        assertThat(t).isInstanceOf(CaseConflictException.class);
        assertThat(((CaseConflictException) t).retryable()).isTrue();
        assertNoSqlIn(t, db);
        assertThat(store.find(TENANT, c.id())).contains(c);
    }

    // ---------------------------------------------------------------- 2. concurrency

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void racingWritersAtTheSameVersionHaveExactlyOneWinnerPerRound(String database) throws Exception {
        TestDatabase db = DATABASES.get(database);
        int threads = 6;
        JdbcCaseStore store = JdbcCaseStore.create(Jdbi.create(db.pool(threads, true, db.sessionZone())), db.options());

        raceRounds(store, minimal(TENANT, "race"), threads, 15);
    }

    /**
     * Creates the case, then runs rounds of {@code threads} writers racing to update it from its
     * current version. Each round has exactly one winner, whose state and entry are then stored; the
     * others get a conflict. At the end the history versions are 1 to rounds + 1, the last the case's.
     */
    private static void raceRounds(JdbcCaseStore store, Case c, int threads, int rounds) throws Exception {
        store.insert(c, creation(c));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Case current = c;
            for (int round = 0; round < rounds; round++) {
                CyclicBarrier start = new CyclicBarrier(threads);
                List<Future<Fixtures.Change>> outcomes = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    Fixtures.Change change = retitle(current, "r" + round + "t" + t, "t" + t, Optional.of("round " + round));
                    long expected = current.version();
                    outcomes.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        try {
                            store.update(change.updated(), expected, change.entry());
                            return change;
                        } catch (CaseConflictException e) {
                            return null;
                        }
                    }));
                }
                List<Fixtures.Change> winners = new ArrayList<>();
                for (Future<Fixtures.Change> f : outcomes) {
                    Fixtures.Change won = f.get(60, TimeUnit.SECONDS);
                    if (won != null) {
                        winners.add(won);
                    }
                }
                assertThat(winners).as("round %d", round).hasSize(1);
                current = winners.get(0).updated();
                assertThat(store.find(TENANT, c.id())).contains(current);
                assertThat(store.history(TENANT, c.id()).get(round + 1)).isEqualTo(winners.get(0).entry());
            }
            List<Long> versions = historyVersions(store, c.id());
            assertThat(versions).hasSize(rounds + 1);
            for (int i = 0; i < versions.size(); i++) {
                assertThat(versions.get(i)).isEqualTo(i + 1L);
            }
            assertThat(store.find(TENANT, c.id()).orElseThrow().version()).isEqualTo(rounds + 1L);
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void writersRacingAnEraseLeaveEitherNothingOrAConsistentCase(String database) throws Exception {
        TestDatabase db = DATABASES.get(database);
        int threads = 4;
        JdbcCaseStore store = JdbcCaseStore.create(Jdbi.create(db.pool(threads + 1, true, db.sessionZone())), db.options());
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            for (int round = 0; round < 10; round++) {
                Case c = minimal(TENANT, "erased" + round);
                store.insert(c, creation(c));
                CyclicBarrier start = new CyclicBarrier(threads + 1);
                List<Future<?>> all = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    all.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        Case current = c;
                        for (int i = 0; i < 5; i++) {
                            Fixtures.Change change = retitle(current, "t" + thread + "i" + i, "t" + thread, Optional.empty());
                            try {
                                store.update(change.updated(), current.version(), change.entry());
                                current = change.updated();
                            } catch (CaseNotFoundException e) {
                                return null;
                            } catch (CaseConflictException e) {
                                Optional<Case> now = store.find(TENANT, c.id());
                                if (now.isEmpty()) {
                                    return null;
                                }
                                current = now.get();
                            }
                        }
                        return null;
                    }));
                }
                all.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return store.erase(TENANT, c.id());
                }));
                for (Future<?> f : all) {
                    f.get(60, TimeUnit.SECONDS);
                }
                Optional<Case> left = store.find(TENANT, c.id());
                List<Long> versions = historyVersions(store, c.id());
                if (left.isEmpty()) {
                    assertThat(versions).as("history rows of an erased case").isEmpty();
                } else {
                    assertThat(versions).isNotEmpty();
                    assertThat(versions.get(versions.size() - 1)).isEqualTo(left.get().version());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * An update that waits for the row lock of a host transaction that has updated the case:
     * conflict when the host commits, success when it rolls back. Deterministic outcome: whether
     * or not the update really waited, the answer is the same.
     */
    @ParameterizedTest(name = "{0} host commits={1}")
    @MethodSource("databasesTimesBoolean")
    void anUpdateWaitingForAHostTransactionsLockSeesItsOutcome(String database, boolean hostCommits) throws Exception {
        TestDatabase db = DATABASES.get(database);
        Jdbi hostJdbi = Jdbi.create(db.pool(1, true, db.sessionZone()));
        JdbcCaseStore host = JdbcCaseStore.create(hostJdbi, db.options());
        JdbcCaseStore other = JdbcCaseStore.create(Jdbi.create(db.pool(1, true, db.sessionZone())), db.options());
        Case c = minimal(TENANT, "waiting");
        host.insert(c, creation(c));
        Fixtures.Change hosts = retitle(c, "host", "host", Optional.empty());
        Fixtures.Change others = retitle(c, "other", "other", Optional.of("mine"));
        CountDownLatch hostUpdated = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> hostDone = pool.submit(() -> {
                try {
                    hostJdbi.useTransaction(h -> {
                        host.update(hosts.updated(), 1, hosts.entry());
                        hostUpdated.countDown();
                        release.await(60, TimeUnit.SECONDS);
                        if (!hostCommits) {
                            throw new IllegalStateException("host rolls back");
                        }
                    });
                } catch (IllegalStateException expected) {
                    // rolled back
                }
                return null;
            });
            assertThat(hostUpdated.await(60, TimeUnit.SECONDS)).isTrue();
            Future<Throwable> otherDone = pool.submit(() -> {
                try {
                    other.update(others.updated(), 1, others.entry());
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
            db.waitUntilASessionWaitsForALock();
            release.countDown();
            hostDone.get(60, TimeUnit.SECONDS);
            Throwable outcome = otherDone.get(60, TimeUnit.SECONDS);
            if (hostCommits) {
                assertThat(outcome).isInstanceOf(CaseConflictException.class);
                assertThat(other.find(TENANT, c.id())).contains(hosts.updated());
                assertThat(other.history(TENANT, c.id())).containsExactly(creation(c), hosts.entry());
            } else {
                assertThat(outcome).isNull();
                assertThat(other.find(TENANT, c.id())).contains(others.updated());
                assertThat(other.history(TENANT, c.id())).containsExactly(creation(c), others.entry());
            }
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    static List<org.junit.jupiter.params.provider.Arguments> databasesTimesBoolean() {
        return databasesTimes(List.of(true, false));
    }

    /** Every requested database with each of {@code values}: the arguments of a two-parameter test. */
    private static List<org.junit.jupiter.params.provider.Arguments> databasesTimes(List<?> values) {
        List<org.junit.jupiter.params.provider.Arguments> all = new ArrayList<>();
        for (String name : Databases.names()) {
            for (Object value : values) {
                all.add(org.junit.jupiter.params.provider.Arguments.of(name, value));
            }
        }
        return all;
    }

    // ---------------------------------------------------------------- 3. transactions

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void insideAHostTransactionThatRollsBackNothingOfTheUpdateStays(String database) {
        TestDatabase db = DATABASES.get(database);
        JdbcCaseStore store = db.store();
        Case c = full(TENANT, "hostrb");
        store.insert(c, creation(c));
        Fixtures.Change change = retitle(c, "x", "a", Optional.of("why"));

        assertThatThrownBy(() -> db.jdbi.useTransaction(h -> {
            store.update(change.updated(), 1, change.entry());
            assertThat(store.find(TENANT, c.id())).contains(change.updated());
            assertThat(store.history(TENANT, c.id())).containsExactly(creation(c), change.entry());
            throw new IllegalStateException("host rolls back");
        })).hasMessage("host rolls back");

        assertThat(store.find(TENANT, c.id())).contains(c);
        assertThat(store.history(TENANT, c.id())).containsExactly(creation(c));
        db.jdbi.useTransaction(h -> store.update(change.updated(), 1, change.entry()));
        assertThat(store.find(TENANT, c.id())).contains(change.updated());
        assertThat(store.history(TENANT, c.id())).containsExactly(creation(c), change.entry());
    }

    /**
     * The host's transaction reads the case (its snapshot starts), another connection then moves it
     * to version 2, and the host updates: at the version it read (1), always a conflict; at the
     * latest version (2), which its snapshot does not see, a success under READ COMMITTED and a
     * conflict (a serialization failure, or the locking read's) under the stricter levels on
     * PostgreSQL. Never a half update, never a StorageUnavailableException.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("databasesTimesIsolation")
    void underTheHostsIsolationAStaleUpdateIsAConflictAndChangesNothing(String database,
                                                                        TransactionIsolationLevel level) {
        TestDatabase db = DATABASES.get(database);
        // MariaDB SERIALIZABLE makes the host's read a shared lock, so the other connection's update
        // would wait for the host (lock wait timeout): not a scenario of this test.
        Assumptions.assumeFalse(db.dialect == JdbcDialect.MARIADB && level == TransactionIsolationLevel.SERIALIZABLE);
        JdbcCaseStore store = db.store();
        JdbcCaseStore other = JdbcCaseStore.create(Jdbi.create(db.pool(1, true, db.sessionZone())), db.options());
        for (long expected : new long[] {1, 2}) {
            Case c = minimal(TENANT, "iso" + expected);
            store.insert(c, creation(c));
            Fixtures.Change first = retitle(c, "first", "other", Optional.empty());
            Fixtures.Change mine = expected == 1 ? retitle(c, "mine", "host", Optional.empty())
                    : retitle(first.updated(), "mine", "host", Optional.empty());
            Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> db.jdbi.useTransaction(level, h -> {
                assertThat(store.find(TENANT, c.id())).contains(c); // the host's snapshot starts here
                other.update(first.updated(), 1, first.entry());
                store.update(mine.updated(), expected, mine.entry());
            }));
            Case now = store.find(TENANT, c.id()).orElseThrow();
            List<Long> versions = historyVersions(store, c.id());
            boolean mayWin = expected == 2 && (level == TransactionIsolationLevel.READ_COMMITTED
                    || db.dialect != JdbcDialect.POSTGRESQL);
            if (t == null) {
                assertThat(mayWin).as("%s at expected version %d succeeded", level, expected).isTrue();
                assertThat(now).isEqualTo(mine.updated());
                assertThat(versions).containsExactly(1L, 2L, 3L);
            } else {
                assertThat(t).as("at expected version %d", expected).isInstanceOf(CaseConflictException.class);
                assertNoSqlIn(t, db);
                assertThat(now).isEqualTo(first.updated());
                assertThat(versions).containsExactly(1L, 2L);
            }
            if (expected == 1) {
                assertThat(t).isInstanceOf(CaseConflictException.class);
            }
            if (expected == 2 && level == TransactionIsolationLevel.READ_COMMITTED) {
                assertThat(t).isNull();
            }
        }
    }

    static List<org.junit.jupiter.params.provider.Arguments> databasesTimesIsolation() {
        return databasesTimes(List.of(TransactionIsolationLevel.READ_COMMITTED, TransactionIsolationLevel.REPEATABLE_READ,
                TransactionIsolationLevel.SERIALIZABLE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void onAManualCommitPoolEveryOutcomeIsEndedAndNoConnectionGoesBackInATransaction(String database) {
        TestDatabase db = DATABASES.get(database);
        TransactionTrackingDataSource tracking = new TransactionTrackingDataSource(db.pool(1, false, db.sessionZone()));
        JdbcCaseStore store = JdbcCaseStore.create(Jdbi.create(tracking),
                db.options().withTransactions(JdbcTransactions.manualCommitPool()));
        Case c = full(TENANT, "manual");
        store.insert(c, creation(c));
        Fixtures.Change change = retitle(c, "x", "a", Optional.of("remark"));

        store.update(change.updated(), 1, change.entry());
        assertThatThrownBy(() -> store.update(change.updated(), 1, change.entry())).isInstanceOf(CaseConflictException.class);
        Case ghost = minimal(TENANT, "ghost");
        Fixtures.Change ghostChange = retitle(ghost, "x", "a", Optional.empty());
        assertThatThrownBy(() -> store.update(ghostChange.updated(), 1, ghostChange.entry()))
                .isInstanceOf(CaseNotFoundException.class);

        // seen from another pool: committed
        assertThat(db.store().find(TENANT, c.id())).contains(change.updated());
        assertThat(db.store().history(TENANT, c.id())).containsExactly(creation(c), change.entry());
        assertThat(tracking.returnedInTransaction()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void inASessionOnAnAutocommitPoolEachOutcomeIsCommittedOrNothing(String database) {
        TestDatabase db = DATABASES.get(database);
        TransactionTrackingDataSource tracking = new TransactionTrackingDataSource(db.pool(1, true, db.sessionZone()));
        JdbcCaseStore store = JdbcCaseStore.create(Jdbi.create(tracking), db.options());
        Case c = full(TENANT, "session");
        store.insert(c, creation(c));
        Fixtures.Change change = retitle(c, "x", "a", Optional.of("remark"));
        store.inSession(() -> {
            store.update(change.updated(), 1, change.entry());
            assertThatThrownBy(() -> store.update(change.updated(), 1, change.entry()))
                    .isInstanceOf(CaseConflictException.class);
            // visible to another connection while the session is still open: committed
            assertThat(db.store().find(TENANT, c.id())).contains(change.updated());
            return null;
        });
        assertThat(tracking.returnedInTransaction()).isZero();
    }

    // ---------------------------------------------------------------- 4. driver options and H2 modes

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"stringtype=unspecified", "prepareThreshold=0", "prepareThreshold=-1",
            "preferQueryMode=simple", "preferQueryMode=extendedForPrepared", "preferQueryMode=extendedCacheEverything",
            "stringtype=unspecified&preferQueryMode=simple", "binaryTransfer=false", "assumeMinServerVersion=9.0",
            "autosave=always", "autosave=conservative", "prepareThreshold=1&preparedStatementCacheQueries=0"})
    void postgreSqlDriverOptionsAHostMayHaveKeepUpdateExact(String option) {
        Assumptions.assumeTrue(TestDatabase.isRequested(TestDatabase.POSTGRESQL), "PostgreSQL not requested");
        TestDatabase db = DATABASES.get(TestDatabase.POSTGRESQL);
        String base = System.getProperty("casekit.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(base + (base.contains("?") ? "&" : "?") + option);
        config.setMaximumPoolSize(1);
        config.setConnectionInitSql("SET TIME ZONE '" + TestDatabase.OTHER_SESSION_ZONE + "'");
        try (HikariDataSource ds = new HikariDataSource(config)) {
            exerciseUpdate(JdbcCaseStore.create(Jdbi.create(ds), db.options()), "pg");
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", ";MODE=PostgreSQL", ";MODE=MySQL", ";MODE=MariaDB", ";MODE=LEGACY", ";MODE=Oracle",
            ";MODE=MSSQLServer", ";MODE=DB2", ";MODE=Derby", ";MODE=HSQLDB", ";MODE=STRICT", ";LOCK_TIMEOUT=100",
            ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", ";MODE=MySQL;DATABASE_TO_LOWER=TRUE",
            ";IGNORECASE=TRUE", ";FILE"})
    void h2ModesAHostMayUseKeepUpdateWorking(String settings) throws Exception {
        String name = "ck" + Long.toHexString(System.nanoTime());
        String url;
        java.nio.file.Path dir = null;
        if (settings.equals(";FILE")) {
            dir = java.nio.file.Files.createTempDirectory("ckh2");
            url = "jdbc:h2:file:" + dir.resolve("db");
        } else {
            url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + settings;
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(2);
        try (HikariDataSource ds = new HikariDataSource(config)) {
            Jdbi jdbi = Jdbi.create(ds);
            JdbcStoreOptions options = JdbcStoreOptions.defaults().withTablePrefix("ck_");
            JdbcSchema.create(jdbi, options);
            exerciseUpdate(JdbcCaseStore.create(jdbi, options), "h2");
            try (java.sql.Connection conn = ds.getConnection(); java.sql.Statement st = conn.createStatement()) {
                st.execute("SHUTDOWN");
            } catch (java.sql.SQLException ignored) {
                // the database is gone, as asked
            }
        }
    }

    /** Inserts a full case and updates it through every path: success, conflict, not found, duplicate history. */
    private static void exerciseUpdate(JdbcCaseStore store, String id) {
        Case c = full(TENANT, id);
        store.insert(c, creation(c));
        Fixtures.Change first = retitle(c, "first", "a", Optional.of("with remark ' \" ; -- $1 ?"));
        store.update(first.updated(), 1, first.entry());
        Case closed = first.updated().toBuilder().title("closed").closedAt(Optional.of(Instant.parse("2026-11-27T22:12:31.999Z")))
                .closedReason(Optional.of("done")).state(io.casekit.core.CaseState.COMPLETED).status("closed").reopened(true).build();
        closed = closed.withVersion(3, first.updated().updatedAt().plusMillis(7));
        HistoryEntry closing = new HistoryEntry(TENANT, c.id(), 3, closed.updatedAt(), "closer",
                List.of(new io.casekit.core.FieldChange("title", Optional.of(Value.text("first")), Optional.of(Value.text("closed")))),
                ChangeKind.CLOSE, Optional.empty());
        store.update(closed, 2, closing);
        assertThat(store.find(TENANT, c.id())).contains(closed);
        assertThat(store.history(TENANT, c.id())).containsExactly(creation(c), first.entry(), closing);

        assertThatThrownBy(() -> store.update(first.updated(), 1, first.entry())).isInstanceOf(CaseConflictException.class);
        Case ghost = minimal(TENANT, "ghost" + id);
        Fixtures.Change ghostChange = retitle(ghost, "x", "a", Optional.empty());
        assertThatThrownBy(() -> store.update(ghostChange.updated(), 1, ghostChange.entry()))
                .isInstanceOf(CaseNotFoundException.class);
        assertThat(store.find(TENANT, c.id())).contains(closed);
        assertThat(store.history(TENANT, c.id())).hasSize(3);
        assertThat(store.erase(TENANT, c.id())).isTrue();
        assertThat(store.erase(TENANT, ghost.id())).isFalse();
    }

    // ---------------------------------------------------------------- 5. exactness

    /**
     * An update whose values are near the limits: an extension of a mebibyte, its history change
     * holding the old and the new value (two mebibytes of JSON in the statement's SELECT list), a
     * long remark, instants at the earliest and latest the store keeps, written with the JVM in one
     * zone and the session in another, read back in a third.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anUpdateNearTheLimitsRoundTripsExactlyInAnyZone(String database) {
        TestDatabase db = DATABASES.get(database);
        java.util.TimeZone jvmZone = java.util.TimeZone.getDefault();
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Pacific/Chatham"));
        try {
            JdbcCaseStore writer = JdbcCaseStore.create(Jdbi.create(db.pool(1, true, db.otherSessionZone())), db.options());
            String mebibyte = "x".repeat(1_048_576 - 4) + "🎉";
            String other = "y".repeat(1_048_576 - 5) + "日本";
            java.util.Map<String, Value> extensions = new java.util.TreeMap<>();
            extensions.put("AICC__long__CST", Value.text(mebibyte));
            Case c = Case.builder().tenant(TENANT).id(CaseId.of("limits")).typeId(Fixtures.TYPE)
                    .title("t").description("d").extensions(extensions)
                    .version(1).createdBy("me").createdAt(TimeColumns.EARLIEST).updatedAt(TimeColumns.EARLIEST)
                    .build();
            writer.insert(c, creation(c));
            java.util.Map<String, Value> changed = new java.util.TreeMap<>(extensions);
            changed.put("AICC__long__CST", Value.text(other));
            Case updated = c.toBuilder().extensions(changed).closedAt(Optional.of(TimeColumns.EARLIEST))
                    .closedReason(Optional.of("")).state(io.casekit.core.CaseState.COMPLETED).status("done")
                    .build().withVersion(2, TimeColumns.LATEST);
            HistoryEntry entry = new HistoryEntry(TENANT, c.id(), 2, TimeColumns.LATEST, "actor",
                    List.of(new io.casekit.core.FieldChange("AICC__long__CST", Optional.of(Value.text(mebibyte)),
                            Optional.of(Value.text(other)))),
                    ChangeKind.CLOSE, Optional.of("r".repeat(2_000) + "\u00e9\"\\"));
            writer.update(updated, 1, entry);

            JdbcCaseStore reader = JdbcCaseStore.create(Jdbi.create(db.pool(1, true, db.sessionZone())), db.options());
            assertThat(reader.find(TENANT, c.id())).contains(updated);
            assertThat(reader.history(TENANT, c.id())).containsExactly(creation(c), entry);
        } finally {
            java.util.TimeZone.setDefault(jvmZone);
        }
    }

    // ---------------------------------------------------------------- 6. error classification

    /**
     * An update that can not get the row lock in time (H2's LOCK_TIMEOUT, MariaDB's
     * innodb_lock_wait_timeout, PostgreSQL's lock_timeout set by the host) is a retryable conflict,
     * and changes nothing.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anUpdateThatTimesOutWaitingForALockIsARetryableConflict(String database) throws Exception {
        lockTimeoutIsARetryableConflict(DATABASES.get(database));
    }

    private static void lockTimeoutIsARetryableConflict(TestDatabase db) throws Exception {
        Jdbi hostJdbi = Jdbi.create(db.pool(1, true, db.sessionZone()));
        HikariDataSource impatient = db.pool(1, true, db.sessionZone());
        String timeout = switch (db.dialect) {
            case H2 -> "SET LOCK_TIMEOUT 200";
            case POSTGRESQL -> "SET lock_timeout = '200ms'";
            case MARIADB -> "SET SESSION innodb_lock_wait_timeout = 1";
        };
        Jdbi impatientJdbi = Jdbi.create(() -> {
            java.sql.Connection conn = impatient.getConnection();
            try (java.sql.Statement st = conn.createStatement()) {
                st.execute(timeout);
            }
            return conn;
        });
        JdbcCaseStore host = JdbcCaseStore.create(hostJdbi, db.options());
        JdbcCaseStore other = JdbcCaseStore.create(impatientJdbi, db.options());
        Case c = minimal(TENANT, "locked");
        host.insert(c, creation(c));
        Fixtures.Change hosts = retitle(c, "host", "host", Optional.empty());
        Fixtures.Change others = retitle(c, "other", "other", Optional.empty());
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> hostDone = pool.submit(() -> {
                try {
                    hostJdbi.useTransaction(h -> {
                        host.update(hosts.updated(), 1, hosts.entry());
                        locked.countDown();
                        release.await(60, TimeUnit.SECONDS);
                        throw new IllegalStateException("host rolls back");
                    });
                } catch (IllegalStateException expected) {
                    // rolled back
                }
                return null;
            });
            assertThat(locked.await(60, TimeUnit.SECONDS)).isTrue();
            Throwable t = org.assertj.core.api.Assertions.catchThrowable(
                    () -> other.update(others.updated(), 1, others.entry()));
            release.countDown();
            hostDone.get(60, TimeUnit.SECONDS);
            assertThat(t).isInstanceOf(CaseConflictException.class);
            assertThat(((CaseConflictException) t).retryable()).isTrue();
            assertNoSqlIn(t, db);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        assertThat(host.find(TENANT, c.id())).contains(c);
        assertThat(host.history(TENANT, c.id())).containsExactly(creation(c));
    }

    // ---------------------------------------------------------------- more transaction set-ups

    /**
     * Racing writers on a pool whose connections are all REPEATABLE READ or SERIALIZABLE (a host's
     * pool setting): each one-statement update runs alone under autocommit at that level, and a
     * lost race must still be a conflict, never a StorageUnavailableException, nor a lost history.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("databasesTimesPoolIsolation")
    void racingWritersOnAPoolWithAStricterIsolationStillHaveOneWinnerPerRound(String database, String isolation)
            throws Exception {
        TestDatabase db = DATABASES.get(database);
        int threads = 4;
        try (HikariDataSource ds = db.pool(threads, isolation)) {
            raceRounds(JdbcCaseStore.create(Jdbi.create(ds), db.options()), minimal(TENANT, "strict"), threads, 10);
        }
    }

    static List<org.junit.jupiter.params.provider.Arguments> databasesTimesPoolIsolation() {
        return databasesTimes(List.of("TRANSACTION_REPEATABLE_READ", "TRANSACTION_SERIALIZABLE"));
    }

    /** A host's transaction manager with no transaction on this thread. */
    private static final HostTransactions NO_HOST_TRANSACTION = new HostTransactions() {
        @Override
        public boolean isActive() {
            return false;
        }

        @Override
        public void afterCommit(Runnable action) {
            throw new AssertionError("no transaction is active");
        }
    };

    /**
     * Host-managed mode outside a host transaction, on connections with autocommit on or off: the
     * update is committed, a failing history part leaves the case as it was, and no connection goes
     * back in a transaction.
     */
    @ParameterizedTest(name = "{0} autocommit={1}")
    @MethodSource("databasesTimesBoolean")
    void hostManagedOutsideAHostTransactionAnUpdateIsCommittedAndAtomic(String database, boolean autoCommit) {
        TestDatabase db = DATABASES.get(database);
        TransactionTrackingDataSource tracking = new TransactionTrackingDataSource(db.pool(1, autoCommit, db.sessionZone()));
        JdbcCaseStore store = JdbcCaseStore.create(Jdbi.create(tracking),
                db.options().withTransactions(JdbcTransactions.hostManaged(NO_HOST_TRANSACTION)));
        Case c = full(TENANT, "managed");
        store.insert(c, creation(c));
        Fixtures.Change change = retitle(c, "x", "a", Optional.of("r"));
        db.jdbi.useHandle(h -> h.createUpdate("INSERT INTO " + db.prefix + "case_history"
                        + " (tenant, case_id, version, changed_at, actor, changes, kind) VALUES (?, ?, 2, CURRENT_TIMESTAMP, 'x', "
                        + db.dialect.jsonParameter() + ", 'modify')")
                .bind(0, TENANT.value()).bind(1, c.id().value()).bind(2, "[]").execute());

        assertThatThrownBy(() -> store.update(change.updated(), 1, change.entry())).isInstanceOf(CaseConflictException.class);
        assertThat(db.store().find(TENANT, c.id())).contains(c);

        db.jdbi.useHandle(h -> h.execute("DELETE FROM " + db.prefix + "case_history WHERE version = 2"));
        store.update(change.updated(), 1, change.entry());
        assertThat(db.store().find(TENANT, c.id())).contains(change.updated());
        assertThat(db.store().history(TENANT, c.id())).containsExactly(creation(c), change.entry());
        assertThat(tracking.returnedInTransaction()).isZero();
    }
}

package io.casekit.store.jdbc;

import static io.casekit.store.jdbc.Fixtures.CREATED;
import static io.casekit.store.jdbc.Fixtures.OTHER_TENANT;
import static io.casekit.store.jdbc.Fixtures.TENANT;
import static io.casekit.store.jdbc.Fixtures.creation;
import static io.casekit.store.jdbc.Fixtures.full;
import static io.casekit.store.jdbc.Fixtures.minimal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zaxxer.hikari.HikariDataSource;
import io.casekit.core.Case;
import io.casekit.core.CaseConflictException;
import io.casekit.core.CaseException;
import io.casekit.core.CaseId;
import io.casekit.core.CaseNotFoundException;
import io.casekit.core.DuplicateCaseException;
import io.casekit.core.HistoryEntry;
import io.casekit.core.StorageUnavailableException;
import io.casekit.core.Value;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The store's own behaviour on every requested database, beyond (and before) the contract kit. */
class JdbcCaseStoreTest {
    @RegisterExtension
    static final Databases DATABASES = Databases.requested();

    static List<String> databases() {
        return Databases.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void storesAndReadsBackEveryFieldAndValueKindExactly(String database) {
        JdbcCaseStore store = DATABASES.get(database).store();
        Case c = full(TENANT, "c6m800000142mS63Voa8");
        store.insert(c, creation(c));

        assertThat(store.find(TENANT, c.id())).contains(c);
        assertThat(store.history(TENANT, c.id())).containsExactly(creation(c));
        Case read = store.find(TENANT, c.id()).orElseThrow();
        assertThat(((Value.Decimal) read.extensions().get("AICC__refund__CST")).value().scale()).isEqualTo(2);
        assertThat(((Value.Decimal) read.extensions().get("AICC__tiny__CST")).value().toString()).isEqualTo("0.000");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aNullArgumentIsTheCallersBugNotAnUnavailableDatabase(String database) {
        JdbcCaseStore store = DATABASES.get(database).store();
        CaseId id = CaseId.of("c1");

        assertThatThrownBy(() -> store.find(null, id)).isExactlyInstanceOf(NullPointerException.class).hasMessage("tenant");
        assertThatThrownBy(() -> store.find(TENANT, null)).isExactlyInstanceOf(NullPointerException.class).hasMessage("id");
        assertThatThrownBy(() -> store.history(null, id)).isExactlyInstanceOf(NullPointerException.class).hasMessage("tenant");
        assertThatThrownBy(() -> store.history(TENANT, null)).isExactlyInstanceOf(NullPointerException.class).hasMessage("id");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void absentOptionalFieldsStayAbsent(String database) {
        JdbcCaseStore store = DATABASES.get(database).store();
        Case c = minimal(TENANT, "min");
        store.insert(c, creation(c));

        Case read = store.find(TENANT, c.id()).orElseThrow();
        assertThat(read).isEqualTo(c);
        assertThat(read.ownerId()).isEmpty();
        assertThat(read.dueDate()).isEmpty();
        assertThat(read.extensions()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anAbsentCaseIsEmptyWithEmptyHistory(String database) {
        JdbcCaseStore store = DATABASES.get(database).store();
        assertThat(store.find(TENANT, CaseId.of("nope"))).isEmpty();
        assertThat(store.history(TENANT, CaseId.of("nope"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void tenantsNeverSeeOrChangeEachOthersCases(String database) {
        JdbcCaseStore store = DATABASES.get(database).store();
        Case mine = full(TENANT, "same");
        Case theirs = minimal(OTHER_TENANT, "same");
        store.insert(mine, creation(mine));
        store.insert(theirs, creation(theirs));

        assertThat(store.find(TENANT, mine.id())).contains(mine);
        assertThat(store.find(OTHER_TENANT, mine.id())).contains(theirs);

        Case onlyMine = minimal(TENANT, "onlymine");
        store.insert(onlyMine, creation(onlyMine));
        Case forged = minimal(OTHER_TENANT, "onlymine").withVersion(2, CREATED.plusMillis(1));
        HistoryEntry forgedEntry = Fixtures.change(minimal(OTHER_TENANT, "onlymine"), "title",
                Optional.of(Value.text("stolen")), "x").entry();
        assertThatThrownBy(() -> store.update(forged, 1, forgedEntry)).isInstanceOf(CaseNotFoundException.class);
        assertThat(store.find(TENANT, onlyMine.id())).contains(onlyMine);
        assertThat(store.history(OTHER_TENANT, onlyMine.id())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSecondInsertOfAnIdIsADuplicateAndWritesNothing(String database) {
        JdbcCaseStore store = DATABASES.get(database).store();
        Case first = minimal(TENANT, "dup");
        store.insert(first, creation(first));
        Case second = full(TENANT, "dup");

        DuplicateCaseException e = catchThrowableOfType(DuplicateCaseException.class,
                () -> store.insert(second, creation(second)));

        assertThat(e.caseId()).isEqualTo(first.id());
        assertThat(e.kind()).isEqualTo(CaseException.Kind.DUPLICATE);
        assertThat(e.getMessage()).isEqualTo("A case dup already exists");
        assertThat(store.find(TENANT, first.id())).contains(first);
        assertThat(store.history(TENANT, first.id())).containsExactly(creation(first));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anUpdateReplacesTheCaseAndAppendsItsEntry(String database) {
        JdbcCaseStore store = DATABASES.get(database).store();
        Case c = full(TENANT, "upd");
        store.insert(c, creation(c));
        Fixtures.Change title = Fixtures.change(c, "title", Optional.of(Value.text("new title")), "op1");
        store.update(title.updated(), 1, title.entry());
        Fixtures.Change cleared = Fixtures.change(title.updated(), "dueDate", Optional.empty(), "op2");
        store.update(cleared.updated(), 2, cleared.entry());
        Fixtures.Change ext = Fixtures.change(cleared.updated(), "AICC__tags__CST", Optional.empty(), "op3");
        store.update(ext.updated(), 3, ext.entry());

        assertThat(store.find(TENANT, c.id())).contains(ext.updated());
        assertThat(store.find(TENANT, c.id()).orElseThrow().dueDate()).isEmpty();
        List<HistoryEntry> history = store.history(TENANT, c.id());
        assertThat(history).containsExactly(creation(c), title.entry(), cleared.entry(), ext.entry());
        assertThatThrownBy(history::clear).as("a returned history is not the caller's to change")
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anUpdateFromAnOldVersionIsAConflictWithTheActualVersionAndWritesNothing(String database) {
        JdbcCaseStore store = DATABASES.get(database).store();
        Case c = minimal(TENANT, "cas");
        store.insert(c, creation(c));
        Fixtures.Change winner = Fixtures.change(c, "title", Optional.of(Value.text("winner")), "a");
        store.update(winner.updated(), 1, winner.entry());
        Fixtures.Change loser = Fixtures.change(c, "title", Optional.of(Value.text("loser")), "b");

        CaseConflictException e = catchThrowableOfType(CaseConflictException.class,
                () -> store.update(loser.updated(), 1, loser.entry()));

        assertThat(e.expectedVersion()).isEqualTo(1);
        assertThat(e.actualVersion()).hasValue(2);
        assertThat(e.retryable()).isFalse();
        assertThat(store.find(TENANT, c.id())).contains(winner.updated());
        assertThat(store.history(TENANT, c.id())).containsExactly(creation(c), winner.entry());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anUpdateOfAnAbsentCaseIsNotFoundAndWritesNothing(String database) {
        JdbcCaseStore store = DATABASES.get(database).store();
        Fixtures.Change change = Fixtures.change(minimal(TENANT, "ghost"), "title", Optional.of(Value.text("x")), "a");

        CaseNotFoundException e = catchThrowableOfType(CaseNotFoundException.class,
                () -> store.update(change.updated(), 1, change.entry()));

        assertThat(e.caseId()).isEqualTo(CaseId.of("ghost"));
        assertThat(store.history(TENANT, CaseId.of("ghost"))).isEmpty();
    }

    /** A history row left behind (say, by hand) so that the second statement of a write fails. */
    private static void plantHistoryRow(TestDatabase db, String caseId, long version) {
        db.jdbi.useHandle(h -> h.createUpdate("INSERT INTO " + db.prefix + "case_history"
                        + " (tenant, case_id, version, changed_at, actor, changes, kind) VALUES (?, ?, ?, CURRENT_TIMESTAMP, 'x', "
                        + db.dialect.jsonParameter() + ", 'modify')")
                .bind(0, TENANT.value()).bind(1, caseId).bind(2, version)
                .bind(3, "[{\"field\":\"title\",\"old\":null,\"new\":\"x\"}]").execute());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anInsertWhoseHistoryRowFailsStoresNoCaseEither(String database) {
        TestDatabase db = DATABASES.get(database);
        JdbcCaseStore store = db.store();
        plantHistoryRow(db, "halfway", 1);
        Case c = minimal(TENANT, "halfway");

        assertThatThrownBy(() -> store.insert(c, creation(c))).isInstanceOf(DuplicateCaseException.class);

        assertThat(store.find(TENANT, c.id())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anUpdateWhoseHistoryRowFailsChangesNoState(String database) {
        TestDatabase db = DATABASES.get(database);
        JdbcCaseStore store = db.store();
        Case c = minimal(TENANT, "halfway");
        store.insert(c, creation(c));
        plantHistoryRow(db, "halfway", 2);
        Fixtures.Change change = Fixtures.change(c, "title", Optional.of(Value.text("x")), "a");

        CaseConflictException e = catchThrowableOfType(CaseConflictException.class,
                () -> store.update(change.updated(), 1, change.entry()));

        assertThat(e.retryable()).isTrue();
        assertThat(store.find(TENANT, c.id())).contains(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anUpdateAndItsHistoryAreOneStatementThatCommitsItselfExceptOnMariaDb(String database) {
        TestDatabase db = DATABASES.get(database);
        TransactionTrackingDataSource tracking = new TransactionTrackingDataSource(db.pool(1, true, db.sessionZone()));
        JdbcCaseStore store = JdbcCaseStore.create(Jdbi.create(tracking), db.options());
        Case c = minimal(TENANT, "counted");
        store.insert(c, creation(c));
        Fixtures.Change change = Fixtures.change(c, "title", Optional.of(Value.text("x")), "a");
        int preparedBefore = tracking.statementsPrepared();
        int commitsBefore = tracking.commits();

        store.update(change.updated(), 1, change.entry());

        // MariaDB has neither a data-modifying WITH nor a FINAL TABLE: an update and an insert in a transaction.
        boolean mariadb = db.dialect == JdbcDialect.MARIADB;
        assertThat(tracking.statementsPrepared() - preparedBefore).isEqualTo(mariadb ? 2 : 1);
        assertThat(tracking.commits() - commitsBefore).isEqualTo(mariadb ? 1 : 0);
        assertThat(store.find(TENANT, c.id())).contains(change.updated());
        assertThat(store.history(TENANT, c.id())).containsExactly(creation(c), change.entry());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void largeValuesAreKeptInFull(String database) {
        JdbcCaseStore store = DATABASES.get(database).store();
        String mebibyte = "x".repeat(1_048_576 - 4) + "🎉";
        String description = "日本語".repeat(20_000 / 9);
        Map<String, Value> extensions = new TreeMap<>();
        extensions.put("AICC__long__CST", Value.text(mebibyte));
        Case c = Case.builder().tenant(TENANT).id(CaseId.of("big")).typeId(Fixtures.TYPE)
                .title("t").description(description)
                .attachment("a".repeat(2000))
                .extensions(extensions)
                .version(1).createdBy("me").createdAt(CREATED).updatedAt(CREATED)
                .build();
        store.insert(c, creation(c));

        assertThat(store.find(TENANT, c.id())).contains(c);
        assertThat(store.history(TENANT, c.id())).containsExactly(creation(c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anInstantFinerThanAMillisecondIsRefusedNotTruncated(String database) {
        JdbcCaseStore store = DATABASES.get(database).store();
        Instant fine = Instant.parse("2026-11-27T22:12:31.123456Z");
        Case c = Case.builder().tenant(TENANT).id(CaseId.of("fine")).typeId(Fixtures.TYPE)
                .title("t").description("d")
                .version(1).createdBy("me").createdAt(fine).updatedAt(fine)
                .build();

        assertThatThrownBy(() -> store.insert(c, creation(c)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("millisecond");
        assertThat(store.find(TENANT, c.id())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void noOperationKeepsAConnectionAfterItReturns(String database) {
        TestDatabase db = DATABASES.get(database);
        HikariDataSource pool = db.pool(1, true, db.sessionZone());
        Jdbi jdbi = Jdbi.create(pool);
        JdbcCaseStore store = JdbcCaseStore.create(jdbi, db.options());
        JdbcTemplateCatalog catalog = JdbcTemplateCatalog.create(jdbi, db.options());
        Case c = minimal(TENANT, "held");
        Fixtures.Change change = Fixtures.change(c, "title", Optional.of(Value.text("t2")), "a");
        List<Runnable> operations = List.of(
                () -> store.insert(c, creation(c)),
                () -> store.find(TENANT, c.id()),
                () -> store.update(change.updated(), 1, change.entry()),
                () -> store.history(TENANT, c.id()),
                () -> catalog.save(TemplateFixtures.complaint(TENANT)),
                () -> catalog.find(TENANT, Fixtures.TYPE),
                () -> catalog.list(TENANT));

        for (Runnable operation : operations) {
            operation.run();
            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
        }
        // With one connection in the pool, a leak would have made the later operations time out.
        assertThat(store.find(TENANT, c.id())).contains(change.updated());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aPoolWithoutAutocommitGetsCommittedWritesAndFreshReads(String database) {
        TestDatabase db = DATABASES.get(database);
        Jdbi manual = Jdbi.create(db.pool(1, false, db.sessionZone()));
        JdbcCaseStore store = JdbcCaseStore.create(manual, db.options().withTransactions(JdbcTransactions.manualCommitPool()));
        JdbcCaseStore elsewhere = db.store();
        Case c = minimal(TENANT, "manual");
        store.insert(c, creation(c));
        assertThat(elsewhere.find(TENANT, c.id())).contains(c);

        Fixtures.Change first = Fixtures.change(c, "title", Optional.of(Value.text("first")), "a");
        store.update(first.updated(), 1, first.entry());
        assertThat(elsewhere.find(TENANT, c.id())).contains(first.updated());

        // A read that left its transaction open would keep reading its old snapshot (MariaDB).
        assertThat(store.find(TENANT, c.id())).contains(first.updated());
        Fixtures.Change second = Fixtures.change(first.updated(), "title", Optional.of(Value.text("second")), "b");
        elsewhere.update(second.updated(), 2, second.entry());
        assertThat(store.find(TENANT, c.id())).contains(second.updated());
        assertThat(store.history(TENANT, c.id())).hasSize(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void withoutAutocommitNoOperationHandsItsConnectionBackInATransaction(String database) {
        TestDatabase db = DATABASES.get(database);
        TransactionTrackingDataSource tracking = new TransactionTrackingDataSource(db.pool(1, false, db.sessionZone()));
        Jdbi jdbi = Jdbi.create(tracking);
        JdbcStoreOptions manualCommit = db.options().withTransactions(JdbcTransactions.manualCommitPool());
        JdbcCaseStore store = JdbcCaseStore.create(jdbi, manualCommit);
        JdbcTemplateCatalog catalog = JdbcTemplateCatalog.create(jdbi, manualCommit.withTemplateCacheTtl(
                java.time.Duration.ZERO));
        Case c = minimal(TENANT, "tracked");
        Fixtures.Change change = Fixtures.change(c, "title", Optional.of(Value.text("t2")), "a");
        List<Runnable> operations = List.of(
                () -> store.insert(c, creation(c)),
                () -> store.find(TENANT, c.id()),
                () -> store.update(change.updated(), 1, change.entry()),
                () -> assertThatThrownBy(() -> store.update(change.updated(), 1, change.entry()))
                        .isInstanceOf(CaseConflictException.class),
                () -> assertThatThrownBy(() -> store.insert(c, creation(c))).isInstanceOf(DuplicateCaseException.class),
                () -> store.history(TENANT, c.id()),
                () -> catalog.save(TemplateFixtures.complaint(TENANT)),
                () -> catalog.find(TENANT, Fixtures.TYPE),
                () -> catalog.list(TENANT));

        for (int i = 0; i < operations.size(); i++) {
            operations.get(i).run();
            assertThat(tracking.returnedInTransaction()).as("after operation %d", i).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void withoutItsTablesEveryOperationFailsAsUnavailableWithoutSqlInTheMessage(String database) {
        TestDatabase db = DATABASES.get(database);
        JdbcCaseStore store = JdbcCaseStore.create(db.jdbi, db.options().withTablePrefix("cknotables_"));
        Case c = minimal(TENANT, "none");
        Fixtures.Change change = Fixtures.change(c, "title", Optional.of(Value.text("x")), "a");
        List<Runnable> operations = List.of(
                () -> store.insert(c, creation(c)),
                () -> store.find(TENANT, c.id()),
                () -> store.update(change.updated(), 1, change.entry()),
                () -> store.history(TENANT, c.id()));

        for (Runnable operation : operations) {
            assertThatThrownBy(operation::run)
                    .isInstanceOf(StorageUnavailableException.class)
                    .hasMessage(Failures.NO_SCHEMA)
                    .hasRootCauseInstanceOf(java.sql.SQLException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theDialectIsDetectedFromTheConnection(String database) {
        TestDatabase db = DATABASES.get(database);
        assertThat(JdbcCaseStore.create(db.jdbi, JdbcStoreOptions.defaults()).dialect()).isEqualTo(db.dialect);
    }
}

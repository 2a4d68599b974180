package io.casekit.store.jdbc;

import static io.casekit.store.jdbc.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casekit.core.Case;
import io.casekit.core.CaseId;
import io.casekit.core.HistoryEntry;
import io.casekit.core.Value;
import io.casekit.core.service.CaseService;
import io.casekit.core.service.ModificationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The store joins a transaction the host opened on the same Jdbi, and the host's outcome decides. */
class HostTransactionTest {
    @RegisterExtension
    static final Databases DATABASES = Databases.requested();

    static List<String> databases() {
        return Databases.names();
    }

    /** Thrown by the host's callback to roll its transaction back. */
    private static final class HostRollback extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private static CaseService service(TestDatabase db) {
        return service(db, new ArrayList<>());
    }

    /** A service whose listener writes what it hears into {@code heard}. */
    private static CaseService service(TestDatabase db, List<String> heard) {
        JdbcTemplateCatalog catalog = db.catalog();
        catalog.save(TemplateFixtures.simple(TENANT, Fixtures.TYPE, "Simple"));
        return CaseService.builder(db.store(), catalog)
                .listener((after, entry) -> heard.add(after.id().value() + " v" + after.version())).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theListenerHearsOfAChangeInAHostTransactionOnlyAfterItCommits(String database) {
        TestDatabase db = DATABASES.get(database);
        List<String> heard = new CopyOnWriteArrayList<>();
        CaseService service = service(db, heard);
        Fixtures.createThroughService(service, "told");
        assertThat(heard).containsExactly("told v1");

        assertThatThrownBy(() -> db.jdbi.useTransaction(h -> {
            service.modify(TENANT, Fixtures.retitle("told", "rolled back"));
            Fixtures.createThroughService(service, "never");
            throw new HostRollback();
        })).isInstanceOf(HostRollback.class);
        assertThat(heard).containsExactly("told v1");

        db.jdbi.useTransaction(h -> {
            service.modify(TENANT, Fixtures.retitle("told", "committed"));
            Fixtures.createThroughService(service, "later");
            assertThat(heard).containsExactly("told v1");
        });
        assertThat(heard).containsExactly("told v1", "told v2", "later v1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aListenerThatFailsAfterTheHostsCommitNeitherUndoesNorFailsIt(String database) {
        TestDatabase db = DATABASES.get(database);
        JdbcTemplateCatalog catalog = db.catalog();
        catalog.save(TemplateFixtures.simple(TENANT, Fixtures.TYPE, "Simple"));
        CaseService service = CaseService.builder(db.store(), catalog).listener((after, entry) -> {
            throw new IllegalStateException("listener broke");
        }).build();

        db.jdbi.useTransaction(h -> Fixtures.createThroughService(service, "stays"));

        assertThat(db.store().history(TENANT, CaseId.of("stays"))).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void byDefaultAPoolWithoutAutocommitIsRefusedAndNothingIsWrittenOrEnded(String database) {
        TestDatabase db = DATABASES.get(database);
        TransactionTrackingDataSource tracking = new TransactionTrackingDataSource(db.pool(1, false, db.sessionZone()));
        JdbcCaseStore store = JdbcCaseStore.create(org.jdbi.v3.core.Jdbi.create(tracking), db.options());
        Case c = Fixtures.minimal(TENANT, "refused");
        db.store().insert(c, Fixtures.creation(c));
        Fixtures.Change change = Fixtures.change(c, "title", Optional.of(Value.text("x")), "a");

        List<Runnable> operations = List.of(
                () -> store.insert(Fixtures.minimal(TENANT, "other"), Fixtures.creation(Fixtures.minimal(TENANT, "other"))),
                () -> store.update(change.updated(), 1, change.entry()),
                () -> store.find(TENANT, c.id()),
                () -> store.history(TENANT, c.id()));
        for (Runnable operation : operations) {
            assertThatThrownBy(operation::run).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("autocommit off").hasMessageContaining("manualCommitPool");
        }

        assertThat(db.store().find(TENANT, CaseId.of("other"))).isEmpty();
        assertThat(db.store().find(TENANT, c.id())).contains(c);
        assertThat(tracking.returnedInTransaction()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aHostTransactionThatRollsBackAfterAModifyLeavesNoTraceOfIt(String database) {
        TestDatabase db = DATABASES.get(database);
        CaseService service = service(db);
        Case before = Fixtures.createThroughService(service, "rolledback");
        List<HistoryEntry> historyBefore = service.history(TENANT, before.id());

        assertThatThrownBy(() -> db.jdbi.useTransaction(h -> {
            ModificationResult result = service.modify(TENANT, Fixtures.retitle("rolledback", "after"));
            assertThat(result.changes()).isNotEmpty();
            // Inside the host's transaction the change is there, state and history.
            assertThat(service.get(TENANT, before.id()).title()).isEqualTo("after");
            assertThat(service.history(TENANT, before.id())).hasSize(2);
            throw new HostRollback();
        })).isInstanceOf(HostRollback.class);

        assertThat(service.get(TENANT, before.id())).isEqualTo(before);
        assertThat(service.history(TENANT, before.id())).isEqualTo(historyBefore);
        // A later modify starts from the stored version, not from the rolled-back one.
        assertThat(service.modify(TENANT, Fixtures.retitle("rolledback", "later")).current().version()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aModifyInsideAHostTransactionBecomesVisibleToOthersOnlyWhenTheHostCommits(String database) {
        TestDatabase db = DATABASES.get(database);
        CaseService service = service(db);
        Case before = Fixtures.createThroughService(service, "committed");
        JdbcCaseStore otherProcess = JdbcCaseStore.create(
                org.jdbi.v3.core.Jdbi.create(db.pool(1, true, db.sessionZone())), db.options());

        db.jdbi.useTransaction(h -> {
            service.modify(TENANT, Fixtures.retitle("committed", "after"));
            Long versionOnHostConnection = h.createQuery("SELECT version FROM " + db.prefix + "case WHERE id = ?")
                    .bind(0, "committed").mapTo(Long.class).one();
            assertThat(versionOnHostConnection).isEqualTo(2L);
            assertThat(otherProcess.find(TENANT, before.id()).orElseThrow().version()).isEqualTo(1);
            assertThat(otherProcess.history(TENANT, before.id())).hasSize(1);
        });

        assertThat(otherProcess.find(TENANT, before.id()).orElseThrow().title()).isEqualTo("after");
        assertThat(otherProcess.history(TENANT, before.id())).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void onAHostHandleOutsideATransactionEachWriteCommitsAtOnce(String database) {
        TestDatabase db = DATABASES.get(database);
        JdbcCaseStore store = db.store();
        JdbcCaseStore otherProcess = JdbcCaseStore.create(
                org.jdbi.v3.core.Jdbi.create(db.pool(1, true, db.sessionZone())), db.options());
        Case c = Fixtures.minimal(TENANT, "handle");
        Fixtures.Change change = Fixtures.change(c, "title", Optional.of(Value.text("changed")), "a");

        db.jdbi.useHandle(h -> {
            store.insert(c, Fixtures.creation(c));
            store.update(change.updated(), 1, change.entry());
            assertThat(h.isInTransaction()).isFalse();
            assertThat(otherProcess.find(TENANT, c.id())).contains(change.updated());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aFailedWriteInsideTheHostTransactionLeavesTheOutcomeToTheHost(String database) {
        TestDatabase db = DATABASES.get(database);
        JdbcCaseStore store = db.store();
        Case c = Fixtures.minimal(TENANT, "hostdecides");
        store.insert(c, Fixtures.creation(c));
        Case other = Fixtures.minimal(TENANT, "alsowritten");

        assertThatThrownBy(() -> db.jdbi.useTransaction(h -> {
            store.insert(other, Fixtures.creation(other));
            Fixtures.Change stale = Fixtures.change(c.withVersion(5, c.updatedAt()), "title",
                    Optional.of(Value.text("x")), "a");
            store.update(stale.updated(), 5, stale.entry());
        })).isInstanceOf(io.casekit.core.CaseConflictException.class);

        // The host's transaction rolled back as a whole, the earlier insert with it.
        assertThat(store.find(TENANT, CaseId.of("alsowritten"))).isEmpty();
        assertThat(store.find(TENANT, c.id())).contains(c);
    }
}

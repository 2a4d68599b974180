package io.casekit.store.jdbc;

import static io.casekit.store.jdbc.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casekit.core.Case;
import io.casekit.core.CaseDraft;
import io.casekit.core.CaseId;
import io.casekit.core.HistoryEntry;
import io.casekit.core.service.CaseChangeListener;
import io.casekit.core.service.CaseService;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The store inside a host's Spring transaction (real Spring: {@code DataSourceTransactionManager} and
 * {@code TransactionTemplate}), with its {@code Jdbi} on (a) a {@code TransactionAwareDataSourceProxy}
 * and (b) a connection factory over {@code DataSourceUtils}: in host-managed mode it joins the
 * transaction and never ends it; the listener hears only of what committed. In the default mode, such
 * a connection (autocommit off) is refused rather than committed.
 */
class SpringTransactionTest {
    @RegisterExtension
    static final Databases DATABASES = Databases.requested();

    /** What a host on Spring gives the store in host-managed mode. */
    static final HostTransactions SPRING = new HostTransactions() {
        @Override
        public boolean isActive() {
            return TransactionSynchronizationManager.isActualTransactionActive();
        }

        @Override
        public void afterCommit(Runnable action) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        }
    };

    /** How the host's Jdbi reaches Spring's transaction. */
    enum Wiring {
        TRANSACTION_AWARE_PROXY {
            @Override
            Jdbi jdbi(DataSource pool) {
                return Jdbi.create(new TransactionAwareDataSourceProxy(pool));
            }
        },
        DATA_SOURCE_UTILS {
            @Override
            Jdbi jdbi(DataSource pool) {
                return Jdbi.create(new ConnectionFactory() {
                    @Override
                    public Connection openConnection() {
                        return DataSourceUtils.getConnection(pool);
                    }

                    @Override
                    public void closeConnection(Connection connection) {
                        DataSourceUtils.releaseConnection(connection, pool);
                    }
                });
            }
        };

        abstract Jdbi jdbi(DataSource pool);
    }

    static List<Arguments> setups() {
        List<Arguments> setups = new ArrayList<>();
        for (String database : Databases.names()) {
            for (Wiring wiring : Wiring.values()) {
                setups.add(Arguments.of(database, wiring));
            }
        }
        return setups;
    }

    /** Thrown by the host's callback to roll its transaction back. */
    private static final class HostRollback extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /**
     * A Spring host on one database: its pool, transaction manager, its own table and its own
     * {@code JdbcTemplate}, and casekit on a {@code Jdbi} wired to Spring's transaction.
     */
    private static final class Host implements AutoCloseable {
        final TestDatabase db;
        final TransactionTemplate transactions;
        final JdbcTemplate sql;
        final String table;
        final Jdbi jdbi;
        final List<String> heard = new CopyOnWriteArrayList<>();
        final CaseService service;
        /** Another process's view: its own pool, outside any transaction. */
        final JdbcCaseStore elsewhere;

        Host(TestDatabase db, Wiring wiring, JdbcTransactions mode) {
            this.db = db;
            DataSource pool = db.pool(2, true, db.sessionZone());
            this.transactions = new TransactionTemplate(new DataSourceTransactionManager(pool));
            this.sql = new JdbcTemplate(pool);
            this.table = db.prefix + "host_note";
            sql.execute("CREATE TABLE " + table + " (id VARCHAR(40) PRIMARY KEY)");
            this.jdbi = wiring.jdbi(pool);
            JdbcStoreOptions options = db.options().withTransactions(mode).withTemplateCacheTtl(Duration.ZERO);
            JdbcTemplateCatalog catalog = JdbcTemplateCatalog.create(jdbi, options);
            db.catalog().save(TemplateFixtures.simple(TENANT, Fixtures.TYPE, "Simple"));
            CaseChangeListener listener = (after, entry) -> heard.add(after.id().value() + " v" + after.version());
            this.service = CaseService.builder(JdbcCaseStore.create(jdbi, options), catalog).listener(listener).build();
            this.elsewhere = JdbcCaseStore.create(Jdbi.create(db.pool(1, true, db.sessionZone())), db.options());
        }

        void note(String id) {
            sql.update("INSERT INTO " + table + " (id) VALUES (?)", id);
        }

        List<String> notes() {
            return sql.queryForList("SELECT id FROM " + table + " ORDER BY id", String.class);
        }

        @Override
        public void close() {
            sql.execute("DROP TABLE " + table);
        }
    }

    private static Host host(String database, Wiring wiring) {
        return new Host(DATABASES.get(database), wiring, JdbcTransactions.hostManaged(SPRING));
    }

    private static CaseDraft draft(String id) {
        return CaseDraft.builder(Fixtures.TYPE, "creator").id(id).title("new").description("d").contactId("contact")
                .build();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("setups")
    void aHostTransactionThatRollsBackLeavesNoTraceOfCasekitsChangesNorOfTheHostsRows(String database, Wiring wiring) {
        try (Host host = host(database, wiring)) {
            Case before = Fixtures.createThroughService(host.service, "kept");
            List<HistoryEntry> historyBefore = host.elsewhere.history(TENANT, before.id());
            host.heard.clear();

            assertThatThrownBy(() -> host.transactions.executeWithoutResult(status -> {
                host.note("before casekit");
                host.service.modify(TENANT, Fixtures.retitle("kept", "rolled back"));
                host.service.create(TENANT, draft("fresh"));
                host.note("after casekit");
                // Inside the transaction its own work is there, casekit's and the host's.
                assertThat(host.service.get(TENANT, before.id()).title()).isEqualTo("rolled back");
                assertThat(host.service.history(TENANT, CaseId.of("fresh"))).hasSize(1);
                assertThat(host.notes()).hasSize(2);
                // And nothing of it outside, nor told to the listener yet.
                assertThat(host.elsewhere.find(TENANT, before.id())).contains(before);
                assertThat(host.elsewhere.find(TENANT, CaseId.of("fresh"))).isEmpty();
                assertThat(host.heard).isEmpty();
                throw new HostRollback();
            })).isInstanceOf(HostRollback.class);

            assertThat(host.elsewhere.find(TENANT, before.id())).contains(before);
            assertThat(host.elsewhere.history(TENANT, before.id())).isEqualTo(historyBefore);
            assertThat(host.elsewhere.find(TENANT, CaseId.of("fresh"))).isEmpty();
            assertThat(host.elsewhere.history(TENANT, CaseId.of("fresh"))).isEmpty();
            assertThat(host.notes()).isEmpty();
            assertThat(host.heard).isEmpty();
            // A later modify starts from the stored version, not from the rolled-back one.
            assertThat(host.service.modify(TENANT, Fixtures.retitle("kept", "later")).current().version()).isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("setups")
    void aHostTransactionThatCommitsKeepsBothAndTheListenerHearsAfterTheCommit(String database, Wiring wiring) {
        try (Host host = host(database, wiring)) {
            Case before = Fixtures.createThroughService(host.service, "kept");
            assertThat(host.heard).containsExactly("kept v1");
            host.heard.clear();

            host.transactions.executeWithoutResult(status -> {
                host.note("before casekit");
                host.service.modify(TENANT, Fixtures.retitle("kept", "committed"));
                host.service.create(TENANT, draft("fresh"));
                // Written after casekit's handles on the transaction's connection were closed: a
                // close that ended the transaction would lose this row or fail here.
                host.note("after casekit");
                assertThat(host.elsewhere.find(TENANT, before.id())).contains(before);
                assertThat(host.heard).isEmpty();
            });

            assertThat(host.heard).containsExactly("kept v2", "fresh v1");
            assertThat(host.elsewhere.find(TENANT, before.id()).orElseThrow().title()).isEqualTo("committed");
            assertThat(host.elsewhere.history(TENANT, before.id())).hasSize(2);
            assertThat(host.elsewhere.history(TENANT, CaseId.of("fresh"))).hasSize(1);
            assertThat(host.notes()).containsExactly("after casekit", "before casekit");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("setups")
    void outsideAHostTransactionAnInsertIsStillAtomicAndCommittedAtOnce(String database, Wiring wiring) {
        try (Host host = host(database, wiring)) {
            Fixtures.createThroughService(host.service, "alone");
            assertThat(host.elsewhere.history(TENANT, CaseId.of("alone"))).hasSize(1);
            assertThat(host.heard).containsExactly("alone v1");

            // A history row already there under the next case's key: its insert fails after the
            // case row went in, which must then go too.
            Case orphan = Fixtures.minimal(TENANT, "orphan");
            JdbcCaseStore store = JdbcCaseStore.create(host.jdbi,
                    host.db.options().withTransactions(JdbcTransactions.hostManaged(SPRING)));
            host.db.jdbi.useHandle(h -> h.execute("INSERT INTO " + host.db.prefix + "case_history "
                    + "(tenant, case_id, version, changed_at, actor, changes, kind) VALUES (?, ?, 1, CURRENT_TIMESTAMP, 'x', "
                    + host.db.dialect.jsonParameter() + ", 'create')", TENANT.value(), "orphan", "[]"));
            assertThatThrownBy(() -> store.insert(orphan, Fixtures.creation(orphan)))
                    .isInstanceOf(io.casekit.core.DuplicateCaseException.class);
            assertThat(host.elsewhere.find(TENANT, orphan.id())).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("setups")
    void theCatalogJoinsTooAndDoesNotCacheWhatARolledBackTransactionSaw(String database, Wiring wiring) {
        try (Host host = host(database, wiring)) {
            JdbcTemplateCatalog catalog = JdbcTemplateCatalog.create(host.jdbi,
                    host.db.options().withTransactions(JdbcTransactions.hostManaged(SPRING)));
            io.casekit.core.template.CaseType type = TemplateFixtures.complaint(TENANT,
                    io.casekit.core.CaseTypeId.of("ct000000000000000099"));

            assertThatThrownBy(() -> host.transactions.executeWithoutResult(status -> {
                catalog.save(type);
                assertThat(catalog.find(TENANT, type.id())).contains(type);
                throw new HostRollback();
            })).isInstanceOf(HostRollback.class);

            assertThat(catalog.find(TENANT, type.id())).isEmpty();
            assertThat(host.db.catalog().find(TENANT, type.id())).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("setups")
    void theDefaultModeRefusesTheConnectionOfAHostTransactionInsteadOfCommittingIt(String database, Wiring wiring) {
        try (Host host = new Host(DATABASES.get(database), wiring, JdbcTransactions.autocommitPool())) {
            Case before = Fixtures.createThroughService(host.service, "kept");
            host.heard.clear();

            assertThatThrownBy(() -> host.transactions.executeWithoutResult(status -> {
                host.note("host row");
                assertThatThrownBy(() -> host.service.modify(TENANT, Fixtures.retitle("kept", "refused")))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("autocommit off")
                        .hasMessageContaining("JdbcTransactions.hostManaged");
                throw new HostRollback();
            })).isInstanceOf(HostRollback.class);

            // Nothing committed early: the host's rollback took its row, and casekit wrote nothing.
            assertThat(host.notes()).isEmpty();
            assertThat(host.elsewhere.find(TENANT, before.id())).contains(before);
            assertThat(host.heard).isEmpty();

            host.transactions.executeWithoutResult(status -> {
                host.note("host row");
                assertThatThrownBy(() -> host.service.create(TENANT, draft("refused")))
                        .isInstanceOf(IllegalStateException.class);
            });
            assertThat(host.notes()).containsExactly("host row");
            assertThat(host.elsewhere.find(TENANT, CaseId.of("refused"))).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.casekit.store.jdbc.Databases#names")
    void aSpringTransactionOnAPlainPoolIsNotSeenSoCasekitsChangeCommitsOnItsOwn(String database) {
        TestDatabase db = DATABASES.get(database);
        DataSource pool = db.pool(2, true, db.sessionZone());
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(pool));
        // Host-managed mode, but the Jdbi takes plain pool connections: not the transaction's.
        JdbcStoreOptions options = db.options().withTransactions(JdbcTransactions.hostManaged(SPRING));
        JdbcCaseStore store = JdbcCaseStore.create(Jdbi.create(pool), options);
        Case c = Fixtures.minimal(TENANT, "unseen");

        transactions.executeWithoutResult(status -> assertThatThrownBy(() -> store.insert(c, Fixtures.creation(c)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("autocommit mode"));
        assertThat(db.store().find(TENANT, c.id())).isEmpty();

        // In the default mode the store can not tell: the write is its own, and survives the rollback.
        JdbcCaseStore unaware = JdbcCaseStore.create(Jdbi.create(pool), db.options());
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            unaware.insert(c, Fixtures.creation(c));
            throw new HostRollback();
        })).isInstanceOf(HostRollback.class);
        assertThat(db.store().find(TENANT, c.id())).contains(c);
    }
}

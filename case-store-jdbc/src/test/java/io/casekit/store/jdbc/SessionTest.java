package io.casekit.store.jdbc;

import static io.casekit.store.jdbc.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.Case;
import io.casekit.core.CaseId;
import io.casekit.core.CaseModification;
import io.casekit.core.service.AuthorizationPolicy;
import io.casekit.core.service.CaseService;
import io.casekit.core.template.CaseType;
import io.casekit.core.Value;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A modify runs in one session of the store: one connection for the read, the template (on a cache
 * miss), the policy's own use of the same Jdbi and the write, each still its own short transaction.
 */
class SessionTest {
    @RegisterExtension
    static final Databases DATABASES = Databases.requested();

    static List<String> databases() {
        return Databases.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aModifyTakesOneConnectionWhereItsReadAndWriteTookOneEach(String database) {
        TestDatabase db = DATABASES.get(database);
        TransactionTrackingDataSource counting = new TransactionTrackingDataSource(db.pool(2, true, db.sessionZone()));
        Jdbi jdbi = Jdbi.create(counting);
        JdbcTemplateCatalog catalog = JdbcTemplateCatalog.create(jdbi, db.options());
        catalog.save(TemplateFixtures.simple(TENANT, Fixtures.TYPE, "Simple"));
        CaseService service = CaseService.builder(JdbcCaseStore.create(jdbi, db.options()), catalog).build();
        Fixtures.createThroughService(service, "one");
        int before = counting.connectionsTaken();

        service.modify(TENANT, Fixtures.retitle("one", "after"));

        assertThat(counting.connectionsTaken() - before).isEqualTo(1);
        assertThat(service.get(TENANT, CaseId.of("one")).title()).isEqualTo("after");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void onAPoolOfOneTheCatalogAndThePolicyShareTheModifysConnection(String database) {
        TestDatabase db = DATABASES.get(database);
        // A second connection would be waited for until the pool's timeout, then fail the modify.
        Jdbi jdbi = Jdbi.create(db.pool(1, true, db.sessionZone()));
        // A time-to-live of zero: the catalog reads the database inside every modify.
        JdbcTemplateCatalog catalog = JdbcTemplateCatalog.create(jdbi, db.options().withTemplateCacheTtl(Duration.ZERO));
        catalog.save(TemplateFixtures.simple(TENANT, Fixtures.TYPE, "Simple"));
        AuthorizationPolicy askingTheDatabase = request -> {
            int one = jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            return one == 1 ? AuthorizationPolicy.Decision.allow() : AuthorizationPolicy.Decision.refuse("no");
        };
        CaseService service = CaseService.builder(JdbcCaseStore.create(jdbi, db.options()), catalog)
                .policy(askingTheDatabase).build();
        Fixtures.createThroughService(service, "shared");

        for (int i = 0; i < 3; i++) {
            service.modify(TENANT, Fixtures.retitle("shared", "title " + i));
        }

        assertThat(service.get(TENANT, CaseId.of("shared")).version()).isEqualTo(4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void withoutAutocommitASessionCommitsEachWriteAndHandsNoTransactionBack(String database) {
        TestDatabase db = DATABASES.get(database);
        TransactionTrackingDataSource tracking = new TransactionTrackingDataSource(db.pool(1, false, db.sessionZone()));
        Jdbi jdbi = Jdbi.create(tracking);
        JdbcStoreOptions manualCommit = db.options().withTransactions(JdbcTransactions.manualCommitPool());
        JdbcTemplateCatalog catalog = JdbcTemplateCatalog.create(jdbi, manualCommit);
        CaseType type = TemplateFixtures.simple(TENANT, Fixtures.TYPE, "Simple");
        catalog.save(type);
        CaseService service = CaseService.builder(JdbcCaseStore.create(jdbi, manualCommit), catalog).build();
        Fixtures.createThroughService(service, "manual");
        JdbcCaseStore otherProcess = db.store();

        service.modify(TENANT, Fixtures.retitle("manual", "after"));
        assertThat(otherProcess.find(TENANT, CaseId.of("manual")).orElseThrow().title()).isEqualTo("after");
        service.modify(TENANT, Fixtures.retitle("manual", "after"));
        assertThat(tracking.returnedInTransaction()).isZero();

        // Inside the session the catalog still caches: with the type gone behind its back, the
        // template's field is still known.
        db.jdbi.useHandle(h -> h.execute("DELETE FROM " + new Statements(db.prefix, db.dialect).caseTypeTable));
        service.modify(TENANT, CaseModification.builder("manual", "operator").title("after").description("d")
                .set("AICC__notes__CST", io.casekit.core.InputValue.text("still known")).build());
        assertThat(tracking.returnedInTransaction()).isZero();
        assertThat(otherProcess.history(TENANT, CaseId.of("manual"))).hasSize(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aConnectionThatFailsToCloseDoesNotUndoWhatWasCommitted(String database) {
        TestDatabase db = DATABASES.get(database);
        DataSource pool = db.pool(2, true, db.sessionZone());
        AtomicBoolean failClose = new AtomicBoolean();
        DataSource failingClose = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(pool, method, args);
                    if (!method.getName().equals("getConnection")) {
                        return result;
                    }
                    Connection connection = (Connection) result;
                    return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                            (p, m, a) -> {
                                Object r = invoke(connection, m, a);
                                if (m.getName().equals("close") && failClose.get()) {
                                    throw new SQLException("the pool could not take the connection back", "08006");
                                }
                                return r;
                            });
                });
        Jdbi jdbi = Jdbi.create(failingClose);
        JdbcTemplateCatalog catalog = JdbcTemplateCatalog.create(jdbi, db.options());
        catalog.save(TemplateFixtures.simple(TENANT, Fixtures.TYPE, "Simple"));
        JdbcCaseStore store = JdbcCaseStore.create(jdbi, db.options());
        CaseService service = CaseService.builder(store, catalog).build();
        Case created = Fixtures.createThroughService(service, "closing");
        failClose.set(true);

        assertThat(service.modify(TENANT, Fixtures.retitle("closing", "committed")).current().version()).isEqualTo(2);
        Fixtures.Change change = Fixtures.change(service.get(TENANT, created.id()), "title",
                Optional.of(Value.text("outside a session")), "operator");
        store.update(change.updated(), 2, change.entry());

        failClose.set(false);
        assertThat(db.store().find(TENANT, created.id()).orElseThrow().title()).isEqualTo("outside a session");
        assertThat(db.store().history(TENANT, created.id())).hasSize(3);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

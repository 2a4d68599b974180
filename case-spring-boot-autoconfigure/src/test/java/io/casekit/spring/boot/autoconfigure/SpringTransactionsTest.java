package io.casekit.spring.boot.autoconfigure;

import static io.casekit.spring.boot.autoconfigure.Samples.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casekit.core.CaseId;
import io.casekit.core.CaseTypeId;
import io.casekit.core.service.CaseChangeListener;
import io.casekit.core.service.CaseService;
import io.casekit.core.spi.TemplateCatalog;
import io.casekit.core.template.CaseType;
import io.casekit.store.jdbc.JdbcCaseStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * casekit inside a Boot host's Spring transactions, wired by the auto-configuration alone: the
 * host's rollback leaves no trace of casekit's writes (case, history, case type), its commit keeps
 * them, and casekit never commits a transaction it did not begin (nothing is visible to another
 * connection before the host commits). On H2, and on PostgreSQL with {@code -Pdatabases}.
 */
class SpringTransactionsTest {

    static List<TestDatabases> databases() {
        return TestDatabases.requested();
    }

    /** Host code with Spring's declarative transactions. */
    static class HostWork {
        private final CaseService cases;
        private final JdbcTemplate sql;

        HostWork(CaseService cases, JdbcTemplate sql) {
            this.cases = cases;
            this.sql = sql;
        }

        @Transactional
        public void createThenFail(String id, String table) {
            sql.update("INSERT INTO " + table + " (note) VALUES ('host row of " + id + "')");
            cases.create(TENANT, Samples.draft(id));
            cases.modify(TENANT, Samples.retitle(id, "changed"));
            cases.close(TENANT, CaseId.of(id), "operator", "done", null);
            throw new IllegalStateException("the host fails after casekit's calls");
        }

        @Transactional
        public void createAndCommit(String id, String table) {
            sql.update("INSERT INTO " + table + " (note) VALUES ('host row of " + id + "')");
            cases.create(TENANT, Samples.draft(id));
            cases.modify(TENANT, Samples.retitle(id, "changed"));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement
    static class Host {
        final List<String> heard = new CopyOnWriteArrayList<>();

        @Bean
        HostWork hostWork(CaseService cases, javax.sql.DataSource dataSource) {
            return new HostWork(cases, new JdbcTemplate(dataSource));
        }

        @Bean
        CaseChangeListener listener() {
            return (after, entry) -> heard.add(after.id().value() + "@" + after.version());
        }
    }

    private void inHost(TestDatabases database, Consumer<Fixture> test) throws Exception {
        String url = database.url();
        String prefix = TestDatabases.randomName("ckb") + "_";
        String table = prefix + "host_note";
        try {
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                            DataSourceTransactionManagerAutoConfiguration.class, CasekitJdbcAutoConfiguration.class,
                            CasekitAutoConfiguration.class))
                    .withUserConfiguration(Host.class)
                    .withPropertyValues("spring.datasource.url=" + url, "casekit.jdbc.table-prefix=" + prefix,
                            "casekit.jdbc.schema=create")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        JdbcTemplate sql = new JdbcTemplate(context.getBean(javax.sql.DataSource.class));
                        sql.execute("CREATE TABLE " + table + " (note VARCHAR(100) NOT NULL)");
                        context.getBean(TemplateCatalog.class).save(Samples.caseType());
                        test.accept(new Fixture(context, sql, prefix, table));
                    });
        } finally {
            database.dropTables(url, prefix, table);
        }
    }

    record Fixture(AssertableApplicationContext context, JdbcTemplate sql, String prefix, String table) {
        CaseService cases() {
            return context.getBean(CaseService.class);
        }

        TransactionTemplate transactions() {
            return new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        }

        long count(String from, String where) {
            return sql.queryForObject("SELECT COUNT(*) FROM " + from + " WHERE " + where, Long.class);
        }

        long hostRows() {
            return sql.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
        }

        List<String> heard() {
            return context.getBean(Host.class).heard;
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRollbackOfTransactionalHostCodeLeavesNoTraceOfCasekitsWrites(TestDatabases database) throws Exception {
        inHost(database, f -> {
            assertThatThrownBy(() -> f.context().getBean(HostWork.class).createThenFail("c1", f.table()))
                    .isInstanceOf(IllegalStateException.class);

            assertThat(f.cases().find(TENANT, CaseId.of("c1"))).isEmpty();
            assertThat(f.count(f.prefix() + "case", "id = 'c1'")).isZero();
            assertThat(f.count(f.prefix() + "case_history", "case_id = 'c1'")).isZero();
            assertThat(f.hostRows()).as("the host's own row").isZero();
            assertThat(f.heard()).as("listeners hear of committed changes only").isEmpty();

            // The same calls work afterwards: nothing was left half-done.
            f.context().getBean(HostWork.class).createAndCommit("c1", f.table());
            assertThat(f.cases().get(TENANT, CaseId.of("c1")).title()).isEqualTo("changed");
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCommitKeepsCasekitsWritesAndTheHostsTogether(TestDatabases database) throws Exception {
        inHost(database, f -> {
            f.context().getBean(HostWork.class).createAndCommit("c2", f.table());

            assertThat(f.cases().get(TENANT, CaseId.of("c2")).title()).isEqualTo("changed");
            assertThat(f.count(f.prefix() + "case_history", "case_id = 'c2'")).isEqualTo(2);
            assertThat(f.hostRows()).isEqualTo(1);
            assertThat(f.heard()).as("told after the commit, in order").containsExactly("c2@1", "c2@2");
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void casekitNeverCommitsTheHostsTransaction(TestDatabases database) throws Exception {
        inHost(database, f -> {
            // Another process's view: a store of its own on the plain pool, whose connections are
            // not the transaction's.
            JdbcCaseStore elsewhere = JdbcCaseStore.create(org.jdbi.v3.core.Jdbi.create(
                    f.context().getBean(javax.sql.DataSource.class)),
                    io.casekit.store.jdbc.JdbcStoreOptions.defaults().withTablePrefix(f.prefix()));
            CaseTypeId otherType = CaseTypeId.of("ct000000000000000002");
            f.transactions().executeWithoutResult(status -> {
                f.sql().update("INSERT INTO " + f.table() + " (note) VALUES ('host')");
                f.cases().create(TENANT, Samples.draft("c3"));
                f.cases().modify(TENANT, Samples.retitle("c3", "inside"));
                f.context().getBean(TemplateCatalog.class).save(new CaseType(TENANT, otherType, "Other",
                        Samples.caseType().fields()));
                f.cases().erase(TENANT, CaseId.of("c3"), "operator");
                f.cases().create(TENANT, Samples.draft("c4"));

                assertThat(f.cases().find(TENANT, CaseId.of("c4"))).as("seen inside the transaction").isPresent();
                assertThat(elsewhere.find(TENANT, CaseId.of("c4"))).as("not committed by casekit").isEmpty();
                status.setRollbackOnly();
            });

            assertThat(f.cases().find(TENANT, CaseId.of("c4"))).isEmpty();
            assertThat(f.count(f.prefix() + "case_history", "case_id IN ('c3', 'c4')")).isZero();
            assertThat(f.count(f.prefix() + "case_type", "id = '" + otherType.value() + "'"))
                    .as("the case type saved in the rolled-back transaction").isZero();
            assertThat(f.context().getBean(TemplateCatalog.class).find(TENANT, otherType))
                    .as("nor does the catalog's cache keep it").isEmpty();
            assertThat(f.hostRows()).isZero();
        });
    }
}

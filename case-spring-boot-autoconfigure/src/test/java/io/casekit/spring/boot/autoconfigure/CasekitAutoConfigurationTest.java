package io.casekit.spring.boot.autoconfigure;

import static io.casekit.spring.boot.autoconfigure.Samples.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casekit.core.Case;
import io.casekit.core.CaseConflictException;
import io.casekit.core.CaseId;
import io.casekit.core.CaseRefusedException;
import io.casekit.core.CaseValidationException;
import io.casekit.core.HistoryEntry;
import io.casekit.core.service.AuthorizationPolicy;
import io.casekit.core.service.CaseChangeListener;
import io.casekit.core.service.CaseService;
import io.casekit.core.spi.CaseStore;
import io.casekit.core.spi.TemplateCatalog;
import io.casekit.spring.boot.autoconfigure.CasekitProperties.SchemaMode;
import io.casekit.store.jdbc.JdbcCaseStore;
import io.casekit.store.memory.InMemoryCaseStore;
import io.casekit.store.memory.InMemoryTemplateCatalog;
import io.casekit.store.tck.ForwardingCaseStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the auto-configuration makes, from which properties, and how each bean backs off. */
class CasekitAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, CasekitJdbcAutoConfiguration.class,
                    CasekitAutoConfiguration.class, CasekitJacksonAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=" + TestDatabases.H2.url());

    @Test
    void onADataSourceTheServiceStoresCasesInCasekitsTables() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(CaseService.class).hasSingleBean(JdbcCaseStore.class)
                    .hasSingleBean(Jdbi.class);
            assertThat(context.getBean(CasekitSchema.class).mode()).as("embedded H2: created").isEqualTo(SchemaMode.CREATE);
            context.getBean(TemplateCatalog.class).save(Samples.caseType());
            CaseService service = context.getBean(CaseService.class);
            service.create(TENANT, Samples.draft("c1"));
            service.modify(TENANT, Samples.retitle("c1", "changed"));

            JdbcTemplate sql = new JdbcTemplate(context.getBean(DataSource.class));
            assertThat(sql.queryForObject("SELECT title FROM casekit_case WHERE id = 'c1'", String.class)).isEqualTo("changed");
            assertThat(sql.queryForObject("SELECT COUNT(*) FROM casekit_case_history WHERE case_id = 'c1'", Long.class))
                    .isEqualTo(2);
            assertThat(service.zone()).as("CaseService's default").isEqualTo(ZoneOffset.UTC);
        });
    }

    @Test
    void tablePrefixZoneAndServiceOptionsComeFromTheProperties() {
        runner.withPropertyValues("casekit.jdbc.table-prefix=shop_", "casekit.zone=Europe/Paris",
                "casekit.service.due-date-not-in-past=true").run(context -> {
            assertThat(context).hasNotFailed();
            context.getBean(TemplateCatalog.class).save(Samples.caseType());
            CaseService service = context.getBean(CaseService.class);
            service.create(TENANT, Samples.draft("c1"));

            assertThat(service.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
            JdbcTemplate sql = new JdbcTemplate(context.getBean(DataSource.class));
            assertThat(sql.queryForObject("SELECT COUNT(*) FROM shop_case", Long.class)).isEqualTo(1);
            assertThatThrownBy(() -> service.modify(TENANT, io.casekit.core.CaseModification.builder("c1", "operator")
                    .dueDate(LocalDateTime.of(2000, 1, 1, 0, 0)).build()))
                    .as("due-date-not-in-past").isInstanceOf(CaseValidationException.class);
        });
    }

    @Test
    void theReapplyBoundComesFromTheProperties() {
        AtomicInteger updates = new AtomicInteger();
        InMemoryCaseStore memory = new InMemoryCaseStore();
        CaseStore alwaysLosing = new ForwardingCaseStore(memory) {
            @Override
            public void update(Case updated, long expectedVersion, HistoryEntry entry) {
                updates.incrementAndGet();
                throw new CaseConflictException(updated.id(), expectedVersion, expectedVersion + 1);
            }
        };
        InMemoryTemplateCatalog catalog = new InMemoryTemplateCatalog();
        catalog.save(Samples.caseType());
        runner.withBean(CaseStore.class, () -> alwaysLosing).withBean(TemplateCatalog.class, () -> catalog)
                .withPropertyValues("casekit.service.max-reapplies=2").run(context -> {
                    CaseService service = context.getBean(CaseService.class);
                    service.create(TENANT, Samples.draft("c1"));

                    assertThatThrownBy(() -> service.modify(TENANT, Samples.retitle("c1", "x")))
                            .isInstanceOf(CaseConflictException.class).hasMessageContaining("gave up after 2 re-applies");
                    assertThat(updates).as("the first try and two re-applies").hasValue(3);
                });
    }

    @Test
    void validateFailsTheStartWhenTheTablesAreMissingAndBootsReportSaysWhatToDo() {
        runner.withPropertyValues("casekit.jdbc.schema=validate").run(context -> {
            assertThat(context).hasFailed();
            CasekitSchemaException failure = causeOfType(context.getStartupFailure(), CasekitSchemaException.class);
            assertThat(failure).hasMessageContaining("missing or incomplete").hasMessageContaining("JdbcSchema.create");

            org.springframework.boot.diagnostics.FailureAnalysis analysis = new CasekitSchemaFailureAnalyzer()
                    .analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).isEqualTo(failure.getMessage());
            assertThat(analysis.getAction()).contains("casekit.jdbc.schema=create", "spring.flyway.locations=",
                    "spring.flyway.placeholders.prefix=casekit_", "casekit.jdbc.table-prefix");
        });
    }

    @Test
    void bootFindsTheFailureAnalyzer() {
        // Other modules' analyzers need a bean factory to be made: only the names are compared.
        List<String> analyzers = new java.util.ArrayList<>();
        org.springframework.core.io.support.SpringFactoriesLoader.forDefaultResourceLocation()
                .load(org.springframework.boot.diagnostics.FailureAnalyzer.class,
                        org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver.none(),
                        (factoryType, factoryImplementationName, failure) -> analyzers.add(factoryImplementationName))
                .forEach(analyzer -> analyzers.add(analyzer.getClass().getName()));
        assertThat(analyzers).contains(CasekitSchemaFailureAnalyzer.class.getName());
    }

    @Test
    void aBadValueFailsTheStartWhileItIsBoundNamingTheProperty() {
        java.util.Map<String, String> bad = java.util.Map.of(
                "casekit.jdbc.table-prefix", "x; drop table y;--",
                "casekit.service.max-reapplies", "-5",
                "casekit.json.max-document-bytes", "-1",
                "casekit.json.max-nesting-depth", "2",
                "casekit.templates.cache-ttl", "-1s",
                "casekit.templates.cache-maximum-size", "-1");
        bad.forEach((property, value) -> runner.withPropertyValues(property + "=" + value).run(context -> {
            assertThat(context).as(property).hasFailed();
            org.springframework.boot.context.properties.bind.BindException binding = causeOfType(
                    context.getStartupFailure(), org.springframework.boot.context.properties.bind.BindException.class);
            // Boot's report names the property, or for some kinds of value the object that holds it.
            assertThat(property).as("the property Boot names").startsWith(binding.getName().toString());
            assertThat(causeOfType(binding, IllegalArgumentException.class)).as(property).hasMessageNotContaining("null");
        }));
    }

    @Test
    void noneLeavesTheDatabaseAlone() {
        runner.withPropertyValues("casekit.jdbc.schema=none").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(CaseService.class);
            JdbcTemplate sql = new JdbcTemplate(context.getBean(DataSource.class));
            assertThat(sql.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES "
                    + "WHERE LOWER(TABLE_NAME) LIKE 'casekit%'", Long.class)).isZero();
        });
    }

    @Test
    void theServiceUsesTheHostsClockPolicyAndListener() {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        List<String> heard = new CopyOnWriteArrayList<>();
        runner.withBean(Clock.class, () -> Clock.fixed(now, ZoneOffset.UTC))
                .withBean(CaseChangeListener.class, () -> (after, entry) -> heard.add(after.id().value()))
                .withBean(AuthorizationPolicy.class, () -> request -> request.actor().equals(java.util.Optional.of("mallory"))
                        ? AuthorizationPolicy.Decision.refuse("not mallory") : AuthorizationPolicy.Decision.allow())
                .run(context -> {
                    context.getBean(TemplateCatalog.class).save(Samples.caseType());
                    CaseService service = context.getBean(CaseService.class);

                    assertThat(service.create(TENANT, Samples.draft("c1")).createdAt()).isEqualTo(now);
                    assertThat(heard).containsExactly("c1");
                    assertThatThrownBy(() -> service.find(TENANT, CaseId.of("c1"), "mallory"))
                            .isInstanceOf(CaseRefusedException.class);
                });
    }

    @Test
    void eachBeanBacksOffWhenTheHostDefinesItsOwn() {
        InMemoryCaseStore store = new InMemoryCaseStore();
        InMemoryTemplateCatalog catalog = new InMemoryTemplateCatalog();
        catalog.save(Samples.caseType());
        runner.withBean(CaseStore.class, () -> store).withBean(TemplateCatalog.class, () -> catalog).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(JdbcCaseStore.class);
            context.getBean(CaseService.class).create(TENANT, Samples.draft("c1"));
            assertThat(store.find(TENANT, CaseId.of("c1"))).as("the host's store was used").isPresent();
        });

        Jdbi hostJdbi = Jdbi.create("jdbc:h2:mem:" + TestDatabases.randomName("host") + ";DB_CLOSE_DELAY=-1");
        runner.withBean(Jdbi.class, () -> hostJdbi).withPropertyValues("casekit.jdbc.schema=create").run(context -> {
            assertThat(context.getBean(Jdbi.class)).isSameAs(hostJdbi);
            context.getBean(TemplateCatalog.class).save(Samples.caseType());
            context.getBean(CaseService.class).create(TENANT, Samples.draft("c1"));
            long rows = hostJdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM casekit_case").mapTo(Long.class).one());
            assertThat(rows).as("the host's Jdbi was used").isEqualTo(1);
        });

        CaseService own = CaseService.builder(new InMemoryCaseStore(), new InMemoryTemplateCatalog()).build();
        runner.withBean(CaseService.class, () -> own).run(context ->
                assertThat(context.getBean(CaseService.class)).isSameAs(own));
    }

    @Test
    void withoutADataSourceOrStoreThereIsNoService() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CasekitJdbcAutoConfiguration.class, CasekitAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CaseService.class)
                        .doesNotHaveBean(Jdbi.class));
    }

    /** The first exception of that type in the chain of causes, for a start that failed deep in a bean. */
    static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("No " + type.getSimpleName() + " among the causes of " + failure, failure);
    }
}

package io.casekit.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.service.CaseService;
import io.casekit.core.service.CaseServiceObserver;
import io.casekit.json.CasekitModule;
import io.casekit.store.jdbc.JdbcDialect;
import io.casekit.store.jdbc.JdbcSchema;
import io.casekit.store.jdbc.JdbcStoreOptions;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.core.Version;

/**
 * The health indicator (UP on a current schema; DOWN, with a short reason and nothing of SQL, on a
 * missing or older schema and an unreachable database), the info contributor, and a host without
 * Actuator or Micrometer, which still starts.
 */
class CasekitActuatorAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    CasekitJdbcAutoConfiguration.class, CasekitAutoConfiguration.class,
                    CasekitObservationAutoConfiguration.class, CasekitHealthAutoConfiguration.class,
                    CasekitInfoAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=" + TestDatabases.H2.url());

    private static Health health(org.springframework.context.ApplicationContext context) {
        return context.getBean("casekitHealthIndicator", HealthIndicator.class).health();
    }

    @Test
    void upOnACurrentSchemaWithItsVersionAndPrefix() {
        runner.withPropertyValues("casekit.jdbc.table-prefix=shop_").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(CasekitHealthIndicator.class);
            Health health = health(context);

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "schemaVersion", JdbcSchema.VERSION, "expectedSchemaVersion", JdbcSchema.VERSION,
                    "tablePrefix", "shop_"));
        });
    }

    @Test
    void downWithoutASchema() {
        runner.withPropertyValues("casekit.jdbc.schema=none").run(context -> {
            Health health = health(context);

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "reason", CasekitHealthIndicator.MISSING, "expectedSchemaVersion", JdbcSchema.VERSION,
                    "tablePrefix", "casekit_"));
        });
    }

    @Test
    void downOnAnOlderSchemaWithTheVersionFound() {
        runner.run(context -> {
            new JdbcTemplate(context.getBean(DataSource.class)).update("DELETE FROM casekit_schema_version WHERE version > 2");
            Health health = health(context);

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("reason", CasekitHealthIndicator.OLDER)
                    .containsEntry("schemaVersion", 2).containsEntry("expectedSchemaVersion", JdbcSchema.VERSION);
        });
    }

    @Test
    void downOnAnUnreachableDatabaseWithAShortReasonAndNoSql() {
        // The dialect is given, so that nothing connects before the health check does.
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CasekitJdbcAutoConfiguration.class,
                        CasekitHealthAutoConfiguration.class))
                .withPropertyValues("casekit.jdbc.schema=none")
                .withBean(DataSource.class, () -> new DriverManagerDataSource("jdbc:h2:tcp://127.0.0.1:1/mem:nothing"))
                .withBean(JdbcStoreOptions.class, () -> JdbcStoreOptions.defaults().withDialect(JdbcDialect.H2))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    Health health = health(context);

                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).containsExactlyInAnyOrderEntriesOf(Map.of(
                            "reason", CasekitHealthIndicator.UNREACHABLE, "expectedSchemaVersion", JdbcSchema.VERSION,
                            "tablePrefix", "casekit_"));
                    assertThat(health.getDetails().values()).extracting(String::valueOf)
                            .noneMatch(v -> v.contains("jdbc:") || v.contains("SELECT") || v.contains("Exception"));
                });
    }

    @Test
    void aHostWithAStoreOfItsOwnGetsNoHealthOfTablesItDoesNotUse() {
        runner.withBean(io.casekit.core.spi.CaseStore.class, io.casekit.store.memory.InMemoryCaseStore::new)
                .withBean(io.casekit.core.spi.TemplateCatalog.class, io.casekit.store.memory.InMemoryTemplateCatalog::new)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CasekitHealthIndicator.class));
    }

    @Test
    void theHealthIndicatorCanBeSwitchedOff() {
        runner.withPropertyValues("management.health.casekit.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CasekitHealthIndicator.class));
    }

    @Test
    void infoHoldsTheLibraryAndSchemaVersions() {
        runner.run(context -> {
            Info.Builder info = new Info.Builder();
            context.getBean(InfoContributor.class).contribute(info);

            String version = new CasekitModule().version().toString();
            assertThat(version).isNotEqualTo(Version.unknownVersion().toString()).matches("\\d+\\.\\d+\\.\\d+.*");
            assertThat(info.build().getDetails()).containsOnlyKeys("casekit");
            assertThat(info.build().get("casekit", Map.class))
                    .containsExactly(Map.entry("version", version), Map.entry("schemaVersion", JdbcSchema.VERSION));
        });
    }

    @Test
    void aHostWithoutActuatorOrMicrometerStillStarts() {
        runner.withBean(ObservationRegistry.class, TestObservationRegistry::create)
                .withClassLoader(new FilteredClassLoader("io.micrometer.", "org.springframework.boot.health.",
                        "org.springframework.boot.actuate."))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(CaseService.class)
                            .doesNotHaveBean(CaseServiceObserver.class).doesNotHaveBean(CasekitHealthIndicator.class)
                            .doesNotHaveBean(CasekitInfoContributor.class);
                });
    }

    @Test
    void withActuatorEverythingIsThere() {
        runner.withBean(ObservationRegistry.class, TestObservationRegistry::create).run(context -> assertThat(context)
                .hasNotFailed().hasSingleBean(ObservationCaseServiceObserver.class)
                .hasSingleBean(CasekitHealthIndicator.class).hasSingleBean(CasekitInfoContributor.class));
    }
}

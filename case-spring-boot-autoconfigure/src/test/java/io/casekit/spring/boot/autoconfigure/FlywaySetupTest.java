package io.casekit.spring.boot.autoconfigure;

import static io.casekit.spring.boot.autoconfigure.Samples.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.CaseId;
import io.casekit.core.service.CaseService;
import io.casekit.core.spi.TemplateCatalog;
import io.casekit.spring.boot.autoconfigure.CasekitProperties.SchemaMode;
import io.casekit.store.jdbc.JdbcSchema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Flyway set-up of the README, as a host writes it in application.properties: casekit's own
 * scripts (they are Flyway-named and take the table prefix as the placeholder {@code prefix}),
 * a history table of casekit's own, and {@code casekit.jdbc.schema=validate}, which runs after
 * Flyway. On H2, and on PostgreSQL (in a schema of its own) with {@code -Pdatabases}.
 */
class FlywaySetupTest {
    /** The README's properties, word for word. */
    static final List<String> README_PROPERTIES = List.of(
            "spring.flyway.locations=classpath:io/casekit/store/jdbc/schema/{vendor}",
            "spring.flyway.placeholders.prefix=casekit_",
            "spring.flyway.table=casekit_flyway_history",
            "casekit.jdbc.schema=validate");

    static List<TestDatabases> databases() {
        return TestDatabases.requested();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void flywayAppliesCasekitsScriptsAndCasekitValidatesThem(TestDatabases database) throws Exception {
        String url = database.url();
        String schema = TestDatabases.randomName("ckf");
        if (database == TestDatabases.POSTGRESQL) {
            execute(url, "CREATE SCHEMA " + schema);
            url = url + "&currentSchema=" + schema;
        }
        try {
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                            FlywayAutoConfiguration.class, CasekitJdbcAutoConfiguration.class,
                            CasekitAutoConfiguration.class))
                    .withPropertyValues("spring.datasource.url=" + url)
                    .withPropertyValues(README_PROPERTIES.toArray(String[]::new))
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBean(CasekitSchema.class).mode()).isEqualTo(SchemaMode.VALIDATE);
                        JdbcTemplate sql = new JdbcTemplate(context.getBean(DataSource.class));
                        assertThat(sql.queryForList("SELECT \"version\" FROM \"casekit_flyway_history\" "
                                + "WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"", String.class))
                                .as("every casekit script, once, in order").containsExactly("1", "2", "3", "4");
                        assertThat(sql.queryForObject("SELECT MAX(version) FROM casekit_schema_version", Integer.class))
                                .isEqualTo(JdbcSchema.VERSION);

                        context.getBean(TemplateCatalog.class).save(Samples.caseType());
                        context.getBean(CaseService.class).create(TENANT, Samples.draft("c1"));
                        assertThat(context.getBean(CaseService.class).get(TENANT, CaseId.of("c1")).title()).isEqualTo("new");
                    });
        } finally {
            if (database == TestDatabases.POSTGRESQL) {
                execute(database.url(), "DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static void execute(String url, String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}

package io.casekit.spring.boot.autoconfigure;

import io.casekit.core.spi.CaseStore;
import io.casekit.core.spi.TemplateCatalog;
import io.casekit.spring.boot.autoconfigure.CasekitProperties.SchemaMode;
import io.casekit.store.jdbc.HostTransactions;
import io.casekit.store.jdbc.JdbcCaseStore;
import io.casekit.store.jdbc.JdbcStoreOptions;
import io.casekit.store.jdbc.JdbcTemplateCatalog;
import io.casekit.store.jdbc.JdbcTransactions;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.EmbeddedDatabaseConnection;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * The JDBC store and template catalog on the host's {@link DataSource}, inside the host's Spring
 * transactions. Active when the context has exactly one {@code DataSource} (or a primary one). Each
 * bean backs off when the host defines its own of the same type:
 * <ul>
 *   <li>{@link Jdbi}: over a {@link TransactionAwareDataSourceProxy} of the {@code DataSource}, so
 *       that inside a Spring transaction casekit uses the transaction's connection, and outside one
 *       a connection of its own. A host's own {@code Jdbi} must take Spring-managed connections the
 *       same way: on a plain pool the store refuses to run inside a Spring transaction rather than
 *       write outside it (case-store-jdbc's README, "Transactions");</li>
 *   <li>{@link HostTransactions}: {@link SpringHostTransactions};</li>
 *   <li>{@link JdbcStoreOptions}: {@code casekit.jdbc.table-prefix}, {@code casekit.templates.*},
 *       and {@link JdbcTransactions#hostManaged host-managed} transactions: casekit never commits,
 *       rolls back or ends a transaction it did not begin;</li>
 *   <li>{@link CasekitSchema}: {@code casekit.jdbc.schema}, after the host's Flyway or Liquibase;</li>
 *   <li>{@link CaseStore} ({@link JdbcCaseStore}) and {@link TemplateCatalog} ({@link JdbcTemplateCatalog}).</li>
 * </ul>
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
@ConditionalOnClass({Jdbi.class, JdbcCaseStore.class, DataSource.class})
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(CasekitProperties.class)
public class CasekitJdbcAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Jdbi jdbi(DataSource dataSource) {
        return Jdbi.create(new TransactionAwareDataSourceProxy(dataSource));
    }

    @Bean
    @ConditionalOnMissingBean
    HostTransactions casekitHostTransactions() {
        return new SpringHostTransactions();
    }

    @Bean
    @ConditionalOnMissingBean
    JdbcStoreOptions casekitJdbcStoreOptions(CasekitProperties properties, HostTransactions hostTransactions) {
        return JdbcStoreOptions.defaults()
                .withTablePrefix(properties.getJdbc().getTablePrefix())
                .withTemplateCacheTtl(properties.getTemplates().getCacheTtl())
                .withTemplateCacheMaximumSize(properties.getTemplates().getCacheMaximumSize())
                .withTransactions(JdbcTransactions.hostManaged(hostTransactions));
    }

    @Bean
    @ConditionalOnMissingBean
    @DependsOnDatabaseInitialization
    CasekitSchema casekitSchema(Jdbi jdbi, JdbcStoreOptions options, CasekitProperties properties,
            DataSource dataSource) {
        return new CasekitSchema(jdbi, options, schemaMode(properties, dataSource));
    }

    /** Unset: create on an embedded database, validate on any other (our decision, as Boot's own SQL init). */
    static SchemaMode schemaMode(CasekitProperties properties, DataSource dataSource) {
        SchemaMode configured = properties.getJdbc().getSchema();
        if (configured != null) {
            return configured;
        }
        return EmbeddedDatabaseConnection.isEmbedded(dataSource) ? SchemaMode.CREATE : SchemaMode.VALIDATE;
    }

    @Bean
    @ConditionalOnMissingBean(CaseStore.class)
    JdbcCaseStore casekitCaseStore(Jdbi jdbi, JdbcStoreOptions options, CasekitSchema schema) {
        return JdbcCaseStore.create(jdbi, options);
    }

    @Bean
    @ConditionalOnMissingBean(TemplateCatalog.class)
    JdbcTemplateCatalog casekitTemplateCatalog(Jdbi jdbi, JdbcStoreOptions options, CasekitSchema schema) {
        return JdbcTemplateCatalog.create(jdbi, options);
    }
}

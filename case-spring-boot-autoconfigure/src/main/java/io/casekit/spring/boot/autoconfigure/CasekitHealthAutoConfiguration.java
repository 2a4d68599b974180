package io.casekit.spring.boot.autoconfigure;

import io.casekit.store.jdbc.JdbcCaseStore;
import io.casekit.store.jdbc.JdbcStoreOptions;
import org.jdbi.v3.core.Jdbi;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@link CasekitHealthIndicator}, health contributor {@code casekit}, on the context's
 * {@link Jdbi} and {@link JdbcStoreOptions} (those of {@link CasekitJdbcAutoConfiguration}, or the
 * host's), when the case store is a {@link JdbcCaseStore} bean: a host that keeps its cases in a store
 * of its own (the in-memory one in a test) gets no health of tables it does not use. Active when the host has {@code spring-boot-health} (Actuator brings it) and
 * {@code management.health.casekit.enabled} is not false; backs off when the host defines a bean
 * named {@code casekitHealthIndicator}.
 */
@AutoConfiguration(after = CasekitJdbcAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, Jdbi.class, JdbcStoreOptions.class})
@ConditionalOnSingleCandidate(Jdbi.class)
@ConditionalOnBean({JdbcStoreOptions.class, JdbcCaseStore.class})
public class CasekitHealthAutoConfiguration {

    // On the method, not the class: the class's conditions are all loaded before any is evaluated, and
    // this one's condition class is missing from a host without spring-boot-health.
    @Bean
    @ConditionalOnEnabledHealthIndicator("casekit")
    @ConditionalOnMissingBean(name = "casekitHealthIndicator")
    CasekitHealthIndicator casekitHealthIndicator(Jdbi jdbi, JdbcStoreOptions options) {
        return new CasekitHealthIndicator(jdbi, options);
    }
}

package io.casekit.spring.boot.autoconfigure;

import io.casekit.core.service.AuthorizationPolicy;
import io.casekit.core.service.CaseChangeListener;
import io.casekit.core.service.CaseIdGenerator;
import io.casekit.core.service.CaseService;
import io.casekit.core.service.CaseServiceObserver;
import io.casekit.core.service.CaseServiceOptions;
import io.casekit.core.spi.CaseStore;
import io.casekit.core.spi.TemplateCatalog;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The {@link CaseService}, on the context's {@link CaseStore} and {@link TemplateCatalog} (the JDBC
 * ones of {@link CasekitJdbcAutoConfiguration}, or the host's own, such as the in-memory store in a
 * test). Backs off when the host defines its own {@code CaseService}. Takes from the context, when
 * there is exactly one of each: a {@link Clock}, an {@link AuthorizationPolicy}, a
 * {@link CaseChangeListener}, a {@link CaseIdGenerator} and a {@link CaseServiceObserver} (the one of
 * {@link CasekitObservationAutoConfiguration}, or the host's); otherwise the library's defaults (system
 * UTC clock, allow all, no listener, secure random ids, no observer). {@code casekit.zone} and
 * {@code casekit.service.*} give the zone and the options.
 */
@AutoConfiguration(after = CasekitJdbcAutoConfiguration.class)
@ConditionalOnClass(CaseService.class)
@EnableConfigurationProperties(CasekitProperties.class)
public class CasekitAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnSingleCandidate(CaseStore.class)
    CaseService caseService(CaseStore store, TemplateCatalog templates, CasekitProperties properties,
            ObjectProvider<Clock> clock, ObjectProvider<AuthorizationPolicy> policy,
            ObjectProvider<CaseChangeListener> listener, ObjectProvider<CaseIdGenerator> ids,
            ObjectProvider<CaseServiceObserver> observer) {
        CaseService.Builder builder = CaseService.builder(store, templates)
                .zone(properties.getZone())
                .options(CaseServiceOptions.defaults()
                        .withMaxReapplies(properties.getService().getMaxReapplies())
                        .withDueDateNotInPast(properties.getService().isDueDateNotInPast()));
        clock.ifUnique(builder::clock);
        policy.ifUnique(builder::policy);
        listener.ifUnique(builder::listener);
        ids.ifUnique(builder::idGenerator);
        observer.ifUnique(builder::observer);
        return builder.build();
    }
}

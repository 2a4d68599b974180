package io.casekit.spring.boot.autoconfigure;

import io.casekit.core.service.CaseService;
import io.casekit.core.service.CaseServiceObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Micrometer observations and meters of the {@link CaseService}: a {@link CaseServiceObserver}
 * bean ({@link ObservationCaseServiceObserver}) that the service of {@link CasekitAutoConfiguration}
 * takes. Active when the host has Micrometer's Observation API and an {@link ObservationRegistry}
 * bean (Boot's {@code spring-boot-micrometer-observation}, which Actuator brings); backs off when the
 * host defines its own {@code CaseServiceObserver}.
 *
 * <table>
 *   <caption>What a host gets</caption>
 *   <tr><th>name</th><th>kind</th><th>tags (low-cardinality key values)</th></tr>
 *   <tr><td>{@code casekit.operation}</td><td>an observation per call of the service; with a
 *       {@code MeterRegistry}, Boot's meter handler makes it a timer of the same name (and a
 *       {@code casekit.operation.active} long task timer); with tracing, a span named
 *       {@code casekit <operation>}</td><td>{@code operation}: create, read, history, preview, modify,
 *       query (also each page of a stream), count, change_status, close, cancel, resume, reopen,
 *       transfer, erase, statistics; {@code outcome}: success, no_op, validation, conflict (also a
 *       duplicate id and a closed or cancelled case), not_found, refused, unavailable, error; Boot's
 *       handler adds {@code error} (the exception's simple class name, or none)</td></tr>
 *   <tr><td>{@code casekit.reapplies}</td><td>a counter: compare-and-set re-applies after a
 *       concurrent change won (only with a {@code MeterRegistry} bean)</td><td>{@code operation}: modify
 *       and the lifecycle operations</td></tr>
 *   <tr><td>{@code casekit.gave.up}</td><td>a counter: calls that gave up with a conflict after their
 *       last re-apply (only with a {@code MeterRegistry} bean)</td><td>{@code operation}, as above</td></tr>
 * </table>
 *
 * <p>No tag, key value or name holds a tenant, a case id, an actor or a field (our decision, issue
 * 15: they are unbounded and personal).
 */
@AutoConfiguration(before = CasekitAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ObservationRegistry.class, CaseService.class})
@ConditionalOnBean(ObservationRegistry.class)
public class CasekitObservationAutoConfiguration {

    /** With micrometer-core: the counters on the host's {@code MeterRegistry}, when it has exactly one. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class WithMeters {
        @Bean
        @ConditionalOnMissingBean(CaseServiceObserver.class)
        ObservationCaseServiceObserver casekitObserver(ObservationRegistry observations,
                ObjectProvider<MeterRegistry> meters) {
            MeterRegistry registry = meters.getIfUnique();
            return new ObservationCaseServiceObserver(observations,
                    registry == null ? ReapplyCounters.NONE : new MeterRegistryReapplyCounters(registry));
        }
    }

    /** Without micrometer-core: observations only. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingClass("io.micrometer.core.instrument.MeterRegistry")
    static class WithoutMeters {
        @Bean
        @ConditionalOnMissingBean(CaseServiceObserver.class)
        ObservationCaseServiceObserver casekitObserver(ObservationRegistry observations) {
            return new ObservationCaseServiceObserver(observations, ReapplyCounters.NONE);
        }
    }
}

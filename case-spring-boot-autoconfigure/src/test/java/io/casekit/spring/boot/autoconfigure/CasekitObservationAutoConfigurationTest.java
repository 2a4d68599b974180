package io.casekit.spring.boot.autoconfigure;

import static io.casekit.spring.boot.autoconfigure.Samples.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casekit.core.Case;
import io.casekit.core.CaseConflictException;
import io.casekit.core.CaseDraft;
import io.casekit.core.CaseId;
import io.casekit.core.CaseNotFoundException;
import io.casekit.core.CaseRefusedException;
import io.casekit.core.CaseValidationException;
import io.casekit.core.HistoryEntry;
import io.casekit.core.query.CaseQuery;
import io.casekit.core.service.AuthorizationPolicy;
import io.casekit.core.service.AuthorizationRequest;
import io.casekit.core.service.CaseService;
import io.casekit.core.service.CaseServiceObserver;
import io.casekit.core.spi.CaseStore;
import io.casekit.core.spi.TemplateCatalog;
import io.casekit.store.jdbc.JdbcCaseStore;
import io.casekit.store.jdbc.JdbcStoreOptions;
import io.casekit.store.tck.ForwardingCaseStore;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The observations and counters of a CaseService on H2, with Micrometer's test registry: one
 * observation per call with its operation and outcome, the error of a failed call, nothing about the
 * tenant, the case or the actor; re-applies and give-ups counted per operation; backing off.
 */
class CasekitObservationAutoConfigurationTest {
    private static final String NAME = ObservationCaseServiceObserver.NAME;

    private final TestObservationRegistry observations = TestObservationRegistry.create();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, CasekitJdbcAutoConfiguration.class,
                    CasekitAutoConfiguration.class, CasekitObservationAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=" + TestDatabases.H2.url())
            .withBean(ObservationRegistry.class, () -> observations)
            .withBean(MeterRegistry.class, () -> meters);

    /** Each observation as "contextual name: operation outcome", in the order they started. */
    private List<String> observed() {
        List<String> seen = new ArrayList<>();
        TestObservationRegistryAssert.assertThat(observations).hasHandledContextsThatSatisfy(contexts -> {
            for (Observation.Context c : contexts) {
                assertThat(c.getName()).isEqualTo(NAME);
                seen.add(c.getContextualName() + ": " + value(c, "operation") + " " + value(c, "outcome"));
            }
        });
        return seen;
    }

    private static String value(Observation.Context context, String key) {
        KeyValue kv = context.getLowCardinalityKeyValue(key);
        return kv == null ? "(none)" : kv.getValue();
    }

    @Test
    void eachCallIsOneObservationWithItsOperationAndOutcome() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(ObservationCaseServiceObserver.class);
            context.getBean(TemplateCatalog.class).save(Samples.caseType());
            CaseService service = context.getBean(CaseService.class);

            service.create(TENANT, Samples.draft("c1"));
            service.modify(TENANT, Samples.retitle("c1", "changed"));
            service.modify(TENANT, Samples.retitle("c1", "changed"));
            CaseValidationException invalid = org.assertj.core.api.Assertions.catchThrowableOfType(
                    CaseValidationException.class, () -> service.create(TENANT, CaseDraft.builder(Samples.TYPE, "creator")
                            .id("c2").title(" ").description("d").contactId("contact").build()));
            assertThatThrownBy(() -> service.get(TENANT, CaseId.of("nosuchcase"))).isInstanceOf(CaseNotFoundException.class);
            assertThat(service.query(TENANT, CaseQuery.builder().build()).cases()).hasSize(1);
            service.close(TENANT, CaseId.of("c1"), "operator", "done", null);

            assertThat(observed()).containsExactly(
                    "casekit create: create success",
                    "casekit modify: modify success",
                    "casekit modify: modify no_op",
                    "casekit create: create validation",
                    "casekit read: read not_found",
                    "casekit query: query success",
                    "casekit close: close success");
            TestObservationRegistryAssert.assertThat(observations)
                    .hasNumberOfObservationsWithNameEqualTo(NAME, 7)
                    .hasAnObservation(o -> o.hasLowCardinalityKeyValue("outcome", "validation").hasError(invalid))
                    .hasAnObservation(o -> o.hasLowCardinalityKeyValue("outcome", "not_found").assertThatError()
                            .isInstanceOf(CaseNotFoundException.class))
                    .forAllObservationsWithNameEqualTo(NAME, o -> o.hasLowCardinalityKeyValueWithKey("operation")
                            .hasLowCardinalityKeyValueWithKey("outcome"));
            TestObservationRegistryAssert.assertThat(observations).hasHandledContextsThatSatisfy(contexts -> {
                for (Observation.Context c : contexts) {
                    assertThat(c.getHighCardinalityKeyValues()).as("no high-cardinality key value").isEmpty();
                    assertThat(c.getLowCardinalityKeyValues()).extracting(KeyValue::getKey)
                            .containsExactlyInAnyOrder("operation", "outcome");
                    assertThat(c.getAllKeyValues()).extracting(KeyValue::getValue).as("no tenant, case or actor")
                            .noneMatch(v -> v.contains("acme") || v.contains("c1") || v.contains("nosuchcase")
                                    || v.contains("creator") || v.contains("operator"));
                    if (value(c, "outcome").equals("success") || value(c, "outcome").equals("no_op")) {
                        assertThat(c.getError()).as(c.getContextualName()).isNull();
                    }
                }
            });
        });
    }

    @Test
    void withMicrometersMeterHandlerEachCallIsTimedByOperationAndOutcome() {
        // The handler Boot registers when the application has a MeterRegistry.
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        runner.run(context -> {
            context.getBean(TemplateCatalog.class).save(Samples.caseType());
            CaseService service = context.getBean(CaseService.class);
            service.create(TENANT, Samples.draft("c1"));
            service.modify(TENANT, Samples.retitle("c1", "renamed"));
            service.modify(TENANT, Samples.retitle("c1", "renamed"));
            assertThatThrownBy(() -> service.get(TENANT, CaseId.of("nosuchcase"))).isInstanceOf(CaseNotFoundException.class);

            assertThat(meters.get(NAME).tags("operation", "create", "outcome", "success").timer().count()).isEqualTo(1);
            assertThat(meters.get(NAME).tags("operation", "modify", "outcome", "success").timer().count()).isEqualTo(1);
            assertThat(meters.get(NAME).tags("operation", "modify", "outcome", "no_op").timer().count()).isEqualTo(1);
            assertThat(meters.get(NAME).tags("operation", "read", "outcome", "not_found").timer().getId().getTag("error"))
                    .isEqualTo("CaseNotFoundException");
            assertThat(meters.find(NAME).timers()).hasSize(4).flatExtracting(t -> t.getId().getTags())
                    .extracting(Tag::getKey).containsOnly("operation", "outcome", "error");
        });
    }

    @Test
    void aCallThePolicyRefusesIsRefused() {
        AuthorizationPolicy noHistory = request -> request.operation() == AuthorizationRequest.Operation.HISTORY
                ? AuthorizationPolicy.Decision.refuse("not for you") : AuthorizationPolicy.Decision.allow();
        runner.withBean(AuthorizationPolicy.class, () -> noHistory).run(context -> {
            context.getBean(TemplateCatalog.class).save(Samples.caseType());
            CaseService service = context.getBean(CaseService.class);
            service.create(TENANT, Samples.draft("c1"));

            assertThatThrownBy(() -> service.history(TENANT, CaseId.of("c1"))).isInstanceOf(CaseRefusedException.class);

            assertThat(observed()).containsExactly("casekit create: create success", "casekit history: history refused");
        });
    }

    /** A store on the JDBC one whose next {@link #losses} updates lose the race (nothing written). */
    static final class LosingStore extends ForwardingCaseStore {
        final AtomicInteger losses = new AtomicInteger();

        LosingStore(CaseStore delegate) {
            super(delegate);
        }

        @Override
        public void update(Case updated, long expectedVersion, HistoryEntry entry) {
            if (losses.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new CaseConflictException(updated.id(), expectedVersion, expectedVersion + 1);
            }
            super.update(updated, expectedVersion, entry);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class LosingStoreConfiguration {
        @Bean
        LosingStore losingStore(Jdbi jdbi, JdbcStoreOptions options, CasekitSchema schema) {
            return new LosingStore(JdbcCaseStore.create(jdbi, options));
        }
    }

    private double count(String name, String operation) {
        Meter meter = meters.find(name).tag("operation", operation).meter();
        return meter == null ? 0 : meters.get(name).tag("operation", operation).counter().count();
    }

    @Test
    void reAppliesAndGiveUpsAreCountedPerOperation() {
        runner.withUserConfiguration(LosingStoreConfiguration.class)
                .withPropertyValues("casekit.service.max-reapplies=3").run(context -> {
                    assertThat(context).hasNotFailed();
                    context.getBean(TemplateCatalog.class).save(Samples.caseType());
                    CaseService service = context.getBean(CaseService.class);
                    LosingStore store = context.getBean(LosingStore.class);
                    service.create(TENANT, Samples.draft("c1"));

                    store.losses.set(2);
                    service.modify(TENANT, Samples.retitle("c1", "after two lost races"));
                    assertThat(count("casekit.reapplies", "modify")).isEqualTo(2);
                    assertThat(count("casekit.gave.up", "modify")).isZero();

                    store.losses.set(Integer.MAX_VALUE);
                    assertThatThrownBy(() -> service.modify(TENANT, Samples.retitle("c1", "never")))
                            .isInstanceOf(CaseConflictException.class);
                    assertThat(count("casekit.reapplies", "modify")).as("2 + the bound of 3").isEqualTo(5);
                    assertThat(count("casekit.gave.up", "modify")).isEqualTo(1);

                    store.losses.set(1);
                    service.close(TENANT, CaseId.of("c1"), "operator", "done", null);
                    assertThat(count("casekit.reapplies", "close")).isEqualTo(1);

                    assertThat(observed()).containsExactly("casekit create: create success",
                            "casekit modify: modify success", "casekit modify: modify conflict",
                            "casekit close: close success");
                    List<Meter> casekit = meters.getMeters().stream()
                            .filter(m -> m.getId().getName().startsWith("casekit")).toList();
                    assertThat(casekit).extracting(m -> m.getId().getName())
                            .containsOnly("casekit.reapplies", "casekit.gave.up");
                    assertThat(casekit).flatExtracting(m -> m.getId().getTags()).extracting(Tag::getKey)
                            .containsOnly("operation");
                });
    }

    @Test
    void backsOffWhenTheHostHasItsOwnObserver() {
        List<CaseServiceObserver.Operation> started = new CopyOnWriteArrayList<>();
        CaseServiceObserver own = operation -> {
            started.add(operation);
            return (outcome, error) -> { };
        };
        runner.withBean(CaseServiceObserver.class, () -> own).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(ObservationCaseServiceObserver.class);
            context.getBean(TemplateCatalog.class).save(Samples.caseType());
            context.getBean(CaseService.class).create(TENANT, Samples.draft("c1"));

            assertThat(started).containsExactly(CaseServiceObserver.Operation.CREATE);
            TestObservationRegistryAssert.assertThat(observations).doesNotHaveAnyObservation();
        });
    }

    @Test
    void withoutAnObservationRegistryThereIsNoObserver() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        CasekitJdbcAutoConfiguration.class, CasekitAutoConfiguration.class,
                        CasekitObservationAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + TestDatabases.H2.url())
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(CaseService.class)
                        .doesNotHaveBean(CaseServiceObserver.class));
    }

    @Test
    void withoutAMeterRegistryThereAreObservationsButNoCounters() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        CasekitJdbcAutoConfiguration.class, CasekitAutoConfiguration.class,
                        CasekitObservationAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + TestDatabases.H2.url(), "casekit.service.max-reapplies=1")
                .withBean(ObservationRegistry.class, () -> observations)
                .withUserConfiguration(LosingStoreConfiguration.class)
                .run(context -> {
                    context.getBean(TemplateCatalog.class).save(Samples.caseType());
                    CaseService service = context.getBean(CaseService.class);
                    service.create(TENANT, Samples.draft("c1"));
                    context.getBean(LosingStore.class).losses.set(1);
                    service.modify(TENANT, Samples.retitle("c1", "changed"));

                    assertThat(observed()).containsExactly("casekit create: create success",
                            "casekit modify: modify success");
                    assertThat(meters.getMeters()).isEmpty();
                });
    }
}

package io.casekit.spring.boot.autoconfigure;

import io.casekit.core.service.CaseServiceObserver;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@link CaseServiceObserver} on Micrometer's Observation API: one {@link Observation} per call of
 * the {@code CaseService}, named {@value #NAME}, with the contextual name {@code casekit <operation>}
 * (the span name when tracing), started and put in scope before the call and stopped after it, so
 * that what the call does (a JDBC statement, a listener) is observed inside it. Its low-cardinality
 * key values are {@value #OPERATION} ({@link CaseServiceObserver.Operation#tagValue()}, set at the
 * start) and {@value #OUTCOME} ({@link CaseServiceObserver.Outcome#tagValue()}, set at the end); a call
 * that threw has its exception as the observation's error. It has no high-cardinality key value:
 * never a tenant, a case id or an actor (our decision, issue 15). Re-applies and give-ups go to the
 * {@link ReapplyCounters}. Thread-safe.
 */
public final class ObservationCaseServiceObserver implements CaseServiceObserver {
    /** The name of every observation, and of the timer Boot's meter handler makes of them. */
    public static final String NAME = "casekit.operation";
    /** The low-cardinality key of the operation: {@code create}, {@code modify}, {@code change_status}, … */
    public static final String OPERATION = "operation";
    /** The low-cardinality key of the outcome: {@code success}, {@code no_op}, {@code validation}, … */
    public static final String OUTCOME = "outcome";

    private final ObservationRegistry registry;
    private final ReapplyCounters counters;

    /** @param counters told of re-applies and give-ups; {@link ReapplyCounters#NONE} for none */
    public ObservationCaseServiceObserver(ObservationRegistry registry, ReapplyCounters counters) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.counters = Objects.requireNonNull(counters, "counters");
    }

    @Override
    public Call start(Operation operation) {
        Observation observation = Observation.createNotStarted(NAME, registry)
                .contextualName("casekit " + operation.tagValue())
                .lowCardinalityKeyValue(OPERATION, operation.tagValue())
                .start();
        return new ObservedCall(operation, observation, observation.openScope());
    }

    private final class ObservedCall implements Call {
        private final Operation operation;
        private final Observation observation;
        private final Observation.Scope scope;

        ObservedCall(Operation operation, Observation observation, Observation.Scope scope) {
            this.operation = operation;
            this.observation = observation;
            this.scope = scope;
        }

        @Override
        public void reapplied(int reapply) {
            counters.reapplied(operation);
        }

        @Override
        public void gaveUp(int reapplies) {
            counters.gaveUp(operation);
        }

        @Override
        public void end(Outcome outcome, @Nullable Throwable error) {
            observation.lowCardinalityKeyValue(OUTCOME, outcome.tagValue());
            if (error != null) {
                observation.error(error);
            }
            scope.close();
            observation.stop();
        }
    }
}

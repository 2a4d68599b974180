package io.casekit.spring.boot.autoconfigure;

import io.casekit.core.service.CaseServiceObserver.Operation;

/**
 * Where {@link ObservationCaseServiceObserver} counts the compare-and-set re-applies and give-ups of
 * modify and lifecycle calls. An interface of its own so that the observer needs no
 * {@code micrometer-core} (a host may have Micrometer's Observation API without its meters);
 * {@link MeterRegistryReapplyCounters} counts on a {@code MeterRegistry}. Implementations are
 * thread-safe.
 */
public interface ReapplyCounters {
    /** Counts nothing. */
    ReapplyCounters NONE = new ReapplyCounters() {
        @Override
        public void reapplied(Operation operation) {
        }

        @Override
        public void gaveUp(Operation operation) {
        }
    };

    /** A call of {@code operation} lost a compare-and-set and re-applies itself. */
    void reapplied(Operation operation);

    /** A call of {@code operation} gave up after its last re-apply. */
    void gaveUp(Operation operation);
}

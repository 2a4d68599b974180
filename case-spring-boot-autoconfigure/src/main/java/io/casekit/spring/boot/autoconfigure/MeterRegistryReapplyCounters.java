package io.casekit.spring.boot.autoconfigure;

import io.casekit.core.service.CaseServiceObserver.Operation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/**
 * Re-applies and give-ups as Micrometer counters: {@value #REAPPLIES} and {@value #GAVE_UP}, each
 * with the one tag {@code operation} ({@code modify}, {@code change_status}, {@code close}, …),
 * registered on first use. Thread-safe.
 */
public final class MeterRegistryReapplyCounters implements ReapplyCounters {
    /** Counts each re-read and re-apply after a concurrent change won the compare-and-set. */
    public static final String REAPPLIES = "casekit.reapplies";
    /** Counts each call that gave up with a conflict after its last re-apply. */
    public static final String GAVE_UP = "casekit.gave.up";

    private final MeterRegistry registry;

    public MeterRegistryReapplyCounters(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void reapplied(Operation operation) {
        counter(REAPPLIES, "Re-applies of casekit calls after a concurrent change won the compare-and-set", operation)
                .increment();
    }

    @Override
    public void gaveUp(Operation operation) {
        counter(GAVE_UP, "casekit calls that gave up with a conflict after their last re-apply", operation).increment();
    }

    private Counter counter(String name, String description, Operation operation) {
        return Counter.builder(name).description(description).tag(ObservationCaseServiceObserver.OPERATION,
                operation.tagValue()).register(registry);
    }
}

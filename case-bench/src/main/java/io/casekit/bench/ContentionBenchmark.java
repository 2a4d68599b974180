package io.casekit.bench;

import io.casekit.core.Case;
import io.casekit.core.CaseConflictException;
import io.casekit.core.CaseId;
import io.casekit.core.CaseModification;
import io.casekit.core.FieldChange;
import io.casekit.core.HistoryEntry;
import io.casekit.core.TenantId;
import io.casekit.core.Value;
import io.casekit.core.service.CaseService;
import io.casekit.core.spi.CaseStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 4: threads modifying 16 hot cases through the service (run with {@code -t 1}, {@code -t 2}
 * and {@code -t 8}). Reports throughput and, as secondary counters, the {@code modifies} acknowledged,
 * the compare-and-set {@code conflicts} the service re-applied after, and the modifies that
 * {@code gaveUp}: lost the race more often than the service's re-apply bound allows
 * ({@link io.casekit.core.service.CaseServiceOptions#maxReapplies()}, default 10), which the caller
 * gets as a {@link CaseConflictException} and which stores nothing. At the end of each trial it
 * checks that no update was lost: every acknowledged change is in the history once, versions are
 * contiguous and the history replayed equals each case.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ContentionBenchmark {
    private static final int HOT_CASES = 16;

    /** The store and service shared by all threads. */
    @State(Scope.Benchmark)
    public static class Shared {
        @Param({"memory", "postgresql"})
        public String store;

        BenchDatabase database;
        CountingStore counting;
        CaseService service;
        final AtomicLong acknowledged = new AtomicLong();

        @Setup(Level.Trial)
        public void setUp() {
            database = BenchDatabase.open(store, 8);
            database.catalog.save(Fixture.template());
            counting = new CountingStore(database.store);
            service = CaseService.builder(counting, database.catalog).build();
            for (int i = 0; i < HOT_CASES; i++) {
                service.create(Fixture.TENANT, Fixture.draft(Fixture.caseId(i), "hot case " + i));
            }
        }

        @TearDown(Level.Trial)
        public void checkNothingWasLost() {
            long versionsAdded = 0;
            for (int i = 0; i < HOT_CASES; i++) {
                CaseId id = CaseId.of(Fixture.caseId(i));
                Case current = service.get(Fixture.TENANT, id);
                List<HistoryEntry> history = service.history(Fixture.TENANT, id);
                Map<String, Value> replayed = new HashMap<>();
                for (int v = 0; v < history.size(); v++) {
                    if (history.get(v).version() != v + 1) {
                        throw new IllegalStateException("versions of " + id + " are not contiguous");
                    }
                    for (FieldChange change : history.get(v).changes()) {
                        change.newValue().ifPresentOrElse(value -> replayed.put(change.field(), value),
                                () -> replayed.remove(change.field()));
                    }
                }
                if (current.version() != history.size()
                        || !Optional.ofNullable(replayed.get("title")).equals(current.value("title"))) {
                    throw new IllegalStateException("the history of " + id + " does not replay to the case");
                }
                versionsAdded += current.version() - 1;
            }
            if (versionsAdded != acknowledged.get()) {
                throw new IllegalStateException("lost updates: " + acknowledged.get() + " acknowledged, "
                        + versionsAdded + " stored");
            }
            System.out.printf("%n[contention %s] acknowledged %d, stored %d, lost 0%n", store, acknowledged.get(),
                    versionsAdded);
            database.close();
        }
    }

    /** Per-thread counters, reported by JMH next to the throughput. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Counters {
        public long conflicts;
        public long modifies;
        public long gaveUp;
        long sequence;

        @Setup(Level.Iteration)
        public void reset() {
            conflicts = 0;
            modifies = 0;
            gaveUp = 0;
        }
    }

    @Benchmark
    public Case modifyHotCase(Shared shared, Counters counters) {
        int hot = ThreadLocalRandom.current().nextInt(HOT_CASES);
        String title = Thread.currentThread().getId() + "-" + counters.sequence++;
        CountingStore.CONFLICTS.get()[0] = 0;
        CaseModification modification = CaseModification.builder(Fixture.caseId(hot), Fixture.OPERATOR).title(title)
                .description("hot case " + hot).build();
        Case result = null;
        try {
            result = shared.service.modify(Fixture.TENANT, modification).current();
            shared.acknowledged.incrementAndGet();
            counters.modifies++;
        } catch (CaseConflictException e) {
            // The re-apply bound ran out: the service says so to its caller, and nothing is stored.
            counters.gaveUp++;
        }
        counters.conflicts += CountingStore.CONFLICTS.get()[0];
        return result;
    }

    /** Counts, per thread, the conflicts the store reported to the service. */
    static final class CountingStore implements CaseStore {
        static final ThreadLocal<long[]> CONFLICTS = ThreadLocal.withInitial(() -> new long[1]);
        private final CaseStore delegate;

        CountingStore(CaseStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<Case> find(TenantId tenant, CaseId id) {
            return delegate.find(tenant, id);
        }

        @Override
        public void insert(Case created, HistoryEntry creation) {
            delegate.insert(created, creation);
        }

        @Override
        public void update(Case updated, long expectedVersion, HistoryEntry entry) {
            try {
                delegate.update(updated, expectedVersion, entry);
            } catch (CaseConflictException e) {
                CONFLICTS.get()[0]++;
                throw e;
            }
        }

        @Override
        public List<HistoryEntry> history(TenantId tenant, CaseId id) {
            return delegate.history(tenant, id);
        }

        @Override
        public <T> T inSession(java.util.function.Supplier<T> work) {
            return delegate.inSession(work);
        }
    }
}

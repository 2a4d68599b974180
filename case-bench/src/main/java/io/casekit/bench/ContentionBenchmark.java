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
import io.casekit.core.service.CaseServiceOptions;
import io.casekit.core.service.ReapplyBackoff;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Benchmark 4: threads modifying hot cases through the service (run with {@code -t 1}, {@code -t 2}
 * and {@code -t 8} on the default 16 hot cases; {@code -p hotCases=1 -t 12} to {@code -t 16} for
 * writers crowding one case). Reports throughput and, as secondary counters, the {@code modifies}
 * acknowledged, the compare-and-set {@code conflicts} the service re-applied after, and the modifies
 * that {@code gaveUp}: lost the race more often than the service's re-apply bound allows
 * ({@link io.casekit.core.service.CaseServiceOptions#maxReapplies()}, default 10), which the caller
 * gets as a {@link CaseConflictException} and which stores nothing. {@code backoff} is {@code on}
 * (the service's default wait between re-applies) or {@code off} ({@link ReapplyBackoff#none()}).
 * At the end of each trial it prints the give-ups per 1,000 modifies of the whole trial and checks
 * that no update was lost: every acknowledged change is in the history once, versions are contiguous
 * and the history replayed equals each case. The connection pool has as many connections as there
 * are threads, at least 8.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ContentionBenchmark {
    /** The store and service shared by all threads. */
    @State(Scope.Benchmark)
    public static class Shared {
        @Param({"memory", "postgresql"})
        public String store;

        /** How many cases the threads share. */
        @Param({"16"})
        public int hotCases;

        /** {@code on}: the default {@link CaseServiceOptions#reapplyBackoff()}; {@code off}: none. */
        @Param({"on"})
        public String backoff;

        BenchDatabase database;
        CountingStore counting;
        CaseService service;
        final AtomicLong acknowledged = new AtomicLong();
        final AtomicLong gaveUp = new AtomicLong();

        @Setup(Level.Trial)
        public void setUp(BenchmarkParams params) {
            CaseServiceOptions options = switch (backoff) {
                case "on" -> CaseServiceOptions.defaults();
                case "off" -> CaseServiceOptions.defaults().withReapplyBackoff(ReapplyBackoff.none());
                default -> throw new IllegalArgumentException("backoff is on or off, not " + backoff);
            };
            if (hotCases < 1) {
                throw new IllegalArgumentException("hotCases must be at least 1, not " + hotCases);
            }
            database = BenchDatabase.open(store, Math.max(8, params.getThreads()));
            database.catalog.save(Fixture.template());
            counting = new CountingStore(database.store);
            service = CaseService.builder(counting, database.catalog).options(options).build();
            for (int i = 0; i < hotCases; i++) {
                service.create(Fixture.TENANT, Fixture.draft(Fixture.caseId(i), "hot case " + i));
            }
        }

        @TearDown(Level.Trial)
        public void checkNothingWasLost() {
            long versionsAdded = 0;
            for (int i = 0; i < hotCases; i++) {
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
            long gaveUpTotal = gaveUp.get();
            System.out.printf("%n[contention %s, %d hot, backoff %s] acknowledged %d, stored %d, lost 0; gave up %d"
                            + " (%.2f per 1,000 modifies)%n", store, hotCases, backoff, acknowledged.get(), versionsAdded,
                    gaveUpTotal, 1000.0 * gaveUpTotal / Math.max(1, acknowledged.get() + gaveUpTotal));
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
        int hot = shared.hotCases == 1 ? 0 : ThreadLocalRandom.current().nextInt(shared.hotCases);
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
            shared.gaveUp.incrementAndGet();
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
        public boolean erase(TenantId tenant, CaseId id) {
            return delegate.erase(tenant, id);
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

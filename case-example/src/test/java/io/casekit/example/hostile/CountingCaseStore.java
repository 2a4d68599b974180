package io.casekit.example.hostile;

import io.casekit.core.Case;
import io.casekit.core.CaseId;
import io.casekit.core.HistoryEntry;
import io.casekit.core.TenantId;
import io.casekit.core.spi.CaseStore;
import io.casekit.store.memory.InMemoryCaseStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-memory store, counting the history entries it has kept, so that a test can see that a
 * refused request wrote nothing: the in-memory store has no table to count. Thread-safe.
 */
final class CountingCaseStore implements CaseStore {
    private final InMemoryCaseStore cases = new InMemoryCaseStore();
    private final AtomicLong historyEntries = new AtomicLong();

    @Override
    public Optional<Case> find(TenantId tenant, CaseId id) {
        return cases.find(tenant, id);
    }

    @Override
    public void insert(Case created, HistoryEntry creation) {
        cases.insert(created, creation);
        // Counted only once the store has taken it: a refused insert throws before this line.
        historyEntries.incrementAndGet();
    }

    @Override
    public void update(Case updated, long expectedVersion, HistoryEntry entry) {
        cases.update(updated, expectedVersion, entry);
        historyEntries.incrementAndGet();
    }
    @Override
    public boolean erase(TenantId tenant, CaseId id) {
        return cases.erase(tenant, id);
    }


    @Override
    public List<HistoryEntry> history(TenantId tenant, CaseId id) {
        return cases.history(tenant, id);
    }

    long caseCount() {
        return cases.size();
    }

    long historyEntryCount() {
        return historyEntries.get();
    }
}

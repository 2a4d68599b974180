package io.casekit.reliability;

import io.casekit.core.Case;
import io.casekit.core.CaseConflictException;
import io.casekit.core.CaseId;
import io.casekit.core.HistoryEntry;
import io.casekit.core.TenantId;
import io.casekit.core.spi.CaseStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/** A store that counts the updates a concurrent change beat: each one makes the service re-apply. */
final class ConflictCountingStore implements CaseStore {
    private final CaseStore delegate;
    private final LongAdder conflicts;

    ConflictCountingStore(CaseStore delegate, LongAdder conflicts) {
        this.delegate = delegate;
        this.conflicts = conflicts;
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
            conflicts.increment();
            throw e;
        }
    }

    @Override
    public List<HistoryEntry> history(TenantId tenant, CaseId id) {
        return delegate.history(tenant, id);
    }
}

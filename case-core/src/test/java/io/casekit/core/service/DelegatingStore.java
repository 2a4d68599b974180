package io.casekit.core.service;

import io.casekit.core.Case;
import io.casekit.core.CaseId;
import io.casekit.core.HistoryEntry;
import io.casekit.core.TenantId;
import io.casekit.core.spi.CaseStore;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** A store that passes every call on; tests override what they put a race or a fault into. */
class DelegatingStore implements CaseStore {
    private final CaseStore delegate;

    DelegatingStore(CaseStore delegate) {
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
        delegate.update(updated, expectedVersion, entry);
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
    public <T> T inSession(Supplier<T> work) {
        return delegate.inSession(work);
    }

    @Override
    public void afterCommit(Runnable action) {
        delegate.afterCommit(action);
    }

    @Override
    public List<HistoryEntry> historyPage(TenantId tenant, CaseId id, long afterVersion, int limit) {
        return delegate.historyPage(tenant, id, afterVersion, limit);
    }
}

package io.casekit.store.tck;

import io.casekit.core.Case;
import io.casekit.core.CaseId;
import io.casekit.core.HistoryEntry;
import io.casekit.core.TenantId;
import io.casekit.core.spi.CaseStore;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A store that passes every call on to another: extend it and override the call a test wants to
 * watch or break (a failing update, a counted conflict), and the rest behaves as the real store.
 */
public class ForwardingCaseStore implements CaseStore {
    private final CaseStore delegate;

    public ForwardingCaseStore(CaseStore delegate) {
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

    /** The delegate's page, not the default's, which would read the delegate's whole history. */
    @Override
    public List<HistoryEntry> historyPage(TenantId tenant, CaseId id, long afterVersion, int limit) {
        return delegate.historyPage(tenant, id, afterVersion, limit);
    }

    @Override
    public <T> T inSession(Supplier<T> work) {
        return delegate.inSession(work);
    }

    @Override
    public void afterCommit(Runnable action) {
        delegate.afterCommit(action);
    }
}

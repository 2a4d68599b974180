package io.casekit.store.tck;

import io.casekit.core.CaseConflictException;
import io.casekit.core.HistoryEntry;
import io.casekit.core.spi.CaseStore;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the compare-and-set conflicts a store reports, to show how hot a concurrency test ran:
 * each is a modify the service re-read and re-applied (or, past its bound, gave up on).
 */
public final class ConflictCountingCaseStore extends ForwardingCaseStore {
    private final LongAdder conflicts;

    /** @param conflicts incremented once per conflict; may be shared by several stores */
    public ConflictCountingCaseStore(CaseStore delegate, LongAdder conflicts) {
        super(delegate);
        this.conflicts = conflicts;
    }

    @Override
    public void update(io.casekit.core.Case updated, long expectedVersion, HistoryEntry entry) {
        try {
            super.update(updated, expectedVersion, entry);
        } catch (CaseConflictException e) {
            conflicts.increment();
            throw e;
        }
    }
}

package io.casekit.store.tck;

import io.casekit.core.spi.CaseStore;

/**
 * The query section against a {@link FaultyQueryStore} with the fault {@link KitCatchesQueryFaultsTest}
 * chooses. Its name does not end in "Test", so the build does not run it by itself: it fails on purpose.
 */
class FaultyQueryContract extends CaseQueryContract {
    static volatile FaultyQueryStore.Fault fault = FaultyQueryStore.Fault.NONE;

    @Override
    protected CaseStore newStore() {
        return new FaultyQueryStore(fault);
    }
}

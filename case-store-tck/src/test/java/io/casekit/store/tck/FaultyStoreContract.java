package io.casekit.store.tck;

import io.casekit.core.spi.CaseStore;
import io.casekit.core.spi.TemplateCatalog;

/**
 * The kit against a {@link FaultyStore} and a {@link FaultyCatalog} with the faults that
 * {@link KitCatchesFaultsTest} chooses. Its name does not end in "Test", so the build does not run it
 * by itself: it fails on purpose.
 */
class FaultyStoreContract extends CaseStoreContract {
    static volatile FaultyStore.Fault storeFault = FaultyStore.Fault.NONE;
    static volatile FaultyCatalog.Fault catalogFault = FaultyCatalog.Fault.NONE;

    @Override
    protected CaseStore newStore() {
        return new FaultyStore(storeFault);
    }

    @Override
    protected TemplateCatalog newCatalog() {
        return new FaultyCatalog(catalogFault);
    }
}

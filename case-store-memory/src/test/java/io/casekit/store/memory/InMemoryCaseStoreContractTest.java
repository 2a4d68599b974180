package io.casekit.store.memory;

import io.casekit.core.spi.CaseStore;
import io.casekit.core.spi.TemplateCatalog;
import io.casekit.store.tck.CaseStoreContract;

/** The in-memory store and catalog pass the storage contract kit. */
class InMemoryCaseStoreContractTest extends CaseStoreContract {

    @Override
    protected CaseStore newStore() {
        return new InMemoryCaseStore();
    }

    @Override
    protected TemplateCatalog newCatalog() {
        return new InMemoryTemplateCatalog();
    }
}

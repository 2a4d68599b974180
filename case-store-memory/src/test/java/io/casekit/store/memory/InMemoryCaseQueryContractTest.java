package io.casekit.store.memory;

import io.casekit.core.spi.CaseStore;
import io.casekit.store.tck.CaseQueryContract;

/** The in-memory store passes the query section of the kit. */
class InMemoryCaseQueryContractTest extends CaseQueryContract {

    @Override
    protected CaseStore newStore() {
        return new InMemoryCaseStore();
    }
}

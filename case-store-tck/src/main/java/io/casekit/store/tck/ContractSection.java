package io.casekit.store.tck;

import io.casekit.core.spi.CaseStore;
import io.casekit.core.spi.TemplateCatalog;

/**
 * One section of the contract. {@link CaseStoreContract} runs each section as a nested test class
 * that hands it the fixture of the current test.
 */
abstract class ContractSection {

    /** The fixture of the running test; a new one for every test. */
    abstract Fixture fixture();

    final CaseStore store() {
        return fixture().store();
    }

    final TemplateCatalog catalog() {
        return fixture().catalog();
    }
}

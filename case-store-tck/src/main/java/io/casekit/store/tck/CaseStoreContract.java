package io.casekit.store.tck;

import io.casekit.core.spi.CaseStore;
import io.casekit.core.spi.TemplateCatalog;

/**
 * The storage contract: every {@link CaseStore} and {@link TemplateCatalog} that casekit ships or a
 * third party writes passes these tests unchanged. A store's test class extends this one and
 * supplies a fresh, empty store and catalog for each test.
 */
public abstract class CaseStoreContract {

    /** A new, empty store. Called once per test. */
    protected abstract CaseStore newStore();

    /** A new, empty template catalog to go with the store of the same test. */
    protected abstract TemplateCatalog newCatalog();
}

package io.casekit.store.jdbc;

import io.casekit.core.spi.CaseStore;
import io.casekit.core.spi.TemplateCatalog;
import io.casekit.store.tck.CaseStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The storage contract on H2, in every build. */
class H2CaseStoreContractTest extends CaseStoreContract {
    @RegisterExtension
    static final Databases DATABASES = Databases.only(TestDatabase.H2);

    @Override
    protected CaseStore newStore() {
        return DATABASES.get(TestDatabase.H2).store();
    }

    @Override
    protected TemplateCatalog newCatalog() {
        return DATABASES.get(TestDatabase.H2).catalog();
    }
}

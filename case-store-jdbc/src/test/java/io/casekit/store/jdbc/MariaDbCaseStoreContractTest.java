package io.casekit.store.jdbc;

import io.casekit.core.spi.CaseStore;
import io.casekit.core.spi.TemplateCatalog;
import io.casekit.store.tck.CaseStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The storage contract on MariaDB, when casekit.databases lists it. */
class MariaDbCaseStoreContractTest extends CaseStoreContract {
    @RegisterExtension
    static final Databases DATABASES = Databases.only(TestDatabase.MARIADB);

    @Override
    protected CaseStore newStore() {
        return DATABASES.get(TestDatabase.MARIADB).store();
    }

    @Override
    protected TemplateCatalog newCatalog() {
        return DATABASES.get(TestDatabase.MARIADB).catalog();
    }
}

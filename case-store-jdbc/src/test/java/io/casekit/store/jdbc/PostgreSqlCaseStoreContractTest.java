package io.casekit.store.jdbc;

import io.casekit.core.spi.CaseStore;
import io.casekit.core.spi.TemplateCatalog;
import io.casekit.store.tck.CaseStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The storage contract on PostgreSQL, when casekit.databases lists it. */
class PostgreSqlCaseStoreContractTest extends CaseStoreContract {
    @RegisterExtension
    static final Databases DATABASES = Databases.only(TestDatabase.POSTGRESQL);

    @Override
    protected CaseStore newStore() {
        return DATABASES.get(TestDatabase.POSTGRESQL).store();
    }

    @Override
    protected TemplateCatalog newCatalog() {
        return DATABASES.get(TestDatabase.POSTGRESQL).catalog();
    }
}

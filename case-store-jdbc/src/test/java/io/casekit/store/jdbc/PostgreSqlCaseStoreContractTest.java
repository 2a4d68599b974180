package io.casekit.store.jdbc;

import io.casekit.core.spi.CaseStore;
import io.casekit.core.spi.TemplateCatalog;
import io.casekit.store.tck.CaseQueryContract;
import io.casekit.store.tck.CaseStoreContract;
import net.jqwik.api.Group;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The storage contract and the kit's query section on PostgreSQL, when casekit.databases lists it. */
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

    static final QueryContractDatabase QUERIES = new QueryContractDatabase(TestDatabase.POSTGRESQL);

    /** The kit's query section (jqwik), on a database of its own. */
    @Group
    @QueryContractDatabase.Requires(TestDatabase.POSTGRESQL)
    @AddLifecycleHook(QueryContractDatabase.Skip.class)
    class Queries extends CaseQueryContract {
        @AfterContainer
        static void dropTables() {
            QUERIES.close();
        }

        @Override
        protected CaseStore newStore() {
            return QUERIES.freshStore();
        }
    }
}

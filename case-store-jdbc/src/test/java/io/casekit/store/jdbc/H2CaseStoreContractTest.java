package io.casekit.store.jdbc;

import io.casekit.core.spi.CaseStore;
import io.casekit.core.spi.TemplateCatalog;
import io.casekit.store.tck.CaseQueryContract;
import io.casekit.store.tck.CaseStoreContract;
import net.jqwik.api.Group;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The storage contract and the kit's query section on H2, in every build. */
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

    static final QueryContractDatabase QUERIES = new QueryContractDatabase(TestDatabase.H2);

    /** The kit's query section (jqwik), on a database of its own. */
    @Group
    @QueryContractDatabase.Requires(TestDatabase.H2)
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

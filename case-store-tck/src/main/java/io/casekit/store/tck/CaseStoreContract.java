package io.casekit.store.tck;

import io.casekit.core.spi.CaseStore;
import io.casekit.core.spi.TemplateCatalog;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Nested;
import org.jspecify.annotations.Nullable;

/**
 * The storage contract: every {@link CaseStore} and {@link TemplateCatalog} that casekit ships or a
 * third party writes passes these tests unchanged. A store's test class extends this one and
 * supplies a fresh, empty store and catalog for each test:
 *
 * <pre>{@code
 * class MyCaseStoreTest extends CaseStoreContract {
 *     protected CaseStore newStore() { return new MyCaseStore(freshDatabase()); }
 *     protected TemplateCatalog newCatalog() { return new MyTemplateCatalog(sameDatabase()); }
 * }
 * }</pre>
 *
 * <p>The tests are grouped in nested classes: insert and find, tenant isolation, compare-and-set,
 * history, exact round trips, naughty strings, isolation from callers, concurrency,
 * sessions ({@link CaseStore#inSession}), the lifecycle (status flows, close, cancel, resume, reopen,
 * transfer, erase, statistics) and the template catalog. Each test asks for the store and the catalog at most once, both
 * together ({@link #newStore()} first), after every {@code @BeforeEach} of the subclass has run.
 *
 * <p>The kit generates its own naughty strings, so the whole contract runs from the kit's jar alone.
 * The Big List of Naughty Strings, read from the folder named by the system property
 * {@code casekit.corpora} ({@code naughty-strings/blns.base64.json}), adds cases when it is there;
 * without it, one test of the naughty strings section is skipped with a message saying why. Times are fixed or come from a clock the kit controls; no test
 * sleeps or measures time. One test sets the JVM's default time zone for a moment (and restores it)
 * to prove that the store ignores it; it holds JUnit's global resource lock, so it runs alone even
 * when tests run in parallel.
 */
@DisplayNameGeneration(ContractDisplayNames.class)
public abstract class CaseStoreContract {

    private @Nullable Fixture fixture;

    /** A new, empty store. Called at most once per test, before {@link #newCatalog()}. */
    protected abstract CaseStore newStore();

    /** A new, empty template catalog to go with the store of the same test. */
    protected abstract TemplateCatalog newCatalog();

    /** How many threads the concurrency tests run against the store at once: at least 2. Default 4. */
    protected int concurrentThreads() {
        return 4;
    }

    /**
     * How many modifications each of those threads makes through the service: at least 1. Default
     * 100, which keeps the kit fast on a real database.
     */
    protected int changesPerThread() {
        return 100;
    }

    /** The fixture of the running test: JUnit makes a new instance of this class for every test. */
    private Fixture currentFixture() {
        if (fixture == null) {
            fixture = new Fixture(this::newStore, this::newCatalog, concurrentThreads(), changesPerThread());
        }
        return fixture;
    }

    @Nested
    class InsertAndFind extends InsertAndFindContract {
        @Override
        Fixture fixture() {
            return currentFixture();
        }
    }

    @Nested
    class TenantIsolation extends TenantIsolationContract {
        @Override
        Fixture fixture() {
            return currentFixture();
        }
    }

    @Nested
    class CompareAndSet extends CompareAndSetContract {
        @Override
        Fixture fixture() {
            return currentFixture();
        }
    }

    @Nested
    class History extends HistoryContract {
        @Override
        Fixture fixture() {
            return currentFixture();
        }
    }

    @Nested
    class ExactRoundTrips extends RoundTripContract {
        @Override
        Fixture fixture() {
            return currentFixture();
        }
    }

    @Nested
    class NaughtyStrings extends NaughtyStringsContract {
        @Override
        Fixture fixture() {
            return currentFixture();
        }
    }

    @Nested
    class IsolationFromCallers extends CallerIsolationContract {
        @Override
        Fixture fixture() {
            return currentFixture();
        }
    }

    @Nested
    class Concurrency extends ConcurrencyContract {
        @Override
        Fixture fixture() {
            return currentFixture();
        }
    }

    @Nested
    class Sessions extends SessionContract {
        @Override
        Fixture fixture() {
            return currentFixture();
        }
    }

    @Nested
    class Lifecycle extends LifecycleContract {
        @Override
        Fixture fixture() {
            return currentFixture();
        }
    }

    @Nested
    class TemplateCatalogs extends TemplateCatalogContract {
        @Override
        Fixture fixture() {
            return currentFixture();
        }
    }
}

package io.casekit.store.tck;

import io.casekit.core.TenantId;
import io.casekit.core.service.CaseService;
import io.casekit.core.service.CaseServiceOptions;
import io.casekit.core.spi.CaseStore;
import io.casekit.core.spi.TemplateCatalog;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What one test of the kit works on: the store and catalog under test, a ticking clock and services
 * built on them. The store and the catalog are made on first use, together and in this order
 * ({@code newStore()} then {@code newCatalog()}), so that every {@code @BeforeEach} of the store's own
 * test class has run before either is asked for.
 */
final class Fixture {
    /** The tenant most tests work in. */
    static final TenantId TENANT = TenantId.of("tenant-a");
    /** A second tenant, to prove that tenants never see each other. */
    static final TenantId OTHER_TENANT = TenantId.of("tenant-b");

    final TickingClock clock = new TickingClock(Instant.parse("2024-06-20T08:00:00Z"));

    /** How many threads the concurrency tests run at once. */
    final int threads;
    /** How many changes each of those threads makes. */
    final int changesPerThread;

    private final Supplier<CaseStore> newStore;
    private final Supplier<TemplateCatalog> newCatalog;
    private @Nullable CaseStore store;
    private @Nullable TemplateCatalog catalog;

    Fixture(Supplier<CaseStore> newStore, Supplier<TemplateCatalog> newCatalog, int threads, int changesPerThread) {
        if (threads < 2 || changesPerThread < 1) {
            throw new IllegalArgumentException("the concurrency tests need at least 2 threads and 1 change each");
        }
        this.newStore = newStore;
        this.newCatalog = newCatalog;
        this.threads = threads;
        this.changesPerThread = changesPerThread;
    }

    CaseStore store() {
        open();
        return Objects.requireNonNull(store);
    }

    TemplateCatalog catalog() {
        open();
        return Objects.requireNonNull(catalog);
    }

    /** A service on the store and catalog under test, with the kit's clock and default options. */
    CaseService service() {
        return service(CaseServiceOptions.defaults());
    }

    CaseService service(CaseServiceOptions options) {
        return CaseService.builder(store(), catalog()).clock(clock).options(options).build();
    }

    private synchronized void open() {
        if (store == null) {
            store = Objects.requireNonNull(newStore.get(), "newStore() returned null");
            catalog = Objects.requireNonNull(newCatalog.get(), "newCatalog() returned null");
        }
    }
}

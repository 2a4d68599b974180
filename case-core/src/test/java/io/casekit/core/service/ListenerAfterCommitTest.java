package io.casekit.core.service;

import static io.casekit.core.Fixtures.SEED_CASE;
import static io.casekit.core.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.Case;
import io.casekit.core.CaseId;
import io.casekit.core.Fixtures;
import io.casekit.core.MapCaseStore;
import io.casekit.core.spi.CaseStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service tells its listener of a change through {@link CaseStore#afterCommit}: when the store's
 * writes are part of a host transaction, only once it commits, and never when it rolls back.
 */
class ListenerAfterCommitTest {
    /** A store inside a host transaction: after-commit actions wait for the host's outcome. */
    private static final class TransactionalStore extends DelegatingStore {
        final MapCaseStore delegate;
        final List<Runnable> pending = new ArrayList<>();

        TransactionalStore() {
            this(new MapCaseStore());
        }

        private TransactionalStore(MapCaseStore delegate) {
            super(delegate);
            this.delegate = delegate;
        }

        void commit() {
            List<Runnable> actions = List.copyOf(pending);
            pending.clear();
            actions.forEach(Runnable::run);
        }

        void rollback() {
            pending.clear();
        }

        @Override
        public void afterCommit(Runnable action) {
            pending.add(action);
        }
    }

    private TransactionalStore store;
    private final List<Long> heard = new ArrayList<>();
    private CaseService service;

    @BeforeEach
    void setUp() {
        store = new TransactionalStore();
        store.delegate.save(Fixtures.complaint(TENANT));
        service = CaseService.builder(store, store.delegate).clock(Fixtures.CLOCK)
                .listener((after, entry) -> heard.add(entry.version())).build();
    }

    @Test
    void aCreateAndAModifyAreToldOnlyOnceTheHostCommits() {
        service.create(TENANT, Fixtures.seedDraft().build());
        service.modify(TENANT, Fixtures.modification().title("changed").build());
        assertThat(heard).isEmpty();

        store.commit();

        assertThat(heard).containsExactly(1L, 2L);
    }

    @Test
    void aChangeWhoseHostTransactionRolledBackIsNeverTold() {
        service.create(TENANT, Fixtures.seedDraft().build());
        store.rollback();
        store.commit();

        assertThat(heard).isEmpty();
    }

    @Test
    void aNoOpRegistersNothingAndAFailingListenerFailsNeitherTheChangeNorTheCommit() {
        CaseService failing = CaseService.builder(store, store.delegate).clock(Fixtures.CLOCK)
                .listener((after, entry) -> {
                    throw new IllegalStateException("listener broke");
                }).build();
        failing.create(TENANT, Fixtures.seedDraft().build());
        store.commit();
        failing.modify(TENANT, Fixtures.modification().build());
        assertThat(store.pending).isEmpty();

        failing.modify(TENANT, Fixtures.modification().title("changed").build());
        assertThat(store.pending).hasSize(1);
        store.commit();

        assertThat(store.history(TENANT, CaseId.of(SEED_CASE))).hasSize(2);
    }
}

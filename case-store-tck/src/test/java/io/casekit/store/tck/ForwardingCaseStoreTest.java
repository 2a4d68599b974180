package io.casekit.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.Case;
import io.casekit.core.CaseId;
import io.casekit.core.HistoryEntry;
import io.casekit.core.TenantId;
import io.casekit.core.spi.CaseStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A forwarding store hands on what the CaseStore defaults would otherwise answer for the delegate. */
class ForwardingCaseStoreTest {
    @Test
    void afterCommitIsTheDelegatesNotTheDefaultsRunAtOnce() {
        List<Runnable> held = new ArrayList<>();
        CaseStore transactional = new CaseStore() {
            @Override
            public void afterCommit(Runnable action) {
                held.add(action);
            }

            @Override
            public Optional<Case> find(TenantId tenant, CaseId id) {
                return Optional.empty();
            }

            @Override
            public void insert(Case created, HistoryEntry creation) {}

            @Override
            public void update(Case updated, long expectedVersion, HistoryEntry entry) {}

            @Override
            public boolean erase(TenantId tenant, CaseId id) {
                return false;
            }

            @Override
            public List<HistoryEntry> history(TenantId tenant, CaseId id) {
                return List.of();
            }
        };
        List<String> ran = new ArrayList<>();

        new ForwardingCaseStore(transactional).afterCommit(() -> ran.add("ran"));

        assertThat(ran).isEmpty();
        assertThat(held).hasSize(1);
        held.get(0).run();
        assertThat(ran).containsExactly("ran");
    }
    @Test
    void historyPageIsTheDelegatesNotTheDefaultsReadOfTheWholeHistory() {
        List<String> calls = new ArrayList<>();
        CaseStore paging = new CaseStore() {
            @Override
            public Optional<Case> find(TenantId tenant, CaseId id) {
                return Optional.empty();
            }

            @Override
            public void insert(Case created, HistoryEntry creation) {}

            @Override
            public void update(Case updated, long expectedVersion, HistoryEntry entry) {}

            @Override
            public boolean erase(TenantId tenant, CaseId id) {
                return false;
            }

            @Override
            public List<HistoryEntry> history(TenantId tenant, CaseId id) {
                calls.add("history");
                return List.of();
            }

            @Override
            public List<HistoryEntry> historyPage(TenantId tenant, CaseId id, long afterVersion, int limit) {
                calls.add("page " + afterVersion + " " + limit);
                return List.of();
            }
        };

        new ForwardingCaseStore(paging).historyPage(TenantId.of("t"), CaseId.of("c"), 7, 3);

        assertThat(calls).containsExactly("page 7 3");
    }
}

package io.casekit.core.service;

import static io.casekit.core.Fixtures.OTHER_TENANT;
import static io.casekit.core.Fixtures.SEED_CASE;
import static io.casekit.core.Fixtures.TENANT;
import static io.casekit.core.Fixtures.modification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casekit.core.CaseId;
import io.casekit.core.CaseNotFoundException;
import io.casekit.core.CaseRefusedException;
import io.casekit.core.Fixtures;
import io.casekit.core.HistoryEntry;
import io.casekit.core.MapCaseStore;
import io.casekit.core.TenantId;
import io.casekit.core.service.AuthorizationRequest.Operation;
import io.casekit.core.spi.CaseStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link CaseService#historyPage}: pages through {@link CaseStore#historyPage} only (never the whole
 * history), the policy asked as for {@code history}, not found for a case the tenant does not have,
 * bad arguments refused before anything is read.
 */
class HistoryPageServiceTest {
    private static final CaseId SEED = CaseId.of(SEED_CASE);

    private MapCaseStore map;
    private final List<AuthorizationRequest> asked = new ArrayList<>();
    private final List<Operation> refused = new ArrayList<>();
    private final List<String> storeCalls = new ArrayList<>();

    /** Records the calls; the whole-history read is forbidden, so a service that used it fails. */
    private final class PageOnlyStore extends DelegatingStore {
        PageOnlyStore() {
            super(map);
        }

        @Override
        public List<HistoryEntry> history(TenantId tenant, CaseId id) {
            throw new AssertionError("the service read the whole history");
        }

        @Override
        public List<HistoryEntry> historyPage(TenantId tenant, CaseId id, long afterVersion, int limit) {
            storeCalls.add("page " + afterVersion + " " + limit);
            return map.historyPage(tenant, id, afterVersion, limit);
        }

        @Override
        public Optional<io.casekit.core.Case> find(TenantId tenant, CaseId id) {
            storeCalls.add("find");
            return super.find(tenant, id);
        }
    }

    private CaseService service;

    @BeforeEach
    void setUp() {
        map = new MapCaseStore();
        map.save(Fixtures.complaint(TENANT));
        map.save(Fixtures.complaint(OTHER_TENANT));
        service = CaseService.builder(new PageOnlyStore(), map).clock(Fixtures.CLOCK)
                .policy(request -> {
                    asked.add(request);
                    return refused.contains(request.operation()) ? AuthorizationPolicy.Decision.refuse("no")
                            : AuthorizationPolicy.Decision.allow();
                })
                .options(CaseServiceOptions.defaults().withReapplyBackoff(ReapplyBackoff.none())).build();
        service.create(TENANT, Fixtures.seedDraft().build());
        for (int i = 2; i <= 7; i++) {
            service.modify(TENANT, modification().title("title " + i).build());
        }
        asked.clear();
        storeCalls.clear();
    }

    @Test
    void pages_walk_the_whole_history_in_order_and_say_when_more_follow() {
        List<HistoryEntry> walked = new ArrayList<>();
        List<OptionalLong> positions = new ArrayList<>();
        long after = 0;
        while (true) {
            HistoryPage page = service.historyPage(TENANT, SEED, after, 3);
            walked.addAll(page.entries());
            positions.add(page.nextAfterVersion());
            if (!page.hasMore()) {
                break;
            }
            after = page.nextAfterVersion().getAsLong();
        }

        assertThat(walked).extracting(HistoryEntry::version).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(walked).isEqualTo(map.history(TENANT, SEED));
        assertThat(positions).containsExactly(OptionalLong.of(3), OptionalLong.of(6), OptionalLong.empty());
        assertThat(storeCalls).containsExactly("find", "page 0 3", "find", "page 3 3", "find", "page 6 3");
    }

    @Test
    void a_full_last_page_says_no_more_and_a_position_past_the_end_is_an_empty_page() {
        HistoryPage last = service.historyPage(TENANT, SEED, 4, 3);
        assertThat(last.entries()).extracting(HistoryEntry::version).containsExactly(5L, 6L, 7L);
        assertThat(last.hasMore()).isFalse();

        assertThat(service.historyPage(TENANT, SEED, 7, 10).entries()).isEmpty();
        assertThat(service.historyPage(TENANT, SEED, 1_000, 10)).isEqualTo(new HistoryPage(List.of(), OptionalLong.empty()));
    }

    @Test
    void the_policy_is_asked_once_per_page_as_for_history() {
        service.historyPage(TENANT, SEED, 0, 2, "auditor");
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0)).extracting(AuthorizationRequest::operation, AuthorizationRequest::actor,
                AuthorizationRequest::changes).containsExactly(Operation.HISTORY, Optional.of("auditor"), List.of());
        assertThat(asked.get(0).target()).isEqualTo(map.find(TENANT, SEED).orElseThrow());

        asked.clear();
        service.historyPage(TENANT, SEED, 2, 2);
        assertThat(asked).singleElement().extracting(AuthorizationRequest::actor).isEqualTo(Optional.empty());

        refused.add(Operation.HISTORY);
        storeCalls.clear();
        assertThatThrownBy(() -> service.historyPage(TENANT, SEED, 0, 2)).isInstanceOf(CaseRefusedException.class);
        assertThat(storeCalls).containsExactly("find");
    }

    @Test
    void a_case_the_tenant_does_not_have_is_not_found_without_asking() {
        assertThatThrownBy(() -> service.historyPage(OTHER_TENANT, SEED, 0, 10)).isInstanceOf(CaseNotFoundException.class);
        assertThatThrownBy(() -> service.historyPage(TENANT, CaseId.of("nosuchcase"), 5, 10, "auditor"))
                .isInstanceOf(CaseNotFoundException.class);
        assertThat(asked).isEmpty();
        assertThat(storeCalls).containsExactly("find", "find");
    }

    @Test
    void bad_arguments_are_refused_before_anything_is_read() {
        assertThatThrownBy(() -> service.historyPage(TENANT, SEED, -1, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("afterVersion must be 0 or more, was -1");
        assertThatThrownBy(() -> service.historyPage(TENANT, SEED, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit must be between 1 and 1000, was 0");
        assertThatThrownBy(() -> service.historyPage(TENANT, SEED, 0, 1_001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> service.historyPage(TENANT, SEED, 0, 10, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> service.historyPage(null, SEED, 0, 10)).isInstanceOf(NullPointerException.class)
                .hasMessage("tenant");
        assertThatThrownBy(() -> service.historyPage(TENANT, null, 0, 10)).isInstanceOf(NullPointerException.class)
                .hasMessage("id");
        assertThat(storeCalls).isEmpty();
        assertThat(asked).isEmpty();
        assertThat(service.historyPage(TENANT, SEED, 0, 1_000).entries()).hasSize(7);
    }

    @Test
    void the_default_store_page_is_cut_from_the_whole_history() {
        // MapCaseStore does not override historyPage: the documented default serves it.
        assertThat(map.historyPage(TENANT, SEED, 2, 3)).extracting(HistoryEntry::version).containsExactly(3L, 4L, 5L);
        assertThat(map.historyPage(TENANT, SEED, 6, 3)).extracting(HistoryEntry::version).containsExactly(7L);
        assertThat(map.historyPage(OTHER_TENANT, SEED, 0, 3)).isEmpty();
        assertThatThrownBy(() -> map.historyPage(TENANT, SEED, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

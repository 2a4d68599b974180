package io.casekit.core.service;

import static io.casekit.core.Fixtures.OTHER_TENANT;
import static io.casekit.core.Fixtures.SEED_OPERATOR;
import static io.casekit.core.Fixtures.TENANT;
import static io.casekit.core.Fixtures.TYPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casekit.core.Case;
import io.casekit.core.CaseDraft;
import io.casekit.core.CaseId;
import io.casekit.core.CaseModification;
import io.casekit.core.CaseRefusedException;
import io.casekit.core.CaseValidationException;
import io.casekit.core.Fixtures;
import io.casekit.core.MapCaseStore;
import io.casekit.core.Priority;
import io.casekit.core.Value;
import io.casekit.core.query.CaseFilter;
import io.casekit.core.query.CasePage;
import io.casekit.core.query.CaseQuery;
import io.casekit.core.query.Direction;
import io.casekit.core.query.SortKey;
import io.casekit.core.service.AuthorizationPolicy.Decision;
import io.casekit.core.service.AuthorizationRequest.Operation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The QUERY operation: query and count ask the policy once, after validation and before the store;
 * a refusal refuses both; {@code allowWhere} restricts the page, its next position and the count to
 * exactly the allowed cases, and on an operation on one case allows exactly a case that matches.
 */
class AuthorizationQueryTest {
    private static final List<String> OWNERS = List.of("agentA", "agentB", "agentC");

    private MapCaseStore catalog;
    private QueryingStore store;
    private final List<AuthorizationRequest> asked = new ArrayList<>();
    private Function<AuthorizationRequest, Decision> decide = r -> Decision.allow();

    /** Each instant a second after the one before: cases get distinct creation times. */
    private static final class Ticking extends Clock {
        private Instant now = Instant.parse("2026-11-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            now = now.plusSeconds(1);
            return now;
        }
    }

    @BeforeEach
    void setUp() {
        catalog = new MapCaseStore();
        catalog.save(Fixtures.complaint(TENANT));
        catalog.save(Fixtures.complaint(OTHER_TENANT));
        store = new QueryingStore(catalog);
        CaseService open = CaseService.builder(store, catalog).clock(new Ticking()).build();
        Priority[] priorities = Priority.values();
        for (int i = 0; i < 40; i++) {
            CaseDraft.Builder draft = CaseDraft.builder(TYPE, SEED_OPERATOR).id(String.format("case%02d", i))
                    .title("case " + i).description("d").contactId("ct" + i).extension("AICC__severity__CST", Value.text("S" + (1 + (i / 3) % 3)));
            if (i % 5 != 4) {
                draft.ownerId(OWNERS.get(i % 3));
            }
            if (i % 4 != 0) {
                draft.priority(priorities[i % priorities.length]);
            }
            open.create(TENANT, draft.build());
        }
        // Another tenant's cases, owned by the same agents, must never show.
        for (int i = 0; i < 5; i++) {
            open.create(OTHER_TENANT, CaseDraft.builder(TYPE, SEED_OPERATOR).id(String.format("case%02d", i))
                    .title("other " + i).description("d").contactId("ct").ownerId("agentA")
                    .extension("AICC__severity__CST", Value.text("S1")).build());
        }
        store.handed.clear();
    }

    private CaseService service() {
        return CaseService.builder(store, catalog).clock(Fixtures.CLOCK).policy(request -> {
            asked.add(request);
            return decide.apply(request);
        }).build();
    }

    private static Decision ownCases(AuthorizationRequest request) {
        return request.actor().map(actor -> Decision.allowWhere(new CaseFilter.PartyIn(CaseFilter.Party.OWNER_ID,
                Set.of(actor)))).orElseGet(() -> Decision.refuse("who are you?"));
    }

    /** Every page of the query, in order. */
    private static List<Case> allPages(CaseService service, CaseQuery query, String actor) {
        List<Case> out = new ArrayList<>();
        CasePage page = service.query(TENANT, query, actor);
        out.addAll(page.cases());
        int pages = 1;
        while (page.hasNext()) {
            assertThat(page.cases()).hasSize(query.limit());
            page = service.query(TENANT, query.after(page.next().orElseThrow()), actor);
            out.addAll(page.cases());
            assertThat(++pages).isLessThan(100);
        }
        return out;
    }

    /** The brute-force answer: the tenant's cases matching every filter, sorted. */
    private List<Case> expected(CaseQuery query, CaseFilter... more) {
        return store.all(TENANT).stream()
                .filter(c -> query.filters().stream().allMatch(f -> f.test(c)))
                .filter(c -> List.of(more).stream().allMatch(f -> f.test(c)))
                .sorted(query.sort()).toList();
    }

    @Test
    void query_and_count_ask_QUERY_once_each_with_the_actor_and_the_callers_query_and_no_target() {
        CaseService service = service();
        CaseQuery query = CaseQuery.builder().priorityIn(Priority.HIGH).limit(2).build();

        service.query(TENANT, query, "agentA");
        service.count(TENANT, query);

        assertThat(asked).hasSize(2);
        AuthorizationRequest first = asked.get(0);
        assertThat(first.operation()).isEqualTo(Operation.QUERY);
        assertThat(first.tenant()).isEqualTo(TENANT);
        assertThat(first.actor()).contains("agentA");
        assertThat(first.query()).contains(query);
        assertThat(first.changes()).isEmpty();
        assertThatThrownBy(first::target).isInstanceOf(IllegalStateException.class).hasMessageContaining("query()");
        assertThat(first).isEqualTo(AuthorizationRequest.ofQuery(TENANT, Optional.of("agentA"), query));
        assertThat(first.toString()).contains("QUERY", "agentA", "1 filters").doesNotContain("HIGH");
        assertThat(asked.get(1).operation()).isEqualTo(Operation.QUERY);
        assertThat(asked.get(1).actor()).isEmpty();
    }

    @Test
    void a_request_for_one_case_keeps_its_target_and_has_no_query() {
        CaseService service = service();
        service.get(TENANT, CaseId.of("case01"), "agentB");

        AuthorizationRequest read = asked.get(0);
        assertThat(read.operation()).isEqualTo(Operation.READ);
        assertThat(read.target().id().value()).isEqualTo("case01");
        assertThat(read.query()).isEmpty();
        assertThatThrownBy(() -> AuthorizationRequest.of(Operation.QUERY, TENANT, Optional.empty(), read.target(),
                List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ofQuery");
    }

    @Test
    void a_policy_that_refuses_QUERY_refuses_query_and_count_and_the_store_is_not_asked() {
        decide = r -> r.operation() == Operation.QUERY ? Decision.refuse("no searching") : Decision.allow();
        CaseService service = service();
        CaseQuery query = CaseQuery.builder().build();

        assertThatThrownBy(() -> service.query(TENANT, query))
                .isInstanceOfSatisfying(CaseRefusedException.class, e -> assertThat(e.reason()).isEqualTo("no searching"));
        assertThatThrownBy(() -> service.query(TENANT, query, "agentA")).isInstanceOf(CaseRefusedException.class);
        assertThatThrownBy(() -> service.count(TENANT, query)).isInstanceOf(CaseRefusedException.class);
        assertThatThrownBy(() -> service.count(TENANT, query, "agentA")).isInstanceOf(CaseRefusedException.class);
        assertThat(store.handed).isEmpty();
        assertThat(asked).hasSize(4);
    }

    @Test
    void a_plain_allow_passes_the_query_on_unchanged() {
        CaseService service = service();
        CaseQuery query = CaseQuery.builder().limit(7).build();

        CasePage page = service.query(TENANT, query);

        assertThat(store.handed).containsExactly(query);
        assertThat(page.cases()).isEqualTo(expected(query).subList(0, 7));
        assertThat(service.count(TENANT, query)).isEqualTo(40);
    }

    @Test
    void allowWhere_restricts_every_page_its_next_position_and_the_count_exactly() {
        decide = AuthorizationQueryTest::ownCases;
        CaseService service = service();
        List<CaseQuery> queries = List.of(
                CaseQuery.builder().limit(3).build(),
                CaseQuery.builder().limit(2).sort(SortKey.CREATED_AT, Direction.DESC).build(),
                CaseQuery.builder().limit(4).sort(SortKey.PRIORITY, Direction.DESC).build(),
                CaseQuery.builder().limit(1).priorityIn(Priority.LOW, Priority.CRITICAL)
                        .sort(SortKey.TITLE, Direction.ASC).build(),
                CaseQuery.builder().limit(5).type(TYPE).extensionIn("AICC__severity__CST", Value.text("S2")).build());
        for (CaseQuery query : queries) {
            for (String agent : OWNERS) {
                CaseFilter own = new CaseFilter.PartyIn(CaseFilter.Party.OWNER_ID, Set.of(agent));
                List<Case> expected = expected(query, own);
                assertThat(expected).isNotEmpty();
                assertThat(expected).hasSizeLessThan(expected(query).size());

                assertThat(allPages(service, query, agent)).as(query + " for " + agent).isEqualTo(expected);
                assertThat(service.count(TENANT, query, agent)).isEqualTo(expected.size());
            }
        }
        // The caller's filters come first, the policy's are added, nothing else changes.
        CaseQuery last = store.handed.get(store.handed.size() - 1);
        assertThat(last.filters()).endsWith(new CaseFilter.PartyIn(CaseFilter.Party.OWNER_ID, Set.of("agentC")));
        assertThat(last.filters()).startsWith(queries.get(4).filters().toArray(CaseFilter[]::new));
        // And without an actor this policy refuses.
        assertThatThrownBy(() -> service.count(TENANT, queries.get(0))).isInstanceOf(CaseRefusedException.class);
    }

    @Test
    void an_invalid_query_is_a_validation_failure_before_the_policy_is_asked() {
        decide = r -> Decision.refuse("never");
        CaseService service = service();

        assertThatThrownBy(() -> service.query(TENANT, CaseQuery.builder().limit(0).build(), "agentA"))
                .isInstanceOfSatisfying(CaseValidationException.class,
                        e -> assertThat(e.violations().get(0).path()).isEqualTo("/limit"));
        assertThatThrownBy(() -> service.count(TENANT, CaseQuery.builder().titleContains("").build()))
                .isInstanceOf(CaseValidationException.class);
        assertThat(asked).isEmpty();
        assertThat(store.handed).isEmpty();
    }

    @Test
    void allowWhere_filters_that_are_no_valid_query_are_the_policys_bug_not_the_callers() {
        decide = r -> Decision.allowWhere(new CaseFilter.PartyIn(CaseFilter.Party.OWNER_ID, Set.of()));
        CaseService service = service();

        assertThatThrownBy(() -> service.query(TENANT, CaseQuery.builder().build()))
                .isInstanceOf(IllegalStateException.class).isNotInstanceOf(CaseValidationException.class)
                .hasMessageContaining("/filters/0/values");
        assertThatThrownBy(() -> service.get(TENANT, CaseId.of("case00")))
                .isInstanceOf(IllegalStateException.class);
        // An extension filter needs its own case type: the caller's does not count.
        decide = r -> Decision.allowWhere(new CaseFilter.ExtensionIn("AICC__severity__CST", Set.of(Value.text("S1"))));
        assertThatThrownBy(() -> service.count(TENANT, CaseQuery.builder().type(TYPE).build()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("/filters/0/field");
        assertThat(store.handed).isEmpty();
    }

    @Test
    void an_empty_allowWhere_allows_everything() {
        decide = r -> Decision.allowWhere(List.of());
        CaseService service = service();
        assertThat(service.count(TENANT, CaseQuery.builder().build())).isEqualTo(40);
        assertThat(service.get(TENANT, CaseId.of("case04")).id().value()).isEqualTo("case04");
    }

    @Test
    void allowWhere_on_one_case_allows_a_matching_case_and_refuses_any_other() {
        decide = AuthorizationQueryTest::ownCases;
        CaseService service = service();
        CaseId ofA = CaseId.of("case00");   // owner agentA
        CaseId ofB = CaseId.of("case01");   // owner agentB
        CaseId ofNobody = CaseId.of("case04");

        assertThat(service.get(TENANT, ofA, "agentA").id()).isEqualTo(ofA);
        assertThat(service.find(TENANT, ofA, "agentA")).isPresent();
        assertThat(service.history(TENANT, ofA, "agentA")).hasSize(1);
        assertThat(service.historyPage(TENANT, ofA, 0, 10, "agentA").entries()).hasSize(1);
        for (CaseId other : List.of(ofB, ofNobody)) {
            assertThatThrownBy(() -> service.get(TENANT, other, "agentA"))
                    .isInstanceOfSatisfying(CaseRefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo(CaseService.OUTSIDE_POLICY));
            assertThatThrownBy(() -> service.find(TENANT, other, "agentA")).isInstanceOf(CaseRefusedException.class);
            assertThatThrownBy(() -> service.history(TENANT, other, "agentA")).isInstanceOf(CaseRefusedException.class);
        }

        // MODIFY and PREVIEW: the operator is the actor; the stored case must match.
        Case before = service.get(TENANT, ofB, "agentB");
        assertThatThrownBy(() -> service.modify(TENANT, CaseModification.builder(ofB, "agentA").title("taken").build()))
                .isInstanceOf(CaseRefusedException.class);
        assertThatThrownBy(() -> service.preview(TENANT, CaseModification.builder(ofB, "agentA").title("x").build()))
                .isInstanceOf(CaseRefusedException.class);
        assertThat(catalog.find(TENANT, ofB)).contains(before);
        assertThat(service.modify(TENANT, CaseModification.builder(ofB, "agentB").title("mine").build())
                .current().title()).isEqualTo("mine");
    }

    @Test
    void allowWhere_on_create_judges_the_case_about_to_be_stored() {
        decide = AuthorizationQueryTest::ownCases;
        CaseService service = service();
        int writes = catalog.writes();

        assertThatThrownBy(() -> service.create(TENANT, CaseDraft.builder(TYPE, "agentA").id("new1").title("t")
                .description("d").contactId("ct").ownerId("agentB").extension("AICC__severity__CST", Value.text("S1")).build()))
                .isInstanceOf(CaseRefusedException.class);
        assertThat(catalog.writes()).isEqualTo(writes);
        assertThat(service.create(TENANT, CaseDraft.builder(TYPE, "agentA").id("new2").title("t")
                .description("d").contactId("ct").ownerId("agentA").extension("AICC__severity__CST", Value.text("S1")).build())
                .id().value()).isEqualTo("new2");
    }

    @Test
    void without_a_policy_query_and_count_work_and_a_blank_actor_is_refused() {
        CaseService plain = CaseService.builder(store, catalog).build();
        CaseQuery query = CaseQuery.builder().limit(10).sort(SortKey.CREATED_AT, Direction.DESC).build();

        assertThat(allPages(plain, query, "anyone")).isEqualTo(expected(query)).hasSize(40);
        assertThat(plain.count(TENANT, query)).isEqualTo(40);
        assertThat(plain.count(OTHER_TENANT, query, "anyone")).isEqualTo(5);
        assertThatThrownBy(() -> plain.query(TENANT, query, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> plain.count(TENANT, query, "")).isInstanceOf(IllegalArgumentException.class);
    }
}

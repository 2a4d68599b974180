package io.casekit.core.service;

import static io.casekit.core.Fixtures.SEED_OPERATOR;
import static io.casekit.core.Fixtures.TENANT;
import static io.casekit.core.Fixtures.TYPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casekit.core.Case;
import io.casekit.core.CaseDraft;
import io.casekit.core.CaseId;
import io.casekit.core.CaseRefusedException;
import io.casekit.core.CaseValidationException;
import io.casekit.core.Fixtures;
import io.casekit.core.MapCaseStore;
import io.casekit.core.Value;
import io.casekit.core.query.CaseFilter;
import io.casekit.core.query.CaseQuery;
import io.casekit.core.query.Direction;
import io.casekit.core.query.SortKey;
import io.casekit.core.service.AuthorizationPolicy.Decision;
import io.casekit.core.service.AuthorizationRequest.Operation;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link CaseService#stream}: every matching case once, in order, one page at a time, each page authorized. */
class QueryStreamTest {
    private MapCaseStore catalog;
    private QueryingStore store;

    @BeforeEach
    void setUp() {
        catalog = new MapCaseStore();
        catalog.save(Fixtures.complaint(TENANT));
        store = new QueryingStore(catalog);
        CaseService open = CaseService.builder(store, catalog).build();
        for (int i = 0; i < 23; i++) {
            open.create(TENANT, CaseDraft.builder(TYPE, SEED_OPERATOR).id(String.format("case%02d", i))
                    .title("case " + (i % 4)).description("d").contactId("ct").ownerId(i % 2 == 0 ? "even" : "odd")
                    .extension("AICC__severity__CST", Value.text("S1")).build());
        }
        store.handed.clear();
    }

    @Test
    void every_matching_case_comes_once_in_the_query_order_across_pages() {
        CaseService service = CaseService.builder(store, catalog).build();
        CaseQuery query = CaseQuery.builder().sort(SortKey.TITLE, Direction.DESC).limit(4).build();

        List<Case> streamed = service.stream(TENANT, query).toList();

        List<Case> expected = store.all(TENANT).stream().sorted(query.sort()).toList();
        assertThat(streamed).hasSize(23).isEqualTo(expected);
        assertThat(store.handed).hasSize(6); // 4 + 4 + 4 + 4 + 4 + 3
        assertThat(store.handed.get(1).after()).isPresent();
    }

    @Test
    void pages_are_read_only_as_the_stream_is_consumed() {
        CaseService service = CaseService.builder(store, catalog).build();
        CaseQuery query = CaseQuery.builder().limit(5).build();

        try (Stream<Case> cases = service.stream(TENANT, query)) {
            assertThat(store.handed).hasSize(1);
            assertThat(cases.limit(7).map(c -> c.id().value()).toList())
                    .containsExactly("case00", "case01", "case02", "case03", "case04", "case05", "case06");
        }
        assertThat(store.handed).hasSize(2);
    }

    @Test
    void each_page_is_authorized_and_restricted_like_a_query() {
        AtomicInteger asked = new AtomicInteger();
        CaseService service = CaseService.builder(store, catalog).policy(r -> {
            if (r.operation() != Operation.QUERY) {
                return Decision.allow();
            }
            asked.incrementAndGet();
            return Decision.allowWhere(new CaseFilter.PartyIn(CaseFilter.Party.OWNER_ID, Set.of(r.actor().orElseThrow())));
        }).build();

        List<String> ids = service.stream(TENANT, CaseQuery.builder().limit(3).build(), "odd")
                .map(c -> c.id().value()).toList();

        assertThat(ids).hasSize(11).allMatch(id -> Integer.parseInt(id.substring(4)) % 2 == 1);
        assertThat(asked.get()).isEqualTo(4);
    }

    @Test
    void a_bad_query_or_a_refusal_is_thrown_by_the_call_itself() {
        CaseService refusing = CaseService.builder(store, catalog).policy(r -> Decision.refuse("no")).build();
        assertThatThrownBy(() -> refusing.stream(TENANT, CaseQuery.builder().build()))
                .isInstanceOf(CaseRefusedException.class);
        CaseService service = CaseService.builder(store, catalog).build();
        assertThatThrownBy(() -> service.stream(TENANT, CaseQuery.builder().limit(0).build()))
                .isInstanceOf(CaseValidationException.class);
        assertThatThrownBy(() -> service.stream(TENANT, CaseQuery.builder().build(), " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.handed).isEmpty();
        assertThat(service.stream(TENANT, CaseQuery.builder().idIn(CaseId.of("nope")).build())).isEmpty();
    }
}

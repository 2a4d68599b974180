package io.casekit.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casekit.core.Case;
import io.casekit.core.CaseDraft;
import io.casekit.core.CaseTypeId;
import io.casekit.core.CaseValidationException;
import io.casekit.core.TenantId;
import io.casekit.core.Value;
import io.casekit.core.Violation;
import io.casekit.core.ViolationCode;
import io.casekit.core.query.CaseFilter;
import io.casekit.core.query.CasePage;
import io.casekit.core.query.CaseQuery;
import io.casekit.core.query.Direction;
import io.casekit.core.query.SortKey;
import io.casekit.core.service.CaseService;
import io.casekit.core.template.CaseType;
import io.casekit.core.template.FieldDefinition;
import io.casekit.core.template.FieldType;
import io.casekit.store.tck.ForwardingCaseStore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Queries through the service: validated against the case types, each fault at its path, nothing asked of the store then. */
class CaseServiceQueryTest {
    private static final TenantId TENANT = TenantId.of("t1");
    private static final CaseTypeId TYPE = CaseTypeId.of("complaint");

    private final CountingStore store = new CountingStore();
    private final InMemoryTemplateCatalog catalog = new InMemoryTemplateCatalog();
    private final CaseService cases = CaseService.builder(store, catalog).build();

    CaseServiceQueryTest() {
        catalog.save(new CaseType(TENANT, TYPE, "Complaint", List.of(
                FieldDefinition.builder("sev", FieldType.PICKLIST).options(List.of("S1", "S2")).build(),
                FieldDefinition.builder("amount", FieldType.NUMBER).precision(10).scale(2).build(),
                FieldDefinition.builder("tags", FieldType.MULTI_PICKLIST).options(List.of("a", "b")).build(),
                FieldDefinition.builder("vip", FieldType.CHECKBOX).build(),
                FieldDefinition.builder("day", FieldType.DATE).build())));
    }

    private Case create(String id, String sev) {
        return cases.create(TENANT, CaseDraft.builder(TYPE, "agent").id(id).title("Title " + id).description("d").contactId("ct1")
                .extension("sev", Value.text(sev)).build());
    }

    @Test
    void validQueryIsAnsweredByTheStore() {
        IntStream.range(0, 5).forEach(i -> create("c" + i, i % 2 == 0 ? "S1" : "S2"));
        CaseQuery q = CaseQuery.builder().type(TYPE).extensionIn("sev", Value.text("S1"))
                .sort(SortKey.TITLE, Direction.DESC).limit(2).build();
        CasePage first = cases.query(TENANT, q);
        assertThat(first.cases()).extracting(c -> c.id().value()).containsExactly("c4", "c2");
        CasePage second = cases.query(TENANT, q.after(first.next().orElseThrow()));
        assertThat(second.cases()).extracting(c -> c.id().value()).containsExactly("c0");
        assertThat(second.hasNext()).isFalse();
        assertThat(cases.count(TENANT, q)).isEqualTo(3);
        assertThat(cases.count(TenantId.of("t2"), CaseQuery.builder().build())).isZero();
    }

    @Test
    void aPolicyIsAskedForQueriesAndItsRefusalRefusesThem() {
        create("c0", "S1");
        CaseService allowing = CaseService.builder(store, catalog)
                .policy(request -> io.casekit.core.service.AuthorizationPolicy.Decision.allow()).build();
        CaseService refusing = CaseService.builder(store, catalog)
                .policy(request -> io.casekit.core.service.AuthorizationPolicy.Decision.refuse("no")).build();
        CaseQuery q = CaseQuery.builder().type(TYPE).build();

        assertThat(allowing.count(TENANT, q)).isEqualTo(1);
        assertThat(allowing.query(TENANT, q).cases()).hasSize(1);
        assertThatThrownBy(() -> refusing.query(TENANT, q)).isInstanceOf(io.casekit.core.CaseRefusedException.class);
        assertThatThrownBy(() -> refusing.count(TENANT, q)).isInstanceOf(io.casekit.core.CaseRefusedException.class);
    }

    @Test
    void eachFaultIsAViolationAtItsPathAndTheStoreIsNotAsked() {
        CaseQuery q = CaseQuery.builder()
                .limit(1001)                                                     // /limit
                .type(TYPE)                                                      // 0
                .extensionIn("nope", Value.text("x"))                            // 1: /filters/1/field unknown
                .extensionIn("sev", Value.text("S1"), Value.bool(true))          // 2: /filters/2/values/1
                .extensionContainsAny("sev", "S1")                               // 3: /filters/3 wrong filter
                .extensionRange("amount", Value.text("1"), null)                 // 4: /filters/4/from
                .extensionRange("day", Value.date(LocalDate.of(2024, 1, 2)),
                        Value.date(LocalDate.of(2024, 1, 2)))                    // 5: /filters/5/from empty range
                .filter(new CaseFilter.IdIn(Set.of()))                           // 6: /filters/6/values
                .titleContains("")                                               // 7: /filters/7/text
                .extensionIn("vip", Value.text("true"))                          // 8: /filters/8/values/0
                .build();
        assertThatThrownBy(() -> cases.query(TENANT, q)).isInstanceOfSatisfying(CaseValidationException.class, e ->
                assertThat(e.violations()).extracting(Violation::path, Violation::code).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/limit", ViolationCode.OUT_OF_RANGE),
                        org.assertj.core.groups.Tuple.tuple("/filters/1/field", ViolationCode.UNKNOWN_FIELD),
                        org.assertj.core.groups.Tuple.tuple("/filters/2/values/1", ViolationCode.INVALID_TYPE),
                        org.assertj.core.groups.Tuple.tuple("/filters/3", ViolationCode.INVALID_TYPE),
                        org.assertj.core.groups.Tuple.tuple("/filters/4/from", ViolationCode.INVALID_TYPE),
                        org.assertj.core.groups.Tuple.tuple("/filters/5/from", ViolationCode.INVALID_VALUE),
                        org.assertj.core.groups.Tuple.tuple("/filters/6/values", ViolationCode.REQUIRED),
                        org.assertj.core.groups.Tuple.tuple("/filters/7/text", ViolationCode.REQUIRED),
                        org.assertj.core.groups.Tuple.tuple("/filters/8/values/0", ViolationCode.INVALID_TYPE)));
        assertThatThrownBy(() -> cases.count(TENANT, q)).isInstanceOf(CaseValidationException.class);
        assertThat(store.queries).isZero();
    }

    @Test
    void extensionFilterNeedsExactlyOneKnownType() {
        CaseQuery none = CaseQuery.builder().extensionPresent("sev", true).build();
        CaseQuery unknown = CaseQuery.builder().type("ghost").extensionPresent("sev", true).build();
        CaseQuery two = CaseQuery.builder().type(TYPE).type("ghost").extensionPresent("sev", true).build();
        assertThat(paths(none)).containsExactly("/filters/0/field");
        assertThat(paths(unknown)).containsExactly("/filters/0/type");
        assertThat(paths(two)).containsExactly("/filters/1/type", "/filters/2/field");
        // Another tenant's case type is unknown here too.
        catalog.save(new CaseType(TenantId.of("t2"), CaseTypeId.of("theirs"), "Theirs", List.of()));
        assertThat(paths(CaseQuery.builder().type("theirs").build())).containsExactly("/filters/0/type");
    }

    @Test
    void positionOfAnotherSortIsRefused() {
        create("c1", "S1");
        create("c2", "S1");
        CasePage page = cases.query(TENANT, CaseQuery.builder().limit(1).build());
        CaseQuery other = CaseQuery.builder().sort(SortKey.TITLE, Direction.ASC).after(page.next().orElseThrow()).build();
        assertThat(paths(other)).containsExactly("/after");
        assertThat(paths(CaseQuery.builder().limit(0).build())).containsExactly("/limit");
        assertThat(cases.query(TENANT, CaseQuery.builder().limit(1000).build()).cases()).hasSize(2);
    }

    @Test
    void exactDecimalRange() {
        cases.create(TENANT, CaseDraft.builder(TYPE, "agent").id("n1").title("t").description("d").contactId("ct1")
                .extension("amount", Value.decimal(new BigDecimal("1.10"))).build());
        CaseQuery q = CaseQuery.builder().type(TYPE)
                .extensionRange("amount", Value.decimal(new BigDecimal("1.1")), Value.decimal(new BigDecimal("1.11"))).build();
        assertThat(cases.count(TENANT, q)).isEqualTo(1);
    }

    @Test
    void aStoreWithoutQueriesSaysSo() {
        CaseService plain = CaseService.builder(new PlainStore(), catalog).build();
        assertThatThrownBy(() -> plain.query(TENANT, CaseQuery.builder().build()))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("CaseQueries");
    }

    private List<String> paths(CaseQuery q) {
        try {
            cases.query(TENANT, q);
        } catch (CaseValidationException e) {
            return e.violations().stream().map(Violation::path).toList();
        }
        return List.of();
    }

    /** The in-memory store, counting the queries it answers. */
    private static final class CountingStore extends ForwardingCaseStore implements io.casekit.core.spi.CaseQueries {
        private final InMemoryCaseStore delegate;
        int queries;

        CountingStore() {
            this(new InMemoryCaseStore());
        }

        private CountingStore(InMemoryCaseStore delegate) {
            super(delegate);
            this.delegate = delegate;
        }

        @Override
        public CasePage page(TenantId tenant, CaseQuery query) {
            queries++;
            return delegate.page(tenant, query);
        }

        @Override
        public long count(TenantId tenant, CaseQuery query) {
            queries++;
            return delegate.count(tenant, query);
        }
    }

    /** A store without the query SPI. */
    private static final class PlainStore extends ForwardingCaseStore {
        PlainStore() {
            super(new InMemoryCaseStore());
        }
    }
}

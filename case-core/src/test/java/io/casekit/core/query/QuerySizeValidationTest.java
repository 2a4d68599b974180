package io.casekit.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.Fixtures;
import io.casekit.core.Violation;
import io.casekit.core.ViolationCode;
import io.casekit.core.template.CaseType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A query holds at most {@link CaseQuery#MAX_FILTERS} filters and {@link CaseQuery#MAX_FILTER_VALUES}
 * values in all their sets: beyond either it is refused at {@code /filters} with {@code too_many_items},
 * alone, before any filter is checked (a store's statement would otherwise outgrow what the database
 * takes, a storage error instead of the caller's).
 */
class QuerySizeValidationTest {
    private static final CaseType COMPLAINT = Fixtures.complaint(Fixtures.TENANT);

    private static List<Violation> validate(CaseQuery query) {
        return QueryValidation.validate(query, id -> id.equals(COMPLAINT.id()) ? Optional.of(COMPLAINT) : Optional.empty());
    }

    private static CaseQuery.Builder titleFilters(int count) {
        CaseQuery.Builder builder = CaseQuery.builder();
        for (int i = 0; i < count; i++) {
            builder.titleContains("t" + i);
        }
        return builder;
    }

    @Test
    void aQueryOfTheMostFiltersIsValidAndOneMoreIsRefusedAlone() {
        assertThat(validate(titleFilters(CaseQuery.MAX_FILTERS).build())).isEmpty();

        // One more, and a filter that is wrong in itself: only the size is reported.
        CaseQuery tooMany = titleFilters(CaseQuery.MAX_FILTERS).titleContains("").build();

        assertThat(validate(tooMany)).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("/filters");
            assertThat(v.code()).isEqualTo(ViolationCode.TOO_MANY_ITEMS);
            assertThat(v.params()).isEqualTo(Map.of("max", CaseQuery.MAX_FILTERS));
            assertThat(v.message()).isEqualTo("A query holds at most 100 filters, this one 101.");
        });
    }

    @Test
    void theValuesOfAllSetsTogetherAreBounded() {
        CaseQuery.Builder atTheBound = CaseQuery.builder();
        CaseQuery.Builder beyond = CaseQuery.builder();
        for (CaseFilter.Party party : CaseFilter.Party.values()) {
            String[] values = IntStream.range(0, CaseQuery.MAX_VALUES).mapToObj(i -> party + "-" + i).toArray(String[]::new);
            for (int copy = 0; copy < 3; copy++) {
                atTheBound.in(party, values);
                beyond.in(party, values);
            }
        }
        String[] ids = IntStream.range(0, CaseQuery.MAX_VALUES).mapToObj(i -> "id" + i).toArray(String[]::new);
        atTheBound.idIn(java.util.Arrays.stream(ids).map(io.casekit.core.CaseId::of).toArray(io.casekit.core.CaseId[]::new));
        beyond.idIn(java.util.Arrays.stream(ids).map(io.casekit.core.CaseId::of).toArray(io.casekit.core.CaseId[]::new));
        beyond.statusIn("one more");

        assertThat(atTheBound.build().filters().stream().mapToInt(f -> f instanceof CaseFilter.PartyIn p ? p.values().size()
                : ((CaseFilter.IdIn) f).ids().size()).sum()).isEqualTo(CaseQuery.MAX_FILTER_VALUES);
        assertThat(validate(atTheBound.build())).isEmpty();
        assertThat(validate(beyond.build())).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("/filters");
            assertThat(v.code()).isEqualTo(ViolationCode.TOO_MANY_ITEMS);
            assertThat(v.message()).isEqualTo("The filters of a query hold at most 10000 values in all, these 10001.");
        });
    }
}

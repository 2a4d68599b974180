package io.casekit.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casekit.core.Case;
import io.casekit.core.CaseId;
import io.casekit.core.CaseTypeId;
import io.casekit.core.Priority;
import io.casekit.core.TenantId;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CaseSortTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private static Case c(String id, String title, Optional<Priority> priority, Optional<LocalDateTime> due, Instant at) {
        return Case.builder().tenant(TenantId.of("t")).id(CaseId.of(id)).typeId(CaseTypeId.of("ty"))
                .title(title).description("d")
                .priority(priority)
                .dueDate(due)
                .version(1).createdBy("me").createdAt(at).updatedAt(at)
                .build();
    }

    /** The order is total and a position is exclusive: after position i come exactly the cases sorted after i. */
    @Property(tries = 200)
    void positionSplitsTheOrderExactly(@ForAll long seed) {
        Random r = new Random(seed);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            cases.add(c("c" + i, List.of("a", "B", "b", "\uFF5E", "\uD83D\uDD25").get(r.nextInt(5)),
                    r.nextBoolean() ? Optional.empty() : Optional.of(Priority.values()[r.nextInt(4)]),
                    r.nextBoolean() ? Optional.empty() : Optional.of(LocalDateTime.of(2024, 1, 1 + r.nextInt(2), 0, 0)),
                    T0.plusSeconds(r.nextInt(2))));
        }
        CaseSort sort = new CaseSort(SortKey.values()[r.nextInt(5)], Direction.values()[r.nextInt(2)]);
        cases.sort(sort);
        for (int i = 0; i < cases.size(); i++) {
            PagePosition p = sort.positionOf(cases.get(i));
            for (int j = 0; j < cases.size(); j++) {
                assertThat(sort.isAfter(cases.get(j), p)).as("%s after %s by %s", j, i, sort).isEqualTo(j > i);
            }
        }
    }

    @Test
    void titlesByCodePointNotByUtf16Unit() {
        Case fullWidthTilde = c("a", "\uFF5E", Optional.empty(), Optional.empty(), T0);
        Case fire = c("b", "\uD83D\uDD25", Optional.empty(), Optional.empty(), T0);
        // String.compareTo puts U+1F525 (high surrogate D83D) before U+FF5E; code point order does not.
        assertThat(new CaseSort(SortKey.TITLE, Direction.ASC).compare(fullWidthTilde, fire)).isNegative();
    }

    @Test
    void prioritiesBySeverityEmptyLastBothWays() {
        Case low = c("a", "t", Optional.of(Priority.LOW), Optional.empty(), T0);
        Case critical = c("b", "t", Optional.of(Priority.CRITICAL), Optional.empty(), T0);
        Case none = c("c", "t", Optional.empty(), Optional.empty(), T0);
        List<Case> asc = new ArrayList<>(List.of(none, critical, low));
        asc.sort(new CaseSort(SortKey.PRIORITY, Direction.ASC));
        assertThat(asc).containsExactly(low, critical, none);
        asc.sort(new CaseSort(SortKey.PRIORITY, Direction.DESC));
        assertThat(asc).containsExactly(critical, low, none);
    }

    @Test
    void positionRefusesAValueOfTheWrongKind() {
        CaseSort byTitle = new CaseSort(SortKey.TITLE, Direction.ASC);
        assertThatThrownBy(() -> new PagePosition(byTitle, Optional.empty(), CaseId.of("x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PagePosition(byTitle, Optional.of(new SortValue.At(T0)), CaseId.of("x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> byTitle.isAfter(c("a", "t", Optional.empty(), Optional.empty(), T0),
                new PagePosition(CaseSort.defaults(), Optional.of(new SortValue.At(T0)), CaseId.of("x"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void titleFoldingIsSimpleLowerCasePerCodePoint() {
        // Simple mappings, no locale and no special casing: U+0130 becomes a plain "i", U+1E9E becomes "ß".
        assertThat(CaseFilter.TitleContains.fold("ÄÖÜ İ ẞ Σ")).isEqualTo("äöü i ß σ");
        assertThat(new CaseFilter.TitleContains("ÄRGER").test(c("a", "großer ärger", Optional.empty(), Optional.empty(), T0)))
                .isTrue();
    }
}

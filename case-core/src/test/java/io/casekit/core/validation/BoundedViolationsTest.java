package io.casekit.core.validation;

import static io.casekit.core.Fixtures.SEED_CASE;
import static io.casekit.core.Fixtures.SEED_OPERATOR;
import static io.casekit.core.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.casekit.core.CaseId;
import io.casekit.core.CaseModification;
import io.casekit.core.CaseValidationException;
import io.casekit.core.Fixtures;
import io.casekit.core.InputValue;
import io.casekit.core.MapCaseStore;
import io.casekit.core.Violation;
import io.casekit.core.ViolationCode;
import io.casekit.core.service.CaseService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** domain-rules §8, "bounded answers": the first 100 violations in request order, and the count of all. */
class BoundedViolationsTest {
    private MapCaseStore store;
    private CaseService service;

    @BeforeEach
    void createSeedCase() {
        store = new MapCaseStore();
        service = Fixtures.service(store);
        service.create(TENANT, Fixtures.seedDraft().build());
    }

    private CaseValidationException refused(CaseModification change) {
        int writes = store.writes();
        CaseValidationException e = org.junit.jupiter.api.Assertions.assertThrows(CaseValidationException.class,
                () -> service.modify(TENANT, change));
        assertThat(store.writes()).isEqualTo(writes);
        return e;
    }

    private static InputValue repeated(String option, int times) {
        return InputValue.array(Collections.nCopies(times, InputValue.text(option)));
    }

    @Test
    void one_option_repeated_170000_times_yields_the_first_100_violations_and_the_count() {
        CaseValidationException e = refused(CaseModification.builder(CaseId.of(SEED_CASE), SEED_OPERATOR)
                .set("AICC__tags__CST", repeated("vip", 170_000)).build());

        assertThat(e.violationCount()).as("169,999 duplicates and too_many_items").isEqualTo(170_000);
        assertThat(e.violations()).hasSize(CaseValidationException.MAX_VIOLATIONS);
        assertThat(e.violations().subList(0, 1)).extracting(Violation::path, Violation::code)
                .containsExactly(tuple("/caseInfo/AICC__tags__CST", ViolationCode.TOO_MANY_ITEMS));
        assertThat(e.violations().subList(1, 100)).extracting(Violation::path)
                .containsExactlyElementsOf(IntStream.range(1, 100).mapToObj(i -> "/caseInfo/AICC__tags__CST/" + i).toList());
        // 100 messages of this template are a few kB; 170,000 of them were 25 MB.
        assertThat(e.getMessage()).hasSizeLessThan(20_000).endsWith("; and 169900 more");
    }

    @Test
    void a_preview_is_bounded_the_same_way_and_says_the_count() {
        int writes = store.writes();
        io.casekit.core.service.ModificationPreview preview = service.preview(TENANT,
                CaseModification.builder(CaseId.of(SEED_CASE), SEED_OPERATOR)
                        .title("x".repeat(200)).set("AICC__tags__CST", repeated("vip", 500)).build());

        assertThat(preview.valid()).isFalse();
        assertThat(preview.violations()).hasSize(CaseValidationException.MAX_VIOLATIONS);
        assertThat(preview.violationCount()).isEqualTo(1 + 500);
        assertThat(preview.violations().get(0).path()).isEqualTo("/caseInfo/title");
        assertThat(store.writes()).isEqualTo(writes);
    }

    @Test
    void the_first_in_request_order_are_kept_even_when_a_later_check_finds_them() {
        // title's constraint runs after the template rules have found 500 duplicates further on.
        CaseValidationException e = refused(CaseModification.builder(CaseId.of(SEED_CASE), SEED_OPERATOR)
                .title("x".repeat(200)).set("AICC__tags__CST", repeated("vip", 500)).build());

        assertThat(e.violationCount()).isEqualTo(1 + 500);
        assertThat(e.violations()).hasSize(100);
        assertThat(e.violations()).extracting(Violation::path, Violation::code).startsWith(
                tuple("/caseInfo/title", ViolationCode.TOO_LONG),
                tuple("/caseInfo/AICC__tags__CST", ViolationCode.TOO_MANY_ITEMS),
                tuple("/caseInfo/AICC__tags__CST/1", ViolationCode.DUPLICATE_ITEM));
        assertThat(e.violations().get(99).path()).isEqualTo("/caseInfo/AICC__tags__CST/98");
    }

    @Test
    void a_request_with_at_most_100_violations_gets_all_of_them() {
        List<String> keys = IntStream.range(0, 100).mapToObj(i -> "AICC__unknown" + i + "__CST").toList();
        CaseModification.Builder request = CaseModification.builder(CaseId.of(SEED_CASE), SEED_OPERATOR);
        keys.forEach(k -> request.set(k, InputValue.text("x")));
        CaseValidationException e = refused(request.build());
        assertThat(e.violationCount()).isEqualTo(100);
        assertThat(e.violations()).extracting(Violation::path)
                .containsExactlyElementsOf(keys.stream().map(Violation::pathOf).toList());
        assertThat(e.getMessage()).doesNotContain("more");
    }

    @Test
    void the_exception_keeps_at_most_100_and_refuses_a_count_below_what_it_holds() {
        List<Violation> many = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            many.add(new Violation(Violation.pathOf("k" + i), ViolationCode.UNKNOWN_FIELD, Map.of(), "k" + i));
        }
        CaseValidationException e = new CaseValidationException(many);
        assertThat(e.violations()).hasSize(100).first().extracting(Violation::path).isEqualTo("/caseInfo/k0");
        assertThat(e.violationCount()).isEqualTo(150);
        assertThatThrownBy(() -> new CaseValidationException(many.subList(0, 3), 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CaseValidationException(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_collector_never_holds_more_than_its_bound() {
        Map<String, Integer> request = new java.util.LinkedHashMap<>();
        request.put("a", 1);
        request.put("b", 2);
        ViolationCollector collector = new ViolationCollector(request, List.of(), 3);
        for (int i = 0; i < 10_000; i++) {
            collector.addItem("b", i, ViolationCode.DUPLICATE_ITEM, Map.of("item", "x"));
        }
        collector.add("a", ViolationCode.TOO_LONG, Map.of());
        assertThat(collector.count()).isEqualTo(10_001);
        assertThat(collector.violations()).extracting(Violation::path)
                .containsExactly("/caseInfo/a", "/caseInfo/b/0", "/caseInfo/b/1");
    }
}

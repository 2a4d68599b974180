package io.casekit.core.validation;

import static io.casekit.core.Fixtures.SEED_CASE;
import static io.casekit.core.Fixtures.TENANT;
import static io.casekit.core.Fixtures.modification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.casekit.core.Case;
import io.casekit.core.CaseDraft;
import io.casekit.core.CaseId;
import io.casekit.core.CaseModification;
import io.casekit.core.CaseValidationException;
import io.casekit.core.Fixtures;
import io.casekit.core.InputValue;
import io.casekit.core.MapCaseStore;
import io.casekit.core.Value;
import io.casekit.core.Violation;
import io.casekit.core.ViolationCode;
import io.casekit.core.service.CaseService;
import io.casekit.core.template.CaseType;
import io.casekit.core.template.FieldDefinition;
import io.casekit.core.template.FieldType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The template rules of domain-rules §5: every field type's good and bad values. */
class ExtensionFieldRulesTest {
    private MapCaseStore store;
    private CaseService service;

    @BeforeEach
    void createSeedCase() {
        store = new MapCaseStore();
        service = Fixtures.service(store);
        service.create(TENANT, Fixtures.seedDraft().build());
    }

    private Case stored() {
        return service.get(TENANT, CaseId.of(SEED_CASE));
    }

    private static InputValue text(String s) {
        return InputValue.text(s);
    }

    private static InputValue number(String s) {
        return InputValue.number(new BigDecimal(s));
    }

    private static InputValue list(InputValue... items) {
        return InputValue.array(List.of(items));
    }

    static Stream<Arguments> goodValues() {
        return Stream.of(
                Arguments.of("AICC__notes__CST", text("plain note"), Value.text("plain note")),
                Arguments.of("AICC__notes__CST", text("é".repeat(127) + "a"), Value.text("é".repeat(127) + "a")),
                Arguments.of("AICC__story__CST", text("a\r\nb\tc"), Value.text("a\r\nb\tc")),
                Arguments.of("AICC__refund__CST", number("0.1"), Value.decimal(new BigDecimal("0.1"))),
                Arguments.of("AICC__refund__CST", number("12345678901234567.89"),
                        Value.decimal(new BigDecimal("12345678901234567.89"))),
                Arguments.of("AICC__refund__CST", number("0"), Value.decimal(BigDecimal.ZERO)),
                Arguments.of("AICC__refund__CST", number("100000000000000000"),
                        Value.decimal(new BigDecimal("100000000000000000"))),
                Arguments.of("AICC__since__CST", text("2024-02-29"), Value.date(LocalDate.of(2024, 2, 29))),
                Arguments.of("AICC__callAt__CST", text("2024-12-30 23:59:59"),
                        Value.dateTime(LocalDateTime.of(2024, 12, 30, 23, 59, 59))),
                Arguments.of("AICC__severity__CST", text("S3"), Value.text("S3")),
                Arguments.of("AICC__tags__CST", list(text("vip"), text("legal")), Value.textList(List.of("vip", "legal"))),
                Arguments.of("AICC__callback__CST", InputValue.bool(true), Value.bool(true)),
                Arguments.of("AICC__callback__CST", InputValue.bool(false), Value.bool(false)),
                Arguments.of("AICC__phone__CST", text("+1 (555) 010-9999"), Value.text("+1 (555) 010-9999")),
                Arguments.of("AICC__mail__CST", text("ops@example.com"), Value.text("ops@example.com")),
                Arguments.of("AICC__link__CST", text("https://example.com/a?b=c"), Value.text("https://example.com/a?b=c")),
                Arguments.of("AICC__link__CST", text("HTTP://example.com"), Value.text("HTTP://example.com")));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("goodValues")
    void a_good_value_is_stored_exactly(String field, InputValue input, Value expected) {
        service.modify(TENANT, modification().set(field, input).build());
        assertThat(stored().extensions().get(field)).isEqualTo(expected);
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("AICC__notes__CST", number("12"), ViolationCode.INVALID_TYPE),
                Arguments.of("AICC__notes__CST", text("é".repeat(128)), ViolationCode.TOO_LONG),
                Arguments.of("AICC__notes__CST", text("line\nbreak"), ViolationCode.INVALID_CHARACTERS),
                Arguments.of("AICC__notes__CST", text("\uD800"), ViolationCode.INVALID_CHARACTERS),
                Arguments.of("AICC__story__CST", text("nul\u0000"), ViolationCode.INVALID_CHARACTERS),
                Arguments.of("AICC__story__CST", text("x".repeat(32_001)), ViolationCode.TOO_LONG),
                Arguments.of("AICC__refund__CST", text("12"), ViolationCode.INVALID_TYPE),
                Arguments.of("AICC__refund__CST", number("0.001"), ViolationCode.OUT_OF_RANGE),
                Arguments.of("AICC__refund__CST", number("-1"), ViolationCode.OUT_OF_RANGE),
                Arguments.of("AICC__refund__CST", number("100000000000000000.01"), ViolationCode.OUT_OF_RANGE),
                Arguments.of("AICC__refund__CST", number("1e400"), ViolationCode.OUT_OF_RANGE),
                Arguments.of("AICC__since__CST", text("2023-02-29"), ViolationCode.INVALID_FORMAT),
                Arguments.of("AICC__since__CST", text("2024-02-29 00:00:00"), ViolationCode.INVALID_FORMAT),
                Arguments.of("AICC__since__CST", number("20240229"), ViolationCode.INVALID_TYPE),
                Arguments.of("AICC__callAt__CST", text("2024-01-01T00:00:00"), ViolationCode.INVALID_FORMAT),
                Arguments.of("AICC__callAt__CST", text("2024-01-01 24:00:00"), ViolationCode.INVALID_FORMAT),
                Arguments.of("AICC__severity__CST", text("s1"), ViolationCode.INVALID_VALUE),
                Arguments.of("AICC__severity__CST", list(text("S1")), ViolationCode.INVALID_TYPE),
                Arguments.of("AICC__tags__CST", text("vip"), ViolationCode.INVALID_TYPE),
                Arguments.of("AICC__callback__CST", text("true"), ViolationCode.INVALID_TYPE),
                Arguments.of("AICC__callback__CST", number("1"), ViolationCode.INVALID_TYPE),
                Arguments.of("AICC__callback__CST", InputValue.object(), ViolationCode.INVALID_TYPE),
                Arguments.of("AICC__phone__CST", text("phone"), ViolationCode.INVALID_FORMAT),
                Arguments.of("AICC__phone__CST", text("1".repeat(21)), ViolationCode.TOO_LONG),
                Arguments.of("AICC__mail__CST", text("a@b@c"), ViolationCode.INVALID_FORMAT),
                Arguments.of("AICC__mail__CST", text("@example.com"), ViolationCode.INVALID_FORMAT),
                Arguments.of("AICC__mail__CST", text("a b@example.com"), ViolationCode.INVALID_FORMAT),
                // NEXT LINE (U+0085) is Unicode White_Space, though neither Java's whitespace nor a space char.
                Arguments.of("AICC__mail__CST", text("a\u0085b@example.com"), ViolationCode.INVALID_FORMAT),
                Arguments.of("AICC__mail__CST", text("a\u00A0b@example.com"), ViolationCode.INVALID_FORMAT),
                Arguments.of("AICC__mail__CST", text("a".repeat(250) + "@b.cd"), ViolationCode.TOO_LONG),
                Arguments.of("AICC__link__CST", text("ftp://example.com"), ViolationCode.INVALID_FORMAT),
                Arguments.of("AICC__link__CST", text("/relative/path"), ViolationCode.INVALID_FORMAT),
                Arguments.of("AICC__link__CST", text("https://exa mple.com"), ViolationCode.INVALID_FORMAT),
                Arguments.of("AICC__link__CST", text("https://e.com/" + "a".repeat(2000)), ViolationCode.TOO_LONG));
    }

    @ParameterizedTest(name = "{0} = {1} -> {2}")
    @MethodSource("badValues")
    void a_bad_value_is_refused_with_its_code_and_nothing_is_stored(String field, InputValue input,
                                                                   ViolationCode code) {
        Case before = stored();
        CaseValidationException e = org.junit.jupiter.api.Assertions.assertThrows(CaseValidationException.class,
                () -> service.modify(TENANT, modification().set(field, input).build()));
        assertThat(e.violations()).extracting(Violation::path, Violation::code)
                .containsExactly(tuple("/caseInfo/" + field, code));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void messages_say_the_whole_range_and_the_json_types_in_words() {
        CaseValidationException range = org.junit.jupiter.api.Assertions.assertThrows(CaseValidationException.class,
                () -> service.modify(TENANT, modification().set("AICC__refund__CST", number("-1.505")).build()));
        // The range is casekit's own text: never cut, however long the bounds make it.
        assertThat(range.violations().get(0).message()).isEqualTo("AICC__refund__CST must be a number of at most 18 "
                + "digits before the point and 2 after it, at least 0, at most 100000000000000000");

        CaseValidationException type = org.junit.jupiter.api.Assertions.assertThrows(CaseValidationException.class,
                () -> service.modify(TENANT, modification().set("AICC__notes__CST", list(text("a"))).build()));
        assertThat(type.violations().get(0).message()).isEqualTo("AICC__notes__CST must be of JSON type string, not array");
    }

    @Test
    void a_zero_beyond_the_scale_the_wire_reads_is_out_of_range() {
        // 0E-999999999 fits a DECIMAL, but no AICC client could send it back: the wire reads scales to ±10,000.
        CaseValidationException e = org.junit.jupiter.api.Assertions.assertThrows(CaseValidationException.class,
                () -> service.modify(TENANT, modification()
                        .set("AICC__refund__CST", InputValue.number(new BigDecimal("0E-999999999"))).build()));
        assertThat(e.violations()).extracting(Violation::code).containsExactly(ViolationCode.OUT_OF_RANGE);
        service.modify(TENANT, modification().set("AICC__refund__CST", InputValue.number(new BigDecimal("0E-10000"))).build());
        assertThat(stored().extensions().get("AICC__refund__CST")).isEqualTo(Value.decimal(new BigDecimal("0E-10000")));
    }

    @Test
    void multi_picklist_items_are_checked_one_by_one() {
        CaseValidationException e = org.junit.jupiter.api.Assertions.assertThrows(CaseValidationException.class,
                () -> service.modify(TENANT, modification().set("AICC__tags__CST",
                        list(text("vip"), text("nope"), text("vip"), InputValue.bool(true))).build()));
        // The value as a whole before its items, so that a bounded answer keeps the summary.
        assertThat(e.violations()).extracting(Violation::path, Violation::code).containsExactly(
                tuple("/caseInfo/AICC__tags__CST", ViolationCode.TOO_MANY_ITEMS),
                tuple("/caseInfo/AICC__tags__CST/1", ViolationCode.INVALID_VALUE),
                tuple("/caseInfo/AICC__tags__CST/2", ViolationCode.DUPLICATE_ITEM),
                tuple("/caseInfo/AICC__tags__CST/3", ViolationCode.INVALID_TYPE));
    }

    @Test
    void a_number_that_a_double_would_round_stays_exact() {
        service.modify(TENANT, modification().set("AICC__refund__CST", number("12345678901234567.89")).build());
        Value stored = stored().extensions().get("AICC__refund__CST");
        assertThat(((Value.Decimal) stored).value().toPlainString()).isEqualTo("12345678901234567.89");
        assertThat(new BigDecimal(Double.toString(12345678901234567.89)).toPlainString())
                .isNotEqualTo("12345678901234567.89");
    }

    @Test
    void a_required_extension_can_not_be_cleared_but_absent_leaves_it() {
        CaseValidationException e = org.junit.jupiter.api.Assertions.assertThrows(CaseValidationException.class,
                () -> service.modify(TENANT, modification().clear("AICC__severity__CST").build()));
        assertThat(e.violations()).extracting(Violation::path, Violation::code)
                .containsExactly(tuple("/caseInfo/AICC__severity__CST", ViolationCode.REQUIRED));
        service.modify(TENANT, modification().title("other").build());
        assertThat(stored().extensions()).containsEntry("AICC__severity__CST", Value.text("S1"));
    }

    @Test
    void an_optional_extension_is_cleared_by_null_and_by_empty_text() {
        service.modify(TENANT, modification().set("AICC__notes__CST", text("n")).set("AICC__mail__CST", text("a@b.c"))
                .build());
        service.modify(TENANT, modification().clear("AICC__notes__CST").set("AICC__mail__CST", text("")).build());
        assertThat(stored().extensions()).doesNotContainKeys("AICC__notes__CST", "AICC__mail__CST");
    }

    @Test
    void a_required_extension_is_required_at_create() {
        CaseDraft draft = CaseDraft.builder(Fixtures.TYPE, "op").title("t").description("d").contactId("c").build();
        CaseValidationException e = org.junit.jupiter.api.Assertions.assertThrows(CaseValidationException.class,
                () -> service.create(TENANT, draft));
        assertThat(e.violations()).extracting(Violation::path, Violation::code)
                .containsExactly(tuple("/caseInfo/AICC__severity__CST", ViolationCode.REQUIRED));
    }

    @Test
    void a_field_removed_from_the_template_keeps_its_value_and_can_not_be_written() {
        service.modify(TENANT, modification().set("AICC__notes__CST", text("kept")).build());
        CaseType complaint = Fixtures.complaint(TENANT);
        List<FieldDefinition> fewer = complaint.fields().stream()
                .filter(f -> !f.name().equals("AICC__notes__CST")).toList();
        store.save(new CaseType(TENANT, complaint.id(), complaint.name(), fewer));

        assertThat(stored().extensions()).containsEntry("AICC__notes__CST", Value.text("kept"));
        service.modify(TENANT, modification().title("still editable").build());
        assertThat(stored().extensions()).containsEntry("AICC__notes__CST", Value.text("kept"));
        for (CaseModification write : List.of(modification().set("AICC__notes__CST", text("new")).build(),
                modification().clear("AICC__notes__CST").build())) {
            CaseValidationException e = org.junit.jupiter.api.Assertions.assertThrows(
                    CaseValidationException.class, () -> service.modify(TENANT, write));
            assertThat(e.violations()).extracting(Violation::code).containsExactly(ViolationCode.UNKNOWN_FIELD);
        }
    }

    @Test
    void another_types_field_is_unknown() {
        store.save(new CaseType(TENANT, io.casekit.core.CaseTypeId.of("other"), "Other", List.of(
                FieldDefinition.builder("AICC__only__CST", FieldType.TEXT).build())));
        CaseValidationException e = org.junit.jupiter.api.Assertions.assertThrows(CaseValidationException.class,
                () -> service.modify(TENANT, modification().set("AICC__only__CST", text("x")).build()));
        assertThat(e.violations()).extracting(Violation::code).containsExactly(ViolationCode.UNKNOWN_FIELD);
        assertThat(stored().extensions()).doesNotContainKey("AICC__only__CST");
        assertThat(Optional.of(stored().version())).contains(1L);
    }
}

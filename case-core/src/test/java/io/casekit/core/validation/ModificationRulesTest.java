package io.casekit.core.validation;

import static io.casekit.core.Fixtures.SEED_CASE;
import static io.casekit.core.Fixtures.TENANT;
import static io.casekit.core.Fixtures.modification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.casekit.core.Case;
import io.casekit.core.CaseId;
import io.casekit.core.CaseModification;
import io.casekit.core.CaseValidationException;
import io.casekit.core.Fixtures;
import io.casekit.core.InputValue;
import io.casekit.core.MapCaseStore;
import io.casekit.core.Priority;
import io.casekit.core.Value;
import io.casekit.core.WireFormats;
import io.casekit.core.Violation;
import io.casekit.core.ViolationCode;
import io.casekit.core.service.CaseService;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each rule of domain-rules §2–§4 at its boundaries, through the service's modify. */
class ModificationRulesTest {
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

    /** Modifies, expecting a refusal, and checks nothing was stored. */
    private List<Violation> refused(CaseModification change) {
        Case before = stored();
        int writes = store.writes();
        CaseValidationException e = org.junit.jupiter.api.Assertions.assertThrows(CaseValidationException.class,
                () -> service.modify(TENANT, change));
        assertThat(stored()).isEqualTo(before);
        assertThat(store.writes()).isEqualTo(writes);
        return e.violations();
    }

    private void onlyViolation(CaseModification change, String path, ViolationCode code) {
        assertThat(refused(change)).extracting(Violation::path, Violation::code).containsExactly(tuple(path, code));
    }

    private static String repeat(String s, int n) {
        return s.repeat(n);
    }

    @Nested
    class ByteLimits {
        @Test
        void title_of_128_bytes_of_three_byte_characters_is_accepted_and_129_is_not() {
            String at128 = repeat("中", 42) + "ab";
            service.modify(TENANT, modification().title(at128).build());
            assertThat(stored().title()).isEqualTo(at128);

            List<Violation> v = refused(modification().title(at128 + "c").build());
            assertThat(v).extracting(Violation::path, Violation::code)
                    .containsExactly(tuple("/caseInfo/title", ViolationCode.TOO_LONG));
            assertThat(v.get(0).params()).containsEntry("maxBytes", 128L).containsEntry("actualBytes", 129L);
            assertThat(v.get(0).message()).isEqualTo("title is 129 bytes, at most 128 allowed");
        }

        @Test
        void title_of_128_bytes_of_four_byte_characters_is_accepted_and_129_is_not() {
            String at128 = repeat("😀", 32);
            assertThat(at128.length()).isEqualTo(64);
            service.modify(TENANT, modification().title(at128).build());
            assertThat(stored().title()).isEqualTo(at128);

            List<Violation> v = refused(modification().title(at128 + "a").build());
            assertThat(v.get(0).params()).containsEntry("actualBytes", 129L);
        }

        @Test
        void description_of_20000_bytes_is_accepted_and_20001_is_not() {
            String at20000 = repeat("é", 10_000);
            service.modify(TENANT, modification().description(at20000).build());
            assertThat(stored().description()).isEqualTo(at20000);
            onlyViolation(modification().description(at20000 + "x").build(), "/caseInfo/description",
                    ViolationCode.TOO_LONG);
        }

        @Test
        void id_fields_are_at_most_20_bytes() {
            service.modify(TENANT, modification().ownerId(repeat("o", 20)).build());
            onlyViolation(modification().ownerId(repeat("o", 21)).build(), "/caseInfo/ownerId", ViolationCode.TOO_LONG);
            onlyViolation(modification().contactId(repeat("c", 21)).build(), "/caseInfo/contactId",
                    ViolationCode.TOO_LONG);
            onlyViolation(CaseModification.builder(SEED_CASE, repeat("x", 21)).title("t").description("d").build(),
                    "/caseInfo/creatorId", ViolationCode.TOO_LONG);
        }

        @Test
        void attachment_is_at_most_2000_bytes() {
            service.modify(TENANT, modification().attachment(repeat("a", 2000)).build());
            onlyViolation(modification().attachment(repeat("a", 2001)).build(), "/caseInfo/attachment",
                    ViolationCode.TOO_LONG);
        }

        @Test
        void contact_phone_is_at_most_20_bytes() {
            service.modify(TENANT, modification().contactPhone(repeat("1", 20)).build());
            onlyViolation(modification().contactPhone(repeat("1", 21)).build(), "/caseInfo/contactPhone",
                    ViolationCode.TOO_LONG);
        }
    }

    @Nested
    class Characters {
        @Test
        void a_lone_surrogate_is_refused() {
            onlyViolation(modification().title("ab\uD800c").build(), "/caseInfo/title", ViolationCode.INVALID_CHARACTERS);
            onlyViolation(modification().description("\uDC00").build(), "/caseInfo/description",
                    ViolationCode.INVALID_CHARACTERS);
            onlyViolation(modification().attachment("x\uD83D").build(), "/caseInfo/attachment",
                    ViolationCode.INVALID_CHARACTERS);
        }

        @Test
        void u0000_is_refused_everywhere() {
            onlyViolation(modification().title("a\u0000").build(), "/caseInfo/title", ViolationCode.INVALID_CHARACTERS);
            onlyViolation(modification().description("a\u0000").build(), "/caseInfo/description",
                    ViolationCode.INVALID_CHARACTERS);
            onlyViolation(modification().attachment("a\u0000").build(), "/caseInfo/attachment",
                    ViolationCode.INVALID_CHARACTERS);
            List<Violation> v = refused(modification().title("a\u0000").build());
            assertThat(v.get(0).params()).containsEntry("character", "U+0000").containsEntry("index", 1L);
        }

        @Test
        void a_field_with_two_problems_gets_both() {
            assertThat(refused(modification().title("\u0007" + "x".repeat(128)).build()))
                    .extracting(Violation::path, Violation::code).containsExactlyInAnyOrder(
                            tuple("/caseInfo/title", ViolationCode.INVALID_CHARACTERS),
                            tuple("/caseInfo/title", ViolationCode.TOO_LONG));
            assertThat(refused(modification().ownerId("é".repeat(11)).build()))
                    .extracting(Violation::code, v -> v.params().get("actualBytes")).containsExactlyInAnyOrder(
                            tuple(ViolationCode.INVALID_CHARACTERS, null), tuple(ViolationCode.TOO_LONG, 22L));
        }

        @Test
        void title_refuses_control_characters_and_description_allows_line_breaks_only() {
            onlyViolation(modification().title("a\tb").build(), "/caseInfo/title", ViolationCode.INVALID_CHARACTERS);
            onlyViolation(modification().title("a\u007Fb").build(), "/caseInfo/title", ViolationCode.INVALID_CHARACTERS);
            service.modify(TENANT, modification().description("line\r\nnext\tcolumn").build());
            assertThat(stored().description()).isEqualTo("line\r\nnext\tcolumn");
            onlyViolation(modification().description("bell\u0007").build(), "/caseInfo/description",
                    ViolationCode.INVALID_CHARACTERS);
        }

        @Test
        void strings_are_stored_exactly_as_given() {
            String odd = "  Ǆ e\u0301 ﬁ 𝔘 ";
            service.modify(TENANT, modification().title(odd).build());
            assertThat(stored().title()).isEqualTo(odd);
        }

        @ParameterizedTest
        @ValueSource(strings = {"a b", "ä", "a.b", "a/b", "a+b"})
        void id_fields_take_ascii_letters_digits_dash_and_underscore_only(String bad) {
            onlyViolation(modification().ownerId(bad).build(), "/caseInfo/ownerId", ViolationCode.INVALID_CHARACTERS);
        }

        @Test
        void the_id_charset_accepts_dash_and_underscore() {
            service.modify(TENANT, modification().ownerId("A-b_9").build());
            assertThat(stored().ownerId()).contains("A-b_9");
        }

        @ParameterizedTest
        @ValueSource(strings = {"+86 (10) 1234-5678", "15151515152", "0"})
        void phone_numbers_in_the_documented_format_are_accepted(String phone) {
            service.modify(TENANT, modification().contactPhone(phone).build());
            assertThat(stored().contactPhone()).contains(phone);
        }

        @ParameterizedTest
        @ValueSource(strings = {"12+3", "call me", "()", "+", "1.2", "１２３"})
        void other_phone_numbers_are_refused(String phone) {
            onlyViolation(modification().contactPhone(phone).build(), "/caseInfo/contactPhone",
                    ViolationCode.INVALID_FORMAT);
        }
    }

    @Nested
    class DueDate {
        private CaseModification dueDate(String text) {
            return modification().set("dueDate", InputValue.text(text)).build();
        }

        @ParameterizedTest
        @ValueSource(strings = {"2023-02-29 00:00:00", "2024-02-30 10:00:00", "2024-01-01 24:00:00",
                "2024-01-01T10:00:00", "2024-1-01 10:00:00", "2024-01-01 10:00", "2024-01-01 10:00:00.000",
                " 2024-01-01 10:00:00", "2024-01-01 10:00:00Z", "+2024-01-01 10:00:00", "12024-01-01 10:00:00",
                "2024-01-01 10:00:60", "2024/01/01 10:00:00"})
        void is_refused_unless_exactly_a_real_date_time(String text) {
            onlyViolation(dueDate(text), "/caseInfo/dueDate", ViolationCode.INVALID_FORMAT);
        }

        /** Our decision: MariaDB's DATETIME holds the years 1000 to 9999, and every store keeps the same values. */
        @ParameterizedTest
        @ValueSource(strings = {"0000-01-01 00:00:00", "0001-01-01 00:00:00", "0999-12-31 23:59:59"})
        void a_year_before_1000_is_out_of_range(String text) {
            onlyViolation(dueDate(text), "/caseInfo/dueDate", ViolationCode.OUT_OF_RANGE);
            CaseValidationException e = catchThrowableOfType(CaseValidationException.class,
                    () -> service.modify(TENANT, dueDate(text)));
            assertThat(e.violations().get(0).params()).containsEntry("min", "1000-01-01 00:00:00")
                    .containsEntry("max", "9999-12-31 23:59:59");
        }

        @ParameterizedTest
        @ValueSource(strings = {"1000-01-01 00:00:00", "9999-12-31 23:59:59"})
        void the_first_and_last_second_of_the_range_are_accepted(String text) {
            service.modify(TENANT, dueDate(text));
            assertThat(stored().value("dueDate")).contains(Value.dateTime(WireFormats.parseDateTime(text).orElseThrow()));
        }

        @Test
        void a_leap_day_is_accepted() {
            service.modify(TENANT, dueDate("2024-02-29 23:59:59"));
            assertThat(stored().dueDate()).contains(LocalDateTime.of(2024, 2, 29, 23, 59, 59));
        }

        @Test
        void the_week_year_trap_date_keeps_its_calendar_year() {
            // With the pattern YYYY, 2024-12-30 falls in week-year 2025 and would come back as 2025.
            service.modify(TENANT, dueDate("2024-12-30 08:00:00"));
            assertThat(stored().dueDate()).contains(LocalDateTime.of(2024, 12, 30, 8, 0, 0));
            assertThat(stored().value("dueDate")).contains(Value.dateTime(LocalDateTime.of(2024, 12, 30, 8, 0)));
        }

        @Test
        void a_past_date_is_accepted_by_default() {
            service.modify(TENANT, dueDate("2023-06-20 00:00:00"));
            assertThat(stored().dueDate()).contains(LocalDateTime.of(2023, 6, 20, 0, 0));
        }

        @Test
        void empty_text_and_null_clear_it() {
            service.modify(TENANT, dueDate("2023-06-20 00:00:00"));
            service.modify(TENANT, dueDate(""));
            assertThat(stored().dueDate()).isEmpty();
            service.modify(TENANT, dueDate("2023-06-20 00:00:00"));
            service.modify(TENANT, modification().clear("dueDate").build());
            assertThat(stored().dueDate()).isEmpty();
        }
    }

    @Nested
    class Priorities {
        @Test
        void wire_names_are_exact() {
            for (Priority p : Priority.values()) {
                service.modify(TENANT, modification().priority(p).build());
                assertThat(stored().priority()).contains(p);
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"low", "LOW", "Low ", "Urgent", "1"})
        void other_spellings_are_refused_with_the_allowed_values(String name) {
            List<Violation> v = refused(modification().set("priority", InputValue.text(name)).build());
            assertThat(v).extracting(Violation::path, Violation::code)
                    .containsExactly(tuple("/caseInfo/priority", ViolationCode.INVALID_VALUE));
            assertThat(v.get(0).params().get("allowed")).isEqualTo(List.of("Low", "Medium", "High", "Critical"));
        }
    }

    @Nested
    class MandatoryAndOptional {
        @Test
        void empty_text_clears_an_optional_field() {
            service.modify(TENANT, modification().ownerId("o1").contactPhone("123").build());
            service.modify(TENANT, modification().set("ownerId", InputValue.text(""))
                    .set("contactPhone", InputValue.text("")).build());
            assertThat(stored().ownerId()).isEmpty();
            assertThat(stored().contactPhone()).isEmpty();
        }

        @Test
        void null_on_a_mandatory_field_is_required() {
            onlyViolation(modification().clear("title").build(), "/caseInfo/title", ViolationCode.REQUIRED);
            onlyViolation(modification().clear("description").build(), "/caseInfo/description", ViolationCode.REQUIRED);
            onlyViolation(modification().clear("creatorId").build(), "/caseInfo/creatorId", ViolationCode.REQUIRED);
        }

        @Test
        void absent_mandatory_fields_of_an_aicc_request_are_required_all_at_once() {
            CaseModification change = CaseModification.ofAiccRequest(java.util.Map.of("id", InputValue.text(SEED_CASE)));
            assertThat(refused(change)).extracting(Violation::path, Violation::code).containsExactly(
                    tuple("/caseInfo/title", ViolationCode.REQUIRED),
                    tuple("/caseInfo/description", ViolationCode.REQUIRED),
                    tuple("/caseInfo/creatorId", ViolationCode.REQUIRED));
        }

        @Test
        void through_the_java_api_only_the_id_and_the_operator_are_required() {
            CaseModification change = CaseModification.of(java.util.Map.of("id", InputValue.text(SEED_CASE)));
            assertThat(refused(change)).extracting(Violation::path, Violation::code).containsExactly(
                    tuple("/caseInfo/creatorId", ViolationCode.REQUIRED));
            assertThat(refused(CaseModification.of(java.util.Map.of("creatorId", InputValue.text("op")))))
                    .extracting(Violation::path, Violation::code)
                    .containsExactly(tuple("/caseInfo/id", ViolationCode.REQUIRED));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "\t\n"})
        void a_blank_title_is_refused(String blank) {
            List<Violation> v = refused(modification().title(blank).build());
            assertThat(v).extracting(Violation::path, Violation::code)
                    .contains(tuple("/caseInfo/title", ViolationCode.BLANK));
        }

        @ParameterizedTest
        @ValueSource(strings = {"id", "title", "description", "creatorId"})
        void an_empty_mandatory_text_is_blank_and_only_blank(String field) {
            List<Violation> v = refused(modification().set(field, InputValue.text("")).build());
            assertThat(v).filteredOn(violation -> violation.path().equals("/caseInfo/" + field))
                    .extracting(Violation::code).containsExactly(ViolationCode.BLANK);
        }

        @ParameterizedTest
        @ValueSource(strings = {"id", "title", "description", "creatorId"})
        void a_mandatory_text_of_spaces_is_blank(String field) {
            List<Violation> v = refused(modification().set(field, InputValue.text("   ")).build());
            assertThat(v).extracting(Violation::path, Violation::code)
                    .contains(tuple("/caseInfo/" + field, ViolationCode.BLANK));
        }

        @Test
        void an_unknown_key_is_refused_never_dropped() {
            onlyViolation(modification().set("stage", InputValue.text("Closed")).build(), "/caseInfo/stage",
                    ViolationCode.UNKNOWN_FIELD);
        }

        @ParameterizedTest
        @ValueSource(strings = {"type", "version", "createdBy", "createdAt", "updatedAt", "status", "state", "closedAt",
            "closedReason", "reopened"})
        void a_read_only_key_is_refused(String key) {
            onlyViolation(modification().set(key, InputValue.text("x")).build(), "/caseInfo/" + key,
                    ViolationCode.READ_ONLY);
        }

        @Test
        void a_wrong_json_type_is_never_coerced() {
            assertThat(refused(modification().set("title", InputValue.number(new BigDecimal("12")))
                    .set("ownerId", InputValue.bool(true)).set("priority", InputValue.array(List.of())).build()))
                    .extracting(Violation::path, Violation::code).containsExactly(
                            tuple("/caseInfo/title", ViolationCode.INVALID_TYPE),
                            tuple("/caseInfo/ownerId", ViolationCode.INVALID_TYPE),
                            tuple("/caseInfo/priority", ViolationCode.INVALID_TYPE));
        }

        @Test
        void the_id_can_not_rename_and_an_unknown_id_is_not_found() {
            org.junit.jupiter.api.Assertions.assertThrows(io.casekit.core.CaseNotFoundException.class,
                    () -> service.modify(TENANT, CaseModification.builder("nosuchcase", "op").title("t")
                            .description("d").build()));
            assertThat(store.writes()).isEqualTo(1);
        }

        @Test
        void an_invalid_id_is_a_violation() {
            assertThatThrownBy(() -> service.modify(TENANT, CaseModification.builder("bad id!", "op").title("t")
                    .description("d").build()))
                    .isInstanceOfSatisfying(CaseValidationException.class, e -> assertThat(e.violations())
                            .extracting(Violation::path).containsExactly("/caseInfo/id"));
        }

        @Test
        void creator_id_is_the_actor_and_does_not_overwrite_created_by() {
            service.modify(TENANT, CaseModification.builder(SEED_CASE, "operator2").title("changed")
                    .description("first").build());
            assertThat(stored().createdBy()).isEqualTo(Fixtures.SEED_OPERATOR);
            assertThat(service.history(TENANT, CaseId.of(SEED_CASE)).get(1).actor()).isEqualTo("operator2");
        }

        @Test
        void all_violations_of_a_request_are_reported_in_request_order() {
            CaseModification change = modification().set("priority", InputValue.text("low"))
                    .title(repeat("x", 129)).set("bogus", InputValue.bool(true))
                    .set("dueDate", InputValue.text("2023-02-29 00:00:00")).build();
            assertThat(refused(change)).extracting(Violation::path, Violation::code).containsExactly(
                    tuple("/caseInfo/title", ViolationCode.TOO_LONG),
                    tuple("/caseInfo/priority", ViolationCode.INVALID_VALUE),
                    tuple("/caseInfo/bogus", ViolationCode.UNKNOWN_FIELD),
                    tuple("/caseInfo/dueDate", ViolationCode.INVALID_FORMAT));
        }

        @Test
        void a_key_that_needs_escaping_gets_an_rfc6901_path() {
            onlyViolation(modification().set("a/b~c", InputValue.text("x")).build(), "/caseInfo/a~1b~0c",
                    ViolationCode.UNKNOWN_FIELD);
        }
    }
}

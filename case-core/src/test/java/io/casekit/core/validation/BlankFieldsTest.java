package io.casekit.core.validation;

import static io.casekit.core.Fixtures.SEED_CASE;
import static io.casekit.core.Fixtures.SEED_CONTACT;
import static io.casekit.core.Fixtures.TENANT;
import static io.casekit.core.Fixtures.modification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.casekit.core.Case;
import io.casekit.core.CaseDraft;
import io.casekit.core.CaseId;
import io.casekit.core.CaseTypeId;
import io.casekit.core.CaseValidationException;
import io.casekit.core.Fixtures;
import io.casekit.core.InputValue;
import io.casekit.core.MapCaseStore;
import io.casekit.core.Violation;
import io.casekit.core.ViolationCode;
import io.casekit.core.service.CaseService;
import io.casekit.core.template.CaseType;
import io.casekit.core.template.FieldDefinition;
import io.casekit.core.template.FieldType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule that refuses a blank text refuses the same texts (issue 12 item 5): each Unicode
 * White_Space character and each invisible character, alone and mixed, in every such field.
 */
class BlankFieldsTest {
    private MapCaseStore store;
    private CaseService service;

    @BeforeEach
    void createSeedCase() {
        store = new MapCaseStore();
        service = Fixtures.service(store);
        service.create(TENANT, Fixtures.seedDraft().build());
    }

    /** Each White_Space and invisible code point alone, then mixed; with a label, as JUnit refuses blank names. */
    static Stream<Arguments> blanks() {
        return blankTexts().map(text -> Arguments.of(shown(text), text));
    }

    private static Stream<String> blankTexts() {
        int[] all = IntStream.concat(IntStream.of(io.casekit.core.BlankTest.WHITE_SPACE),
                IntStream.of(io.casekit.core.BlankTest.INVISIBLE)).toArray();
        return Stream.concat(IntStream.of(all).mapToObj(Character::toString),
                Stream.of(new String(all, 0, all.length), "\u00A0\u00A0", "\u200B\uFEFF\u2060", "\t\u3000\u200D"));
    }

    static Stream<Arguments> fieldsAndBlanks() {
        return Stream.of("id", "title", "description", "creatorId")
                .flatMap(field -> blankTexts().map(blank -> Arguments.of(field + " = " + shown(blank), field, blank)));
    }

    private static String shown(String text) {
        return text.codePoints().limit(4).mapToObj(cp -> String.format("U+%04X", cp)).toList()
                + (text.codePointCount(0, text.length()) > 4 ? " and more" : "");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fieldsAndBlanks")
    void a_mandatory_text_of_only_white_space_or_invisible_characters_is_blank_at_modify(String label, String field,
                                                                                         String blank) {
        Case before = service.get(TENANT, CaseId.of(SEED_CASE));
        CaseValidationException e = org.junit.jupiter.api.Assertions.assertThrows(CaseValidationException.class,
                () -> service.modify(TENANT, modification().set(field, InputValue.text(blank)).build()), shown(blank));
        assertThat(e.violations()).as(shown(blank)).extracting(Violation::path, Violation::code)
                .contains(tuple("/caseInfo/" + field, ViolationCode.BLANK));
        assertThat(service.get(TENANT, CaseId.of(SEED_CASE))).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blanks")
    void a_title_and_description_of_blanks_are_refused_at_create_and_so_is_the_type(String label, String blank) {
        Map<String, InputValue> caseInfo = new LinkedHashMap<>();
        caseInfo.put("type", InputValue.text(blank));
        caseInfo.put("title", InputValue.text(blank));
        caseInfo.put("description", InputValue.text(blank));
        caseInfo.put("contactId", InputValue.text(SEED_CONTACT));
        caseInfo.put("creatorId", InputValue.text(blank));
        CaseValidationException e = org.junit.jupiter.api.Assertions.assertThrows(CaseValidationException.class,
                () -> service.create(TENANT, CaseDraft.of(caseInfo)));
        assertThat(e.violations()).as(shown(blank)).filteredOn(v -> v.code() == ViolationCode.BLANK)
                .extracting(Violation::path)
                .containsExactlyInAnyOrder("/caseInfo/type", "/caseInfo/title", "/caseInfo/description", "/caseInfo/creatorId");
    }

    @Test
    void a_title_with_one_visible_character_among_blanks_is_accepted_exactly() {
        String title = "\u00A0\u200Bx\u3000\uFEFF";
        service.modify(TENANT, modification().title(title).description("\u2028d\u200D").build());
        Case stored = service.get(TENANT, CaseId.of(SEED_CASE));
        assertThat(stored.title()).isEqualTo(title);
        assertThat(stored.description()).isEqualTo("\u2028d\u200D");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blanks")
    void a_case_type_name_and_a_picklist_option_must_not_be_blank(String label, String blank) {
        CaseValidationException e = org.junit.jupiter.api.Assertions.assertThrows(CaseValidationException.class,
                () -> new CaseType(TENANT, CaseTypeId.of("ct1"), blank, List.of(
                        FieldDefinition.builder("AICC__p__CST", FieldType.PICKLIST).options(List.of("a", blank))
                                .build())));
        assertThat(e.violations()).as(shown(blank)).extracting(Violation::path, Violation::code).containsExactly(
                tuple("/name", ViolationCode.BLANK), tuple("/fields/0/options/1", ViolationCode.BLANK));
    }
}

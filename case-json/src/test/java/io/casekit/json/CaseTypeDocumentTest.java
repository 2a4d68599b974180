package io.casekit.json;

import static io.casekit.json.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casekit.core.CaseTypeId;
import io.casekit.core.CaseValidationException;
import io.casekit.core.TenantId;
import io.casekit.core.Violation;
import io.casekit.core.template.CaseType;
import io.casekit.core.template.FieldDefinition;
import io.casekit.core.template.FieldType;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The case type document of wire-format §4: read, written, and every malformed definition refused. */
class CaseTypeDocumentTest {
    /** wire-format §4, verbatim. */
    private static final String SPEC_EXAMPLE = """
            {"caseTypes":[{"tenant":"t1","id":"ct000000000000000001","name":"Complaint","fields":[
              {"name":"AICC__severity__CST","type":"PICKLIST","required":true,"options":["S1","S2","S3"]},
              {"name":"AICC__refund__CST","type":"NUMBER","precision":12,"scale":2,"min":"0","max":"100000"},
              {"name":"AICC__notes__CST","type":"TEXT","maxBytes":255},
              {"name":"AICC__tags__CST","type":"MULTI_PICKLIST","options":["vip","legal"],"maxItems":2},
              {"name":"AICC__callback__CST","type":"CHECKBOX"}]}]}
            """;

    private final CaseJson json = CaseJson.create();

    private List<Violation> problems(String document) {
        try {
            json.readCaseTypes(utf8(document));
        } catch (CaseValidationException e) {
            return e.violations();
        }
        throw new AssertionError("accepted: " + document);
    }

    /** A document with one type whose fields are {@code fields}. */
    private static String withFields(String fields) {
        return "{\"caseTypes\":[{\"tenant\":\"t1\",\"id\":\"ct1\",\"name\":\"Complaint\",\"fields\":[" + fields + "]}]}";
    }

    @Test
    void the_example_of_the_wire_format_is_read_into_the_case_type() {
        List<CaseType> types = json.readCaseTypes(utf8(SPEC_EXAMPLE));

        CaseType expected = new CaseType(TenantId.of("t1"), CaseTypeId.of("ct000000000000000001"), "Complaint", List.of(
                FieldDefinition.builder("AICC__severity__CST", FieldType.PICKLIST).required(true)
                        .options(List.of("S1", "S2", "S3")).build(),
                FieldDefinition.builder("AICC__refund__CST", FieldType.NUMBER).precision(12).scale(2)
                        .min(new BigDecimal("0")).max(new BigDecimal("100000")).build(),
                FieldDefinition.builder("AICC__notes__CST", FieldType.TEXT).maxBytes(255).build(),
                FieldDefinition.builder("AICC__tags__CST", FieldType.MULTI_PICKLIST).options(List.of("vip", "legal"))
                        .maxItems(2).build(),
                FieldDefinition.builder("AICC__callback__CST", FieldType.CHECKBOX).build()));
        assertThat(types).containsExactly(expected);
    }

    @Test
    void written_types_read_back_equal() {
        List<CaseType> types = json.readCaseTypes(utf8(SPEC_EXAMPLE));

        byte[] written = json.writeCaseTypes(types);

        assertThat(json.readCaseTypes(written)).isEqualTo(types);
        assertThat(new String(written, java.nio.charset.StandardCharsets.UTF_8)).startsWith(
                "{\"caseTypes\":[{\"tenant\":\"t1\",\"id\":\"ct000000000000000001\",\"name\":\"Complaint\",\"fields\":["
                        + "{\"name\":\"AICC__severity__CST\",\"type\":\"PICKLIST\",\"required\":true,"
                        + "\"options\":[\"S1\",\"S2\",\"S3\"]},"
                        + "{\"name\":\"AICC__refund__CST\",\"type\":\"NUMBER\",\"precision\":12,\"scale\":2,"
                        + "\"min\":\"0\",\"max\":\"100000\"}");
    }

    @Test
    void bounds_may_also_be_json_numbers_and_keep_their_scale() {
        List<CaseType> types = json.readCaseTypes(utf8(withFields(
                "{\"name\":\"AICC__refund__CST\",\"type\":\"NUMBER\",\"precision\":12,\"scale\":2,\"min\":0.50,\"max\":\"99.90\"}")));

        FieldDefinition refund = types.get(0).fields().get(0);
        assertThat(refund.min()).contains(new BigDecimal("0.50"));
        assertThat(refund.max()).contains(new BigDecimal("99.90"));
    }

    @Test
    void an_unknown_field_type_is_refused_naming_the_type_and_the_field() {
        List<Violation> problems = problems(withFields("{\"name\":\"AICC__x__CST\",\"type\":\"LOOKUP\"}"));

        assertThat(problems).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("/caseTypes/0/fields/0/type");
            assertThat(v.code().code()).isEqualTo("invalid_value");
            assertThat(v.message()).startsWith("case type ct1, field 'AICC__x__CST': type 'LOOKUP' is not one of TEXT, ");
            assertThat(v.params()).containsEntry("caseType", "ct1");
        });
    }

    @Test
    void wrong_json_types_missing_and_unknown_keys_are_all_reported() {
        List<Violation> problems = problems(withFields("""
                {"name":"AICC__a__CST","type":"TEXT","required":"yes","maxBytes":"255","colour":"red"},
                {"type":"PICKLIST","options":["x",1]},
                "not an object"
                """));

        assertThat(problems).extracting(v -> v.path() + " " + v.code().code()).containsExactly(
                "/caseTypes/0/fields/0/colour unknown_field",
                "/caseTypes/0/fields/0/required invalid_type",
                "/caseTypes/0/fields/0/maxBytes invalid_type",
                "/caseTypes/0/fields/1/name required",
                "/caseTypes/0/fields/1/options/1 invalid_type",
                "/caseTypes/0/fields/2 invalid_type");
        assertThat(problems.get(0).message()).isEqualTo("case type ct1, field 'AICC__a__CST': 'colour' is not a key of this definition");
        assertThat(problems.get(3).message()).isEqualTo("case type ct1, field at /caseTypes/0/fields/1: name is required");
    }

    @Test
    void the_rules_of_the_core_are_reported_with_paths_into_the_document() {
        List<Violation> problems = problems("""
                {"caseTypes":[
                  {"tenant":"t1","id":"ok1","name":"Fine","fields":[]},
                  {"tenant":"t1","id":"bad1","name":"Bad","fields":[
                    {"name":"AICC__n__CST","type":"NUMBER","min":"10","max":"1"},
                    {"name":"AICC__p__CST","type":"PICKLIST"},
                    {"name":"AICC__n__CST","type":"TEXT"},
                    {"name":"1bad","type":"TEXT"}]}]}
                """);

        assertThat(problems).extracting(v -> v.path() + " " + v.code().code()).containsExactly(
                "/caseTypes/1/fields/0/min out_of_range",
                "/caseTypes/1/fields/1/options required",
                "/caseTypes/1/fields/2/name duplicate_item",
                "/caseTypes/1/fields/3/name invalid_format");
        assertThat(problems).allSatisfy(v -> assertThat(v.message()).startsWith("case type bad1, field '"));
    }

    @Test
    void bad_ids_and_a_type_defined_twice_are_refused() {
        List<Violation> problems = problems("""
                {"caseTypes":[
                  {"tenant":"t 1","id":"this id is far too long","name":"A"},
                  {"tenant":"t1","id":"dup","name":"B"},
                  {"tenant":"t1","id":"dup","name":"C"},
                  {"tenant":"t2","id":"dup","name":"D"}]}
                """);

        assertThat(problems).extracting(v -> v.path() + " " + v.code().code()).containsExactly(
                "/caseTypes/0/tenant invalid_format",
                "/caseTypes/0/id invalid_format",
                "/caseTypes/2/id duplicate_item");
    }

    @Test
    void unknown_keys_with_tilde_and_slash_are_escaped_as_rfc_6901_says() {
        List<Violation> problems = problems("""
                {"caseTypes":[{"tenant":"t1","id":"ct1","name":"A","fields":[],"a/b":1,"~1":2}],"x~y/z":3}
                """);

        assertThat(problems).extracting(Violation::path).containsExactlyInAnyOrder(
                "/x~0y~1z", "/caseTypes/0/a~1b", "/caseTypes/0/~01");
    }

    @Test
    void the_wrong_document_shape_is_refused() {
        assertThat(problems("[]")).singleElement().satisfies(v -> assertThat(v.path()).isEqualTo("/caseTypes"));
        assertThat(problems("{\"caseTypes\":{}}")).hasSize(1);
        assertThat(problems("{\"caseTypes\":[],\"extra\":1}")).extracting(Violation::path).containsExactly("/extra");
        assertThat(problems("{\"caseTypes\":[1]}")).extracting(Violation::path).containsExactly("/caseTypes/0");
        assertThat(problems("{\"caseTypes\":[{\"tenant\":\"t1\",\"id\":\"a\",\"name\":\"A\",\"fields\":{}}]}"))
                .extracting(Violation::path).containsExactly("/caseTypes/0/fields");
    }

    @Test
    void malformed_json_is_unreadable_not_a_violation() {
        assertThatThrownBy(() -> json.readCaseTypes(utf8("{\"caseTypes\":[}")))
                .isInstanceOf(UnreadableJsonException.class)
                .hasMessageStartingWith("Malformed request: not well-formed JSON at line 1");
        assertThatThrownBy(() -> json.readCaseTypes(utf8("{\"caseTypes\":[]} []")))
                .isInstanceOf(UnreadableJsonException.class).hasMessageContaining("data after the end");
        assertThatThrownBy(() -> json.readCaseTypes(utf8("{\"caseTypes\":[],\"caseTypes\":[]}")))
                .isInstanceOf(UnreadableJsonException.class).hasMessageContaining("Duplicate");
    }

    @Test
    void a_decimal_bound_must_be_a_json_number_or_its_text() {
        List<Violation> problems = problems(withFields(
                "{\"name\":\"AICC__n__CST\",\"type\":\"NUMBER\",\"min\":\"1,5\",\"max\":\"1e99999\",\"precision\":1.5}"));

        assertThat(problems).extracting(v -> v.path() + " " + v.code().code()).containsExactly(
                "/caseTypes/0/fields/0/precision out_of_range",
                "/caseTypes/0/fields/0/min invalid_format",
                "/caseTypes/0/fields/0/max invalid_format");
    }
}

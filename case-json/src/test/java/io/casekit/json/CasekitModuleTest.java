package io.casekit.json;

import static io.casekit.json.Fixtures.SEED_ID;
import static io.casekit.json.Fixtures.SEED_REQUEST;
import static io.casekit.json.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casekit.core.Case;
import io.casekit.core.CaseDraft;
import io.casekit.core.CaseModification;
import io.casekit.core.HistoryEntry;
import io.casekit.core.InputValue;
import io.casekit.core.Violation;
import io.casekit.core.ViolationCode;
import io.casekit.core.template.CaseType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/** casekit's types in a host's own mapper, written as the endpoints write them. */
class CasekitModuleTest {
    private final JsonMapper mapper = JsonMapper.builder().addModule(new CasekitModule()).build();

    @Test
    void the_module_is_named_and_versioned_from_the_build() {
        CasekitModule module = new CasekitModule();

        assertThat(module.getModuleName()).isEqualTo("casekit");
        assertThat(module.version().isUnknownVersion()).isFalse();
        assertThat(module.version().getGroupId()).isEqualTo("io.casekit");
        assertThat(module.version().getArtifactId()).isEqualTo("case-json");
        assertThat(System.getProperty("casekit.json.version")).as("set by the build").isNotBlank();
        assertThat(module.version().toString()).isEqualTo(System.getProperty("casekit.json.version"));
        assertThat(mapper.registeredModules()).extracting(m -> m.getModuleName()).contains("casekit");
    }

    @Test
    void a_case_is_written_as_the_read_endpoint_writes_it() {
        Fixtures.World world = new Fixtures.World().withSeedCase();
        world.modify(SEED_REQUEST);
        Case c = world.seedCase();
        String readBody = world.endpoints.read(TENANT, SEED_ID).bodyText();

        String written = mapper.writeValueAsString(c);

        assertThat(readBody).isEqualTo("{\"resCode\":\"0\",\"resMsg\":\"Success\",\"result\":[" + written + "]}");
    }

    @Test
    void history_entries_are_written_as_the_history_endpoint_writes_them() {
        Fixtures.World world = new Fixtures.World().withSeedCase();
        world.modify(SEED_REQUEST);
        List<HistoryEntry> history = world.seedHistory();

        String written = mapper.writeValueAsString(history);

        assertThat(world.endpoints.history(TENANT, SEED_ID).bodyText())
                .isEqualTo("{\"resCode\":\"0\",\"resMsg\":\"Success\",\"result\":" + written + "}");
        assertThat(mapper.writeValueAsString(history.get(1).changes().get(0)))
                .isEqualTo("{\"path\":\"/caseInfo/title\",\"old\":\"first title\",\"new\":\"testOpenApi11\"}");
    }

    @Test
    void violations_are_written_as_in_errors_and_read_back() {
        Violation violation = new Violation("/caseInfo/title", ViolationCode.TOO_LONG,
                Map.of("maxBytes", 128L, "actualBytes", 131L), "title is 131 bytes, at most 128 allowed");

        String written = mapper.writeValueAsString(violation);

        assertThat(written).isEqualTo("{\"path\":\"/caseInfo/title\",\"code\":\"too_long\",\"message\":"
                + "\"title is 131 bytes, at most 128 allowed\",\"params\":{\"actualBytes\":131,\"maxBytes\":128}}");
        assertThat(mapper.readValue(written, Violation.class)).isEqualTo(violation);
        Violation withList = new Violation("/caseInfo/priority", ViolationCode.INVALID_VALUE,
                Map.of("allowed", List.of("Low", "High"), "min", new BigDecimal("0.50")), "priority must be one of: Low, High");
        assertThat(mapper.readValue(mapper.writeValueAsString(withList), Violation.class)).isEqualTo(withList);
        assertThatThrownBy(() -> mapper.readValue("{\"path\":\"/x\",\"code\":\"nope\",\"message\":\"m\"}", Violation.class))
                .isInstanceOf(DatabindException.class).hasMessageContaining("unknown violation code");
    }

    @Test
    void case_types_are_written_and_read_as_in_the_definition_document() {
        CaseType type = Fixtures.caseTypes().get(0);

        String written = mapper.writeValueAsString(type);

        assertThat(mapper.readValue(written, CaseType.class)).isEqualTo(type);
        assertThat(new String(CaseJson.create().writeCaseTypes(List.of(type)), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("{\"caseTypes\":[" + written + "]}");
    }

    @Test
    void a_bad_case_type_is_an_input_mismatch_naming_the_type_and_field() {
        String bad = "{\"tenant\":\"t1\",\"id\":\"ct1\",\"name\":\"A\",\"fields\":[{\"name\":\"AICC__p__CST\",\"type\":\"PICKLIST\"}]}";

        assertThatThrownBy(() -> mapper.readValue(bad, CaseType.class))
                .isInstanceOf(DatabindException.class)
                .hasMessageContaining("case type ct1, field 'AICC__p__CST': a PICKLIST needs options");
    }

    @Test
    void request_documents_are_read_faithfully_into_modifications_and_drafts() {
        CaseModification modification = mapper.readValue(SEED_REQUEST, CaseModification.class);
        CaseDraft draft = mapper.readValue(Fixtures.SEED_CREATE, CaseDraft.class);

        assertThat(modification).isEqualTo(CaseJson.create().readModification(Fixtures.utf8(SEED_REQUEST)));
        assertThat(draft).isEqualTo(CaseJson.create().readDraft(Fixtures.utf8(Fixtures.SEED_CREATE)));
        CaseModification exact = mapper.readValue("{\"caseInfo\":{\"n\":12.50,\"o\":{\"a\":1},\"z\":null}}",
                CaseModification.class);
        assertThat(exact.caseInfo()).containsExactly(
                Map.entry("n", InputValue.number(new BigDecimal("12.50"))),
                Map.entry("o", InputValue.object()),
                Map.entry("z", InputValue.nullValue()));
    }

    @Test
    void a_request_document_of_the_wrong_shape_is_an_input_mismatch() {
        assertThatThrownBy(() -> mapper.readValue("{\"caseInfo\":{},\"x\":1}", CaseModification.class))
                .isInstanceOf(DatabindException.class).hasMessageContaining("single key caseInfo");
        assertThatThrownBy(() -> mapper.readValue("[]", CaseModification.class))
                .isInstanceOf(DatabindException.class).hasMessageContaining("a CaseModification is a JSON object");
    }

    @Test
    void the_mapper_builder_of_case_json_has_its_limits_and_the_module() {
        JsonMapper strict = CaseJson.create(JsonLimits.defaults().withMaxNestingDepth(3)).mapperBuilder().build();

        assertThat(strict.registeredModules()).extracting(m -> m.getModuleName()).contains("casekit");
        assertThatThrownBy(() -> strict.readValue("{\"caseInfo\":{\"a\":[[1]]}}", CaseModification.class))
                .hasMessageContaining("nesting depth");
        assertThatThrownBy(() -> strict.readValue("{\"caseInfo\":{\"a\":1,\"a\":2}}", CaseModification.class))
                .hasMessageContaining("Duplicate");
        assertThat(JsonMapper.builder().build().readTree("[[[[1]]]]").size()).isEqualTo(1);
    }
}

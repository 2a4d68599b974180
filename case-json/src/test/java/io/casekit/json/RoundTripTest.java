package io.casekit.json;

import static io.casekit.json.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.Case;
import io.casekit.core.CaseId;
import io.casekit.core.StandardField;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A client that reads a case and sends it back unchanged as a modify changes nothing. The
 * conversion is the one the README documents: take {@code result[0]}, remove the read-only keys,
 * add {@code creatorId} (the operator), wrap in {@code caseInfo}; keep numbers exact.
 */
class RoundTripTest {
    /** A client's mapper that keeps numbers exact, as the README asks. */
    private static final JsonMapper CLIENT = JsonMapper.builder()
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private static final String FULL_CASE = """
            {"caseInfo":{"id":"RoundTrip-1","title":"Round trip ✓ 😀 中文","description":"line 1\\nline 2\\ttab",
             "type":"ct000000000000000001","contactId":"c1","creatorId":"creator1","ownerId":"owner1",
             "priority":"Critical","dueDate":"2027-01-02 03:04:05","contactPhone":"+49 (30) 123-45",
             "attachment":"https://files.example/a.pdf","AICC__severity__CST":"S3","AICC__refund__CST":12.50,
             "AICC__notes__CST":"\\"quoted\\" and \\\\ backslash","AICC__tags__CST":["legal","vip"],
             "AICC__callback__CST":false}}
            """;

    static byte[] readResponseAsModification(byte[] readResponse, String operator) {
        JsonNode read = CLIENT.readTree(readResponse);
        ObjectNode caseObject = (ObjectNode) read.get("result").get(0).deepCopy();
        caseObject.remove(List.copyOf(StandardField.READ_ONLY));
        caseObject.put(StandardField.CREATOR_ID, operator);
        ObjectNode request = CLIENT.createObjectNode();
        request.set("caseInfo", caseObject);
        return CLIENT.writeValueAsBytes(request);
    }

    @Test
    void a_read_case_sent_back_as_a_modification_is_a_no_op() {
        Fixtures.World world = new Fixtures.World();
        assertThat(world.create(FULL_CASE).resCode()).isEqualTo(ResCode.SUCCESS);
        Case before = world.service.get(TENANT, CaseId.of("RoundTrip-1"));
        EndpointResponse read = world.endpoints.read(TENANT, "RoundTrip-1");

        EndpointResponse modified = world.endpoints.modify(TENANT, readResponseAsModification(read.body(), "someone"));

        assertThat(modified.bodyText()).isEqualTo("{\"resCode\":\"0\",\"resMsg\":\"Success\"}");
        assertThat(world.service.get(TENANT, CaseId.of("RoundTrip-1"))).isEqualTo(before);
        assertThat(world.service.history(TENANT, CaseId.of("RoundTrip-1"))).hasSize(1);
        assertThat(world.endpoints.read(TENANT, "RoundTrip-1").body()).isEqualTo(read.body());
    }

    @Test
    void the_read_case_holds_every_value_exactly() {
        Fixtures.World world = new Fixtures.World();
        world.create(FULL_CASE);

        JsonNode c = CLIENT.readTree(world.endpoints.read(TENANT, "RoundTrip-1").body()).get("result").get(0);

        assertThat(c.get("title").asString()).isEqualTo("Round trip ✓ 😀 中文");
        assertThat(c.get("description").asString()).isEqualTo("line 1\nline 2\ttab");
        assertThat(c.get("priority").asString()).isEqualTo("Critical");
        assertThat(c.get("dueDate").asString()).isEqualTo("2027-01-02 03:04:05");
        assertThat(c.get("AICC__refund__CST").decimalValue()).isEqualTo(new java.math.BigDecimal("12.50"));
        assertThat(c.get("AICC__notes__CST").asString()).isEqualTo("\"quoted\" and \\ backslash");
        assertThat(c.get("AICC__tags__CST").toString()).isEqualTo("[\"legal\",\"vip\"]");
        assertThat(c.get("AICC__callback__CST").booleanValue()).isFalse();
        assertThat(c.get("version").asLong()).isEqualTo(1);
        assertThat(c.get("createdBy").asString()).isEqualTo("creator1");
        assertThat(c.has("creatorId")).isFalse();
    }

    @Test
    void sending_the_read_case_with_its_read_only_keys_is_refused_with_read_only() {
        Fixtures.World world = new Fixtures.World();
        world.create(FULL_CASE);
        ObjectNode c = (ObjectNode) CLIENT.readTree(world.endpoints.read(TENANT, "RoundTrip-1").body())
                .get("result").get(0);
        c.put("creatorId", "someone");
        ObjectNode request = CLIENT.createObjectNode();
        request.set("caseInfo", c);

        EndpointResponse response = world.endpoints.modify(TENANT, CLIENT.writeValueAsBytes(request));

        assertThat(response.resCode()).isEqualTo(ResCode.VALIDATION_FAILED);
        assertThat(response.bodyText()).contains("/caseInfo/type\",\"code\":\"read_only\"",
                "/caseInfo/version\",\"code\":\"read_only\"", "/caseInfo/createdBy\",\"code\":\"read_only\"",
                "/caseInfo/createdAt\",\"code\":\"read_only\"", "/caseInfo/updatedAt\",\"code\":\"read_only\"");
    }

    @Test
    void a_number_written_in_exponent_form_reads_back_equal() {
        Fixtures.World world = new Fixtures.World();
        world.create(FULL_CASE.replace("12.50", "1E+3"));
        EndpointResponse read = world.endpoints.read(TENANT, "RoundTrip-1");
        assertThat(read.bodyText()).contains("\"AICC__refund__CST\":1E+3");

        EndpointResponse modified = world.endpoints.modify(TENANT, readResponseAsModification(read.body(), "someone"));

        assertThat(modified.resCode()).isEqualTo(ResCode.SUCCESS);
        assertThat(world.service.history(TENANT, CaseId.of("RoundTrip-1"))).hasSize(1);
    }
}

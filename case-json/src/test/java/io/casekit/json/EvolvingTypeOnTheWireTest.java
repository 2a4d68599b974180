package io.casekit.json;

import static io.casekit.json.Fixtures.SEED_ID;
import static io.casekit.json.Fixtures.TENANT;
import static io.casekit.json.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.Case;
import io.casekit.core.CaseId;
import io.casekit.core.CaseTypeId;
import io.casekit.core.FieldChange;
import io.casekit.core.HistoryEntry;
import io.casekit.core.template.CaseType;
import io.casekit.core.template.FieldDefinition;
import io.casekit.core.template.FieldType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * On the wire: a case read (GET) and sent back unchanged (POST case/modify) is a no-op whatever its
 * type became since it was created; the wire still requires id, title, description and creatorId;
 * a 400002 answer is bounded.
 */
class EvolvingTypeOnTheWireTest {
    private static final String CASE = """
            {"caseInfo":{"id":"Evolving-1","title":"Evolving ✓ 中文","description":"line 1\\nline 2",
             "type":"ct000000000000000001","contactId":"c1","creatorId":"creator1","ownerId":"owner1",
             "priority":"High","dueDate":"2023-06-20 00:00:00","contactPhone":"+49 (30) 123-45",
             "AICC__severity__CST":"S3","AICC__refund__CST":12.50,"AICC__notes__CST":"a longer note",
             "AICC__tags__CST":["legal","vip"],"AICC__callback__CST":true}}
            """;

    @Property(tries = 60)
    void a_read_case_of_a_narrowed_type_sent_back_is_a_no_op_and_its_title_can_still_change(
            @ForAll boolean retireOption, @ForAll boolean raiseMin, @ForAll boolean lowerLimit,
            @ForAll boolean retireTags, @ForAll boolean removeCheckbox, @ForAll boolean addRequired) {
        Fixtures.World world = new Fixtures.World();
        assertThat(world.create(CASE).resCode()).isEqualTo(ResCode.SUCCESS);
        List<FieldDefinition> fields = new ArrayList<>();
        fields.add(FieldDefinition.builder("AICC__severity__CST", FieldType.PICKLIST).required(true)
                .options(retireOption ? List.of("S1", "S2") : List.of("S1", "S2", "S3")).build());
        fields.add(FieldDefinition.builder("AICC__refund__CST", FieldType.NUMBER).precision(12).scale(2)
                .min(new BigDecimal(raiseMin ? "100" : "0")).max(new BigDecimal("100000")).build());
        fields.add(FieldDefinition.builder("AICC__notes__CST", FieldType.TEXT).maxBytes(lowerLimit ? 3 : 255).build());
        fields.add(FieldDefinition.builder("AICC__tags__CST", FieldType.MULTI_PICKLIST)
                .options(retireTags ? List.of("press") : List.of("vip", "legal", "press")).maxItems(1).build());
        if (!removeCheckbox) {
            fields.add(FieldDefinition.builder("AICC__callback__CST", FieldType.CHECKBOX).build());
        }
        if (addRequired) {
            fields.add(FieldDefinition.builder("AICC__added__CST", FieldType.TEXT).required(true).build());
        }
        world.catalog.save(new CaseType(TENANT, CaseTypeId.of(Fixtures.TYPE_ID), "Complaint, later", fields));
        Case before = world.service.get(TENANT, CaseId.of("Evolving-1"));
        EndpointResponse read = world.endpoints.read(TENANT, "Evolving-1");

        EndpointResponse same = world.endpoints.modify(TENANT, RoundTripTest.readResponseAsModification(read.body(), "op1"));
        assertThat(same.bodyText()).isEqualTo("{\"resCode\":\"0\",\"resMsg\":\"Success\"}");
        assertThat(world.service.get(TENANT, CaseId.of("Evolving-1"))).isEqualTo(before);
        assertThat(world.service.history(TENANT, CaseId.of("Evolving-1"))).hasSize(1);

        byte[] retitled = new String(RoundTripTest.readResponseAsModification(read.body(), "op1"),
                java.nio.charset.StandardCharsets.UTF_8).replace("Evolving ✓ 中文", "Retitled").getBytes(
                java.nio.charset.StandardCharsets.UTF_8);
        EndpointResponse changed = world.endpoints.modify(TENANT, retitled);
        assertThat(changed.bodyText()).isEqualTo("{\"resCode\":\"0\",\"resMsg\":\"Success\"}");
        List<HistoryEntry> history = world.service.history(TENANT, CaseId.of("Evolving-1"));
        assertThat(history).hasSize(2);
        assertThat(history.get(1).changes()).extracting(FieldChange::field).containsExactly("title");
    }

    @Test
    void the_wire_still_requires_id_title_description_and_creator_id_in_that_order() {
        Fixtures.World world = new Fixtures.World().withSeedCase();
        EndpointResponse response = world.modify("{\"caseInfo\":{\"priority\":\"High\"}}");
        assertThat(response.bodyText()).isEqualTo("{\"resCode\":\"400002\",\"resMsg\":\"Validation failed\","
                + "\"errorCount\":4,\"errors\":["
                + "{\"path\":\"/caseInfo/id\",\"code\":\"required\",\"message\":\"id is required\",\"params\":{}},"
                + "{\"path\":\"/caseInfo/title\",\"code\":\"required\",\"message\":\"title is required\",\"params\":{}},"
                + "{\"path\":\"/caseInfo/description\",\"code\":\"required\",\"message\":\"description is required\",\"params\":{}},"
                + "{\"path\":\"/caseInfo/creatorId\",\"code\":\"required\",\"message\":\"creatorId is required\",\"params\":{}}]}");
        EndpointResponse priorityOnly = world.modify("{\"caseInfo\":{\"id\":\"" + SEED_ID
                + "\",\"creatorId\":\"op1\",\"priority\":\"High\"}}");
        assertThat(priorityOnly.bodyText()).contains("\"errorCount\":2", "/caseInfo/title", "/caseInfo/description");
        assertThat(world.seedHistory()).hasSize(1);
    }

    @Test
    void a_modify_repeating_one_option_170000_times_gets_a_small_answer_with_the_total() {
        Fixtures.World world = new Fixtures.World().withSeedCase();
        String body = "{\"caseInfo\":{\"id\":\"" + SEED_ID + "\",\"title\":\"t\",\"description\":\"d\","
                + "\"creatorId\":\"op1\",\"AICC__tags__CST\":[" + String.join(",", Collections.nCopies(170_000, "\"vip\""))
                + "]}}";
        assertThat(utf8(body).length).isLessThanOrEqualTo(JsonLimits.defaults().maxDocumentBytes());

        EndpointResponse response = world.modify(body);

        JsonNode answer = JsonMapper.builder().build().readTree(response.body());
        assertThat(response.httpStatus()).isEqualTo(400);
        assertThat(answer.get("errorCount").asLong()).isEqualTo(170_000);
        assertThat(answer.get("errors").size()).isEqualTo(100);
        assertThat(answer.get("errors").get(0).get("code").asString()).isEqualTo("too_many_items");
        // 100 entries of at most ~170 bytes each here (path ≤ 31, message ≤ 50, params ≤ 40, keys and
        // punctuation ≈ 45) and a 90-byte envelope: 20,000 bytes is a bound with room, and 1,000
        // times smaller than the 25 MB an unbounded answer had.
        assertThat(response.bodyLength()).isLessThan(20_000);
        assertThat(world.seedHistory()).hasSize(1);
    }
}

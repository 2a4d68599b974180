package io.casekit.json;

import static io.casekit.json.Fixtures.SEED_ID;
import static io.casekit.json.Fixtures.SEED_REQUEST;
import static io.casekit.json.Fixtures.TENANT;
import static io.casekit.json.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.Case;
import io.casekit.core.Priority;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The seed's example, end to end through the endpoints, and the exact success documents. */
class SeedRequestTest {

    @Test
    void the_seed_example_verbatim_gets_the_exact_success_bytes_and_changes_the_case() {
        Fixtures.World world = new Fixtures.World().withSeedCase();

        EndpointResponse response = world.modify(SEED_REQUEST);

        assertThat(response.httpStatus()).isEqualTo(200);
        assertThat(response.resCode()).isEqualTo(ResCode.SUCCESS);
        assertThat(response.body()).isEqualTo("{\"resCode\":\"0\",\"resMsg\":\"Success\"}".getBytes(StandardCharsets.UTF_8));
        Case modified = world.seedCase();
        assertThat(modified.version()).isEqualTo(2);
        assertThat(modified.title()).isEqualTo("testOpenApi11");
        assertThat(modified.description()).isEqualTo("test111");
        assertThat(modified.dueDate()).contains(LocalDateTime.of(2023, 6, 20, 0, 0, 0));
        assertThat(modified.ownerId()).contains("10gg0000012IpiXMqxzk");
        assertThat(modified.contactPhone()).contains("15151515152");
        assertThat(world.seedHistory()).hasSize(2);
        assertThat(world.seedHistory().get(1).actor()).isEqualTo("10gg0000013wljxK5XX6");
    }

    @Test
    void sending_the_seed_example_twice_is_a_no_op_the_second_time() {
        Fixtures.World world = new Fixtures.World().withSeedCase();
        world.modify(SEED_REQUEST);

        EndpointResponse again = world.modify(SEED_REQUEST);

        assertThat(again.bodyText()).isEqualTo("{\"resCode\":\"0\",\"resMsg\":\"Success\"}");
        assertThat(world.seedCase().version()).isEqualTo(2);
        assertThat(world.seedHistory()).hasSize(2);
    }

    @Test
    void the_seed_example_is_read_from_a_stream_as_from_bytes() {
        Fixtures.World world = new Fixtures.World().withSeedCase();

        EndpointResponse response = world.endpoints.modify(TENANT, new ByteArrayInputStream(utf8(SEED_REQUEST)));

        assertThat(response.bodyText()).isEqualTo("{\"resCode\":\"0\",\"resMsg\":\"Success\"}");
        assertThat(world.seedCase().version()).isEqualTo(2);
    }

    @Test
    void the_read_response_is_an_array_with_the_case_and_omits_absent_fields() {
        Fixtures.World world = new Fixtures.World().withSeedCase();
        world.modify(SEED_REQUEST);

        EndpointResponse read = world.endpoints.read(TENANT, SEED_ID);

        assertThat(read.httpStatus()).isEqualTo(200);
        assertThat(read.bodyText()).isEqualTo("{\"resCode\":\"0\",\"resMsg\":\"Success\",\"result\":[{"
                + "\"id\":\"c6m800000142mS63Voa8\",\"title\":\"testOpenApi11\",\"description\":\"test111\","
                + "\"ownerId\":\"10gg0000012IpiXMqxzk\",\"dueDate\":\"2023-06-20 00:00:00\","
                + "\"contactId\":\"ciIy0000013w9aru7cDQ\",\"contactPhone\":\"15151515152\","
                + "\"type\":\"ct000000000000000001\",\"AICC__severity__CST\":\"S2\",\"version\":2,"
                + "\"createdBy\":\"10gg0000013wljxK5XX6\",\"createdAt\":\"2026-11-27T22:12:31Z\","
                + "\"updatedAt\":\"2026-11-27T22:12:31Z\",\"status\":\"Open\",\"state\":\"Processing\","
                + "\"reopened\":false}]}");
    }

    @Test
    void the_history_response_lists_the_changes_oldest_first_with_old_and_new_values() {
        Fixtures.World world = new Fixtures.World().withSeedCase();
        world.modify("{\"caseInfo\":{\"id\":\"c6m800000142mS63Voa8\",\"title\":\"testOpenApi11\","
                + "\"description\":\"test111\",\"dueDate\":\"2023-06-20 00:00:00\",\"ownerId\":\"10gg0000012IpiXMqxzk\","
                + "\"creatorId\":\"operator1\",\"contactPhone\":\"15151515152\",\"AICC__refund__CST\":12.50}}");

        EndpointResponse history = world.endpoints.history(TENANT, SEED_ID);

        String body = history.bodyText();
        assertThat(history.httpStatus()).isEqualTo(200);
        assertThat(body).startsWith("{\"resCode\":\"0\",\"resMsg\":\"Success\",\"result\":[{\"version\":1,"
                + "\"at\":\"2026-11-27T22:12:31Z\",\"actor\":\"10gg0000013wljxK5XX6\",\"kind\":\"create\",\"changes\":["
                + "{\"path\":\"/caseInfo/title\",\"old\":null,\"new\":\"first title\"},");
        // The creation records the case's first status and its state (the type's flow is the default, Open).
        assertThat(body).contains("{\"path\":\"/caseInfo/status\",\"old\":null,\"new\":\"Open\"},"
                + "{\"path\":\"/caseInfo/state\",\"old\":null,\"new\":\"Processing\"}]},");
        assertThat(body).endsWith("{\"version\":2,\"at\":\"2026-11-27T22:12:31Z\",\"actor\":\"operator1\","
                + "\"kind\":\"modify\",\"changes\":["
                + "{\"path\":\"/caseInfo/title\",\"old\":\"first title\",\"new\":\"testOpenApi11\"},"
                + "{\"path\":\"/caseInfo/description\",\"old\":\"first description\",\"new\":\"test111\"},"
                + "{\"path\":\"/caseInfo/dueDate\",\"old\":null,\"new\":\"2023-06-20 00:00:00\"},"
                + "{\"path\":\"/caseInfo/ownerId\",\"old\":null,\"new\":\"10gg0000012IpiXMqxzk\"},"
                + "{\"path\":\"/caseInfo/contactPhone\",\"old\":null,\"new\":\"15151515152\"},"
                + "{\"path\":\"/caseInfo/AICC__refund__CST\",\"old\":null,\"new\":12.50}]}]}");
    }

    @Test
    void create_without_an_id_answers_the_generated_one() {
        Fixtures.World world = new Fixtures.World();

        EndpointResponse created = world.create("""
                {"caseInfo":{"title":"t","description":"d","type":"ct000000000000000001","contactId":"c1",
                 "creatorId":"u1","AICC__severity__CST":"S1","priority":"High"}}""");

        assertThat(created.httpStatus()).isEqualTo(200);
        String id = created.bodyText().replaceAll(".*\"caseId\":\"([^\"]+)\".*", "$1");
        assertThat(id).matches("[0-9A-Za-z]{20}");
        assertThat(created.bodyText()).isEqualTo(
                "{\"resCode\":\"0\",\"resMsg\":\"Success\",\"result\":{\"caseId\":\"" + id + "\"}}");
        assertThat(world.service.find(TENANT, io.casekit.core.CaseId.of(id)).flatMap(Case::priority))
                .isEqualTo(Optional.of(Priority.HIGH));
    }
}

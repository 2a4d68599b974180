package io.casekit.json;

import static io.casekit.json.Fixtures.TENANT;
import static io.casekit.json.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.Case;
import io.casekit.core.CaseId;
import io.casekit.core.CaseState;
import io.casekit.core.ChangeKind;
import io.casekit.core.HistoryEntry;
import io.casekit.core.service.AuthorizationPolicy;
import io.casekit.core.service.AuthorizationRequest;
import io.casekit.core.service.CaseService;
import io.casekit.store.memory.InMemoryCaseStore;
import io.casekit.store.memory.InMemoryTemplateCatalog;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lifecycle endpoints ({@code status/update}, {@code close}, {@code case/cancel},
 * {@code case/transfer}, {@code case/resume}, {@code case/reopen}, {@code case/erase}) and
 * {@code statistics/case/current}: each good request, every bad key and JSON type, the read-only
 * answer {@code 409003} and {@code invalid_transition}; reads, lists and history show the lifecycle.
 */
class LifecycleEndpointsTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String SUCCESS = "{\"resCode\":\"0\",\"resMsg\":\"Success\"}";
    /** A type whose flow is strict: New, then Waiting, then Solved. */
    static final String STRICT_TYPE = "ct000000000000000002";
    static final String TYPES = """
            {"caseTypes":[{"tenant":"t1","id":"ct000000000000000002","name":"Ticket","fields":[],
              "statusFlow":{"strictOrder":true,"statuses":[{"name":"New","state":"Processing"},
                {"name":"Waiting","state":"Pending"},{"name":"Solved","state":"Completed"}]}},
             {"tenant":"t1","id":"ct000000000000000003","name":"Loose","fields":[],
              "statusFlow":{"statuses":[{"name":"New","state":"Processing"},
                {"name":"Waiting","state":"Pending"},{"name":"Solved","state":"Completed"}]}},
             {"tenant":"t1","id":"ct000000000000000004","name":"Plain","fields":[]}]}
            """;
    /** A type without a flow of its own: the default one, Open. */
    static final String DEFAULT_FLOW_TYPE = "ct000000000000000004";
    private static final String ID = "case0000000000000001";


    private final SetClock clock = new SetClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final InMemoryTemplateCatalog catalog = new InMemoryTemplateCatalog();
    private CaseService service;
    private CaseEndpoints endpoints;

    LifecycleEndpointsTest() {
        Fixtures.caseTypes().forEach(catalog::save);
        CaseJson.create().readCaseTypes(utf8(TYPES)).forEach(catalog::save);
        withPolicy(AuthorizationPolicy.allowAll());
    }

    /** This test's service and endpoints, built anew on an empty store with this policy. */
    private LifecycleEndpointsTest withPolicy(AuthorizationPolicy policy) {
        service = CaseService.builder(new InMemoryCaseStore(), catalog).clock(clock).policy(policy).build();
        endpoints = CaseEndpoints.of(service);
        return this;
    }

    private void create(String id, String type) {
        EndpointResponse created = endpoints.create(TENANT, utf8("{\"caseInfo\":{\"id\":\"" + id + "\",\"title\":\"t\","
                + "\"description\":\"d\",\"type\":\"" + type + "\",\"contactId\":\"c1\",\"creatorId\":\"u1\"}}"));
        assertThat(created.httpStatus()).as(created.bodyText()).isEqualTo(200);
    }

    private Case stored() {
        return service.get(TENANT, CaseId.of(ID));
    }

    private HistoryEntry lastEntry() {
        List<HistoryEntry> history = service.history(TENANT, CaseId.of(ID));
        return history.get(history.size() - 1);
    }

    private static JsonNode json(EndpointResponse response) {
        return MAPPER.readTree(response.bodyText());
    }

    private EndpointResponse status(String body) {
        return endpoints.changeStatus(TENANT, utf8(body));
    }

    private EndpointResponse close(String body) {
        return endpoints.close(TENANT, utf8(body));
    }

    private EndpointResponse statusTo(String status) {
        return status("{\"id\":\"" + ID + "\",\"creatorId\":\"u2\",\"status\":\"" + status + "\"}");
    }

    private EndpointResponse closeIt() {
        return close("{\"caseId\":\"" + ID + "\",\"creatorId\":\"u2\",\"remark\":\"done\",\"closedReason\":\"Solved by phone\"}");
    }

    private EndpointResponse cancelIt() {
        return endpoints.cancel(TENANT, utf8("{\"id\":\"" + ID + "\",\"creatorId\":\"u2\",\"remark\":\"duplicate\"}"));
    }

    /** The one error of a 400002 answer, as path and code. */
    private static void assertOneViolation(EndpointResponse response, String path, String code) {
        assertThat(response.httpStatus()).as(response.bodyText()).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(body.get("resCode").asString()).isEqualTo("400002");
        assertThat(body.get("errors")).hasSize(1);
        assertThat(body.get("errors").get(0).get("path").asString()).isEqualTo(path);
        assertThat(body.get("errors").get(0).get("code").asString()).isEqualTo(code);
    }

    // --- status/update ------------------------------------------------------------------------------

    @Test
    void status_update_moves_a_strict_case_to_the_next_status_and_records_kind_and_remark() {
        create(ID, STRICT_TYPE);

        EndpointResponse response = status("{\"id\":\"" + ID + "\",\"creatorId\":\"u2\",\"status\":\"Waiting\","
                + "\"remark\":\"asked the customer\"}");

        assertThat(response.httpStatus()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo(SUCCESS);
        assertThat(stored().status()).isEqualTo("Waiting");
        assertThat(stored().state()).isEqualTo(CaseState.PENDING);
        assertThat(lastEntry().kind()).isEqualTo(ChangeKind.STATUS);
        assertThat(lastEntry().actor()).isEqualTo("u2");
        assertThat(lastEntry().remark()).contains("asked the customer");
        String history = endpoints.history(TENANT, ID).bodyText();
        assertThat(history).endsWith("{\"version\":2,\"at\":\"2026-03-02T10:00:00Z\",\"actor\":\"u2\",\"kind\":\"status\","
                + "\"remark\":\"asked the customer\",\"changes\":[{\"path\":\"/caseInfo/status\",\"old\":\"New\",\"new\":\"Waiting\"},"
                + "{\"path\":\"/caseInfo/state\",\"old\":\"Processing\",\"new\":\"Pending\"}]}]}");
        // The creation entry records the first status and its state, and has no remark.
        assertThat(history).contains("\"version\":1,\"at\":\"2026-03-02T10:00:00Z\",\"actor\":\"u1\",\"kind\":\"create\",\"changes\":[");
        assertThat(history).contains("{\"path\":\"/caseInfo/status\",\"old\":null,\"new\":\"New\"},"
                + "{\"path\":\"/caseInfo/state\",\"old\":null,\"new\":\"Processing\"}");
    }

    @Test
    void status_update_to_the_current_status_succeeds_and_changes_nothing() {
        create(ID, STRICT_TYPE);

        assertThat(statusTo("New").bodyText()).isEqualTo(SUCCESS);
        assertThat(stored().version()).isEqualTo(1);
    }

    @Test
    void status_update_skipping_a_status_under_strict_order_is_an_invalid_transition() {
        create(ID, STRICT_TYPE);

        EndpointResponse response = statusTo("Solved");

        assertOneViolation(response, "/status", "invalid_transition");
        assertThat(json(response).get("errors").get(0).get("message").asString()).contains("\"Waiting\"");
        assertThat(stored().status()).isEqualTo("New");
    }

    @Test
    void status_update_without_strict_order_may_skip_but_not_leave_the_flow() {
        create(ID, "ct000000000000000003");

        assertThat(statusTo("Solved").bodyText()).isEqualTo(SUCCESS);
        assertThat(stored().state()).isEqualTo(CaseState.COMPLETED);
        assertOneViolation(statusTo("Nowhere"), "/status", "invalid_transition");
    }

    @Test
    void status_update_of_an_unknown_case_is_404001() {
        EndpointResponse response = statusTo("Waiting");

        assertThat(response.httpStatus()).isEqualTo(404);
        assertThat(response.bodyText()).isEqualTo("{\"resCode\":\"404001\",\"resMsg\":\"Case not found\"}");
    }

    // --- close, cancel, resume, reopen, transfer ----------------------------------------------------------

    @Test
    void close_is_refused_before_the_last_status_and_closes_from_it() {
        create(ID, STRICT_TYPE);

        assertOneViolation(closeIt(), "/caseId", "invalid_transition");
        statusTo("Waiting");
        statusTo("Solved");
        clock.now = Instant.parse("2026-03-02T11:30:00.250Z");
        EndpointResponse closed = closeIt();

        assertThat(closed.bodyText()).isEqualTo(SUCCESS);
        assertThat(stored().closedAt()).contains(Instant.parse("2026-03-02T11:30:00.250Z"));
        assertThat(endpoints.read(TENANT, ID).bodyText()).endsWith("\"status\":\"Solved\",\"state\":\"Completed\","
                + "\"closedAt\":\"2026-03-02T11:30:00.250Z\",\"closedReason\":\"Solved by phone\",\"reopened\":false}]}");
        assertThat(lastEntry().kind()).isEqualTo(ChangeKind.CLOSE);
        assertThat(lastEntry().remark()).contains("done");
        // Closing again changes nothing.
        assertThat(closeIt().bodyText()).isEqualTo(SUCCESS);
        assertThat(stored().version()).isEqualTo(4);
    }

    @Test
    void a_closed_case_is_read_only_409003_until_reopened() {
        create(ID, DEFAULT_FLOW_TYPE);
        assertThat(closeIt().bodyText()).isEqualTo(SUCCESS);

        for (EndpointResponse refused : List.of(statusTo("Open"), cancelIt(),
                endpoints.transfer(TENANT, utf8("{\"id\":\"" + ID + "\",\"ownerId\":\"o2\",\"creatorId\":\"u2\",\"remark\":\"r\"}")),
                endpoints.modify(TENANT, utf8("{\"caseInfo\":{\"id\":\"" + ID + "\",\"title\":\"new\",\"description\":\"d\","
                        + "\"creatorId\":\"u2\"}}")))) {
            assertThat(refused.httpStatus()).isEqualTo(409);
            assertThat(refused.bodyText()).isEqualTo("{\"resCode\":\"409003\",\"resMsg\":\"Case is closed or cancelled\","
                    + "\"errors\":[{\"path\":\"\",\"code\":\"case_read_only\",\"message\":\"Case " + ID
                    + " is closed: it is read-only until it is reopened\",\"params\":{\"remedy\":\"reopened\",\"state\":\"Completed\"}}]}");
        }
        assertOneViolation(endpoints.resume(TENANT, utf8("{\"id\":\"" + ID + "\",\"creatorId\":\"u2\"}")), "/id",
                "invalid_transition");

        EndpointResponse reopened = endpoints.reopen(TENANT, utf8("{\"id\":\"" + ID + "\",\"creatorId\":\"u2\",\"remark\":\"again\"}"));

        assertThat(reopened.bodyText()).isEqualTo(SUCCESS);
        assertThat(stored().state()).isEqualTo(CaseState.PROCESSING);
        assertThat(stored().closedAt()).isEmpty();
        assertThat(stored().reopened()).isTrue();
        assertThat(lastEntry().kind()).isEqualTo(ChangeKind.REOPEN);
        String read = endpoints.read(TENANT, ID).bodyText();
        assertThat(read).endsWith("\"status\":\"Open\",\"state\":\"Processing\",\"reopened\":true}]}");
        assertThat(read).doesNotContain("closedAt").doesNotContain("closedReason");
    }

    @Test
    void a_cancelled_case_is_read_only_409003_until_resumed_and_can_not_be_reopened() {
        create(ID, STRICT_TYPE);
        statusTo("Waiting");

        assertThat(cancelIt().bodyText()).isEqualTo(SUCCESS);
        assertThat(stored().state()).isEqualTo(CaseState.CANCELLED);
        assertThat(lastEntry().kind()).isEqualTo(ChangeKind.CANCEL);
        assertThat(cancelIt().bodyText()).isEqualTo(SUCCESS);
        EndpointResponse refused = closeIt();
        assertThat(refused.resCode()).isEqualTo(ResCode.CASE_READ_ONLY);
        assertThat(json(refused).get("errors").get(0).get("params").get("remedy").asString()).isEqualTo("resumed");
        assertThat(statusTo("Solved").resCode()).isEqualTo(ResCode.CASE_READ_ONLY);
        assertOneViolation(endpoints.reopen(TENANT, utf8("{\"id\":\"" + ID + "\",\"creatorId\":\"u2\",\"remark\":\"r\"}")),
                "/id", "invalid_transition");

        EndpointResponse resumed = endpoints.resume(TENANT, new ByteArrayInputStream(utf8("{\"id\":\"" + ID + "\",\"creatorId\":\"u2\"}")));

        assertThat(resumed.bodyText()).isEqualTo(SUCCESS);
        assertThat(stored().status()).isEqualTo("Waiting");
        assertThat(stored().state()).isEqualTo(CaseState.PENDING);
        assertThat(lastEntry().kind()).isEqualTo(ChangeKind.RESUME);
        assertThat(lastEntry().remark()).isEmpty();
    }

    @Test
    void transfer_sets_the_owner_and_the_policy_may_refuse_it() {
        create(ID, STRICT_TYPE);

        EndpointResponse transferred = endpoints.transfer(TENANT, utf8("{\"id\":\"" + ID + "\",\"ownerId\":\"o2\","
                + "\"creatorId\":\"u2\",\"remark\":\"handover\"}"));

        assertThat(transferred.bodyText()).isEqualTo(SUCCESS);
        assertThat(stored().ownerId()).contains("o2");
        assertThat(lastEntry().kind()).isEqualTo(ChangeKind.TRANSFER);
        assertThat(lastEntry().remark()).contains("handover");

        LifecycleEndpointsTest strict = new LifecycleEndpointsTest().withPolicy(request ->
                request.operation() == AuthorizationRequest.Operation.TRANSFER
                        ? AuthorizationPolicy.Decision.refuse("only the owner transfers")
                        : AuthorizationPolicy.Decision.allow());
        strict.create(ID, STRICT_TYPE);
        EndpointResponse refused = strict.endpoints.transfer(TENANT, utf8("{\"id\":\"" + ID + "\",\"ownerId\":\"o2\","
                + "\"creatorId\":\"u2\",\"remark\":\"handover\"}"));
        assertThat(refused.httpStatus()).isEqualTo(403);
        assertThat(refused.bodyText()).isEqualTo("{\"resCode\":\"403001\",\"resMsg\":\"Refused: only the owner transfers\"}");
    }

    // --- erase ----------------------------------------------------------------------------------------

    @Test
    void erase_answers_whether_the_case_existed_and_leaves_nothing() {
        create(ID, STRICT_TYPE);
        String body = "{\"id\":\"" + ID + "\",\"creatorId\":\"u2\"}";

        EndpointResponse first = endpoints.erase(TENANT, utf8(body));
        EndpointResponse second = endpoints.erase(TENANT, new ByteArrayInputStream(utf8(body)));

        assertThat(first.bodyText()).isEqualTo("{\"resCode\":\"0\",\"resMsg\":\"Success\",\"result\":{\"erased\":true}}");
        assertThat(second.bodyText()).isEqualTo("{\"resCode\":\"0\",\"resMsg\":\"Success\",\"result\":{\"erased\":false}}");
        assertThat(endpoints.read(TENANT, ID).resCode()).isEqualTo(ResCode.NOT_FOUND);
        assertThat(endpoints.history(TENANT, ID).resCode()).isEqualTo(ResCode.NOT_FOUND);
        assertThat(service.find(TENANT, CaseId.of(ID))).isEqualTo(Optional.empty());
    }

    // --- every request's keys and types -------------------------------------------------------------

    /** Each call, a valid request for it, and its keys. */
    static Stream<Arguments> calls() {
        return Stream.of(
                Arguments.of("status/update", (Call) CaseEndpoints::changeStatus,
                        "{\"id\":\"" + ID + "\",\"creatorId\":\"u2\",\"status\":\"Waiting\",\"remark\":\"r\"}",
                        List.of("id", "creatorId", "status"), List.of("remark")),
                Arguments.of("close", (Call) CaseEndpoints::close,
                        "{\"caseId\":\"" + ID + "\",\"creatorId\":\"u2\",\"remark\":\"r\",\"closedReason\":\"c\"}",
                        List.of("caseId", "creatorId", "remark"), List.of("closedReason")),
                Arguments.of("case/cancel", (Call) CaseEndpoints::cancel,
                        "{\"id\":\"" + ID + "\",\"creatorId\":\"u2\",\"remark\":\"r\"}",
                        List.of("id", "creatorId", "remark"), List.of()),
                Arguments.of("case/transfer", (Call) CaseEndpoints::transfer,
                        "{\"id\":\"" + ID + "\",\"ownerId\":\"o2\",\"creatorId\":\"u2\",\"remark\":\"r\"}",
                        List.of("id", "ownerId", "creatorId", "remark"), List.of()),
                Arguments.of("case/resume", (Call) CaseEndpoints::resume,
                        "{\"id\":\"" + ID + "\",\"creatorId\":\"u2\",\"remark\":\"r\"}",
                        List.of("id", "creatorId"), List.of("remark")),
                Arguments.of("case/reopen", (Call) CaseEndpoints::reopen,
                        "{\"id\":\"" + ID + "\",\"creatorId\":\"u2\",\"remark\":\"r\"}",
                        List.of("id", "creatorId", "remark"), List.of()),
                Arguments.of("case/erase", (Call) CaseEndpoints::erase,
                        "{\"id\":\"" + ID + "\",\"creatorId\":\"u2\"}",
                        List.of("id", "creatorId"), List.of()));
    }

    interface Call {
        EndpointResponse call(CaseEndpoints endpoints, io.casekit.core.TenantId tenant, byte[] body);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void the_valid_request_succeeds(String name, Call call, String good, List<String> required, List<String> optional) {
        create(ID, STRICT_TYPE);
        if (name.equals("close")) {
            statusTo("Waiting");
            statusTo("Solved");
        }

        EndpointResponse response = call.call(endpoints, TENANT, utf8(good));

        assertThat(response.httpStatus()).as(response.bodyText()).isEqualTo(200);
        assertThat(json(response).get("resCode").asString()).isEqualTo("0");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void an_unknown_key_is_unknown_field_and_nothing_changes(String name, Call call, String good, List<String> required,
                                                          List<String> optional) {
        create(ID, STRICT_TYPE);
        String body = good.substring(0, good.length() - 1) + ",\"version\":1}";

        EndpointResponse response = call.call(endpoints, TENANT, utf8(body));

        assertOneViolation(response, "/version", "unknown_field");
        assertThat(stored().version()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void every_key_of_a_wrong_json_type_is_invalid_type_all_in_one_answer(String name, Call call, String good,
                                                                        List<String> required, List<String> optional) {
        create(ID, STRICT_TYPE);
        List<String> keys = Stream.concat(required.stream(), optional.stream()).toList();
        String[] values = {"1", "true", "null", "[\"" + ID + "\"]", "{}"};
        StringBuilder body = new StringBuilder("{");
        for (int i = 0; i < keys.size(); i++) {
            body.append(i == 0 ? "" : ",").append('"').append(keys.get(i)).append("\":").append(values[i % values.length]);
        }
        body.append('}');

        EndpointResponse response = call.call(endpoints, TENANT, utf8(body.toString()));

        assertThat(response.httpStatus()).as(response.bodyText()).isEqualTo(400);
        JsonNode errors = json(response).get("errors");
        assertThat(errors).hasSize(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            assertThat(errors.get(i).get("path").asString()).isEqualTo("/" + keys.get(i));
            assertThat(errors.get(i).get("code").asString()).isEqualTo("invalid_type");
            assertThat(errors.get(i).get("params").get("expected").asString()).isEqualTo("string");
        }
        assertThat(stored().version()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void each_required_key_left_out_is_required(String name, Call call, String good, List<String> required,
                                                List<String> optional) {
        create(ID, STRICT_TYPE);
        for (String key : required) {
            String body = good.replaceFirst("\"" + key + "\":\"[^\"]*\",?", "").replace(",}", "}");

            EndpointResponse response = call.call(endpoints, TENANT, utf8(body));

            assertOneViolation(response, "/" + key, "required");
        }
        // An empty object misses all of them, each reported.
        JsonNode errors = json(call.call(endpoints, TENANT, utf8("{}"))).get("errors");
        assertThat(errors).extracting(e -> e.get("path").asString())
                .containsExactlyElementsOf(required.stream().map(k -> "/" + k).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void texts_are_judged_by_the_lifecycle_rules(String name, Call call, String good, List<String> required,
                                                 List<String> optional) {
        create(ID, STRICT_TYPE);
        String idKey = required.get(0);
        String body = good.replace("\"" + idKey + "\":\"" + ID + "\"", "\"" + idKey + "\":\"not an id!\"")
                .replace("\"creatorId\":\"u2\"", "\"creatorId\":\"" + "u".repeat(21) + "\"");

        EndpointResponse response = call.call(endpoints, TENANT, utf8(body));

        assertThat(response.httpStatus()).as(response.bodyText()).isEqualTo(400);
        JsonNode errors = json(response).get("errors");
        assertThat(errors).extracting(e -> e.get("path").asString()).contains("/" + idKey, "/creatorId");
        assertThat(errors).extracting(e -> e.get("code").asString()).contains("too_long");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void a_body_that_is_no_json_object_is_400001(String name, Call call, String good, List<String> required,
                                                 List<String> optional) {
        for (String body : List.of("[]", "\"x\"", "{\"id\":1,\"id\":2}", good + "x", "")) {
            EndpointResponse response = call.call(endpoints, TENANT, utf8(body));

            assertThat(response.resCode()).as(body).isEqualTo(ResCode.MALFORMED_REQUEST);
        }
    }

    /** Each call's InputStream variant, with the path it serves, in the order of {@link #calls()}. */
    interface StreamCall {
        EndpointResponse call(CaseEndpoints endpoints, io.casekit.core.TenantId tenant, java.io.InputStream body);
    }

    private static final List<StreamCall> STREAM_CALLS = List.of(CaseEndpoints::changeStatus, CaseEndpoints::close,
            CaseEndpoints::cancel, CaseEndpoints::transfer, CaseEndpoints::resume, CaseEndpoints::reopen,
            CaseEndpoints::erase);

    @Test
    void each_stream_variant_reads_at_most_one_byte_past_the_limit_and_413001_a_body_over_it() {
        create(ID, STRICT_TYPE);
        List<Arguments> calls = calls().toList();
        for (int i = 0; i < STREAM_CALLS.size(); i++) {
            String name = (String) calls.get(i).get()[0];
            long[] read = {0};
            java.io.InputStream endless = new java.io.InputStream() {
                @Override
                public int read() {
                    read[0]++;
                    return ' ';
                }
            };

            EndpointResponse tooLarge = STREAM_CALLS.get(i).call(endpoints, TENANT, endless);
            EndpointResponse tooLargeBytes = ((Call) calls.get(i).get()[1]).call(endpoints, TENANT,
                    new byte[JsonLimits.DEFAULT_MAX_DOCUMENT_BYTES + 1]);

            assertThat(tooLarge.resCode()).as(name).isEqualTo(ResCode.BODY_TOO_LARGE);
            assertThat(read[0]).as(name).isEqualTo(JsonLimits.DEFAULT_MAX_DOCUMENT_BYTES + 1);
            assertThat(tooLargeBytes.resCode()).as(name).isEqualTo(ResCode.BODY_TOO_LARGE);
        }
        assertThat(stored().version()).isEqualTo(1);
    }

    @Test
    void a_remark_over_2000_bytes_is_too_long() {
        create(ID, STRICT_TYPE);

        EndpointResponse tooLong = endpoints.cancel(TENANT, utf8("{\"id\":\"" + ID + "\",\"creatorId\":\"u2\",\"remark\":\""
                + "é".repeat(1001) + "\"}"));

        assertOneViolation(tooLong, "/remark", "too_long");
        assertThat(json(tooLong).get("errors").get(0).get("params").get("maxBytes").asInt()).isEqualTo(2000);
    }

    // --- list filters and statistics ----------------------------------------------------------------

    @Test
    void the_list_call_filters_by_status_and_by_state() {
        create(ID, STRICT_TYPE);
        create("case0000000000000002", STRICT_TYPE);
        statusTo("Waiting");

        JsonNode waiting = json(list("\"status\":\"Waiting\""));
        JsonNode pending = json(list("\"state\":\"Pending\""));
        JsonNode processing = json(list("\"state\":\"Processing\",\"status\":\"New\""));

        assertThat(waiting.get("result").get(0).get("count").asInt()).isEqualTo(1);
        assertThat(waiting.get("result").get(0).get("caseList").get(0).get("id").asString()).isEqualTo(ID);
        assertThat(waiting.get("result").get(0).get("caseList").get(0).get("state").asString()).isEqualTo("Pending");
        assertThat(pending.get("result").get(0).get("caseList").get(0).get("id").asString()).isEqualTo(ID);
        assertThat(pending.get("result").get(0).get("count").asInt()).isEqualTo(1);
        assertThat(processing.get("result").get(0).get("caseList").get(0).get("id").asString()).isEqualTo("case0000000000000002");
        assertThat(processing.get("result").get(0).get("count").asInt()).isEqualTo(1);
        assertThat(json(list("\"status\":\"waiting\"")).get("result").get(0).get("count").asInt()).isZero();
    }

    @Test
    void a_state_the_list_call_does_not_know_or_a_wrong_type_is_a_violation_at_its_key() {
        assertOneViolation(list("\"state\":\"pending\""), "/state", "invalid_value");
        assertThat(json(list("\"state\":\"x\"")).get("errors").get(0).get("params").get("allowed").toString())
                .isEqualTo("[\"Processing\",\"Pending\",\"Completed\",\"Cancelled\"]");
        assertOneViolation(list("\"status\":1"), "/status", "invalid_type");
        assertOneViolation(list("\"status\":\"\""), "/status", "blank");
    }

    private EndpointResponse list(String filters) {
        return endpoints.list(TENANT, utf8("{\"start\":0,\"limit\":10," + filters + "}"));
    }

    @Test
    void statistics_answers_todays_figures_with_the_average_duration_in_days_to_two_decimals() {
        clock.now = Instant.parse("2026-03-01T06:00:00Z");
        create(ID, DEFAULT_FLOW_TYPE);
        clock.now = Instant.parse("2026-03-02T10:00:00Z");
        endpoints.create(TENANT, utf8("{\"caseInfo\":{\"id\":\"case0000000000000002\",\"title\":\"t\",\"description\":\"d\","
                + "\"type\":\"" + DEFAULT_FLOW_TYPE + "\",\"contactId\":\"c1\",\"creatorId\":\"u1\","
                + "\"dueDate\":\"2026-03-02 09:00:00\"}}"));
        endpoints.create(TENANT, utf8("{\"caseInfo\":{\"id\":\"case0000000000000003\",\"title\":\"t\",\"description\":\"d\","
                + "\"type\":\"" + DEFAULT_FLOW_TYPE + "\",\"contactId\":\"c1\",\"creatorId\":\"u1\"}}"));
        clock.now = Instant.parse("2026-03-02T18:00:00Z");
        assertThat(closeIt().bodyText()).isEqualTo(SUCCESS);

        EndpointResponse statistics = endpoints.statistics(TENANT);

        assertThat(statistics.httpStatus()).isEqualTo(200);
        assertThat(statistics.bodyText()).isEqualTo("{\"resCode\":\"0\",\"resMsg\":\"Success\",\"result\":{\"newCases\":2,"
                + "\"finishedCases\":1,\"unfinishedCases\":2,\"overCases\":1,\"averageDuration\":1.50}}");
    }

    @Test
    void statistics_of_a_tenant_without_cases_are_zero_with_an_average_of_0_00() {
        assertThat(endpoints.statistics(TENANT).bodyText()).isEqualTo("{\"resCode\":\"0\",\"resMsg\":\"Success\","
                + "\"result\":{\"newCases\":0,\"finishedCases\":0,\"unfinishedCases\":0,\"overCases\":0,\"averageDuration\":0.00}}");
    }
}

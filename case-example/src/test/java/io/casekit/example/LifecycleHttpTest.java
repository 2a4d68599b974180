package io.casekit.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.service.CaseService;
import io.casekit.core.template.CaseType;
import io.casekit.json.CaseJson;
import io.casekit.store.memory.InMemoryCaseStore;
import io.casekit.store.memory.InMemoryTemplateCatalog;
import io.casekit.json.SteppingClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle calls and the statistics over HTTP, on the in-memory store, with a case type
 * document whose flow is strict (New, Waiting for customer, Solved): each call end to end, the
 * read-only answer, and the host's checks (method, token, Content-Type, size) before any of them.
 */
class LifecycleHttpTest {
    private static final String SUCCESS = "{\"resCode\":\"0\",\"resMsg\":\"Success\"}";
    private static final String TICKET = "ct000000000000000002";
    private static final String ID = "ticket01";
    /** Each lifecycle path with a request that is valid for it. */
    private static final List<String[]> CALLS = List.of(
            new String[] {"status/update", "{\"id\":\"" + ID + "\",\"creatorId\":\"u2\",\"status\":\"Waiting for customer\"}"},
            new String[] {"close", "{\"caseId\":\"" + ID + "\",\"creatorId\":\"u2\",\"remark\":\"done\"}"},
            new String[] {"case/cancel", "{\"id\":\"" + ID + "\",\"creatorId\":\"u2\",\"remark\":\"duplicate\"}"},
            new String[] {"case/transfer", "{\"id\":\"" + ID + "\",\"ownerId\":\"o2\",\"creatorId\":\"u2\",\"remark\":\"r\"}"},
            new String[] {"case/resume", "{\"id\":\"" + ID + "\",\"creatorId\":\"u2\"}"},
            new String[] {"case/reopen", "{\"id\":\"" + ID + "\",\"creatorId\":\"u2\",\"remark\":\"again\"}"},
            new String[] {"case/erase", "{\"id\":\"" + ID + "\",\"creatorId\":\"u2\"}"});

    private LoopbackHost http;

    @BeforeEach
    void start() throws IOException {
        List<CaseType> types;
        try (var in = LifecycleHttpTest.class.getResourceAsStream("lifecycle-case-types.json")) {
            types = CaseJson.create().readCaseTypes(in.readAllBytes());
        }
        InMemoryTemplateCatalog catalog = new InMemoryTemplateCatalog();
        types.forEach(catalog::save);
        CaseService service = CaseService.builder(new InMemoryCaseStore(), catalog).clock(new SteppingClock(Instant.parse("2026-05-01T08:00:00Z"), java.time.Duration.ofMinutes(10))).build();
        http = new LoopbackHost(service);
    }

    @AfterEach
    void stop() {
        http.close();
    }

    private URI uri(String endpoint) {
        return http.uri(endpoint);
    }

    private HttpResponse<String> send(String method, String endpoint, String body, String contentType)
            throws IOException, InterruptedException {
        return http.send(method, endpoint, body, contentType);
    }

    private HttpResponse<String> post(String endpoint, String body) throws IOException, InterruptedException {
        return send("POST", endpoint, body, "application/json");
    }

    private String read() throws IOException, InterruptedException {
        HttpResponse<String> reply = send("GET", "case/" + ID, null, null);
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        return reply.body();
    }

    private void createTicket(String id) throws IOException, InterruptedException {
        HttpResponse<String> created = post("case", "{\"caseInfo\":{\"id\":\"" + id + "\",\"type\":\"" + TICKET + "\","
                + "\"title\":\"Printer\",\"description\":\"jams\",\"contactId\":\"" + TestHost.CONTACT + "\","
                + "\"creatorId\":\"u1\",\"dueDate\":\"2026-05-01 08:00:00\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    }

    private static void assertSuccess(HttpResponse<String> reply) {
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo(SUCCESS);
        assertThat(reply.headers().firstValue("Content-Type")).contains("application/json;charset=UTF-8");
    }

    @Test
    void aTicketGoesThroughItsStrictFlowClosesReopensCancelsResumesAndIsTransferred() throws Exception {
        createTicket(ID);
        assertThat(read()).contains("\"status\":\"New\",\"state\":\"Processing\",\"reopened\":false}");

        HttpResponse<String> skipped = post("status/update", "{\"id\":\"" + ID + "\",\"creatorId\":\"u2\",\"status\":\"Solved\"}");
        assertThat(skipped.statusCode()).isEqualTo(400);
        assertThat(skipped.body()).startsWith("{\"resCode\":\"400002\",\"resMsg\":\"Validation failed\",\"errorCount\":1,"
                + "\"errors\":[{\"path\":\"/status\",\"code\":\"invalid_transition\"");
        HttpResponse<String> early = post("close", "{\"caseId\":\"" + ID + "\",\"creatorId\":\"u2\",\"remark\":\"done\"}");
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(early.body()).contains("\"path\":\"/caseId\",\"code\":\"invalid_transition\"");

        assertSuccess(post("status/update", "{\"id\":\"" + ID + "\",\"creatorId\":\"u2\",\"status\":\"Waiting for customer\","
                + "\"remark\":\"asked for the model\"}"));
        assertThat(read()).contains("\"status\":\"Waiting for customer\",\"state\":\"Pending\"");
        assertSuccess(post("status/update", "{\"id\":\"" + ID + "\",\"creatorId\":\"u2\",\"status\":\"Solved\"}"));
        assertSuccess(post("close", "{\"caseId\":\"" + ID + "\",\"creatorId\":\"u2\",\"remark\":\"done\",\"closedReason\":\"fixed\"}"));
        assertThat(read()).matches(".*\"status\":\"Solved\",\"state\":\"Completed\",\"closedAt\":\"2026-05-01T\\d\\d:\\d\\d:00Z\","
                + "\"closedReason\":\"fixed\",\"reopened\":false}]}");

        HttpResponse<String> readOnly = post("case/transfer", "{\"id\":\"" + ID + "\",\"ownerId\":\"o2\",\"creatorId\":\"u2\",\"remark\":\"r\"}");
        assertThat(readOnly.statusCode()).isEqualTo(409);
        assertThat(readOnly.body()).isEqualTo("{\"resCode\":\"409003\",\"resMsg\":\"Case is closed or cancelled\",\"errors\":["
                + "{\"path\":\"\",\"code\":\"case_read_only\",\"message\":\"Case ticket01 is closed: it is read-only until it is reopened\","
                + "\"params\":{\"remedy\":\"reopened\",\"state\":\"Completed\"}}]}");

        assertSuccess(post("case/reopen", "{\"id\":\"" + ID + "\",\"creatorId\":\"u2\",\"remark\":\"not fixed\"}"));
        assertThat(read()).endsWith("\"status\":\"Solved\",\"state\":\"Completed\",\"reopened\":true}]}");
        assertSuccess(post("case/cancel", "{\"id\":\"" + ID + "\",\"creatorId\":\"u2\",\"remark\":\"duplicate\"}"));
        assertThat(read()).contains("\"state\":\"Cancelled\"");
        assertThat(post("status/update", "{\"id\":\"" + ID + "\",\"creatorId\":\"u2\",\"status\":\"New\"}").body())
                .startsWith("{\"resCode\":\"409003\"");
        assertSuccess(post("case/resume", "{\"id\":\"" + ID + "\",\"creatorId\":\"u2\",\"remark\":\"not a duplicate\"}"));
        assertSuccess(post("case/transfer", "{\"id\":\"" + ID + "\",\"ownerId\":\"o2\",\"creatorId\":\"u2\",\"remark\":\"handover\"}"));
        assertThat(read()).contains("\"ownerId\":\"o2\"").contains("\"state\":\"Completed\"");

        String history = send("GET", "case/" + ID + "/history", null, null).body();
        List<String> kinds = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"kind\":\"([a-z]+)\"").matcher(history);
        while (m.find()) {
            kinds.add(m.group(1));
        }
        assertThat(kinds).containsExactly("create", "status", "status", "close", "reopen", "cancel", "resume", "transfer");
        assertThat(history).contains("\"kind\":\"status\",\"remark\":\"asked for the model\",\"changes\":[");
        assertThat(history).contains("\"kind\":\"transfer\",\"remark\":\"handover\",\"changes\":[{\"path\":\"/caseInfo/ownerId\","
                + "\"old\":null,\"new\":\"o2\"}]}");
    }

    @Test
    void theListFiltersByStatusAndStateAndTheStatisticsCountTheDay() throws Exception {
        createTicket(ID);
        createTicket("ticket02");
        createTicket("ticket03");
        assertSuccess(post("status/update", "{\"id\":\"ticket02\",\"creatorId\":\"u2\",\"status\":\"Waiting for customer\"}"));
        assertSuccess(post("case/cancel", "{\"id\":\"ticket03\",\"creatorId\":\"u2\",\"remark\":\"spam\"}"));

        HttpResponse<String> waiting = post("case/list", "{\"start\":0,\"limit\":10,\"status\":\"Waiting for customer\"}");
        HttpResponse<String> cancelled = post("case/list", "{\"start\":0,\"limit\":10,\"state\":\"Cancelled\"}");
        HttpResponse<String> badState = post("case/list", "{\"start\":0,\"limit\":10,\"state\":\"Closed\"}");

        assertThat(waiting.body()).contains("\"caseList\":[{\"id\":\"ticket02\",").endsWith("\"count\":1}]}");
        assertThat(cancelled.body()).contains("\"caseList\":[{\"id\":\"ticket03\",").endsWith("\"count\":1}]}");
        assertThat(badState.statusCode()).isEqualTo(400);
        assertThat(badState.body()).contains("\"path\":\"/state\",\"code\":\"invalid_value\"");

        HttpResponse<String> statistics = send("GET", "statistics/case/current", null, null);

        // Three created today; none closed; two open (the cancelled one is neither), both past their
        // due date of 08:00.
        assertThat(statistics.statusCode()).isEqualTo(200);
        assertThat(statistics.body()).isEqualTo("{\"resCode\":\"0\",\"resMsg\":\"Success\",\"result\":{\"newCases\":3,"
                + "\"finishedCases\":0,\"unfinishedCases\":2,\"overCases\":2,\"averageDuration\":0.00}}");
    }

    @Test
    void eraseAnswersWhetherTheCaseWasThereAndLeavesNothing() throws Exception {
        createTicket(ID);
        String body = "{\"id\":\"" + ID + "\",\"creatorId\":\"u2\"}";

        HttpResponse<String> first = post("case/erase", body);
        HttpResponse<String> second = post("case/erase", body);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("{\"resCode\":\"0\",\"resMsg\":\"Success\",\"result\":{\"erased\":true}}");
        assertThat(second.body()).isEqualTo("{\"resCode\":\"0\",\"resMsg\":\"Success\",\"result\":{\"erased\":false}}");
        assertThat(send("GET", "case/" + ID, null, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "case/" + ID + "/history", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aBadRequestIs400WithEveryViolationAndAnUnknownCase404() throws Exception {
        for (String[] call : CALLS) {
            HttpResponse<String> bad = post(call[0], "{\"id\":7,\"creatorId\":null,\"colour\":\"red\"}");
            assertThat(bad.statusCode()).as(call[0]).isEqualTo(400);
            assertThat(bad.body()).as(call[0]).startsWith("{\"resCode\":\"400002\",\"resMsg\":\"Validation failed\",")
                    .contains("\"path\":\"/creatorId\",\"code\":\"invalid_type\"", "\"path\":\"/colour\",\"code\":\"unknown_field\"");
            HttpResponse<String> malformed = post(call[0], "{\"id\":");
            assertThat(malformed.statusCode()).as(call[0]).isEqualTo(400);
            assertThat(malformed.body()).as(call[0]).startsWith("{\"resCode\":\"400001\"");
        }
        for (String[] call : CALLS.subList(0, CALLS.size() - 1)) {
            HttpResponse<String> unknown = post(call[0], call[1]);
            assertThat(unknown.statusCode()).as(call[0]).isEqualTo(404);
            assertThat(unknown.body()).as(call[0]).isEqualTo("{\"resCode\":\"404001\",\"resMsg\":\"Case not found\"}");
        }
    }

    @Test
    void theHostsChecksComeFirstOnEveryLifecyclePath() throws Exception {
        createTicket(ID);
        for (String[] call : CALLS) {
            for (String method : List.of("GET", "PUT", "DELETE")) {
                HttpResponse<String> reply = send(method, call[0], null, null);
                assertThat(reply.statusCode()).as(method + " " + call[0]).isEqualTo(405);
                assertThat(reply.headers().firstValue("Allow")).as(call[0]).contains("POST");
            }
            assertThat(send("POST", call[0], call[1], "text/plain").statusCode()).as(call[0]).isEqualTo(415);
            assertThat(send("POST", call[0], call[1], "application/json;charset=ISO-8859-1").statusCode()).as(call[0])
                    .isEqualTo(415);
            HttpResponse<String> noToken = LoopbackHost.CLIENT.send(HttpRequest.newBuilder(uri(call[0]))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(call[1])).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(noToken.statusCode()).as(call[0]).isEqualTo(401);
            assertThat(noToken.body()).startsWith("{\"resCode\":\"401001\"");
            HttpResponse<String> tooLarge = post(call[0], "{\"id\":\"" + ID + "\",\"remark\":\"" + "x".repeat(1_048_576) + "\"}");
            assertThat(tooLarge.statusCode()).as(call[0]).isEqualTo(413);
            assertThat(tooLarge.body()).startsWith("{\"resCode\":\"413001\"");
        }
        // Nothing of all that reached the case.
        assertThat(read()).contains("\"version\":1,").contains("\"state\":\"Processing\"");

        for (String method : List.of("POST", "PUT", "DELETE")) {
            HttpResponse<String> reply = send(method, "statistics/case/current", method.equals("POST") ? "{}" : null,
                    method.equals("POST") ? "application/json" : null);
            assertThat(reply.statusCode()).as(method).isEqualTo(405);
            assertThat(reply.headers().firstValue("Allow")).contains("GET");
        }
        HttpResponse<String> noToken = LoopbackHost.CLIENT.send(HttpRequest.newBuilder(uri("statistics/case/current")).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(send("GET", "statistics/case", null, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "statistics/case/report", null, null).statusCode()).isEqualTo(404);
        assertThat(send("POST", "status/update/x", "{}", "application/json").statusCode()).isEqualTo(404);
    }
}

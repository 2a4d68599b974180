package io.casekit.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.service.AuthorizationPolicy;
import io.casekit.core.service.AuthorizationRequest;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST case/list} over HTTP: the host's checks (method, token, Content-Type) come first, then
 * the AICC answer; paging by {@code start} and by {@code cursor} through the HTTP server. The service
 * runs on the in-memory store, which answers queries.
 */
class CaseListHttpTest {
    private static final Pattern ID = Pattern.compile("\\{\"id\":\"([^\"]+)\"");
    private static final Pattern NEXT = Pattern.compile("\"nextCursor\":\"([^\"]+)\"");

    private final InMemoryTemplateCatalog catalog = new InMemoryTemplateCatalog();
    private final InMemoryCaseStore store = new InMemoryCaseStore();
    private LoopbackHost http;

    @BeforeEach
    void start() throws IOException {
        List<CaseType> types;
        try (var in = CaseListHttpTest.class.getResourceAsStream("test-case-types.json")) {
            types = CaseJson.create().readCaseTypes(in.readAllBytes());
        }
        types.forEach(catalog::save);
        serve(CaseService.builder(store, catalog).clock(new SteppingClock(Instant.parse("2026-05-01T00:00:00Z"), java.time.Duration.ofSeconds(1))).build());
    }

    private void serve(CaseService service) throws IOException {
        if (http != null) {
            http.close();
        }
        http = new LoopbackHost(service);
    }

    @AfterEach
    void stop() {
        if (http != null) {
            http.close();
        }
    }

    private URI uri(String endpoint) {
        return http.uri(endpoint);
    }

    private HttpResponse<String> send(String method, String endpoint, String body, String contentType)
            throws IOException, InterruptedException {
        return http.send(method, endpoint, body, contentType);
    }

    private HttpResponse<String> list(String body) throws IOException, InterruptedException {
        return send("POST", "case/list", body, "application/json");
    }

    private List<String> createCases(int n) throws IOException, InterruptedException {
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = String.format("list%02d", i);
            assertThat(send("POST", "case", TestHost.acmeCase(id, "Case " + i), "application/json").statusCode())
                    .isEqualTo(200);
            newestFirst.add(0, id);
        }
        return newestFirst;
    }

    private static List<String> ids(HttpResponse<String> reply) {
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        Matcher m = ID.matcher(reply.body());
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static String next(HttpResponse<String> reply) {
        Matcher m = NEXT.matcher(reply.body());
        return m.find() ? m.group(1) : null;
    }

    @Test
    void postCaseListAnswersTheNewestCasesAndTheCount() throws Exception {
        List<String> all = createCases(5);

        HttpResponse<String> reply = list("{\"start\":0,\"limit\":2}");

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).contains("application/json;charset=UTF-8");
        assertThat(reply.body()).startsWith("{\"resCode\":\"0\",\"resMsg\":\"Success\",\"result\":[{\"caseList\":[{\"id\":\"list04\",")
                .contains("],\"count\":5,\"nextCursor\":\"");
        assertThat(ids(reply)).isEqualTo(all.subList(0, 2));
        assertThat(ids(list("{\"start\":4,\"limit\":2}"))).containsExactly("list00");
    }

    @Test
    void theCursorPagesThroughTheHttpServer() throws Exception {
        List<String> all = createCases(7);
        List<String> seen = new ArrayList<>();
        HttpResponse<String> reply = list("{\"start\":0,\"limit\":3}");
        seen.addAll(ids(reply));
        while (next(reply) != null) {
            reply = list("{\"start\":0,\"limit\":3,\"cursor\":\"" + next(reply) + "\"}");
            seen.addAll(ids(reply));
        }
        assertThat(seen).isEqualTo(all);
    }

    @Test
    void aBadListRequestIs400WithEveryViolationAtItsKey() throws Exception {
        HttpResponse<String> reply = list("{\"start\":20000,\"limit\":1,\"cursor\":\"forged\",\"colour\":\"red\"}");

        assertThat(reply.statusCode()).isEqualTo(400);
        assertThat(reply.body()).startsWith("{\"resCode\":\"400002\",\"resMsg\":\"Validation failed\",\"errorCount\":3,")
                .contains("\"path\":\"/start\",\"code\":\"out_of_range\"", "\"path\":\"/cursor\",\"code\":\"invalid_value\"",
                        "\"path\":\"/colour\",\"code\":\"unknown_field\"");
    }

    @Test
    void aPolicyRefusingQueriesIsForbidden() throws Exception {
        createCases(2);
        serve(CaseService.builder(store, catalog).policy(request ->
                request.operation() == AuthorizationRequest.Operation.QUERY
                        ? AuthorizationPolicy.Decision.refuse("no lists for you")
                        : AuthorizationPolicy.Decision.allow()).build());

        HttpResponse<String> reply = list("{\"start\":0,\"limit\":2}");

        assertThat(reply.statusCode()).isEqualTo(403);
        assertThat(reply.body()).isEqualTo("{\"resCode\":\"403001\",\"resMsg\":\"Refused: no lists for you\"}");
        assertThat(send("GET", "case/list00", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void onlyPostTakesTheListPathAndTheHostsChecksComeFirst() throws Exception {
        createCases(1);
        for (String method : List.of("GET", "PUT", "DELETE")) {
            HttpResponse<String> reply = send(method, "case/list", null, null);
            assertThat(reply.statusCode()).as(method).isEqualTo(405);
            assertThat(reply.headers().firstValue("Allow")).as(method).contains("POST");
        }
        assertThat(send("POST", "case/list", "{\"start\":0,\"limit\":1}", "text/plain").statusCode()).isEqualTo(415);
        HttpResponse<String> noToken = LoopbackHost.CLIENT.send(HttpRequest.newBuilder(uri("case/list"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"start\":0,\"limit\":1}")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(noToken.statusCode()).isEqualTo(401);
        // The other endpoints still route as before.
        assertThat(send("GET", "case/list00", null, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "case/list00/history", null, null).statusCode()).isEqualTo(200);
    }
}

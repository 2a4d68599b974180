package io.casekit.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.casekit.core.Case;
import io.casekit.core.CaseId;
import io.casekit.core.StorageUnavailableException;
import io.casekit.core.TenantId;
import io.casekit.core.service.AuthorizationPolicy;
import io.casekit.core.service.CaseService;
import io.casekit.core.spi.CaseStore;
import io.casekit.core.template.CaseType;
import io.casekit.store.memory.InMemoryCaseStore;
import io.casekit.store.memory.InMemoryTemplateCatalog;
import io.casekit.store.tck.ForwardingCaseStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A host's real HTTP answers checked against case-json's OpenAPI document: every endpoint for a
 * success and the representative errors, each answer's body validated by a real JSON Schema
 * 2020-12 validator (networknt) against the schema the document gives for that path, method and
 * status. An answer whose status the document does not give fails; so does any drift of a schema
 * from what the endpoints write. Every host that serves casekit's AICC endpoints extends this class
 * (the reference host in case-example, the Spring MVC endpoints in case-spring-boot-autoconfigure)
 * and says how to serve a {@link CaseService} on a loopback port; the same requests then reach
 * each host. Shipped to those modules in case-json's test jar.
 */
public abstract class OpenApiConformance {
    /** The client of every request: HTTP/1.1, as the hosts' tests use. */
    protected static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** The document's retrieval URI for the validator: nothing is fetched, the registry maps it to the bytes. */
    private static final String DOCUMENT_URI = "urn:casekit:openapi";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final JsonNode DOCUMENT = JSON.readTree(OpenApiDocument.bytes());
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemas(Map.of(DOCUMENT_URI, new String(OpenApiDocument.bytes(), StandardCharsets.UTF_8)))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final String TYPES = """
            {"caseTypes":[
             {"tenant":"acme","id":"ct000000000000000001","name":"Complaint","fields":[
              {"name":"AICC__severity__CST","type":"PICKLIST","required":true,"options":["S1","S2","S3"]},
              {"name":"AICC__refund__CST","type":"NUMBER","precision":12,"scale":2},
              {"name":"AICC__tags__CST","type":"MULTI_PICKLIST","options":["vip","legal"],"maxItems":2},
              {"name":"AICC__callback__CST","type":"CHECKBOX"},
              {"name":"AICC__since__CST","type":"DATE"}]},
             {"tenant":"acme","id":"ct000000000000000002","name":"Ticket","fields":[],
              "statusFlow":{"strictOrder":true,"statuses":[{"name":"New","state":"Processing"},
               {"name":"Waiting for customer","state":"Pending"},{"name":"Solved","state":"Completed"}]}}]}
            """;
    private static final String COMPLAINT = "ct000000000000000001";
    private static final String TICKET = "ct000000000000000002";

    /** A host serving the AICC endpoints of one service on a loopback port, with one token of tenant {@code acme}. */
    protected interface Host extends AutoCloseable {
        /** The endpoints' base, ending with {@code /}: {@code http://127.0.0.1:port/service/AICC__Case/1.0.0/openapi/}. */
        URI base();

        /** The {@code access-token} of tenant {@code acme}. */
        String token();

        @Override
        void close();
    }

    /** Serves {@code service} (its tenant {@code acme}) on a free loopback port. */
    protected abstract Host start(CaseService service) throws Exception;

    private final AtomicBoolean refuse = new AtomicBoolean();
    /** What the failing host's store throws on its next read. */
    private final AtomicReference<Supplier<RuntimeException>> storeFailure = new AtomicReference<>();
    /** Each "METHOD path" of the document that answered 200 in this test. */
    private final Set<String> succeeded = new TreeSet<>();
    private Host http;
    private Host failing;

    @BeforeEach
    void startHosts() throws Exception {
        List<CaseType> types = CaseJson.create().readCaseTypes(TYPES.getBytes(StandardCharsets.UTF_8));
        InMemoryTemplateCatalog catalog = new InMemoryTemplateCatalog();
        types.forEach(catalog::save);
        http = start(CaseService.builder(new InMemoryCaseStore(), catalog)
                .clock(new SteppingClock(Instant.parse("2026-05-01T08:00:00Z"), Duration.ofMinutes(10)))
                .policy(request -> refuse.get() ? AuthorizationPolicy.Decision.refuse("not today")
                        : AuthorizationPolicy.Decision.allow())
                .build());
        failing = start(CaseService.builder(failingStore(), catalog).build());
    }

    @AfterEach
    void stopHosts() {
        http.close();
        failing.close();
    }

    @Test
    void everyEndpointsSuccessIsWhatTheDocumentSays() throws Exception {
        HttpResponse<String> document = check("GET", "/openapi.json", CLIENT.send(
                HttpRequest.newBuilder(http.base().resolve("../openapi.json")).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        assertThat(document.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(OpenApiDocument.bytes());

        check("POST", "/case", post("case", "{\"caseInfo\":{\"id\":\"c1\",\"type\":\"" + COMPLAINT + "\",\"title\":\"Refund\","
                + "\"description\":\"Ordered in June\",\"contactId\":\"k1\",\"creatorId\":\"u1\",\"ownerId\":\"o1\","
                + "\"priority\":\"High\",\"dueDate\":\"2026-06-01 12:00:00\",\"contactPhone\":\"+49 (30) 123-456\","
                + "\"attachment\":\"file-1\",\"AICC__severity__CST\":\"S2\",\"AICC__refund__CST\":12.50,"
                + "\"AICC__tags__CST\":[\"vip\",\"legal\"],\"AICC__callback__CST\":true,\"AICC__since__CST\":\"2026-04-30\"}}"));
        check("POST", "/case", post("case", "{\"caseInfo\":{\"type\":\"" + COMPLAINT + "\",\"title\":\"Second\","
                + "\"description\":\"d\",\"contactId\":\"k1\",\"creatorId\":\"u1\",\"AICC__severity__CST\":\"S1\"}}"));
        check("POST", "/case/modify", post("case/modify", "{\"caseInfo\":{\"id\":\"c1\",\"title\":\"Refund late\","
                + "\"description\":\"Ordered in June\",\"creatorId\":\"u2\",\"ownerId\":null,\"AICC__refund__CST\":13}}"));
        check("GET", "/case/{id}", get("case/c1"));
        check("GET", "/case/{id}/history", get("case/c1/history"));
        HttpResponse<String> page = check("POST", "/case/list", post("case/list", "{\"start\":0,\"limit\":1}"));
        assertThat(page.body()).contains("\"count\":2,\"nextCursor\":");

        check("POST", "/case", post("case", "{\"caseInfo\":{\"id\":\"t1\",\"type\":\"" + TICKET + "\",\"title\":\"Printer\","
                + "\"description\":\"jams\",\"contactId\":\"k1\",\"creatorId\":\"u1\"}}"));
        check("POST", "/status/update", post("status/update", "{\"id\":\"t1\",\"creatorId\":\"u2\",\"status\":\"Waiting for customer\",\"remark\":\"asked\"}"));
        check("POST", "/status/update", post("status/update", "{\"id\":\"t1\",\"creatorId\":\"u2\",\"status\":\"Solved\"}"));
        check("POST", "/close", post("close", "{\"caseId\":\"t1\",\"creatorId\":\"u2\",\"remark\":\"done\",\"closedReason\":\"fixed\"}"));
        HttpResponse<String> closed = check("GET", "/case/{id}", get("case/t1"));
        assertThat(closed.body()).contains("\"closedAt\":").contains("\"closedReason\":\"fixed\"");
        check("POST", "/case/reopen", post("case/reopen", "{\"id\":\"t1\",\"creatorId\":\"u2\",\"remark\":\"again\"}"));
        check("POST", "/case/cancel", post("case/cancel", "{\"id\":\"t1\",\"creatorId\":\"u2\",\"remark\":\"twice\"}"));
        check("POST", "/case/resume", post("case/resume", "{\"id\":\"t1\",\"creatorId\":\"u2\"}"));
        check("POST", "/case/transfer", post("case/transfer", "{\"id\":\"t1\",\"ownerId\":\"o2\",\"creatorId\":\"u2\",\"remark\":\"handover\"}"));
        check("GET", "/case/{id}/history", get("case/t1/history"));
        check("GET", "/statistics/case/current", get("statistics/case/current"));
        check("POST", "/case/erase", post("case/erase", "{\"id\":\"t1\",\"creatorId\":\"u2\"}"));
        assertThat(check("POST", "/case/erase", post("case/erase", "{\"id\":\"t1\",\"creatorId\":\"u2\"}")).body())
                .contains("\"erased\":false");

        assertThat(succeeded).as("every operation of the document answered a success here").isEqualTo(documentedOperations());
    }

    @Test
    void theErrorsOfEveryEndpointAreWhatTheDocumentSays() throws Exception {
        check("POST", "/case", post("case", "{\"caseInfo\":{\"id\":\"c1\",\"type\":\"" + COMPLAINT + "\",\"title\":\"Refund\","
                + "\"description\":\"d\",\"contactId\":\"k1\",\"creatorId\":\"u1\",\"AICC__severity__CST\":\"S2\"}}"));
        check("POST", "/case", post("case", "{\"caseInfo\":{\"id\":\"t1\",\"type\":\"" + TICKET + "\",\"title\":\"Printer\","
                + "\"description\":\"jams\",\"contactId\":\"k1\",\"creatorId\":\"u1\"}}"));
        List<Integer> statuses = new ArrayList<>();

        // 400001 and 400002, with violations.
        statuses.add(check("POST", "/case/modify", post("case/modify", "{\"caseInfo\":{}, \"caseInfo\":{}}")).statusCode());
        HttpResponse<String> invalid = check("POST", "/case", post("case", "{\"caseInfo\":{\"title\":\" \",\"priority\":\"low\","
                + "\"version\":3,\"AICC__tags__CST\":[\"vip\",\"vip\",\"press\"],\"AICC__refund__CST\":\"12\",\"type\":\"" + COMPLAINT + "\"}}"));
        assertThat(invalid.body()).startsWith("{\"resCode\":\"400002\"").contains("\"errorCount\":");
        statuses.add(invalid.statusCode());
        check("POST", "/case/modify", post("case/modify", "{\"caseInfo\":{\"id\":\"c1\",\"title\":\"x\",\"description\":\"d\","
                + "\"creatorId\":\"u1\",\"dueDate\":\"2023-02-29 00:00:00\"}}"));
        check("POST", "/case/list", post("case/list", "{\"start\":20000,\"limit\":0,\"colour\":\"red\",\"startTime\":\"2026-05-01 00:00:00\"}"));
        check("POST", "/status/update", post("status/update", "{\"id\":\"t1\",\"creatorId\":\"u2\",\"status\":\"Solved\"}"));
        check("POST", "/close", post("close", "{\"caseId\":\"t1\",\"creatorId\":7,\"version\":\"1\"}"));
        check("POST", "/case/erase", post("case/erase", "{\"id\":\"not an id\"}"));
        check("POST", "/case/resume", post("case/resume", "[]"));

        // 404001.
        statuses.add(check("GET", "/case/{id}", get("case/nosuch")).statusCode());
        check("GET", "/case/{id}/history", get("case/no%20such/history"));
        check("POST", "/case/modify", post("case/modify", "{\"caseInfo\":{\"id\":\"nosuch\",\"title\":\"t\",\"description\":\"d\",\"creatorId\":\"u1\"}}"));
        check("POST", "/case/transfer", post("case/transfer", "{\"id\":\"nosuch\",\"ownerId\":\"o2\",\"creatorId\":\"u2\",\"remark\":\"r\"}"));

        // 409002 and 409003.
        statuses.add(check("POST", "/case", post("case", "{\"caseInfo\":{\"id\":\"c1\",\"type\":\"" + COMPLAINT + "\",\"title\":\"Again\","
                + "\"description\":\"d\",\"contactId\":\"k1\",\"creatorId\":\"u1\",\"AICC__severity__CST\":\"S2\"}}")).statusCode());
        check("POST", "/case/cancel", post("case/cancel", "{\"id\":\"t1\",\"creatorId\":\"u2\",\"remark\":\"dup\"}"));
        HttpResponse<String> readOnly = check("POST", "/case/transfer", post("case/transfer",
                "{\"id\":\"t1\",\"ownerId\":\"o2\",\"creatorId\":\"u2\",\"remark\":\"r\"}"));
        assertThat(readOnly.body()).startsWith("{\"resCode\":\"409003\"");
        check("POST", "/case/reopen", post("case/reopen", "{\"id\":\"t1\",\"creatorId\":\"u2\",\"remark\":\"r\"}"));

        // 401001: no token, an unknown one, two.
        statuses.add(check("GET", "/case/{id}", CLIENT.send(HttpRequest.newBuilder(http.base().resolve("case/c1")).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))).statusCode());
        check("POST", "/case/list", CLIENT.send(HttpRequest.newBuilder(http.base().resolve("case/list"))
                .header("access-token", "wrong").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"start\":0,\"limit\":1}")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        check("GET", "/statistics/case/current", CLIENT.send(HttpRequest.newBuilder(http.base().resolve("statistics/case/current"))
                .header("access-token", http.token()).header("access-token", http.token()).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));

        // 403001: the policy refuses.
        refuse.set(true);
        statuses.add(check("POST", "/case/list", post("case/list", "{\"start\":0,\"limit\":1}")).statusCode());
        check("GET", "/statistics/case/current", get("statistics/case/current"));
        check("POST", "/case/erase", post("case/erase", "{\"id\":\"c1\",\"creatorId\":\"u2\"}"));
        refuse.set(false);

        // 405000: a method a path does not take.
        statuses.add(check("GET", "/case/list", get("case/list")).statusCode());
        check("PUT", "/case/modify", send(http, "PUT", "case/modify", "{}", "application/json"));
        check("DELETE", "/case/{id}", send(http, "DELETE", "case/c1", null, null));
        check("POST", "/statistics/case/current", post("statistics/case/current", "{}"));
        check("POST", "/openapi.json", send(http, "POST", "../openapi.json", "{}", "application/json"));

        // 413001 and 415001.
        statuses.add(check("POST", "/case/modify", post("case/modify", "{\"caseInfo\":{\"title\":\"" + "x".repeat(1_048_576) + "\"}}"))
                .statusCode());
        statuses.add(check("POST", "/case", send(http, "POST", "case", "{}", "text/plain")).statusCode());
        check("POST", "/close", send(http, "POST", "close", "{}", "application/json; charset=ISO-8859-1"));

        // 503001 and 500001: the store fails.
        storeFailure.set(() -> new StorageUnavailableException("the database is down"));
        statuses.add(check("GET", "/case/{id}", send(failing, "GET", "case/c1", null, null)).statusCode());
        storeFailure.set(() -> new IllegalStateException("a bug in the store"));
        statuses.add(check("GET", "/case/{id}", send(failing, "GET", "case/c1", null, null)).statusCode());

        assertThat(statuses).containsExactly(400, 400, 404, 409, 401, 403, 405, 413, 415, 503, 500);
    }

    @Test
    void aPathOfNoEndpointIsTheDocumentedAnswerOfTheHost() throws Exception {
        HttpResponse<String> reply = get("statistics/case/report");
        assertThat(reply.statusCode()).isEqualTo(404);
        assertValid(DOCUMENT.at("/components/responses/NoSuchEndpoint"), "/components/responses/NoSuchEndpoint", reply);
    }

    // --- checking an answer against the document ---------------------------------------------------

    /**
     * Validates the answer against the schema the document gives for its path, method and status;
     * for a method the path does not list, against the host's documented 405 answer. Fails when the
     * document has no response for the status.
     */
    protected final HttpResponse<String> check(String method, String path, HttpResponse<String> reply) {
        JsonNode item = DOCUMENT.path("paths").path(path);
        assertThat(item.isObject()).as("%s is a path of the document", path).isTrue();
        JsonNode operation = item.path(method.toLowerCase(Locale.ROOT));
        String status = String.valueOf(reply.statusCode());
        if (operation.isMissingNode()) {
            assertThat(status).as("%s %s, a method the path does not list: %s", method, path, reply.body()).isEqualTo("405");
            assertThat(reply.headers().firstValue("Allow")).as("Allow").isPresent();
            assertValid(DOCUMENT.at("/components/responses/MethodNotAllowed"), "/components/responses/MethodNotAllowed", reply);
            return reply;
        }
        JsonNode response = operation.path("responses").path(status);
        assertThat(response.isObject()).as("%s %s answered %s, a status the document does not give for it: %s",
                method, path, status, reply.body()).isTrue();
        assertValid(response, null, reply);
        if (status.equals("200")) {
            succeeded.add(method + " " + path);
        }
        return reply;
    }

    protected static void assertValid(JsonNode response, String responsePointer, HttpResponse<String> reply) {
        String pointer = responsePointer;
        if (response.has("$ref")) {
            pointer = response.get("$ref").stringValue().substring(1);
            response = DOCUMENT.at(pointer);
        }
        JsonNode schemaNode = response.path("content").path("application/json").path("schema");
        assertThat(schemaNode.isObject()).as("a JSON schema for %s", reply.body()).isTrue();
        assertThat(reply.headers().firstValue("Content-Type")).as("Content-Type").contains(
                reply.uri().getPath().equals(OpenApiDocument.SERVED_PATH) && reply.statusCode() == 200
                        ? OpenApiDocument.CONTENT_TYPE : EndpointResponse.CONTENT_TYPE);
        Schema schema;
        if (schemaNode.size() == 1 && schemaNode.has("$ref")) {
            schema = SCHEMAS.getSchema(SchemaLocation.of(DOCUMENT_URI + schemaNode.get("$ref").stringValue()));
        } else if (pointer != null) {
            schema = SCHEMAS.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + pointer + "/content/application~1json/schema"));
        } else {
            // An inline schema under a path (the document's own): it refers to nothing.
            assertThat(schemaNode.findValues("$ref")).isEmpty();
            schema = SCHEMAS.getSchema(schemaNode);
        }
        List<Error> errors = schema.validate(JSON.readTree(reply.body()));
        assertThat(errors).as("%s %s against %s", reply.statusCode(), reply.body().length() > 2000
                ? reply.body().substring(0, 2000) + "…" : reply.body(), schemaNode).isEmpty();
    }

    protected static Set<String> documentedOperations() {
        Set<String> operations = new TreeSet<>();
        DOCUMENT.path("paths").properties().forEach(entry -> entry.getValue().properties().forEach(member -> {
            if (List.of("get", "post", "put", "patch", "delete").contains(member.getKey())) {
                operations.add(member.getKey().toUpperCase(Locale.ROOT) + " " + entry.getKey());
            }
        }));
        return operations;
    }

    /** The documented path, with this method, that a concrete path of the host matches. */
    protected static Optional<String> templateOf(String method, String concretePath) {
        List<String> matching = new ArrayList<>();
        DOCUMENT.path("paths").properties().forEach(entry -> {
            String pattern = java.util.regex.Pattern.quote(fullPath(entry.getKey(), entry.getValue()))
                    .replace("{id}", "\\E[^/]+\\Q");
            if (entry.getValue().has(method.toLowerCase(Locale.ROOT)) && concretePath.matches(pattern)) {
                matching.add(entry.getKey());
            }
        });
        return matching.stream().findFirst();
    }

    /** The path as the host serves it: the path item's server, or else the document's, and the path. */
    protected static String fullPath(String path, JsonNode item) {
        JsonNode servers = item.has("servers") ? item.get("servers") : DOCUMENT.get("servers");
        assertThat(servers.size()).as(path).isEqualTo(1);
        return servers.get(0).get("url").stringValue() + path;
    }

    // --- sending ----------------------------------------------------------------------------------

    /** Sends as the host's token; {@code body} null for none, {@code contentType} null for no header. */
    protected static HttpResponse<String> send(Host host, String method, String endpoint, String body, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(host.base().resolve(endpoint)).header("access-token", host.token())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String endpoint, String body) throws IOException, InterruptedException {
        return send(http, "POST", endpoint, body, "application/json");
    }

    private HttpResponse<String> get(String endpoint) throws IOException, InterruptedException {
        return send(http, "GET", endpoint, null, null);
    }

    /** An in-memory store whose reads throw what {@link #storeFailure} holds, once. */
    private CaseStore failingStore() {
        return new ForwardingCaseStore(new InMemoryCaseStore()) {
            @Override
            public Optional<Case> find(TenantId tenant, CaseId id) {
                Supplier<RuntimeException> failure = storeFailure.getAndSet(null);
                if (failure != null) {
                    throw failure.get();
                }
                return super.find(tenant, id);
            }
        };
    }
}

package io.casekit.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.Case;
import io.casekit.core.CaseDraft;
import io.casekit.core.CaseId;
import io.casekit.core.CaseTypeId;
import io.casekit.core.HistoryEntry;
import io.casekit.core.TenantId;
import io.casekit.core.Value;
import io.casekit.core.service.CaseService;
import io.casekit.core.spi.CaseStore;
import io.casekit.core.template.CaseType;
import io.casekit.core.template.FieldDefinition;
import io.casekit.core.template.FieldType;
import io.casekit.json.CaseEndpoints;
import io.casekit.json.EndpointResponse;
import io.casekit.json.JsonLimits;
import io.casekit.json.ResCode;
import io.casekit.store.memory.InMemoryCaseStore;
import io.casekit.store.memory.InMemoryTemplateCatalog;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reference host answers whatever its worker throws, {@code Error}s included, over real HTTP,
 * and keeps serving; and a request with 170,000 faults gets a small answer.
 */
class WorkerFailureTest {
    private static final TenantId TENANT = TenantId.of("acme");
    private static final String CASE = "c6m800000142mS63Voa8";
    /** A hang guard, far above any answer: not a speed check. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** What the store throws on its next read, if anything: the test seam. */
    private final AtomicReference<Supplier<Throwable>> failure = new AtomicReference<>();
    private final AtomicReference<Error> logFailure = new AtomicReference<>();
    private final String token = AccessTokens.newToken();
    private CaseHttpServer server;

    @BeforeEach
    void start() throws IOException {
        InMemoryCaseStore memory = new InMemoryCaseStore();
        CaseStore failing = new CaseStore() {
            @Override
            public Optional<Case> find(TenantId tenant, CaseId id) {
                Supplier<Throwable> next = failure.getAndSet(null);
                if (next != null) {
                    sneakyThrow(next.get());
                }
                return memory.find(tenant, id);
            }

            @Override
            public void insert(Case created, HistoryEntry creation) {
                memory.insert(created, creation);
            }

            @Override
            public void update(Case updated, long expectedVersion, HistoryEntry entry) {
                memory.update(updated, expectedVersion, entry);
            }

            @Override
            public boolean erase(TenantId tenant, CaseId id) {
                return memory.erase(tenant, id);
            }

            @Override
            public List<HistoryEntry> history(TenantId tenant, CaseId id) {
                return memory.history(tenant, id);
            }
        };
        InMemoryTemplateCatalog catalog = new InMemoryTemplateCatalog();
        CaseTypeId type = CaseTypeId.of("ct000000000000000001");
        catalog.save(new CaseType(TENANT, type, "Complaint", List.of(
                FieldDefinition.builder("AICC__tags__CST", FieldType.MULTI_PICKLIST)
                        .options(List.of("vip", "legal", "press")).maxItems(2).build())));
        CaseService service = CaseService.builder(failing, catalog).build();
        service.create(TENANT, CaseDraft.builder(type, "op1").id(CaseId.of(CASE)).title("t").description("d")
                .contactId("c1").extension("AICC__tags__CST", Value.textList(List.of("vip"))).build());
        server = CaseHttpServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                CaseEndpoints.of(service), AccessTokens.single(token, TENANT),
                (method, path, status, resCode, millis) -> {
                    Error e = logFailure.getAndSet(null);
                    if (e != null) {
                        throw e;
                    }
                });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static List<Supplier<Throwable>> errors() {
        return List.of(
                () -> new OutOfMemoryError("Java heap space"),
                StackOverflowError::new,
                () -> new AssertionError("a host's assertion"),
                () -> new Error("any other Error"),
                () -> new IllegalStateException("and an unchecked exception"));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void whatever_the_worker_throws_the_client_gets_500001_and_the_host_serves_on(Supplier<Throwable> error)
            throws Exception {
        failure.set(error);
        HttpResponse<byte[]> modify = post("case/modify", "{\"caseInfo\":{\"id\":\"" + CASE
                + "\",\"title\":\"t2\",\"description\":\"d\",\"creatorId\":\"op1\"}}");
        assertThat(modify.statusCode()).isEqualTo(500);
        assertThat(new String(modify.body(), StandardCharsets.UTF_8))
                .isEqualTo(EndpointResponse.of(ResCode.INTERNAL_ERROR).bodyText());

        failure.set(error);
        HttpResponse<byte[]> read = get("case/" + CASE);
        assertThat(read.statusCode()).isEqualTo(500);

        // The worker threads and the server are intact: the next requests are served.
        for (int i = 0; i < 3; i++) {
            assertThat(get("case/" + CASE).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void an_error_after_the_answer_was_sent_does_not_stop_the_host() throws Exception {
        logFailure.set(new OutOfMemoryError("while logging"));
        assertThat(get("case/" + CASE).statusCode()).isEqualTo(200);
        assertThat(get("case/" + CASE).statusCode()).isEqualTo(200);
        assertThat(logFailure.get()).as("the failing log was called").isNull();
    }

    @Test
    void a_modify_repeating_one_option_170000_times_gets_a_small_bounded_answer() throws Exception {
        String body = "{\"caseInfo\":{\"id\":\"" + CASE + "\",\"title\":\"t\",\"description\":\"d\",\"creatorId\":\"op1\","
                + "\"AICC__tags__CST\":[" + String.join(",", Collections.nCopies(170_000, "\"vip\"")) + "]}}";
        assertThat(body.length()).isBetween(1_000_000, JsonLimits.defaults().maxDocumentBytes());

        HttpResponse<byte[]> response = post("case/modify", body);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode answer = JsonMapper.builder().build().readTree(response.body());
        assertThat(answer.get("resCode").asString()).isEqualTo("400002");
        assertThat(answer.get("errorCount").asLong()).isEqualTo(170_000);
        assertThat(answer.get("errors").size()).isEqualTo(100);
        // 100 entries of at most ~170 bytes each for this field (its path ≤ 31 bytes, message ≤ 50,
        // params ≤ 40, keys and punctuation ≈ 45) and a 90-byte envelope: under 20,000 bytes with room.
        // Unbounded, the same request got 25 MB.
        assertThat(response.body().length).isLessThan(20_000);
    }

    private HttpResponse<byte[]> post(String endpoint, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(uri(endpoint)).timeout(HANG_GUARD)
                .header(CaseRequestHandler.ACCESS_TOKEN, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> get(String endpoint) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(uri(endpoint)).timeout(HANG_GUARD)
                .header(CaseRequestHandler.ACCESS_TOKEN, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String endpoint) {
        return server.baseUri().resolve(endpoint);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }
}

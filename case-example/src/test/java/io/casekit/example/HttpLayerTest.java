package io.casekit.example;

import static io.casekit.example.TestHost.ACME;
import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.Case;
import io.casekit.core.CaseConflictException;
import io.casekit.core.CaseId;
import io.casekit.core.HistoryEntry;
import io.casekit.core.StorageUnavailableException;
import io.casekit.core.TenantId;
import io.casekit.core.service.AuthorizationPolicy;
import io.casekit.core.service.AuthorizationRequest;
import io.casekit.core.service.CaseService;
import io.casekit.core.service.CaseServiceOptions;
import io.casekit.core.service.ReapplyBackoff;
import io.casekit.core.spi.CaseStore;
import io.casekit.core.template.CaseType;
import io.casekit.json.CaseEndpoints;
import io.casekit.json.CaseJson;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP layer on any {@link CaseEndpoints}: the codes this host's own set-up never produces
 * (it has no authorization policy, no way to pin a version, and its stores classify every failure)
 * or produces only under heavy contention
 * still reach the client with their status. Here the service runs on the in-memory store, with a
 * policy or a store fault put in on purpose.
 */
class HttpLayerTest {
    private static final String ID = "c6m800000142mS63Voa8";
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final String token = AccessTokens.newToken();
    private final InMemoryTemplateCatalog catalog = new InMemoryTemplateCatalog();
    private final FaultyStore store = new FaultyStore();
    private CaseHttpServer server;

    HttpLayerTest() {
        List<CaseType> types = CaseJson.create().readCaseTypes(readResource("test-case-types.json"));
        types.forEach(catalog::save);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aRefusalOfTheHostsPolicyIsForbidden() throws Exception {
        serve(CaseService.builder(store, catalog)
                .policy(request -> request.operation() == AuthorizationRequest.Operation.MODIFY
                        ? AuthorizationPolicy.Decision.refuse("only the owner may change a case")
                        : AuthorizationPolicy.Decision.allow())
                .build());
        assertThat(post("case", TestHost.acmeCase(ID, "Mine")).statusCode()).isEqualTo(200);

        HttpResponse<String> reply = post("case/modify", TestHost.retitle(ID, "Yours"));

        assertThat(reply.statusCode()).isEqualTo(403);
        assertThat(reply.body()).isEqualTo("{\"resCode\":\"403001\",\"resMsg\":\"Refused: only the owner may change a case\"}");
    }

    @Test
    void aRefusalOfEachOperationIsForbiddenAndChangesNothing() throws Exception {
        AtomicReference<AuthorizationRequest.Operation> refused = new AtomicReference<>();
        List<AuthorizationRequest> asked = new CopyOnWriteArrayList<>();
        serve(CaseService.builder(store, catalog).policy(request -> {
            asked.add(request);
            return request.operation() == refused.get()
                    ? AuthorizationPolicy.Decision.refuse("not for you: " + request.operation())
                    : AuthorizationPolicy.Decision.allow();
        }).build());
        assertThat(post("case", TestHost.acmeCase(ID, "Mine")).statusCode()).isEqualTo(200);
        String other = "c6m800000142mS63Vob9";

        Map<AuthorizationRequest.Operation, Callable<HttpResponse<String>>> calls = new LinkedHashMap<>();
        calls.put(AuthorizationRequest.Operation.CREATE, () -> post("case", TestHost.acmeCase(other, "Theirs")));
        calls.put(AuthorizationRequest.Operation.READ, () -> get("case/" + ID));
        calls.put(AuthorizationRequest.Operation.HISTORY, () -> get("case/" + ID + "/history"));
        calls.put(AuthorizationRequest.Operation.MODIFY, () -> post("case/modify", TestHost.retitle(ID, "Yours")));
        for (Map.Entry<AuthorizationRequest.Operation, Callable<HttpResponse<String>>> call : calls.entrySet()) {
            refused.set(call.getKey());
            asked.clear();

            HttpResponse<String> reply = call.getValue().call();

            assertThat(reply.statusCode()).as(call.getKey().name()).isEqualTo(403);
            assertThat(reply.body()).isEqualTo("{\"resCode\":\"403001\",\"resMsg\":\"Refused: not for you: "
                    + call.getKey() + "\"}");
            assertThat(asked).extracting(AuthorizationRequest::operation).containsExactly(call.getKey());
            assertThat(asked.get(0).tenant()).isEqualTo(ACME);
        }
        refused.set(null);
        assertThat(store.find(ACME, CaseId.of(ID)).orElseThrow().version()).isEqualTo(1);
        assertThat(store.find(ACME, CaseId.of(other))).isEmpty();
    }

    @Test
    void changesThatKeepLosingTheRaceAreAVersionConflict() throws Exception {
        // No waits between the re-applies: this test needs the give-up, not the backoff.
        serve(CaseService.builder(store, catalog)
                .options(CaseServiceOptions.defaults().withReapplyBackoff(ReapplyBackoff.none())).build());
        assertThat(post("case", TestHost.acmeCase(ID, "Contended")).statusCode()).isEqualTo(200);
        store.onUpdate = () -> new CaseConflictException(CaseId.of(ID), 1, 2);

        HttpResponse<String> reply = post("case/modify", TestHost.retitle(ID, "Mine at last"));

        assertThat(reply.statusCode()).isEqualTo(409);
        assertThat(reply.body()).startsWith("{\"resCode\":\"409001\",\"resMsg\":\"Version conflict\",\"errors\":[")
                .contains("\"expectedVersion\":1", "\"actualVersion\":2", "\"reapplies\":10", "gave up after 10 re-applies");
    }

    @Test
    void anUnexpectedFailureIsAnInternalErrorThatRevealsNothing() throws Exception {
        serve(CaseService.builder(store, catalog).build());
        store.onFind = () -> new IllegalStateException("SELECT secret FROM internals failed");

        HttpResponse<String> reply = get("case/" + ID);

        assertThat(reply.statusCode()).isEqualTo(500);
        assertThat(reply.body()).isEqualTo("{\"resCode\":\"500001\",\"resMsg\":\"Internal error\"}");
    }

    @Test
    void aFailingStoreIsStorageUnavailable() throws Exception {
        serve(CaseService.builder(store, catalog).build());
        store.onFind = () -> new StorageUnavailableException("The case database can not be reached");

        HttpResponse<String> reply = get("case/" + ID);

        assertThat(reply.statusCode()).isEqualTo(503);
        assertThat(reply.body()).isEqualTo("{\"resCode\":\"503001\",\"resMsg\":\"Storage unavailable; the request can be "
                + "retried\"}");
    }

    @Test
    void aHeadRequestGetsTheStatusWithoutABody() throws Exception {
        serve(CaseService.builder(store, catalog).build());

        HttpResponse<String> reply = CLIENT.send(HttpRequest.newBuilder(uri("case/" + ID))
                .header("access-token", token).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(reply.statusCode()).isEqualTo(405);
        assertThat(reply.headers().firstValue("Allow")).contains("GET");
        assertThat(reply.body()).isEmpty();
    }

    private void serve(CaseService service) throws IOException {
        server = CaseHttpServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), CaseEndpoints.of(service),
                AccessTokens.single(token, ACME), (method, path, status, resCode, millis) -> { });
    }

    private URI uri(String endpoint) {
        return server.baseUri().resolve(endpoint);
    }

    private HttpResponse<String> post(String endpoint, String body) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(uri(endpoint)).header("access-token", token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String endpoint) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(uri(endpoint)).header("access-token", token).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static byte[] readResource(String name) {
        try (var in = HttpLayerTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The in-memory store, with a fault put in front of a method on demand. */
    private static final class FaultyStore implements CaseStore {
        private final InMemoryCaseStore delegate = new InMemoryCaseStore();
        volatile Supplier<RuntimeException> onFind = () -> null;
        volatile Supplier<RuntimeException> onUpdate = () -> null;

        @Override
        public Optional<Case> find(TenantId tenant, CaseId id) {
            throwIfSet(onFind);
            return delegate.find(tenant, id);
        }

        @Override
        public void insert(Case created, HistoryEntry creation) {
            delegate.insert(created, creation);
        }

        @Override
        public void update(Case updated, long expectedVersion, HistoryEntry entry) {
            throwIfSet(onUpdate);
            delegate.update(updated, expectedVersion, entry);
        }
        @Override
        public boolean erase(TenantId tenant, CaseId id) {
            return delegate.erase(tenant, id);
        }


        @Override
        public List<HistoryEntry> history(TenantId tenant, CaseId id) {
            return delegate.history(tenant, id);
        }

        private static void throwIfSet(Supplier<RuntimeException> fault) {
            RuntimeException e = fault.get();
            if (e != null) {
                throw e;
            }
        }
    }
}

package io.casekit.example;

import io.casekit.core.service.CaseService;
import io.casekit.json.CaseEndpoints;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * The reference host's HTTP server on a free loopback port over a service, with one token for the
 * tenant {@code acme}, and a client that sends as that token: for the HTTP tests of one endpoint
 * family on the in-memory store. No request log.
 */
final class LoopbackHost implements AutoCloseable {
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    final String token = AccessTokens.newToken();
    private final CaseHttpServer server;

    LoopbackHost(CaseService service) throws IOException {
        server = CaseHttpServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                CaseEndpoints.of(service), AccessTokens.single(token, TestHost.ACME), (m, p, s, r, t) -> { });
    }

    URI uri(String endpoint) {
        return server.baseUri().resolve(endpoint);
    }

    /** Sends with the token; {@code body} null for none, {@code contentType} null for no header. */
    HttpResponse<String> send(String method, String endpoint, String body, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(endpoint)).header("access-token", token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.close();
    }
}

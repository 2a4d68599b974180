package io.casekit.example.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The hostile suites' own client ({@link OneShotHttp}) gets, byte for byte, the answers the JDK's
 * {@link HttpClient} gets for the same hostile bodies, sent with a declared length and chunked: the
 * suites see the host as a standard client does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneShotHttpTest {
    private static final List<byte[]> BODIES = List.of(
            "{".getBytes(StandardCharsets.UTF_8),
            "[]".getBytes(StandardCharsets.UTF_8),
            "{\"caseInfo\":{\"id\":\"a\",\"id\":\"b\"}}".getBytes(StandardCharsets.UTF_8),
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'},
            new byte[] {'{', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', ':', '1', '}'},
            ("{\"caseInfo\":{\"id\":\"h0000000000000000000\",\"title\":\"\\ud800\",\"description\":\"d\","
                    + "\"creatorId\":\"c\"}}").getBytes(StandardCharsets.UTF_8),
            ("{\"caseInfo\":{\"id\":\"h0000000000000000000\",\"title\":\"t\",\"description\":\"d\",\"creatorId\":\"c\"}}"
                    + " ".repeat(FuzzCase.LIMIT)).getBytes(StandardCharsets.UTF_8));

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private HostileHost host;

    @BeforeAll
    void start() {
        host = HostileHost.start(HostileStore.MEMORY);
    }

    @AfterAll
    void stop() throws Exception {
        host.close();
    }

    @Test
    void answers_are_those_a_standard_client_gets() throws Exception {
        for (byte[] body : BODIES) {
            for (Transport transport : List.of(Transport.DECLARED_LENGTH, Transport.CHUNKED)) {
                Answer ours = host.post("case/modify", body, transport);

                HttpRequest.BodyPublisher publisher = transport == Transport.CHUNKED
                        ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                        : HttpRequest.BodyPublishers.ofByteArray(body);
                HttpResponse<byte[]> standard = client.send(HttpRequest.newBuilder(uri("case/modify"))
                                .header("access-token", host.token()).header("Content-Type", HostileHost.JSON)
                                .timeout(HostileHost.HANG_GUARD).POST(publisher).build(),
                        HttpResponse.BodyHandlers.ofByteArray());

                String input = Json.preview(body) + " " + transport;
                assertThat(ours.status()).as(input).isEqualTo(standard.statusCode());
                assertThat(ours.contentType()).as(input).isEqualTo(standard.headers().firstValue("Content-Type").orElse(""));
                assertThat(ours.text()).as(input).isEqualTo(new String(standard.body(), StandardCharsets.UTF_8));
                assertThat(ours.resCode()).as(input).isNotIn("0", "500001");
            }
        }
    }

    private URI uri(String endpoint) {
        return host.baseUri().resolve(endpoint);
    }
}

package io.casekit.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.TenantId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A reference host for the tests, started as {@code serve} starts one: the tokens and case types
 * come from files, two tenants ({@link #ACME}, {@link #GLOBEX}) each have a type
 * {@value #TYPE}, and every request log line is kept. Also the client of that host.
 */
final class TestHost implements AutoCloseable {
    static final TenantId ACME = TenantId.of("acme");
    static final TenantId GLOBEX = TenantId.of("globex");
    static final String TYPE = "ct000000000000000001";
    static final String CONTACT = "ciIy0000013w9aru7cDQ";
    static final String CREATOR = "10gg0000013wljxK5XX6";
    static final String JSON = "application/json";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ID_CHARACTERS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    final String acmeToken = AccessTokens.newToken();
    final String globexToken = AccessTokens.newToken();
    final HostSettings settings;
    final CaseHost host;
    private final BlockingQueue<String> logLines = new LinkedBlockingQueue<>();

    private TestHost(HostSettings settings, Path folder) {
        Path tokensFile = folder.resolve("tokens.json");
        Path typesFile = folder.resolve("types.json");
        try {
            Files.writeString(tokensFile, "{\"tokens\":{\"" + acmeToken + "\":\"acme\",\"" + globexToken + "\":\"globex\"}}");
            Files.write(typesFile, TestHost.class.getResourceAsStream("test-case-types.json").readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.settings = settings.withTokensFile(tokensFile).withTypesFile(typesFile);
        this.host = CaseHost.start(this.settings, AccessTokens.load(tokensFile), CaseTypesFile.read(typesFile),
                (method, path, status, resCode, millis) -> {
                    ByteArrayOutputStream line = new ByteArrayOutputStream();
                    RequestLog.to(new PrintStream(line, true, StandardCharsets.UTF_8), Clock.systemUTC())
                            .record(method, path, status, resCode, millis);
                    logLines.add(line.toString(StandardCharsets.UTF_8));
                });
    }

    /** Starts a host on a free loopback port; tokens and types files are written into {@code folder}. */
    static TestHost start(HostSettings settings, Path folder) {
        return new TestHost(settings.withPort(0), folder);
    }

    /** A case id no test has used. */
    static String newCaseId() {
        StringBuilder id = new StringBuilder("t");
        for (int i = 1; i < 20; i++) {
            id.append(ID_CHARACTERS.charAt(RANDOM.nextInt(ID_CHARACTERS.length())));
        }
        return id.toString();
    }

    /** A valid create request of an acme Complaint with this id. */
    static String acmeCase(String id, String title) {
        return "{\"caseInfo\":{\"id\":\"" + id + "\",\"type\":\"" + TYPE + "\",\"title\":\"" + title
                + "\",\"description\":\"Ordered on 1 June\",\"contactId\":\"" + CONTACT + "\",\"creatorId\":\""
                + CREATOR + "\",\"AICC__severity__CST\":\"S1\"}}";
    }

    /** A valid modify request of the case with this id, setting its title. */
    static String retitle(String id, String title) {
        return "{\"caseInfo\":{\"id\":\"" + id + "\",\"title\":\"" + title + "\",\"description\":\"Ordered on 1 June\","
                + "\"creatorId\":\"" + CREATOR + "\"}}";
    }

    URI uri(String endpoint) {
        return host.baseUri().resolve(endpoint);
    }

    Reply post(String endpoint, String token, String body) {
        return post(endpoint, token, JSON, body.getBytes(StandardCharsets.UTF_8));
    }

    Reply post(String endpoint, String token, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(uri(endpoint))
                .header(CaseRequestHandler.ACCESS_TOKEN, token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    Reply get(String endpoint, String token) {
        return send(HttpRequest.newBuilder(uri(endpoint)).header(CaseRequestHandler.ACCESS_TOKEN, token).GET());
    }

    Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates an acme case and returns its id. */
    String createAcmeCase(String title) {
        String id = newCaseId();
        Reply created = post("case", acmeToken, acmeCase(id, title));
        assertThat(created.text()).isEqualTo("{\"resCode\":\"0\",\"resMsg\":\"Success\",\"result\":{\"caseId\":\"" + id + "\"}}");
        return id;
    }

    /** Forgets the log lines written so far, once every request answered so far has written its own. */
    void clearLog() throws InterruptedException {
        for (int i = 0; i < 1000 && host.requestsInProgress() > 0; i++) {
            Thread.sleep(10);
        }
        assertThat(host.requestsInProgress()).as("requests still in progress").isZero();
        logLines.clear();
    }

    /**
     * The next {@code count} log lines, waiting for them: a line is written once the answer is sent,
     * so it may come just after the client has the answer.
     */
    List<String> awaitLogLines(int count) throws InterruptedException {
        List<String> lines = new ArrayList<>();
        while (lines.size() < count) {
            String line = logLines.poll(10, TimeUnit.SECONDS);
            assertThat(line).as("log line %d of %d", lines.size() + 1, count).isNotNull();
            lines.add(line);
        }
        return lines;
    }

    /** The log lines written so far and not yet taken. */
    List<String> remainingLogLines() {
        List<String> lines = new ArrayList<>();
        logLines.drainTo(lines);
        return lines;
    }

    @Override
    public void close() {
        host.close();
    }
}

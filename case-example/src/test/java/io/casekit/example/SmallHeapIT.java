package io.casekit.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenario in a process of its own: the jar on a 128 MiB heap, several 1 MiB modify
 * requests that repeat one MULTI_PICKLIST option 170,000 times sent at once. Every client gets an
 * answer ({@code 400002}, small, or {@code 500001} should the heap still run out), none waits in
 * vain, and the host serves on. Run by Failsafe after the jar is built.
 */
class SmallHeapIT {
    private static final Path JAR = Path.of(System.getProperty("casekit.example.jar", "target/case-example.jar")).toAbsolutePath();
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final Pattern SERVING = Pattern.compile("Serving on (http://127\\.0\\.0\\.1:\\d+/\\S+)");
    private static final int CONCURRENT = 8;
    /** A hang guard, far above any answer: not a speed check. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(90);

    @TempDir
    Path folder;

    @Test
    void repeatedOptionRequestsOnA128MiBHeapAreAllAnswered() throws Exception {
        String token = AccessTokens.newToken();
        Path tokens = Files.writeString(folder.resolve("tokens.json"), "{\"tokens\":{\"" + token + "\":\"acme\"}}");
        Path types = Files.writeString(folder.resolve("types.json"), "{\"caseTypes\":[{\"tenant\":\"acme\","
                + "\"id\":\"ct000000000000000001\",\"name\":\"Complaint\",\"fields\":[{\"name\":\"AICC__tags__CST\","
                + "\"type\":\"MULTI_PICKLIST\",\"options\":[\"vip\",\"legal\",\"press\"],\"maxItems\":2}]}]}");
        Path out = folder.resolve("out.txt");
        Process process = new ProcessBuilder(JAVA.toString(), "-Xmx128m", "-jar", JAR.toString(), "serve", "--port", "0",
                "--db", CaseDatabase.h2FileUrl(folder.resolve("casekit")), "--tokens", tokens.toString(),
                "--types", types.toString()).directory(folder.toFile())
                .redirectOutput(out.toFile()).redirectError(folder.resolve("err.txt").toFile()).start();
        try {
            URI base = awaitServing(process, out);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String id = TestHost.newCaseId();
            assertThat(client.send(post(base, token, "case", "{\"caseInfo\":{\"id\":\"" + id + "\",\"type\":\""
                    + TestHost.TYPE + "\",\"title\":\"t\",\"description\":\"d\",\"contactId\":\"c1\",\"creatorId\":\"op1\"}}"),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            String hostile = "{\"caseInfo\":{\"id\":\"" + id + "\",\"title\":\"t\",\"description\":\"d\",\"creatorId\":\"op1\","
                    + "\"AICC__tags__CST\":[" + String.join(",", Collections.nCopies(170_000, "\"vip\"")) + "]}}";

            List<CompletableFuture<HttpResponse<byte[]>>> answers = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                answers.add(client.sendAsync(post(base, token, "case/modify", hostile), HttpResponse.BodyHandlers.ofByteArray()));
            }
            for (CompletableFuture<HttpResponse<byte[]>> answer : answers) {
                HttpResponse<byte[]> response = answer.get(HANG_GUARD.toSeconds() + 10, TimeUnit.SECONDS);
                String body = new String(response.body(), StandardCharsets.UTF_8);
                assertThat(response.statusCode()).as(body).isIn(400, 500);
                if (response.statusCode() == 400) {
                    assertThat(body).contains("\"errorCount\":170000");
                    assertThat(response.body().length).isLessThan(20_000);
                } else {
                    assertThat(body).isEqualTo("{\"resCode\":\"500001\",\"resMsg\":\"Internal error\"}");
                }
            }
            HttpResponse<String> read = client.send(HttpRequest.newBuilder(base.resolve("case/" + id)).timeout(HANG_GUARD)
                    .header("access-token", token).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(read.statusCode()).as("the host serves on").isEqualTo(200);
        } finally {
            process.destroy();
            process.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static HttpRequest post(URI base, String token, String endpoint, String body) {
        return HttpRequest.newBuilder(base.resolve(endpoint)).timeout(HANG_GUARD).header("access-token", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private static URI awaitServing(Process process, Path out) throws Exception {
        for (int i = 0; i < 600; i++) {
            Matcher serving = SERVING.matcher(Files.readString(out));
            if (serving.find()) {
                return URI.create(serving.group(1));
            }
            assertThat(process.isAlive()).as("the host is running").isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("The host did not start within 60 s");
    }
}

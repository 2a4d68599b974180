package io.casekit.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executable jar as a user runs it, in a process of its own: {@code demo}, {@code serve} until
 * SIGTERM, and the exit status of a wrong start. Run by Failsafe after the jar is built.
 */
class ExecutableJarIT {
    private static final Path JAR = Path.of(System.getProperty("casekit.example.jar", "target/case-example.jar")).toAbsolutePath();
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final Pattern SERVING = Pattern.compile("Serving on (http://127\\.0\\.0\\.1:\\d+/\\S+)");

    @TempDir
    Path folder;

    @Test
    void theDemoRunsFromTheJarAndExitsWithZero() throws Exception {
        Run run = start(List.of("demo"));

        assertThat(run.process.waitFor(120, TimeUnit.SECONDS)).as("the demo ends").isTrue();

        assertThat(run.process.exitValue()).as("exit status; error output: %s", run.err()).isZero();
        assertThat(run.out())
                .contains(new String(Demo.resource("seed-modify-request.json"), StandardCharsets.UTF_8))
                .contains("{\"resCode\":\"0\",\"resMsg\":\"Success\"}")
                .contains("\"title\": \"testOpenApi11\"")
                .contains("Done: the example request was answered");
        // Nothing but the demo: no driver, pool or logging chatter, no stack trace.
        assertThat(run.err()).isEmpty();
    }

    @Test
    void serveAnswersAndStopsCleanlyOnSigterm() throws Exception {
        String token = AccessTokens.newToken();
        Path tokens = Files.writeString(folder.resolve("tokens.json"), "{\"tokens\":{\"" + token + "\":\"acme\"}}");
        Path types = folder.resolve("types.json");
        Files.write(types, ExecutableJarIT.class.getResourceAsStream("test-case-types.json").readAllBytes());
        Run run = start(List.of("serve", "--port", "0", "--db", CaseDatabase.h2FileUrl(folder.resolve("casekit")),
                "--tokens", tokens.toString(), "--types", types.toString(), "--zone", "Europe/Paris"));
        URI base = run.awaitServing();

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String id = TestHost.newCaseId();
        HttpResponse<String> created = client.send(HttpRequest.newBuilder(base.resolve("case"))
                .header("access-token", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(TestHost.acmeCase(id, "Served"))).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> read = client.send(HttpRequest.newBuilder(base.resolve("case/" + id))
                .header("access-token", token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"title\":\"Served\"");

        run.process.destroy(); // SIGTERM

        assertThat(run.process.waitFor(60, TimeUnit.SECONDS)).as("the host stops").isTrue();
        assertThat(run.process.exitValue()).isEqualTo(143);
        assertThat(run.out())
                .contains("case types: 3 from " + types)
                .contains("tokens:     1 for [acme], from " + tokens)
                .contains("zone:       Europe/Paris")
                .containsPattern("Z POST /service/AICC__Case/1.0.0/openapi/case 200 0 \\d+ms")
                .containsPattern("Z GET /service/AICC__Case/1.0.0/openapi/case/" + id + " 200 0 \\d+ms")
                .contains("Stopping: answering the requests in progress, then closing the database\nStopped\n")
                .doesNotContain(token);
        assertThat(run.err()).isEmpty();
        try (TestHost again = TestHost.start(HostSettings.defaults()
                .withDatabaseUrl(CaseDatabase.h2FileUrl(folder.resolve("casekit"))), folder.resolve("again"))) {
            assertThat(again.get("case/" + id, again.acmeToken).text()).contains("\"title\":\"Served\"");
        }
    }

    @Test
    void aWrongCommandLineExitsWithTwoAndNoStackTrace() throws Exception {
        Run run = start(List.of("serve", "--port", "eighty"));

        assertThat(run.process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(run.process.exitValue()).isEqualTo(2);
        assertThat(run.err()).startsWith("case-example: --port must be a number").contains("Usage:")
                .doesNotContain("Exception", "\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMalformedTypesFileExitsWithOneAndNoStackTrace() throws Exception {
        Path types = folder.resolve("types.json");
        Files.write(types, ExecutableJarIT.class.getResourceAsStream("malformed-case-types.json").readAllBytes());

        Run run = start(List.of("serve", "--port", "0", "--types", types.toString(),
                "--db", CaseDatabase.h2FileUrl(folder.resolve("casekit"))));

        assertThat(run.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(run.process.exitValue()).isEqualTo(1);
        assertThat(run.err()).contains("case type ct1, field 'AICC__x__CST'").doesNotContain("Exception", "\tat ");
    }

    private Run start(List<String> args) throws IOException {
        Files.createDirectories(folder.resolve("again"));
        List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-jar", JAR.toString()));
        command.addAll(args);
        Path out = folder.resolve("out.txt");
        Path err = folder.resolve("err.txt");
        Process process = new ProcessBuilder(command).directory(folder.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new Run(process, out, err);
    }

    private record Run(Process process, Path outFile, Path errFile) {
        String out() throws IOException {
            return Files.readString(outFile).replace(System.lineSeparator(), "\n");
        }

        String err() throws IOException {
            return Files.readString(errFile);
        }

        URI awaitServing() throws Exception {
            for (int i = 0; i < 600; i++) {
                Matcher serving = SERVING.matcher(out());
                if (serving.find()) {
                    return URI.create(serving.group(1));
                }
                assertThat(process.isAlive()).as("the host is running; error output: %s", err()).isTrue();
                Thread.sleep(100);
            }
            throw new AssertionError("The host did not start within 60 s: " + out() + err());
        }
    }
}

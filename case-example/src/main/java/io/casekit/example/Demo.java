package io.casekit.example;

import io.casekit.core.TenantId;
import io.casekit.core.template.CaseType;
import io.casekit.core.template.FieldDefinition;
import io.casekit.json.CaseJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@code demo} command: the AICC "Modifying a Case" example end to end, over real HTTP, on a
 * throw-away H2 database in a temporary folder that is deleted at the end. It starts a host on a
 * free loopback port, defines a case type, creates case {@value #CASE_ID}, sends the page's modify
 * request byte for byte, reads the case and its history, and prints every request and response.
 */
final class Demo {
    static final String CASE_ID = "c6m800000142mS63Voa8";
    static final TenantId TENANT = TenantId.of("demo");
    static final String SUCCESS = "{\"resCode\":\"0\",\"resMsg\":\"Success\"}";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final PrintStream out;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
    private final String token = AccessTokens.newToken();

    private Demo(PrintStream out) {
        this.out = out;
    }

    /** Runs the demo; 0 when every step succeeded, else 1 with the reason on {@code err}. */
    static int run(PrintStream out, PrintStream err) {
        Path folder;
        try {
            folder = Files.createTempDirectory("casekit-demo-");
        } catch (IOException e) {
            err.println("case-example: the demo can not create its temporary folder: " + e.getMessage());
            return 1;
        }
        try {
            new Demo(out).runIn(folder);
            return 0;
        } catch (DemoFailed | StartupException e) {
            err.println("case-example: the demo failed: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("case-example: the demo failed: a request could not be sent or answered: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("case-example: the demo was interrupted");
            return 1;
        } finally {
            deleteFolder(folder, err);
        }
    }

    private void runIn(Path folder) throws IOException, InterruptedException {
        List<CaseType> types = CaseJson.create().readCaseTypes(resource("demo-case-types.json"));
        HostSettings settings = HostSettings.defaults()
                .withPort(0)
                .withDatabaseUrl(CaseDatabase.h2FileUrl(folder.resolve("casekit")));
        ByteArrayOutputStream logLines = new ByteArrayOutputStream();
        RequestLog log = RequestLog.to(new PrintStream(logLines, true, StandardCharsets.UTF_8), Clock.systemUTC());

        out.println("casekit demo: the AICC \"Modifying a Case\" example, end to end over HTTP");
        out.println();
        try (CaseHost host = CaseHost.start(settings, AccessTokens.single(token, TENANT), types, log)) {
            out.println("Database:  H2 in " + folder + " (deleted at the end)");
            out.println("Serving:   " + host.baseUri());
            out.println("Tenant:    " + TENANT + ", through a random access token made for this run");
            for (CaseType type : types) {
                out.println("Case type: " + type.id() + " \"" + type.name() + "\" with fields "
                        + type.fields().stream().map(Demo::describe).collect(Collectors.joining(", ")));
            }

            step("1. Create case " + CASE_ID + " (POST case; a host may choose the id)");
            Answer created = post(host, "case", resource("demo-create-request.json"));
            expect(created.status == 200, "the create answered " + created);

            step("2. Modify it with the example request of the AICC page, byte for byte (POST case/modify)");
            Answer modified = post(host, "case/modify", resource("seed-modify-request.json"));
            expect(modified.status == 200 && modified.body.equals(SUCCESS),
                    "the example modify answered " + modified + " instead of 200 " + SUCCESS);

            step("3. Read the case (GET case/" + CASE_ID + ")");
            Answer read = get(host, "case/" + CASE_ID);
            expect(read.status == 200, "the read answered " + read);

            step("4. Its history, oldest first: the creation, then the example's change (GET case/" + CASE_ID
                    + "/history)");
            Answer history = get(host, "case/" + CASE_ID + "/history");
            expect(history.status == 200, "the history answered " + history);
        }
        step("The host's request log (one line per request; no body, no token)");
        out.print(logLines.toString(StandardCharsets.UTF_8));
        out.println();
        out.println("Done: the example request was answered " + SUCCESS + ", and the case and its history show"
                + " the change. The demo database has been deleted.");
    }

    private Answer post(CaseHost host, String endpoint, byte[] body) throws IOException, InterruptedException {
        URI uri = host.baseUri().resolve(endpoint);
        out.println("> POST " + uri);
        out.println("> Content-Type: application/json");
        out.println("> access-token: " + token.substring(0, 6) + "... (the demo token, shortened here)");
        out.println(">");
        out.println(new String(body, StandardCharsets.UTF_8));
        out.println();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header(CaseRequestHandler.ACCESS_TOKEN, token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        Answer answer = send(request);
        out.println(answer.body);
        return answer;
    }

    private Answer get(CaseHost host, String endpoint) throws IOException, InterruptedException {
        URI uri = host.baseUri().resolve(endpoint);
        out.println("> GET " + uri);
        out.println("> access-token: " + token.substring(0, 6) + "... (the demo token, shortened here)");
        out.println();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header(CaseRequestHandler.ACCESS_TOKEN, token)
                .GET()
                .build();
        Answer answer = send(request);
        out.println("(indented here for reading; the body is one line)");
        out.println(JsonIndent.indent(answer.body));
        return answer;
    }

    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        out.println("< HTTP " + response.statusCode());
        out.println("< Content-Type: " + response.headers().firstValue("Content-Type").orElse("(none)"));
        out.println("< Content-Length: " + response.headers().firstValue("Content-Length").orElse("(none)"));
        out.println("<");
        return new Answer(response.statusCode(), response.body());
    }

    private void step(String title) {
        out.println();
        out.println("== " + title);
        out.println();
    }

    private static String describe(FieldDefinition field) {
        return field.name() + " (" + field.type() + (field.required() ? ", required)" : ")");
    }

    private static void expect(boolean condition, String failure) {
        if (!condition) {
            throw new DemoFailed(failure);
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = Demo.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The jar lacks its resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteFolder(Path folder, PrintStream err) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            err.println("case-example: the demo database in " + folder + " could not be deleted: " + e.getMessage());
        }
    }

    private record Answer(int status, String body) {
        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** A step of the demo did not get the answer it should have. */
    private static final class DemoFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DemoFailed(String message) {
            super(message);
        }
    }
}

package io.casekit.spring.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.TenantId;
import io.casekit.core.spi.TemplateCatalog;
import io.casekit.core.template.CaseType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The application as configured by its application.properties, on H2, on a random port. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleApplicationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ENDPOINTS = "/service/AICC__Case/1.0.0/openapi/";

    @LocalServerPort
    int port;

    @Autowired
    SampleProperties properties;

    @Autowired
    SampleCaseTypes caseTypes;

    @Autowired
    TemplateCatalog catalog;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theCaseTypesOfTheDocumentAreInTheCatalog() {
        assertThat(caseTypes.loaded()).isNotEmpty();
        for (CaseType type : caseTypes.loaded()) {
            assertThat(catalog.find(type.tenant(), type.id())).contains(type);
        }
    }

    @Test
    void aCaseOfALoadedTypeIsCreatedAndReadBackOverHttp() throws Exception {
        String token = tokenOf("demo");
        CaseType ticket = caseTypes.loaded().stream()
                .filter(t -> t.tenant().equals(TenantId.of("demo")) && t.statusFlow().strictOrder())
                .findFirst().orElseThrow();
        String id = "sampleTest" + System.nanoTime() % 1_000_000_000;

        JsonNode created = post(token, "case", "{\"caseInfo\":{\"id\":\"" + id + "\",\"type\":\"" + ticket.id().value()
                + "\",\"title\":\"Printer jams\",\"description\":\"Every second page\",\"contactId\":\"ciIy0000013w9aru7cDQ\",\"creatorId\":\"10gg0000013wljxK5XX6\"}}");
        assertThat(created.path("resCode").asString()).as("%s", created).isEqualTo("0");
        assertThat(created.path("result").path("caseId").asString()).isEqualTo(id);

        JsonNode read = get(token, ENDPOINTS + "case/" + id, 200);
        assertThat(read.path("result").path(0).path("title").asString()).isEqualTo("Printer jams");
        assertThat(read.path("result").path(0).path("status").asString())
                .isEqualTo(ticket.statusFlow().first().name());
    }

    @Test
    void anUnknownTokenIsRefused() throws Exception {
        JsonNode answer = get("not-" + tokenOf("demo"), ENDPOINTS + "case/c6m800000142mS63Voa8", 401);
        assertThat(answer.path("resCode").asString()).isEqualTo("401001");
    }

    @Test
    void actuatorHealthIsUpWithCasekitsSchema() throws Exception {
        JsonNode health = get(null, "/actuator/health", 200);
        assertThat(health.path("status").asString()).isEqualTo("UP");
        JsonNode casekit = health.path("components").path("casekit");
        assertThat(casekit.path("status").asString()).as("%s", health).isEqualTo("UP");
        assertThat(casekit.path("details").path("schemaVersion").asInt())
                .isEqualTo(casekit.path("details").path("expectedSchemaVersion").asInt()).isPositive();
    }

    @Test
    void casekitsCallsAreTimedInBootsMetricsAndItsVersionIsInTheInfo() throws Exception {
        String token = tokenOf("demo");
        get(token, ENDPOINTS + "case/no-such-case", 404);

        JsonNode reads = get(null, "/actuator/metrics/casekit.operation?tag=operation:read&tag=outcome:not_found", 200);
        assertThat(reads.path("measurements").findValues("value")).as("%s", reads).isNotEmpty();
        assertThat(reads.path("measurements").get(0).path("statistic").asString()).isEqualTo("COUNT");
        assertThat(reads.path("measurements").get(0).path("value").asDouble()).isGreaterThanOrEqualTo(1.0);
        assertThat(get(null, "/actuator/info", 200).path("casekit").path("schemaVersion").asInt()).isPositive();
    }

    private String tokenOf(String tenant) {
        return properties.tokens().entrySet().stream().filter(e -> e.getValue().equals(tenant))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    private JsonNode post(String token, String endpoint, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(ENDPOINTS + endpoint)).header("access-token", token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    private JsonNode get(String token, String path, int status) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("access-token", token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s", path, response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}

package io.casekit.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document read by a real OpenAPI parser (swagger-parser): no message, version 3.1.0, and
 * exactly the endpoints casekit serves. case-example's {@code OpenApiResponsesTest} checks the host's
 * real answers against the document's schemas.
 */
class OpenApiDocumentTest {
    private static final String BASE = "/service/AICC__Case/1.0.0/openapi";

    /**
     * Every (method, path) casekit serves, as the reference host routes them: the endpoints of
     * {@link CaseEndpoints} and the document itself. The one list of them in the tests.
     */
    static final Set<String> SERVED = Set.of(
            "POST " + BASE + "/case",
            "POST " + BASE + "/case/modify",
            "POST " + BASE + "/case/list",
            "GET " + BASE + "/case/{id}",
            "GET " + BASE + "/case/{id}/history",
            "POST " + BASE + "/status/update",
            "POST " + BASE + "/close",
            "POST " + BASE + "/case/cancel",
            "POST " + BASE + "/case/transfer",
            "POST " + BASE + "/case/resume",
            "POST " + BASE + "/case/reopen",
            "POST " + BASE + "/case/erase",
            "GET " + BASE + "/statistics/case/current",
            "GET " + OpenApiDocument.SERVED_PATH);

    private static SwaggerParseResult parse() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(new String(OpenApiDocument.bytes(), StandardCharsets.UTF_8), null, options);
    }

    @Test
    void aRealParserReadsItWithoutAnyMessage() {
        SwaggerParseResult result = parse();
        assertThat(result.getMessages()).isEmpty();
        OpenAPI api = result.getOpenAPI();
        assertThat(api).isNotNull();
        assertThat(api.getOpenapi()).isEqualTo("3.1.0");
        assertThat(api.getSpecVersion()).isEqualTo(SpecVersion.V31);
        assertThat(api.getServers()).extracting(Server::getUrl).containsExactly(BASE);
        assertThat(api.getComponents().getSecuritySchemes().get("accessToken"))
                .satisfies(scheme -> {
                    assertThat(scheme.getType()).hasToString("apiKey");
                    assertThat(scheme.getIn()).hasToString("header");
                    assertThat(scheme.getName()).isEqualTo("access-token");
                });
    }

    @Test
    void itDescribesExactlyTheEndpointsTheReferenceHostServes() {
        OpenAPI api = parse().getOpenAPI();
        Set<String> documented = new TreeSet<>();
        api.getPaths().forEach((path, item) -> {
            List<Server> servers = item.getServers() == null || item.getServers().isEmpty() ? api.getServers() : item.getServers();
            assertThat(servers).as(path).hasSize(1);
            for (PathItem.HttpMethod method : item.readOperationsMap().keySet()) {
                documented.add(method + " " + servers.get(0).getUrl() + path);
            }
        });
        assertThat(documented).containsExactlyInAnyOrderElementsOf(SERVED);
    }

    @Test
    void everyOperationButTheDocumentNeedsTheAccessTokenAndSaysWhatAMissingOneGets() {
        OpenAPI api = parse().getOpenAPI();
        assertThat(api.getSecurity()).hasSize(1);
        assertThat(api.getSecurity().get(0)).containsOnlyKeys("accessToken");
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (path.equals("/openapi.json")) {
                assertThat(operation.getSecurity()).as("the document is open").isEmpty();
                assertThat(operation.getResponses()).containsOnlyKeys("200");
            } else {
                assertThat(operation.getSecurity()).as(method + " " + path).isNull();
                assertThat(operation.getResponses()).as(method + " " + path).containsKeys("200", "401", "500", "503");
            }
        }));
    }

    @Test
    void itIsStrictJsonOfTheJarsVersion() {
        // casekit's own strict reader: well-formed UTF-8, no duplicate key anywhere.
        JsonNode root = CaseJson.create().mapperBuilder().build().readTree(OpenApiDocument.bytes());
        assertThat(root.path("info").path("version").stringValue()).isEqualTo(System.getProperty("casekit.json.version"));
    }

    @Test
    void eachCallGivesAFreshCopy() {
        byte[] first = OpenApiDocument.bytes();
        first[0] = 'x';
        assertThat(OpenApiDocument.bytes()[0]).isEqualTo((byte) '{');
    }
}

package io.casekit.spring.boot.autoconfigure.web;

import static io.casekit.spring.boot.autoconfigure.web.WebFixtures.ACME;
import static io.casekit.spring.boot.autoconfigure.web.WebFixtures.ACME_TOKEN;
import static io.casekit.spring.boot.autoconfigure.web.WebFixtures.TICKET;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.spi.TemplateCatalog;
import io.casekit.json.CaseEndpoints;
import io.casekit.json.EndpointResponse;
import io.casekit.json.EndpointRoute;
import io.casekit.json.ResCode;
import io.casekit.store.jdbc.JdbcCaseStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The AICC endpoints of a whole Spring Boot application (every auto-configuration on the class path,
 * Tomcat on a free loopback port, the JDBC store on an in-memory H2 database) through
 * {@link HttpClient}: what MockMvc can not show (a body of unknown length, a repeated Content-Type,
 * the bytes Tomcat sends).
 */
class CaseEndpointsRealPortTest {
    private static final int LIMIT = 1000;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static ConfigurableApplicationContext app;
    private static URI base;

    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Host {
        @Bean
        TenantResolver tenantResolver() {
            return WebFixtures.resolver();
        }
    }

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(Host.class).web(WebApplicationType.SERVLET)
                .properties("server.port=0", "server.address=127.0.0.1", "casekit.web.enabled=true",
                        "casekit.json.max-document-bytes=" + LIMIT, "spring.flyway.enabled=false",
                        "spring.datasource.url=jdbc:h2:mem:web" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1")
                .run();
        WebFixtures.caseTypes().forEach(app.getBean(TemplateCatalog.class)::save);
        base = URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port")
                + EndpointRoute.BASE_PATH);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static HttpRequest.Builder request(String endpoint) {
        return HttpRequest.newBuilder(base.resolve(endpoint)).header("access-token", ACME_TOKEN);
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.build(), BodyHandlers.ofByteArray());
    }

    private static void assertAnswers(HttpResponse<byte[]> actual, EndpointResponse expected) {
        assertThat(actual.statusCode()).as(new String(actual.body(), UTF_8)).isEqualTo(expected.httpStatus());
        assertThat(actual.headers().allValues("Content-Type")).containsExactly(EndpointResponse.CONTENT_TYPE);
        assertThat(actual.body()).as(new String(actual.body(), UTF_8)).isEqualTo(expected.body());
    }

    @Test
    void the_application_serves_the_endpoints_on_the_jdbc_store() throws Exception {
        assertThat(app.getBean(CaseEndpoints.class)).isNotNull();
        assertThat(app.getBean(io.casekit.core.spi.CaseStore.class)).isInstanceOf(JdbcCaseStore.class);
        String create = "{\"caseInfo\":{\"id\":\"port01\",\"type\":\"" + TICKET + "\",\"title\":\"Printer jams\","
                + "\"description\":\"Every second page\",\"contactId\":\"ci1\",\"creatorId\":\"u1\"}}";

        HttpResponse<byte[]> created = send(request("case").header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(create)));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(new String(created.body(), UTF_8))
                .isEqualTo("{\"resCode\":\"0\",\"resMsg\":\"Success\",\"result\":{\"caseId\":\"port01\"}}");
        // The bytes of the read are those of the endpoints themselves on the same service.
        HttpResponse<byte[]> read = send(request("case/port01").GET());
        assertAnswers(read, app.getBean(CaseEndpoints.class).read(ACME, "port01"));
        assertThat(new String(read.body(), UTF_8)).contains("\"id\":\"port01\"", "\"status\":\"New\"");
    }

    @Test
    void the_host_rules_are_answered_with_their_envelopes() throws Exception {
        HttpResponse<byte[]> none = send(request("cases").GET());
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(new String(none.body(), UTF_8)).isEqualTo("{\"resCode\":\"404000\",\"resMsg\":\"No such endpoint\"}");

        HttpResponse<byte[]> wrong = send(request("case/list").GET());
        assertThat(wrong.statusCode()).isEqualTo(405);
        assertThat(wrong.headers().allValues("Allow")).containsExactly("POST");
        assertThat(new String(wrong.body(), UTF_8)).isEqualTo("{\"resCode\":\"405000\",\"resMsg\":\"Method not allowed\"}");

        HttpResponse<byte[]> head = send(request("case/port01").method("HEAD", BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(405);
        assertThat(head.body()).isEmpty();

        HttpResponse<byte[]> noToken = send(HttpRequest.newBuilder(base.resolve("statistics/case/current")).GET());
        assertAnswers(noToken, EndpointResponse.of(ResCode.UNAUTHORIZED));
        assertThat(noToken.headers().allValues("WWW-Authenticate")).containsExactly("access-token");

        HttpResponse<byte[]> twoTypes = send(request("case/list").header("Content-Type", "application/json")
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{\"start\":0,\"limit\":1}")));
        assertAnswers(twoTypes, EndpointResponse.of(ResCode.UNSUPPORTED_MEDIA_TYPE));
    }

    @Test
    void a_body_over_the_limit_is_413001_with_or_without_a_declared_length() throws Exception {
        CaseEndpoints endpoints = app.getBean(CaseEndpoints.class);
        byte[] over = new byte[LIMIT + 4000];
        Arrays.fill(over, (byte) ' ');

        HttpResponse<byte[]> declared = send(request("case/modify").header("Content-Type", "application/json")
                .POST(BodyPublishers.ofByteArray(over)));
        assertAnswers(declared, endpoints.refuseDeclaredLength(over.length).orElseThrow());

        // A publisher of unknown length: sent chunked, read one byte past the limit and no further.
        HttpResponse<byte[]> chunked = send(request("case/modify").header("Content-Type", "application/json")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(over))));
        assertAnswers(chunked, endpoints.modify(ACME, new ByteArrayInputStream(over)));
        assertThat(new String(chunked.body(), UTF_8))
                .isEqualTo("{\"resCode\":\"413001\",\"resMsg\":\"Request body is larger than the limit of " + LIMIT + " bytes\"}");
    }
}

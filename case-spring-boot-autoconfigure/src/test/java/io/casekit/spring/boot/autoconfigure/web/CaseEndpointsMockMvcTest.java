package io.casekit.spring.boot.autoconfigure.web;

import static io.casekit.spring.boot.autoconfigure.web.WebFixtures.ACME;
import static io.casekit.spring.boot.autoconfigure.web.WebFixtures.ACME_TOKEN;
import static io.casekit.spring.boot.autoconfigure.web.WebFixtures.COMPLAINT;
import static io.casekit.spring.boot.autoconfigure.web.WebFixtures.FAILING_TOKEN;
import static io.casekit.spring.boot.autoconfigure.web.WebFixtures.SECRET;
import static io.casekit.spring.boot.autoconfigure.web.WebFixtures.TICKET;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.json.CaseEndpoints;
import io.casekit.json.EndpointResponse;
import io.casekit.json.EndpointRoute;
import io.casekit.json.JsonLimits;
import io.casekit.json.ResCode;
import io.casekit.spring.boot.autoconfigure.CasekitAutoConfiguration;
import io.casekit.spring.boot.autoconfigure.CasekitJacksonAutoConfiguration;
import java.net.URI;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The AICC endpoints on Spring MVC through MockMvc, on the in-memory store: every endpoint answers
 * the bytes {@link CaseEndpoints} gives for the same call, and every rule of the reference host
 * (route, method, token, Content-Type, declared length) is answered with its envelope.
 */
class CaseEndpointsMockMvcTest {
    private static final String BASE = EndpointRoute.BASE_PATH;
    private static final String SUCCESS = ResCode.SUCCESS.code();

    private static final WebApplicationContextRunner WEB = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CasekitAutoConfiguration.class,
                    CasekitJacksonAutoConfiguration.class, CasekitWebMvcAutoConfiguration.class,
                    WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class))
            .withUserConfiguration(WebFixtures.InMemoryHost.class);
    private static final WebApplicationContextRunner ENABLED = WEB.withPropertyValues("casekit.web.enabled=true")
            .withBean(TenantResolver.class, WebFixtures::resolver);

    @FunctionalInterface
    private interface MvcTest {
        void run(MockMvc mvc) throws Exception;
    }

    private static void withMvc(WebApplicationContextRunner runner, MvcTest test) {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            test.run(MockMvcBuilders.webAppContextSetup((WebApplicationContext) context).build());
        });
    }

    private static MockHttpServletResponse perform(MockMvc mvc, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private static MockHttpServletRequestBuilder get(String endpoint) {
        return MockMvcRequestBuilders.get(URI.create(BASE + endpoint)).header("access-token", ACME_TOKEN);
    }

    private static MockHttpServletRequestBuilder post(String endpoint, String body) {
        return MockMvcRequestBuilders.post(URI.create(BASE + endpoint)).header("access-token", ACME_TOKEN)
                .header("Content-Type", "application/json").content(body.getBytes(UTF_8));
    }

    /** The status, the Content-Type and the body bytes are those of {@code expected}, whose code is {@code resCode}. */
    private static void assertAnswers(MockHttpServletResponse actual, EndpointResponse expected, String resCode)
            throws java.io.UnsupportedEncodingException {
        assertThat(expected.resCode().code()).as(expected.bodyText()).isEqualTo(resCode);
        assertThat(actual.getStatus()).as(actual.getContentAsString(UTF_8)).isEqualTo(expected.httpStatus());
        assertThat(actual.getHeader("Content-Type")).isEqualTo(EndpointResponse.CONTENT_TYPE);
        assertThat(actual.getContentAsByteArray()).as(actual.getContentAsString(UTF_8)).isEqualTo(expected.body());
    }

    @Test
    void every_endpoint_answers_the_bytes_of_case_endpoints() {
        CaseEndpoints twin = WebFixtures.twin(JsonLimits.DEFAULT_MAX_DOCUMENT_BYTES);
        String complaint = "{\"caseInfo\":{\"id\":\"complaint01\",\"type\":\"" + COMPLAINT + "\",\"title\":\"Refund not received\","
                + "\"description\":\"Ordered on 1 June\",\"contactId\":\"ci1\",\"creatorId\":\"u1\",\"AICC__severity__CST\":\"S2\"}}";
        String ticket = "{\"caseInfo\":{\"id\":\"ticket01\",\"type\":\"" + TICKET + "\",\"title\":\"Printer jams\","
                + "\"description\":\"Every second page\",\"contactId\":\"ci1\",\"creatorId\":\"u1\"}}";
        String invalid = "{\"caseInfo\":{\"type\":\"" + COMPLAINT + "\",\"title\":\" \",\"description\":\"d\","
                + "\"contactId\":\"ci1\",\"creatorId\":\"u1\",\"priority\":\"low\"}}";
        String modify = "{\"caseInfo\":{\"id\":\"complaint01\",\"title\":\"Refund still not received\","
                + "\"description\":\"Ordered on 1 June\",\"creatorId\":\"u1\",\"ownerId\":\"o1\"}}";
        String list = "{\"start\":0,\"limit\":10}";
        String waiting = "{\"id\":\"ticket01\",\"creatorId\":\"u2\",\"status\":\"Waiting for customer\"}";
        String solved = "{\"id\":\"ticket01\",\"creatorId\":\"u2\",\"status\":\"Solved\"}";
        String close = "{\"caseId\":\"ticket01\",\"creatorId\":\"u2\",\"remark\":\"done\",\"closedReason\":\"Fixed\"}";
        String reopen = "{\"id\":\"ticket01\",\"creatorId\":\"u2\",\"remark\":\"again\"}";
        String cancel = "{\"id\":\"ticket01\",\"creatorId\":\"u2\",\"remark\":\"duplicate\"}";
        String resume = "{\"id\":\"ticket01\",\"creatorId\":\"u2\"}";
        String transfer = "{\"id\":\"ticket01\",\"ownerId\":\"o2\",\"creatorId\":\"u2\",\"remark\":\"handover\"}";
        String erase = "{\"id\":\"ticket01\",\"creatorId\":\"u2\"}";
        withMvc(ENABLED, mvc -> {
            assertAnswers(perform(mvc, post("case", complaint)), twin.create(ACME, complaint.getBytes(UTF_8)), SUCCESS);
            assertAnswers(perform(mvc, post("case", ticket)), twin.create(ACME, ticket.getBytes(UTF_8)), SUCCESS);
            assertAnswers(perform(mvc, post("case", invalid)), twin.create(ACME, invalid.getBytes(UTF_8)), "400002");
            assertAnswers(perform(mvc, post("case", complaint)), twin.create(ACME, complaint.getBytes(UTF_8)), "409002");
            assertAnswers(perform(mvc, post("case/modify", modify)), twin.modify(ACME, modify.getBytes(UTF_8)), SUCCESS);
            assertAnswers(perform(mvc, post("case/modify", "{\"caseInfo\":")),
                    twin.modify(ACME, "{\"caseInfo\":".getBytes(UTF_8)), "400001");
            assertAnswers(perform(mvc, get("case/complaint01")), twin.read(ACME, "complaint01"), SUCCESS);
            assertAnswers(perform(mvc, get("case/complaint01/history")), twin.history(ACME, "complaint01"), SUCCESS);
            assertAnswers(perform(mvc, post("case/list", list)), twin.list(ACME, list.getBytes(UTF_8)), SUCCESS);
            assertAnswers(perform(mvc, post("status/update", solved)), twin.changeStatus(ACME, solved.getBytes(UTF_8)), "400002");
            assertAnswers(perform(mvc, post("status/update", waiting)), twin.changeStatus(ACME, waiting.getBytes(UTF_8)), SUCCESS);
            assertAnswers(perform(mvc, post("status/update", solved)), twin.changeStatus(ACME, solved.getBytes(UTF_8)), SUCCESS);
            assertAnswers(perform(mvc, post("close", close)), twin.close(ACME, close.getBytes(UTF_8)), SUCCESS);
            assertAnswers(perform(mvc, post("case/transfer", transfer)), twin.transfer(ACME, transfer.getBytes(UTF_8)), "409003");
            assertAnswers(perform(mvc, post("case/reopen", reopen)), twin.reopen(ACME, reopen.getBytes(UTF_8)), SUCCESS);
            assertAnswers(perform(mvc, post("case/cancel", cancel)), twin.cancel(ACME, cancel.getBytes(UTF_8)), SUCCESS);
            assertAnswers(perform(mvc, post("case/resume", resume)), twin.resume(ACME, resume.getBytes(UTF_8)), SUCCESS);
            assertAnswers(perform(mvc, post("case/transfer", transfer)), twin.transfer(ACME, transfer.getBytes(UTF_8)), SUCCESS);
            assertAnswers(perform(mvc, get("case/ticket01/history")), twin.history(ACME, "ticket01"), SUCCESS);
            assertAnswers(perform(mvc, get("statistics/case/current")), twin.statistics(ACME), SUCCESS);
            assertAnswers(perform(mvc, post("case/erase", erase)), twin.erase(ACME, erase.getBytes(UTF_8)), SUCCESS);
            assertAnswers(perform(mvc, get("case/ticket01")), twin.read(ACME, "ticket01"), "404001");
            assertAnswers(perform(mvc, post("case/list", list)), twin.list(ACME, list.getBytes(UTF_8)), SUCCESS);
            // A segment that no case id can be still routes, and the endpoint answers as for an unknown id.
            assertAnswers(perform(mvc, get("case/no%20such")), twin.read(ACME, "no%20such"), "404001");
        });
    }

    @Test
    void a_path_of_no_endpoint_is_404000_before_the_token_is_looked_at() {
        byte[] expected = "{\"resCode\":\"404000\",\"resMsg\":\"No such endpoint\"}".getBytes(UTF_8);
        withMvc(ENABLED, mvc -> {
            for (String path : new String[] {BASE, BASE + "cases", BASE + "case/", BASE + "case//history",
                    BASE + "case/x/y", BASE + "case/x/history/y", BASE + "statistics/case", "/service/AICC__Case/1.0.0/openapi"}) {
                for (HttpMethod method : new HttpMethod[] {HttpMethod.GET, HttpMethod.POST}) {
                    MockHttpServletResponse response = perform(mvc, MockMvcRequestBuilders.request(method, URI.create(path)));
                    assertThat(response.getStatus()).as(method + " " + path).isEqualTo(404);
                    assertThat(response.getHeader("Content-Type")).isEqualTo(EndpointResponse.CONTENT_TYPE);
                    assertThat(response.getContentAsByteArray()).as(method + " " + path).isEqualTo(expected);
                }
            }
        });
    }

    @Test
    void a_method_the_endpoint_does_not_take_is_405000_with_allow() {
        byte[] expected = "{\"resCode\":\"405000\",\"resMsg\":\"Method not allowed\"}".getBytes(UTF_8);
        Object[][] cases = {
                {HttpMethod.GET, "case", "POST"}, {HttpMethod.PUT, "case/modify", "GET, POST"},
                {HttpMethod.GET, "case/list", "POST"}, {HttpMethod.DELETE, "case/list", "POST"},
                {HttpMethod.POST, "case/x", "GET"}, {HttpMethod.PATCH, "case/x/history", "GET"},
                {HttpMethod.GET, "close", "POST"}, {HttpMethod.GET, "case/erase", "POST"},
                {HttpMethod.POST, "statistics/case/current", "GET"}, {HttpMethod.OPTIONS, "case", "POST"}};
        withMvc(ENABLED, mvc -> {
            for (Object[] c : cases) {
                MockHttpServletResponse response = perform(mvc, MockMvcRequestBuilders.request((HttpMethod) c[0],
                        URI.create(BASE + c[1])).header("access-token", ACME_TOKEN));
                String what = c[0] + " " + c[1];
                assertThat(response.getStatus()).as(what).isEqualTo(405);
                assertThat(response.getHeader("Allow")).as(what).isEqualTo(c[2]);
                assertThat(response.getHeader("Content-Type")).isEqualTo(EndpointResponse.CONTENT_TYPE);
                assertThat(response.getContentAsByteArray()).as(what).isEqualTo(expected);
            }
            // HEAD is a wrong method too (not an implicit GET), answered without a body.
            MockHttpServletResponse head = perform(mvc, MockMvcRequestBuilders.head(URI.create(BASE + "case/x"))
                    .header("access-token", ACME_TOKEN));
            assertThat(head.getStatus()).isEqualTo(405);
            assertThat(head.getHeader("Allow")).isEqualTo("GET");
            assertThat(head.getContentAsByteArray()).isEmpty();
        });
    }

    @Test
    void a_missing_unknown_or_repeated_token_is_401001() {
        EndpointResponse unauthorized = EndpointResponse.of(ResCode.UNAUTHORIZED);
        withMvc(ENABLED, mvc -> {
            MockHttpServletRequestBuilder[] requests = {
                    MockMvcRequestBuilders.get(URI.create(BASE + "case/complaint01")),
                    MockMvcRequestBuilders.get(URI.create(BASE + "case/complaint01")).header("access-token", "not-a-token"),
                    MockMvcRequestBuilders.get(URI.create(BASE + "case/complaint01")).header("access-token", ""),
                    MockMvcRequestBuilders.get(URI.create(BASE + "case/complaint01")).header("access-token", ACME_TOKEN, ACME_TOKEN),
                    MockMvcRequestBuilders.get(URI.create(BASE + "case/complaint01")).header("access-token", " " + ACME_TOKEN),
                    // The token is checked before the Content-Type and the length.
                    MockMvcRequestBuilders.post(URI.create(BASE + "case")).header("Content-Type", "text/plain").content("x"),
                    MockMvcRequestBuilders.get(URI.create(BASE + "statistics/case/current")).header("Access-Token", "nope")};
            for (MockHttpServletRequestBuilder request : requests) {
                MockHttpServletResponse response = perform(mvc, request);
                assertAnswers(response, unauthorized, "401001");
                assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("access-token");
            }
        });
    }

    @Test
    void without_a_tenant_resolver_bean_every_request_is_401001() {
        withMvc(WEB.withPropertyValues("casekit.web.enabled=true"), mvc -> {
            assertAnswers(perform(mvc, get("statistics/case/current")), EndpointResponse.of(ResCode.UNAUTHORIZED), "401001");
            assertAnswers(perform(mvc, post("case/list", "{\"start\":0,\"limit\":10}")),
                    EndpointResponse.of(ResCode.UNAUTHORIZED), "401001");
        });
    }

    @Test
    void a_resolver_that_throws_is_500001_with_nothing_of_the_exception() {
        withMvc(ENABLED, mvc -> {
            MockHttpServletResponse response = perform(mvc, MockMvcRequestBuilders.get(URI.create(BASE + "case/x"))
                    .header("access-token", FAILING_TOKEN));
            assertAnswers(response, EndpointResponse.of(ResCode.INTERNAL_ERROR), "500001");
            assertThat(response.getContentAsString(UTF_8)).doesNotContain(SECRET, "IllegalState");
        });
    }

    @Test
    void a_body_that_is_not_json_in_utf8_is_415001() {
        EndpointResponse unsupported = EndpointResponse.of(ResCode.UNSUPPORTED_MEDIA_TYPE);
        String list = "{\"start\":0,\"limit\":10}";
        withMvc(ENABLED, mvc -> {
            for (String[] contentTypes : new String[][] {{}, {"text/plain"}, {"application/json; charset=ISO-8859-1"},
                    {"application/json; version=1"}, {"application/x-www-form-urlencoded"}}) {
                MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(URI.create(BASE + "case/list"))
                        .header("access-token", ACME_TOKEN).content(list.getBytes(UTF_8));
                // (MockMvc keeps one Content-Type of several: a repeated one is tested on a real port.)
                request.with(built -> {
                    for (String contentType : contentTypes) {
                        built.addHeader("Content-Type", contentType);
                    }
                    return built;
                });
                MockHttpServletResponse response = perform(mvc, request);
                assertThat(response.getStatus()).as(Arrays.toString(contentTypes)).isEqualTo(415);
                assertAnswers(response, unsupported, "415001");
            }
            // JSON in UTF-8, however written, is taken.
            for (String contentType : new String[] {"application/json;charset=UTF-8", "APPLICATION/JSON; charset=\"utf-8\""}) {
                MockHttpServletResponse response = perform(mvc, MockMvcRequestBuilders.post(URI.create(BASE + "case/list"))
                        .header("access-token", ACME_TOKEN).header("Content-Type", contentType).content(list.getBytes(UTF_8)));
                assertThat(response.getStatus()).as(contentType).isEqualTo(200);
            }
        });
    }

    @Test
    void a_declared_length_over_the_limit_is_413001_before_the_body_is_read() {
        CaseEndpoints twin = WebFixtures.twin(300);
        byte[] over = new byte[301];
        Arrays.fill(over, (byte) ' ');
        byte[] atLimit = new byte[300];
        Arrays.fill(atLimit, (byte) ' ');
        withMvc(ENABLED.withPropertyValues("casekit.json.max-document-bytes=300"), mvc -> {
            for (String endpoint : new String[] {"case", "case/modify", "case/list", "status/update", "close", "case/erase"}) {
                MockHttpServletResponse response = perform(mvc, MockMvcRequestBuilders.post(URI.create(BASE + endpoint))
                        .header("access-token", ACME_TOKEN).header("Content-Type", "application/json").content(over));
                assertAnswers(response, twin.refuseDeclaredLength(301).orElseThrow(), "413001");
                assertThat(response.getContentAsString(UTF_8)).contains("Request body is 301 bytes, at most 300 allowed");
            }
            // At the limit the body is read, and is not JSON.
            assertAnswers(perform(mvc, MockMvcRequestBuilders.post(URI.create(BASE + "case"))
                    .header("access-token", ACME_TOKEN).header("Content-Type", "application/json").content(atLimit)),
                    twin.create(ACME, atLimit), "400001");
        });
    }

    @Test
    void switched_off_unless_casekit_web_enabled_is_true() {
        for (WebApplicationContextRunner runner : new WebApplicationContextRunner[] {
                WEB.withBean(TenantResolver.class, WebFixtures::resolver),
                WEB.withBean(TenantResolver.class, WebFixtures::resolver).withPropertyValues("casekit.web.enabled=false")}) {
            withMvc(runner, mvc -> {
                MockHttpServletResponse response = perform(mvc, get("statistics/case/current"));
                assertThat(response.getStatus()).isEqualTo(404);
                assertThat(response.getContentAsString(UTF_8)).doesNotContain("resCode");
            });
            runner.run(context -> {
                assertThat(context).doesNotHaveBean(CasekitWebMvcAutoConfiguration.class);
                assertThat(context).doesNotHaveBean("casekitCaseEndpointsRoute");
            });
        }
    }

    @Test
    void not_in_an_application_that_is_no_servlet_web_application() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CasekitAutoConfiguration.class,
                        CasekitJacksonAutoConfiguration.class, CasekitWebMvcAutoConfiguration.class))
                .withUserConfiguration(WebFixtures.InMemoryHost.class)
                .withPropertyValues("casekit.web.enabled=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(CasekitWebMvcAutoConfiguration.class);
                });
    }

    @Test
    void the_hosts_own_case_endpoints_are_used() {
        CaseEndpoints own = WebFixtures.twin(JsonLimits.DEFAULT_MAX_DOCUMENT_BYTES);
        withMvc(ENABLED.withBean(CaseEndpoints.class, () -> own), mvc -> {
            String create = "{\"caseInfo\":{\"id\":\"own01\",\"type\":\"" + TICKET + "\",\"title\":\"t\","
                    + "\"description\":\"d\",\"contactId\":\"ci1\",\"creatorId\":\"u1\"}}";
            assertThat(perform(mvc, post("case", create)).getStatus()).isEqualTo(200);
            assertThat(own.read(ACME, "own01").resCode()).isEqualTo(ResCode.SUCCESS);
        });
    }
}

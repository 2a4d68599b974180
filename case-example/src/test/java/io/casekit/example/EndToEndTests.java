package io.casekit.example;

import static io.casekit.example.TestHost.CREATOR;
import static io.casekit.example.TestHost.JSON;
import static io.casekit.example.TestHost.TYPE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.json.JsonLimits;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The reference host end to end, over real HTTP, on one database: every endpoint, every
 * {@code resCode} the host produces on it, the seed's example, tenant isolation and the request log.
 * One host serves all tests of a class; each test works on cases of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EndToEndTests {
    static final String SUCCESS = "{\"resCode\":\"0\",\"resMsg\":\"Success\"}";
    static final String NOT_FOUND = "{\"resCode\":\"404001\",\"resMsg\":\"Case not found\"}";
    static final String UNAUTHORIZED = "{\"resCode\":\"401001\",\"resMsg\":\"Missing or unknown access token\"}";
    static final String UNSUPPORTED = "{\"resCode\":\"415001\",\"resMsg\":\"Content-Type must be application/json in UTF-8\"}";
    static final String NO_SUCH_ENDPOINT = "{\"resCode\":\"404000\",\"resMsg\":\"No such endpoint\"}";
    static final String METHOD_NOT_ALLOWED = "{\"resCode\":\"405000\",\"resMsg\":\"Method not allowed\"}";
    static final int LIMIT = JsonLimits.DEFAULT_MAX_DOCUMENT_BYTES;
    static final String SEED_ID = "c6m800000142mS63Voa8";

    private final TestDatabase database;
    private Path folder;
    private String prefix;
    TestHost host;

    EndToEndTests(TestDatabase database) {
        this.database = database;
    }

    @BeforeAll
    void start() throws IOException {
        if (!database.requested()) {
            return;
        }
        folder = Files.createTempDirectory("casekit-e2e-");
        prefix = TestDatabase.randomPrefix();
        host = TestHost.start(HostSettings.defaults().withDatabaseUrl(database.url(folder)).withTablePrefix(prefix),
                folder);
    }

    @AfterAll
    void stop() throws Exception {
        if (host != null) {
            host.close();
        }
        if (folder != null) {
            if (database != TestDatabase.H2) {
                database.dropTables(database.url(folder), prefix);
            }
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    @BeforeEach
    void forgetEarlierLogLines() throws InterruptedException {
        // Per test rather than per class, so that the report counts each test as skipped, with the reason.
        Assumptions.assumeTrue(database.requested(), () -> "Skipped: " + database.key
                + " runs only when casekit.databases lists it (mvn -B verify -Pdatabases)");
        host.clearLog();
    }

    @Test
    void everyEndpointServesTheCase() {
        Reply created = host.post("case", host.acmeToken, "{\"caseInfo\":{\"type\":\"" + TYPE + "\","
                + "\"title\":\"Printer on fire\",\"description\":\"Third floor\",\"contactId\":\"ciIy0000013w9aru7cDQ\","
                + "\"creatorId\":\"" + CREATOR + "\",\"AICC__severity__CST\":\"S3\",\"AICC__refund__CST\":12.50}}");
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.headers().firstValue("Content-Type")).contains("application/json;charset=UTF-8");
        String id = created.json().get("result").get("caseId").stringValue();
        assertThat(id).matches("[0-9A-Za-z]{20}");

        Reply read = host.get("case/" + id, host.acmeToken);
        assertThat(read.status()).isEqualTo(200);
        JsonNode found = read.json().get("result").get(0);
        assertThat(found.get("id").stringValue()).isEqualTo(id);
        assertThat(found.get("title").stringValue()).isEqualTo("Printer on fire");
        assertThat(read.text()).contains("\"AICC__refund__CST\":12.50,");
        assertThat(found.get("version").asLong()).isEqualTo(1);
        assertThat(found.get("createdBy").stringValue()).isEqualTo(CREATOR);

        Reply modified = host.post("case/modify", host.acmeToken,
                "{\"caseInfo\":{\"id\":\"" + id + "\",\"title\":\"Printer still on fire\",\"description\":\"Third floor\","
                        + "\"creatorId\":\"10gg0000012IpiXMqxzk\",\"priority\":\"Critical\"}}");
        assertThat(modified.text()).isEqualTo(SUCCESS);

        Reply history = host.get("case/" + id + "/history", host.acmeToken);
        assertThat(history.status()).isEqualTo(200);
        JsonNode entries = history.json().get("result");
        assertThat(entries.size()).isEqualTo(2);
        assertThat(entries.get(0).get("version").asLong()).isEqualTo(1);
        assertThat(entries.get(1).get("version").asLong()).isEqualTo(2);
        assertThat(entries.get(1).get("actor").stringValue()).isEqualTo("10gg0000012IpiXMqxzk");
        assertThat(entries.get(1).get("changes").toString()).isEqualTo("[{\"path\":\"/caseInfo/title\","
                + "\"old\":\"Printer on fire\",\"new\":\"Printer still on fire\"},{\"path\":\"/caseInfo/priority\","
                + "\"old\":null,\"new\":\"Critical\"}]");

        JsonNode after = host.get("case/" + id, host.acmeToken).json().get("result").get(0);
        assertThat(after.get("title").stringValue()).isEqualTo("Printer still on fire");
        assertThat(after.get("priority").stringValue()).isEqualTo("Critical");
        assertThat(after.get("version").asLong()).isEqualTo(2);
    }

    /**
     * The lifecycle over HTTP on the database's store (schema version 4): a strict flow, close,
     * read-only, reopen, cancel, resume, transfer, the history's kinds, today's statistics moving with
     * the close, and erase ({@code LifecycleHttpTest} covers every call's checks on the in-memory store).
     */
    @Test
    void theLifecycleOverHttp() {
        String ticket = "ct000000000000000003";
        String id = host.post("case", host.acmeToken, "{\"caseInfo\":{\"type\":\"" + ticket + "\",\"title\":\"Door stuck\","
                + "\"description\":\"Back door\",\"contactId\":\"ciIy0000013w9aru7cDQ\",\"creatorId\":\"" + CREATOR + "\"}}")
                .json().get("result").get("caseId").stringValue();
        JsonNode fresh = host.get("case/" + id, host.acmeToken).json().get("result").get(0);
        assertThat(fresh.get("status").stringValue()).isEqualTo("New");
        assertThat(fresh.get("state").stringValue()).isEqualTo("Processing");
        assertThat(fresh.get("reopened").asBoolean()).isFalse();
        assertThat(fresh.has("closedAt")).isFalse();

        Reply skipping = host.post("status/update", host.acmeToken,
                "{\"id\":\"" + id + "\",\"creatorId\":\"u2\",\"status\":\"Solved\"}");
        assertThat(skipping.status()).isEqualTo(400);
        assertThat(skipping.text()).contains("\"resCode\":\"400002\"", "\"code\":\"invalid_transition\"", "\"path\":\"/status\"");
        for (String status : List.of("Waiting for customer", "Solved")) {
            assertThat(host.post("status/update", host.acmeToken, "{\"id\":\"" + id + "\",\"creatorId\":\"u2\",\"status\":\""
                    + status + "\",\"remark\":\"step – ✓\"}").text()).isEqualTo(SUCCESS);
        }
        JsonNode before = host.get("statistics/case/current", host.acmeToken).json().get("result");

        assertThat(host.post("close", host.acmeToken, "{\"caseId\":\"" + id + "\",\"creatorId\":\"u2\",\"remark\":\"fixed\","
                + "\"closedReason\":\"Resolved\"}").text()).isEqualTo(SUCCESS);

        JsonNode closed = host.get("case/" + id, host.acmeToken).json().get("result").get(0);
        assertThat(closed.get("state").stringValue()).isEqualTo("Completed");
        assertThat(closed.get("closedReason").stringValue()).isEqualTo("Resolved");
        assertThat(closed.get("closedAt").stringValue()).isNotBlank();
        JsonNode after = host.get("statistics/case/current", host.acmeToken).json().get("result");
        assertThat(after.get("finishedCases").asLong()).isEqualTo(before.get("finishedCases").asLong() + 1);
        assertThat(after.get("unfinishedCases").asLong()).isEqualTo(before.get("unfinishedCases").asLong() - 1);
        Reply readOnly = host.post("case/modify", host.acmeToken, "{\"caseInfo\":{\"id\":\"" + id + "\",\"title\":\"x\","
                + "\"description\":\"y\",\"creatorId\":\"u2\"}}");
        assertThat(readOnly.status()).isEqualTo(409);
        assertThat(readOnly.text()).contains("\"resCode\":\"409003\"", "\"code\":\"case_read_only\"");

        assertThat(host.post("case/reopen", host.acmeToken, "{\"id\":\"" + id + "\",\"creatorId\":\"u2\",\"remark\":\"again\"}")
                .text()).isEqualTo(SUCCESS);
        assertThat(host.post("case/cancel", host.acmeToken, "{\"id\":\"" + id + "\",\"creatorId\":\"u2\",\"remark\":\"dup\"}")
                .text()).isEqualTo(SUCCESS);
        assertThat(host.post("case/resume", host.acmeToken, "{\"id\":\"" + id + "\",\"creatorId\":\"u2\"}").text())
                .isEqualTo(SUCCESS);
        assertThat(host.post("case/transfer", host.acmeToken, "{\"id\":\"" + id + "\",\"ownerId\":\"o2\",\"creatorId\":\"u2\","
                + "\"remark\":\"night shift\"}").text()).isEqualTo(SUCCESS);

        JsonNode last = host.get("case/" + id, host.acmeToken).json().get("result").get(0);
        assertThat(last.get("reopened").asBoolean()).isTrue();
        assertThat(last.get("state").stringValue()).isEqualTo("Completed");
        assertThat(last.get("ownerId").stringValue()).isEqualTo("o2");
        JsonNode entries = host.get("case/" + id + "/history", host.acmeToken).json().get("result");
        List<String> kinds = new java.util.ArrayList<>();
        entries.forEach(e -> kinds.add(e.get("kind").stringValue()));
        assertThat(kinds).containsExactly("create", "status", "status", "close", "reopen", "cancel", "resume", "transfer");
        assertThat(entries.get(1).get("remark").stringValue()).isEqualTo("step – ✓");
        assertThat(host.get("case/" + id, host.globexToken).status()).as("another tenant").isEqualTo(404);

        assertThat(host.post("case/erase", host.acmeToken, "{\"id\":\"" + id + "\",\"creatorId\":\"u2\"}").text())
                .contains("\"erased\":true");
        assertThat(host.get("case/" + id, host.acmeToken).status()).isEqualTo(404);
        assertThat(host.get("case/" + id + "/history", host.acmeToken).status()).isEqualTo(404);
        assertThat(host.post("case/erase", host.acmeToken, "{\"id\":\"" + id + "\",\"creatorId\":\"u2\"}").text())
                .contains("\"erased\":false");
    }

    /** {@code POST case/list} on the database's store ({@code CaseListHttpTest} covers the in-memory store). */
    @Test
    void postCaseListAnswersTheTenantsMatchingCasesNewestFirstAndTheirCount() {
        String marker = "Listed" + TestHost.newCaseId().substring(1, 9);
        List<String> newestFirst = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            newestFirst.add(0, host.createAcmeCase(marker + " " + i));
        }
        host.post("case", host.globexToken, TestHost.acmeCase(TestHost.newCaseId(), marker + " of globex"));

        Reply first = host.post("case/list", host.acmeToken, "{\"start\":0,\"limit\":2,\"title\":\"" + marker + "\"}");
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        JsonNode result = first.json().get("result").get(0);
        assertThat(result.get("count").asLong()).isEqualTo(3);
        List<JsonNode> listed = new java.util.ArrayList<>();
        result.get("caseList").forEach(listed::add);
        assertThat(listed).hasSize(2);
        Reply second = host.post("case/list", host.acmeToken, "{\"start\":0,\"limit\":2,\"title\":\"" + marker
                + "\",\"cursor\":\"" + result.get("nextCursor").asString() + "\"}");
        JsonNode rest = second.json().get("result").get(0);
        rest.get("caseList").forEach(listed::add);
        assertThat(rest.get("nextCursor")).isNull();
        assertThat(listed).extracting(c -> c.get("id").asString()).containsExactlyInAnyOrderElementsOf(newestFirst);
        // Newest first: createdAt descending, then the id descending.
        Comparator<JsonNode> newest = Comparator.<JsonNode, java.time.Instant>comparing(
                c -> java.time.Instant.parse(c.get("createdAt").asString())).thenComparing(c -> c.get("id").asString());
        assertThat(listed).isSortedAccordingTo(newest.reversed());
    }

    @Test
    void theSeedsModifyRequestSucceedsByteForByte() {
        Reply created = host.post("case", host.acmeToken, TestHost.acmeCase(SEED_ID, "Refund not received"));
        assertThat(created.text()).isEqualTo("{\"resCode\":\"0\",\"resMsg\":\"Success\",\"result\":{\"caseId\":\"" + SEED_ID
                + "\"}}");

        Reply reply = host.post("case/modify", host.acmeToken, JSON, Demo.resource("seed-modify-request.json"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).contains("application/json;charset=UTF-8");
        assertThat(reply.body()).isEqualTo(SUCCESS.getBytes(UTF_8));
        JsonNode stored = host.get("case/" + SEED_ID, host.acmeToken).json().get("result").get(0);
        assertThat(stored.get("title").stringValue()).isEqualTo("testOpenApi11");
        assertThat(stored.get("description").stringValue()).isEqualTo("test111");
        assertThat(stored.get("dueDate").stringValue()).isEqualTo("2023-06-20 00:00:00");
        assertThat(stored.get("ownerId").stringValue()).isEqualTo("10gg0000012IpiXMqxzk");
        assertThat(stored.get("contactPhone").stringValue()).isEqualTo("15151515152");
        assertThat(stored.get("version").asLong()).isEqualTo(2);
        JsonNode change = host.get("case/" + SEED_ID + "/history", host.acmeToken).json().get("result").get(1);
        assertThat(change.get("actor").stringValue()).isEqualTo("10gg0000013wljxK5XX6");
    }

    @Test
    void aModifyThatChangesNothingSucceedsWithoutANewVersion() {
        String id = host.createAcmeCase("Same title");
        assertThat(host.post("case/modify", host.acmeToken, TestHost.retitle(id, "Same title")).text()).isEqualTo(SUCCESS);

        assertThat(host.get("case/" + id + "/history", host.acmeToken).json().get("result").size()).isEqualTo(1);
        assertThat(host.get("case/" + id, host.acmeToken).json().get("result").get(0).get("version").asLong()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{\"caseInfo\":{\"title\":\"a\",\"title\":\"b\"}}", "{\"caseInfo\":{}} {}",
            "[]", "{\"caseInfo\":[]}", "{\"caseInfo\":{},\"extra\":1}", "", "{\"caseInfo\":{\"title\":\"\u0001\"}}"})
    void aBodyThatIsNoRequestDocumentIsMalformed(String body) {
        Reply reply = host.post("case/modify", host.acmeToken, body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.resCode()).isEqualTo("400001");
        assertThat(reply.json().get("resMsg").stringValue()).startsWith("Malformed request");
    }

    @Test
    void aBodyWithAByteOrderMarkIsMalformed() {
        byte[] body = ("\uFEFF" + TestHost.acmeCase(TestHost.newCaseId(), "BOM")).getBytes(UTF_8);

        Reply reply = host.post("case", host.acmeToken, JSON, body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.resCode()).isEqualTo("400001");
    }

    @Test
    void everyViolationIsReportedAndNothingIsStored() {
        String id = host.createAcmeCase("Valid title");
        String tooLong = "é".repeat(64) + "a"; // 129 bytes in UTF-8

        Reply reply = host.post("case/modify", host.acmeToken, "{\"caseInfo\":{\"id\":\"" + id + "\",\"title\":\"" + tooLong
                + "\",\"description\":\"d\",\"creatorId\":\"" + CREATOR + "\",\"priority\":\"low\"}}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.resCode()).isEqualTo("400002");
        JsonNode errors = reply.json().get("errors");
        assertThat(errors.size()).isEqualTo(2);
        assertThat(errors.get(0).get("path").stringValue()).isEqualTo("/caseInfo/title");
        assertThat(errors.get(0).get("code").stringValue()).isEqualTo("too_long");
        assertThat(errors.get(0).get("params").toString()).isEqualTo("{\"actualBytes\":129,\"maxBytes\":128}");
        assertThat(errors.get(1).get("path").stringValue()).isEqualTo("/caseInfo/priority");
        assertThat(errors.get(1).get("code").stringValue()).isEqualTo("invalid_value");
        JsonNode stored = host.get("case/" + id, host.acmeToken).json().get("result").get(0);
        assertThat(stored.get("title").stringValue()).isEqualTo("Valid title");
        assertThat(stored.get("version").asLong()).isEqualTo(1);
    }

    @Test
    void aCaseTheTenantDoesNotHaveIsNotFound() {
        String missing = TestHost.newCaseId();

        assertThat(host.get("case/" + missing, host.acmeToken)).satisfies(r -> assertNotFound(r));
        assertThat(host.get("case/" + missing + "/history", host.acmeToken)).satisfies(r -> assertNotFound(r));
        assertThat(host.post("case/modify", host.acmeToken, TestHost.retitle(missing, "x"))).satisfies(r -> assertNotFound(r));
    }

    @ParameterizedTest
    @ValueSource(strings = {"case/bad%20id", "case/c6m800000142mS63Voa8X", "case/a.b", "case/%E4%BD%A0/history"})
    void aPathIdNoCaseCanHaveIsNotFound(String endpoint) {
        assertNotFound(host.get(endpoint, host.acmeToken));
    }

    @Test
    void aCreateWithAnIdTheTenantHasIsADuplicate() {
        String id = host.createAcmeCase("First");

        Reply again = host.post("case", host.acmeToken, TestHost.acmeCase(id, "Second"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text()).isEqualTo("{\"resCode\":\"409002\",\"resMsg\":\"Case already exists\"}");
        assertThat(host.get("case/" + id, host.acmeToken).json().get("result").get(0).get("title").stringValue())
                .isEqualTo("First");
    }

    @Test
    void anotherTenantsCaseIsExactlyAsAbsentAsAMissingOne() {
        String id = host.createAcmeCase("Acme only");
        host.post("case/modify", host.acmeToken, TestHost.retitle(id, "Acme only, changed"));
        Reply readBefore = host.get("case/" + id, host.acmeToken);
        Reply historyBefore = host.get("case/" + id + "/history", host.acmeToken);
        String missing = TestHost.newCaseId();

        List<Reply> toAcmesCase = List.of(
                host.get("case/" + id, host.globexToken),
                host.get("case/" + id + "/history", host.globexToken),
                host.post("case/modify", host.globexToken, TestHost.retitle(id, "Taken over")),
                // a value acme's template refuses: globex must not learn that the case has that template
                host.post("case/modify", host.globexToken, modifyWithSeverity(id, "S9")));
        List<Reply> toAMissingCase = List.of(
                host.get("case/" + missing, host.globexToken),
                host.get("case/" + missing + "/history", host.globexToken),
                host.post("case/modify", host.globexToken, TestHost.retitle(missing, "Taken over")),
                host.post("case/modify", host.globexToken, modifyWithSeverity(missing, "S9")));

        for (int i = 0; i < toAcmesCase.size(); i++) {
            assertNotFound(toAcmesCase.get(i));
            assertThat(toAcmesCase.get(i).status()).isEqualTo(toAMissingCase.get(i).status());
            assertThat(toAcmesCase.get(i).body()).isEqualTo(toAMissingCase.get(i).body());
            assertThat(withoutDate(toAcmesCase.get(i))).isEqualTo(withoutDate(toAMissingCase.get(i)));
        }
        assertThat(host.get("case/" + id, host.acmeToken).body()).isEqualTo(readBefore.body());
        assertThat(host.get("case/" + id + "/history", host.acmeToken).body()).isEqualTo(historyBefore.body());
    }

    @Test
    void theSameIdInTwoTenantsIsTwoUnrelatedCases() {
        String id = host.createAcmeCase("Acme's");
        Reply acmeBefore = host.get("case/" + id, host.acmeToken);

        Reply globexCreate = host.post("case", host.globexToken, "{\"caseInfo\":{\"id\":\"" + id + "\",\"type\":\"" + TYPE
                + "\",\"title\":\"Globex's\",\"description\":\"d\",\"contactId\":\"ciIy0000013w9aru7cDQ\",\"creatorId\":\""
                + CREATOR + "\",\"AICC__notes__CST\":\"a globex field\"}}");

        assertThat(globexCreate.status()).isEqualTo(200);
        assertThat(host.get("case/" + id, host.globexToken).json().get("result").get(0).get("title").stringValue())
                .isEqualTo("Globex's");
        assertThat(host.get("case/" + id, host.acmeToken).body()).isEqualTo(acmeBefore.body());
    }

    @Test
    void aRequestWithoutAValidTokenIsUnauthorizedAndChangesNothing() {
        String id = TestHost.newCaseId();
        String body = TestHost.acmeCase(id, "Sneaky");
        char last = host.acmeToken.charAt(host.acmeToken.length() - 1);
        String almost = host.acmeToken.substring(0, host.acmeToken.length() - 1) + (last == 'A' ? 'B' : 'A');

        List<Reply> replies = List.of(
                host.send(HttpRequest.newBuilder(host.uri("case")).header("Content-Type", JSON)
                        .POST(HttpRequest.BodyPublishers.ofString(body))),
                host.post("case", "unknown-token", body),
                host.post("case", almost, body),
                host.post("case", host.acmeToken.toUpperCase(java.util.Locale.ROOT), body),
                host.send(HttpRequest.newBuilder(host.uri("case")).header("Content-Type", JSON)
                        .header("access-token", host.acmeToken).header("access-token", host.acmeToken)
                        .POST(HttpRequest.BodyPublishers.ofString(body))),
                host.send(HttpRequest.newBuilder(host.uri("case/" + id)).GET()));

        for (Reply reply : replies) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.text()).isEqualTo(UNAUTHORIZED);
            assertThat(reply.headers().firstValue("WWW-Authenticate")).contains("access-token");
        }
        assertNotFound(host.get("case/" + id, host.acmeToken));
    }

    @Test
    void aRequestWithoutATokenIsAnsweredBeforeItsBodyIsRead() throws IOException {
        RawHttp.Answer answer = RawHttp.send(host.host.port(), "POST " + host.uri("case").getRawPath() + " HTTP/1.1\r\n"
                + "Host: localhost\r\nContent-Type: application/json\r\nContent-Length: 1073741824", "{\"caseInfo\"".getBytes(UTF_8));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).isEqualTo(UNAUTHORIZED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/json; charset=ISO-8859-1", "application/json;charset=utf-16",
            "application/json; profile=aicc", "application/json; charset=utf-8; charset=utf-8", "application/jsonp",
            "application/x-www-form-urlencoded", "application/json; charset", "*/*"})
    void aBodyThatIsNotDeclaredAsJsonInUtf8IsRefused(String contentType) {
        String id = TestHost.newCaseId();

        Reply reply = host.post("case", host.acmeToken, contentType, TestHost.acmeCase(id, "Typed").getBytes(UTF_8));

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.text()).isEqualTo(UNSUPPORTED);
        assertNotFound(host.get("case/" + id, host.acmeToken));
    }

    @Test
    void aBodyWithoutContentTypeOrWithTwoIsRefused() {
        String body = TestHost.acmeCase(TestHost.newCaseId(), "Untyped");

        Reply none = host.send(HttpRequest.newBuilder(host.uri("case")).header("access-token", host.acmeToken)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        Reply two = host.send(HttpRequest.newBuilder(host.uri("case/modify")).header("access-token", host.acmeToken)
                .header("Content-Type", JSON).header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(none.status()).isEqualTo(415);
        assertThat(none.text()).isEqualTo(UNSUPPORTED);
        assertThat(two.status()).isEqualTo(415);
        assertThat(two.text()).isEqualTo(UNSUPPORTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json;charset=UTF-8", "Application/JSON; Charset=\"utf-8\"",
            "application/json ; charset=utf-8", "application/json;"})
    void jsonWithNoCharsetOrUtf8IsAccepted(String contentType) {
        String id = TestHost.newCaseId();

        Reply reply = host.post("case", host.acmeToken, contentType, TestHost.acmeCase(id, "Typed").getBytes(UTF_8));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(host.get("case/" + id, host.acmeToken).status()).isEqualTo(200);
    }

    @Test
    void aBodyOfExactlyTheLimitIsReadAndOneByteMoreIsTooLarge() {
        String id = host.createAcmeCase("Before");
        String start = "{\"caseInfo\":{\"id\":\"" + id + "\",\"description\":\"d\",\"creatorId\":\"" + CREATOR + "\",\"title\":\"";
        String end = "\"}}";
        String atLimit = start + "x".repeat(LIMIT - start.length() - end.length()) + end;
        assertThat(atLimit.getBytes(UTF_8)).hasSize(LIMIT);

        Reply read = host.post("case/modify", host.acmeToken, atLimit);
        Reply tooLarge = host.post("case/modify", host.acmeToken, atLimit + " ");

        assertThat(read.status()).isEqualTo(400);
        assertThat(read.json().get("errors").get(0).get("code").stringValue()).isEqualTo("too_long");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.text()).isEqualTo("{\"resCode\":\"413001\",\"resMsg\":\"Request body is 1048577 bytes, at most "
                + "1048576 allowed\"}");
        assertThat(host.get("case/" + id, host.acmeToken).json().get("result").get(0).get("title").stringValue())
                .isEqualTo("Before");
    }

    @Test
    void aClientSendingABodyTwiceTheLimitReadsTheAnswer() {
        Reply reply = host.post("case", host.acmeToken, JSON, new byte[2 * LIMIT]);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.resCode()).isEqualTo("413001");
    }

    @Test
    void aDeclaredLengthOverTheLimitIsAnsweredWithoutWaitingForTheBody() throws IOException {
        RawHttp.Answer answer = RawHttp.send(host.host.port(), "POST " + host.uri("case").getRawPath() + " HTTP/1.1\r\n"
                + "Host: localhost\r\naccess-token: " + host.acmeToken + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: 1073741824", "{\"caseInfo\":{".getBytes(UTF_8));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).isEqualTo("{\"resCode\":\"413001\",\"resMsg\":\"Request body is 1073741824 bytes, "
                + "at most 1048576 allowed\"}");
    }

    @Test
    void aChunkedBodyIsReadOneBytePastTheLimitAndNoFurther() throws IOException {
        byte[] chunk = new byte[LIMIT + 10];
        Arrays.fill(chunk, (byte) ' ');
        byte[] sent = concat(Integer.toHexString(chunk.length).getBytes(UTF_8), "\r\n".getBytes(UTF_8), chunk);

        // The body never ends: the answer can only come from a server that stopped reading at the limit.
        RawHttp.Answer answer = RawHttp.send(host.host.port(), "POST " + host.uri("case/modify").getRawPath()
                + " HTTP/1.1\r\nHost: localhost\r\naccess-token: " + host.acmeToken + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked", sent);

        assertThat(answer.status()).isEqualTo(413);
        // The body never ended, so its size is unknown: the message names the limit only.
        assertThat(answer.body()).isEqualTo("{\"resCode\":\"413001\",\"resMsg\":\"Request body is larger than the "
                + "limit of 1048576 bytes\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/service/AICC__Case/1.0.0/openapi/", "/service/AICC__Case/1.0.0/openapi/cases",
            "/service/AICC__Case/1.0.0/openapi/case/", "/service/AICC__Case/1.0.0/openapi/case/x/history/more",
            "/service/AICC__Case/1.0.0/openapi/case//history", "/service/AICC__Case/2.0.0/openapi/case",
            "/service/AICC__Case/1.0.0/openapi/case/x/versions"})
    void aPathOfNoEndpointIsAnsweredWithTheHostsOwnCode(String path) {
        Reply reply = host.send(HttpRequest.newBuilder(host.host.baseUri().resolve(path)).GET());

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.text()).isEqualTo(NO_SUCH_ENDPOINT);
        assertThat(reply.headers().firstValue("Content-Type")).contains("application/json;charset=UTF-8");
    }

    @Test
    void aMethodAnEndpointDoesNotTakeIsAnsweredWithTheMethodsItTakes() {
        assertMethodNotAllowed(host.send(HttpRequest.newBuilder(host.uri("case")).GET()), "POST");
        assertMethodNotAllowed(host.send(HttpRequest.newBuilder(host.uri("case/modify"))
                .PUT(HttpRequest.BodyPublishers.ofString("{}"))), "GET, POST");
        assertMethodNotAllowed(host.send(HttpRequest.newBuilder(host.uri("case/" + SEED_ID)).DELETE()), "GET");
        assertMethodNotAllowed(host.send(HttpRequest.newBuilder(host.uri("case/" + SEED_ID + "/history"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))), "GET");
    }

    @Test
    void everyRequestIsLoggedOnOneLineWithoutBodyOrToken() throws InterruptedException {
        String id = host.createAcmeCase("A title only the body holds");
        host.get("case/" + id, host.acmeToken);
        host.get("case/" + id + "/history", "a-secret-but-wrong-token");
        host.send(HttpRequest.newBuilder(host.uri("case")).DELETE());

        List<String> lines = host.awaitLogLines(4);

        String base = host.uri("case").getRawPath();
        String time = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";
        // A request is logged after its answer is sent, so two quick requests on two workers may log
        // in either order: each line must be there once, in any order.
        List<String> expected = List.of(time + " POST " + base + " 200 0 \\d+ms\\R",
                time + " GET " + base + "/" + id + " 200 0 \\d+ms\\R",
                time + " GET " + base + "/" + id + "/history 401 401001 \\d+ms\\R",
                time + " DELETE " + base + " 405 405000 \\d+ms\\R");
        for (String pattern : expected) {
            assertThat(lines).as(pattern).filteredOn(line -> line.matches(pattern)).hasSize(1);
        }
        assertThat(String.join("", lines)).doesNotContain(host.acmeToken, "a-secret-but-wrong-token",
                "A title only the body holds", "Content-Type");
        assertThat(host.remainingLogLines()).isEmpty();
    }

    static String modifyWithSeverity(String id, String severity) {
        return "{\"caseInfo\":{\"id\":\"" + id + "\",\"title\":\"t\",\"description\":\"d\",\"creatorId\":\"" + CREATOR
                + "\",\"AICC__severity__CST\":\"" + severity + "\"}}";
    }

    static void assertNotFound(Reply reply) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(404);
        assertThat(reply.text()).isEqualTo(NOT_FOUND);
    }

    private static void assertMethodNotAllowed(Reply reply, String allowed) {
        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.text()).isEqualTo(METHOD_NOT_ALLOWED);
        assertThat(reply.headers().firstValue("Allow")).contains(allowed);
    }

    /** The response headers but the date, which differs from one response to the next. */
    private static java.util.Map<String, List<String>> withoutDate(Reply reply) {
        java.util.Map<String, List<String>> headers = new java.util.TreeMap<>(reply.headers().map());
        headers.remove("date");
        return headers;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}

package io.casekit.json;

import static io.casekit.json.Fixtures.TENANT;
import static io.casekit.json.Fixtures.TYPE_ID;
import static io.casekit.json.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.Case;
import io.casekit.core.CaseDraft;
import io.casekit.core.CaseModification;
import io.casekit.core.Priority;
import io.casekit.core.TenantId;
import io.casekit.core.Value;
import io.casekit.core.query.CaseFilter;
import io.casekit.core.service.AuthorizationPolicy;
import io.casekit.core.service.AuthorizationRequest;
import io.casekit.core.service.CaseService;
import io.casekit.core.template.CaseType;
import io.casekit.store.memory.InMemoryCaseStore;
import io.casekit.store.memory.InMemoryTemplateCatalog;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST case/list}: the AICC answer with each case exactly as read, newest first, the exact
 * count; every request key, valid and not; the 31-day window in the tenant's zone; paging by
 * {@code start} and by {@code cursor}; every fault a violation at the request's own key.
 */
class CaseListTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final String SEVERITY = "AICC__severity__CST";


    /** A service in a zone, on the in-memory store, and its endpoints. */
    private static final class Host {
        final SetClock clock = new SetClock(T0);
        final InMemoryCaseStore store = new InMemoryCaseStore();
        final InMemoryTemplateCatalog catalog = new InMemoryTemplateCatalog();
        final CaseService service;
        final CaseEndpoints endpoints;

        Host(ZoneId zone, UnaryOperator<CaseService.Builder> configure) {
            Fixtures.caseTypes().forEach(catalog::save);
            for (CaseType t : Fixtures.caseTypes()) {
                catalog.save(new CaseType(TenantId.of("t2"), t.id(), t.name(), t.fields()));
            }
            service = configure.apply(CaseService.builder(store, catalog).clock(clock).zone(zone)).build();
            endpoints = CaseEndpoints.of(service);
        }

        Host() {
            this(ZoneOffset.UTC, b -> b);
        }

        Case create(Instant at, String id, UnaryOperator<CaseDraft.Builder> more) {
            return create(TENANT, at, id, more);
        }

        Case create(TenantId tenant, Instant at, String id, UnaryOperator<CaseDraft.Builder> more) {
            clock.now = at;
            return service.create(tenant, more.apply(CaseDraft.builder(TYPE_ID, "creator1").id(id).title("title " + id)
                    .description("d").contactId("contact1").extension(SEVERITY, Value.text("S1"))).build());
        }

        /** n cases, one a minute, ids c00, c01, …; returns their ids newest first. */
        List<String> createMany(int n) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String id = String.format("c%02d", i);
                create(T0.plusSeconds(60L * i), id, b -> b);
                ids.add(0, id);
            }
            return ids;
        }

        EndpointResponse list(String body) {
            return endpoints.list(TENANT, utf8(body));
        }
    }

    private static JsonNode json(EndpointResponse response) {
        return MAPPER.readTree(response.bodyText());
    }

    private static List<String> ids(EndpointResponse response) {
        assertThat(response.httpStatus()).as(response.bodyText()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode c : json(response).get("result").get(0).get("caseList")) {
            ids.add(c.get("id").asString());
        }
        return ids;
    }

    private static long count(EndpointResponse response) {
        return json(response).get("result").get(0).get("count").asLong();
    }

    private static String nextCursor(EndpointResponse response) {
        JsonNode next = json(response).get("result").get(0).get("nextCursor");
        return next == null ? null : next.asString();
    }

    /** The (path, code) of each error of a 400002 answer, in order. */
    private static List<String> errors(EndpointResponse response) {
        assertThat(response.httpStatus()).as(response.bodyText()).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(body.get("resCode").asString()).isEqualTo("400002");
        List<String> out = new ArrayList<>();
        for (JsonNode e : body.get("errors")) {
            out.add(e.get("path").asString() + " " + e.get("code").asString());
        }
        assertThat(out).noneMatch(e -> e.contains("/filters") || e.contains("/after"));
        return out;
    }

    private static String page(int start, int limit, String more) {
        return "{\"start\":" + start + ",\"limit\":" + limit + (more.isEmpty() ? "" : "," + more) + "}";
    }

    @Test
    void the_answer_is_the_AICC_envelope_with_each_case_exactly_as_read_newest_first_and_the_exact_count() {
        Host host = new Host();
        host.createMany(3);
        host.service.modify(TENANT, CaseModification.builder("c01", "u2").priority(Priority.HIGH).build());

        EndpointResponse response = host.list(page(0, 2, ""));

        StringBuilder expected = new StringBuilder("{\"resCode\":\"0\",\"resMsg\":\"Success\",\"result\":[{\"caseList\":[");
        for (String id : List.of("c02", "c01")) {
            String read = host.endpoints.read(TENANT, id).bodyText();
            String prefix = "{\"resCode\":\"0\",\"resMsg\":\"Success\",\"result\":[";
            assertThat(read).startsWith(prefix).endsWith("]}");
            expected.append(read, prefix.length(), read.length() - 2).append(id.equals("c02") ? "," : "");
        }
        expected.append("],\"count\":3,\"nextCursor\":\"");
        assertThat(response.httpStatus()).isEqualTo(200);
        assertThat(response.bodyText()).startsWith(expected.toString()).endsWith("\"}]}");
        assertThat(response.bodyText()).contains("\"priority\":\"High\"", "\"version\":2");

        EndpointResponse last = host.list(page(2, 2, ""));
        assertThat(last.bodyText()).endsWith("],\"count\":3}]}").doesNotContain("nextCursor");
        assertThat(ids(last)).containsExactly("c00");
    }

    @Test
    void start_and_limit_page_through_every_case_once_in_order() {
        Host host = new Host();
        List<String> all = host.createMany(23);
        for (int limit : new int[] {1, 5, 7, 23, 100}) {
            List<String> seen = new ArrayList<>();
            for (int start = 0; start < 23; start += limit) {
                EndpointResponse response = host.list(page(start, limit, ""));
                assertThat(count(response)).isEqualTo(23);
                seen.addAll(ids(response));
            }
            assertThat(seen).as("limit " + limit).isEqualTo(all);
        }
        EndpointResponse beyond = host.list(page(23, 5, ""));
        assertThat(ids(beyond)).isEmpty();
        assertThat(count(beyond)).isEqualTo(23);
        assertThat(nextCursor(beyond)).isNull();
        assertThat(ids(host.list(page(10_000, 100, "")))).isEmpty();
    }

    @Test
    void an_offset_deeper_than_one_store_page_is_walked_exactly() {
        Host host = new Host();
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 1_205; i++) {
            String id = String.format("d%04d", i);
            host.create(T0.plusSeconds(i), id, b -> b);
            all.add(0, id);
        }
        assertThat(ids(host.list(page(1_100, 100, "")))).isEqualTo(all.subList(1_100, 1_200));
        assertThat(ids(host.list(page(1_200, 100, "")))).isEqualTo(all.subList(1_200, 1_205));
        assertThat(ids(host.list(page(999, 3, "")))).isEqualTo(all.subList(999, 1_002));
    }

    @Test
    void the_cursor_pages_through_every_case_once_without_gaps_even_when_cases_are_added() {
        Host host = new Host();
        List<String> all = host.createMany(20);
        List<String> seen = new ArrayList<>();
        EndpointResponse response = host.list(page(0, 6, ""));
        seen.addAll(ids(response));
        int pages = 1;
        while (nextCursor(response) != null) {
            // A newer case created while paging sorts before the pages already read: no shift.
            host.create(T0.plusSeconds(100_000L + pages), "new" + pages, b -> b);
            response = host.list(page(0, 6, "\"cursor\":\"" + nextCursor(response) + "\""));
            seen.addAll(ids(response));
            pages++;
        }
        assertThat(seen).isEqualTo(all);
        assertThat(pages).isEqualTo(4);
        assertThat(new HashSet<>(seen)).hasSize(20);
        // The limit may change between pages; the cursor stays good.
        EndpointResponse first = host.list(page(0, 2, ""));
        assertThat(ids(first)).containsExactly("new3", "new2");
        assertThat(ids(host.list(page(0, 3, "\"cursor\":\"" + nextCursor(first) + "\"")))).containsExactly("new1", "c19", "c18");
    }

    @Test
    void a_cursor_is_refused_when_tampered_foreign_or_with_a_start() {
        Host host = new Host();
        host.createMany(5);
        host.create(TenantId.of("t2"), T0, "x1", b -> b);
        host.create(TenantId.of("t2"), T0.plusSeconds(1), "x2", b -> b);
        String cursor = nextCursor(host.list(page(0, 2, "")));
        assertThat(cursor).isNotNull().matches("[A-Za-z0-9_-]+");

        assertThat(errors(host.list(page(0, 2, "\"cursor\":\"" + cursor + "x\"")))).containsExactly("/cursor invalid_value");
        assertThat(errors(host.list(page(0, 2, "\"cursor\":\"!!!\"")))).containsExactly("/cursor invalid_value");
        assertThat(errors(host.list(page(0, 2, "\"cursor\":\"\"")))).containsExactly("/cursor invalid_value");
        assertThat(errors(host.list(page(0, 2, "\"cursor\":" + 5)))).containsExactly("/cursor invalid_type");
        // With other filters or another sort it is another query's cursor.
        assertThat(errors(host.list(page(0, 2, "\"cursor\":\"" + cursor + "\",\"title\":\"t\""))))
                .containsExactly("/cursor invalid_value");
        assertThat(errors(host.list(page(0, 2, "\"cursor\":\"" + cursor + "\",\"sort\":{\"key\":\"title\"}"))))
                .containsExactly("/cursor invalid_value");
        // Another tenant's cursor.
        String foreign = nextCursor(host.endpoints.list(TenantId.of("t2"), utf8(page(0, 1, ""))));
        assertThat(errors(host.list(page(0, 2, "\"cursor\":\"" + foreign + "\"")))).containsExactly("/cursor invalid_value");
        // A decoded cursor changed and encoded again: its id, or its fingerprint.
        String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        assertThat(decoded).contains("\"id\":\"c03\"");
        for (String forged : List.of(decoded.replace("c03", "c01"), decoded.replace("\"f\":\"", "\"f\":\"A"),
                decoded.replace("\"v\":1", "\"v\":2"), decoded.replace("}", ",\"x\":1}"), "[]", "{}")) {
            String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes(StandardCharsets.UTF_8));
            EndpointResponse r = host.list(page(0, 2, "\"cursor\":\"" + encoded + "\""));
            if (forged.contains("c01") && !forged.contains("\"f\":\"A")) {
                // Same fingerprint, another position (c03's time, c01's id): a valid start point, nothing more.
                assertThat(ids(r)).containsExactly("c02", "c01");
            } else {
                assertThat(errors(r)).as(forged).containsExactly("/cursor invalid_value");
            }
        }
        // Every one-character change is answered, never with an internal error.
        for (int i = 0; i < cursor.length(); i++) {
            for (char c : new char[] {'A', '_', '0', '%', '"'}) {
                String changed = cursor.substring(0, i) + (c == '"' ? "\\\"" : String.valueOf(c)) + cursor.substring(i + 1);
                EndpointResponse r = host.list(page(0, 2, "\"cursor\":\"" + changed + "\""));
                assertThat(r.httpStatus()).as(changed).isIn(200, 400);
                if (r.httpStatus() == 400) {
                    assertThat(errors(r)).containsExactly("/cursor invalid_value");
                }
            }
        }
        assertThat(errors(host.list(page(3, 2, "\"cursor\":\"" + cursor + "\"")))).containsExactly("/start out_of_range");
        assertThat(ids(host.list(page(0, 2, "\"cursor\":\"" + cursor + "\"")))).containsExactly("c02", "c01");
    }

    @Test
    void start_and_limit_are_required_integers_within_their_bounds() {
        Host host = new Host();
        host.createMany(2);
        assertThat(errors(host.list("{}"))).containsExactly("/start required", "/limit required");
        assertThat(errors(host.list(page(10_001, 10, "")))).containsExactly("/start out_of_range");
        assertThat(errors(host.list(page(-1, 10, "")))).containsExactly("/start out_of_range");
        assertThat(errors(host.list(page(0, 0, "")))).containsExactly("/limit out_of_range");
        assertThat(errors(host.list(page(0, 101, "")))).containsExactly("/limit out_of_range");
        assertThat(errors(host.list("{\"start\":\"0\",\"limit\":1.5}"))).containsExactly("/start invalid_type",
                "/limit invalid_type");
        assertThat(errors(host.list("{\"limit\":null,\"start\":true}"))).containsExactly("/limit invalid_type",
                "/start invalid_type");
        assertThat(errors(host.list("{\"start\":1e400,\"limit\":1}"))).containsExactly("/start out_of_range");
        assertThat(json(host.list(page(10_001, 10, ""))).get("errors").get(0).get("params").toString())
                .isEqualTo("{\"max\":10000,\"min\":0}");
        assertThat(ids(host.list("{\"start\":0,\"limit\":1.0}"))).containsExactly("c01");
        assertThat(ids(host.list(page(0, 100, "")))).containsExactly("c01", "c00");
    }

    @Test
    void each_filter_key_narrows_the_list() {
        Host host = new Host();
        host.create(T0, "a1", b -> b.title("Refund NOT received").priority(Priority.LOW).ownerId("o1")
                .contactPhone("151").extension("AICC__notes__CST", Value.text("n1"))
                .extension("AICC__callback__CST", Value.bool(true))
                .extension("AICC__tags__CST", Value.textList(List.of("vip", "legal"))));
        host.create(T0.plusSeconds(1), "a2", b -> b.title("Broken screen").priority(Priority.CRITICAL)
                .ownerId("o2").contactId("contact2").extension(SEVERITY, Value.text("S3"))
                .extension("AICC__callback__CST", Value.bool(false)));
        host.clock.now = T0.plusSeconds(2);
        host.service.create(TENANT, CaseDraft.builder(TYPE_ID, "creator2").id("a3").title("refund again")
                .description("d").contactId("contact1").extension(SEVERITY, Value.text("S2"))
                .extension("AICC__tags__CST", Value.textList(List.of("press"))).build());

        assertThat(ids(host.list(page(0, 10, "")))).containsExactly("a3", "a2", "a1");
        assertThat(ids(host.list(page(0, 10, "\"title\":\"REFUND\"")))).containsExactly("a3", "a1");
        assertThat(ids(host.list(page(0, 10, "\"title\":\"%\"")))).isEmpty();
        assertThat(ids(host.list(page(0, 10, "\"priority\":\"Low\"")))).containsExactly("a1");
        assertThat(ids(host.list(page(0, 10, "\"priority\":\"0\"")))).containsExactly("a1");
        assertThat(ids(host.list(page(0, 10, "\"priority\":\"Critical\"")))).containsExactly("a2");
        assertThat(ids(host.list(page(0, 10, "\"priority\":\"3\"")))).containsExactly("a2");
        assertThat(ids(host.list(page(0, 10, "\"priority\":\"1\"")))).isEmpty();
        assertThat(ids(host.list(page(0, 10, "\"ownerId\":\"o2\"")))).containsExactly("a2");
        assertThat(ids(host.list(page(0, 10, "\"type\":\"" + TYPE_ID + "\"")))).containsExactly("a3", "a2", "a1");
        assertThat(ids(host.list(page(0, 10, "\"contactId\":\"contact1\"")))).containsExactly("a3", "a1");
        assertThat(ids(host.list(page(0, 10, "\"contactPhone\":\"151\"")))).containsExactly("a1");
        assertThat(ids(host.list(page(0, 10, "\"creatorId\":\"creator2\"")))).containsExactly("a3");
        assertThat(count(host.list(page(0, 1, "\"creatorId\":\"creator1\"")))).isEqualTo(2);
        String typed = "\"type\":\"" + TYPE_ID + "\",";
        assertThat(ids(host.list(page(0, 10, typed + "\"AICC__severity__CST\":\"S3\"")))).containsExactly("a2");
        assertThat(ids(host.list(page(0, 10, typed + "\"AICC__notes__CST\":\"n1\"")))).containsExactly("a1");
        assertThat(ids(host.list(page(0, 10, typed + "\"AICC__callback__CST\":false")))).containsExactly("a2");
        assertThat(ids(host.list(page(0, 10, typed + "\"AICC__tags__CST\":\"legal\"")))).containsExactly("a1");
        assertThat(ids(host.list(page(0, 10, typed + "\"AICC__tags__CST\":\"press\"")))).containsExactly("a3");
        // Keys combine with AND.
        EndpointResponse both = host.list(page(0, 10, typed + "\"title\":\"refund\",\"AICC__severity__CST\":\"S1\""));
        assertThat(ids(both)).containsExactly("a1");
        assertThat(count(both)).isEqualTo(1);
    }

    @Test
    void each_filter_key_with_a_wrong_value_is_a_violation_at_that_key() {
        Host host = new Host();
        host.createMany(1);
        for (String key : List.of("title", "priority", "ownerId", "type", "contactId", "contactPhone", "creatorId",
                "startTime", "endTime", "cursor")) {
            assertThat(errors(host.list(page(0, 1, "\"" + key + "\":1")))).as(key).startsWith("/" + key + " invalid_type");
            assertThat(errors(host.list(page(0, 1, "\"" + key + "\":null")))).as(key).startsWith("/" + key + " invalid_type");
        }
        for (String key : List.of("title", "priority", "ownerId", "type", "contactId", "contactPhone", "creatorId")) {
            assertThat(errors(host.list(page(0, 1, "\"" + key + "\":\"\"")))).as(key).containsExactly("/" + key + " blank");
            assertThat(errors(host.list(page(0, 1, "\"" + key + "\":\"" + "x".repeat(129) + "\"")))).as(key)
                    .containsExactly("/" + key + " too_long");
        }
        for (String key : List.of("title", "ownerId", "contactPhone")) {
            assertThat(errors(host.list(page(0, 1, "\"" + key + "\":\"a\\u0000b\"")))).as(key)
                    .containsExactly("/" + key + " invalid_characters");
            assertThat(errors(host.list(page(0, 1, "\"" + key + "\":\"a\\ud800b\"")))).as(key)
                    .containsExactly("/" + key + " invalid_characters");
        }
        assertThat(errors(host.list(page(0, 1, "\"type\":\"" + TYPE_ID + "\",\"AICC__notes__CST\":\"\\udc00\""))))
                .containsExactly("/AICC__notes__CST invalid_characters");
        assertThat(errors(host.list(page(0, 1, "\"priority\":\"Urgent\"")))).containsExactly("/priority invalid_value");
        assertThat(errors(host.list(page(0, 1, "\"priority\":\"4\"")))).containsExactly("/priority invalid_value");
        assertThat(errors(host.list(page(0, 1, "\"priority\":\"low\"")))).containsExactly("/priority invalid_value");
        assertThat(json(host.list(page(0, 1, "\"priority\":\"x\""))).get("errors").get(0).get("params").get("allowed")
                .toString()).isEqualTo("[\"Low\",\"Medium\",\"High\",\"Critical\",\"0\",\"1\",\"2\",\"3\"]");
        assertThat(errors(host.list(page(0, 1, "\"type\":\"ct000000000000000009\"")))).containsExactly("/type invalid_value");
        assertThat(errors(host.list(page(0, 1, "\"type\":\"no such\"")))).containsExactly("/type invalid_value");
        assertThat(errors(host.list(page(0, 1, "\"classification\":\"open\"")))).containsExactly("/classification unknown_field");
        assertThat(errors(host.list(page(0, 1, "\"a/b~c\":\"x\"")))).containsExactly("/a~1b~0c unknown_field");
    }

    @Test
    void a_template_field_filters_only_with_its_case_type_and_by_its_own_type() {
        Host host = new Host();
        host.createMany(1);
        String typed = "\"type\":\"" + TYPE_ID + "\",";
        assertThat(errors(host.list(page(0, 1, "\"AICC__severity__CST\":\"S1\""))))
                .containsExactly("/AICC__severity__CST unknown_field");
        assertThat(errors(host.list(page(0, 1, typed + "\"AICC__nope__CST\":\"S1\""))))
                .containsExactly("/AICC__nope__CST unknown_field");
        assertThat(errors(host.list(page(0, 1, typed + "\"AICC__severity__CST\":1"))))
                .containsExactly("/AICC__severity__CST invalid_type");
        assertThat(errors(host.list(page(0, 1, typed + "\"AICC__severity__CST\":\"\""))))
                .containsExactly("/AICC__severity__CST blank");
        assertThat(errors(host.list(page(0, 1, typed + "\"AICC__callback__CST\":\"true\""))))
                .containsExactly("/AICC__callback__CST invalid_type");
        assertThat(errors(host.list(page(0, 1, typed + "\"AICC__refund__CST\":10"))))
                .containsExactly("/AICC__refund__CST invalid_value");
        assertThat(errors(host.list(page(0, 1, typed + "\"AICC__tags__CST\":[\"vip\"]"))))
                .containsExactly("/AICC__tags__CST invalid_type");
        // A picklist value that is not an option matches nothing; it is not a fault of the request.
        assertThat(ids(host.list(page(0, 1, typed + "\"AICC__severity__CST\":\"S9\"")))).isEmpty();
        // With an unknown type, only the type is reported.
        assertThat(errors(host.list(page(0, 1, "\"type\":\"ct000000000000000009\",\"AICC__severity__CST\":\"S1\""))))
                .containsExactly("/type invalid_value");
    }

    @Test
    void every_violation_is_reported_at_its_key_in_request_order() {
        Host host = new Host();
        EndpointResponse response = host.list("{\"title\":\"\",\"limit\":0,\"sort\":{\"key\":\"nope\",\"x\":1},"
                + "\"priority\":\"P1\",\"endTime\":\"2026-01-01\",\"start\":-5,\"bogus\":1}");
        assertThat(errors(response)).containsExactly("/title blank", "/limit out_of_range", "/sort/key invalid_value",
                "/sort/x unknown_field", "/priority invalid_value", "/endTime invalid_format", "/startTime required",
                "/start out_of_range", "/bogus unknown_field");
        assertThat(json(response).get("errorCount").asInt()).isEqualTo(9);
    }

    @Test
    void the_creation_window_is_at_most_31_days_and_needs_both_ends() {
        Host host = new Host();
        host.create(Instant.parse("2026-01-01T00:00:00Z"), "w1", b -> b);
        host.create(Instant.parse("2026-02-01T00:00:00Z"), "w2", b -> b);
        host.create(Instant.parse("2026-02-01T00:00:00.999Z"), "w3", b -> b);
        host.create(Instant.parse("2026-02-01T00:00:01Z"), "w4", b -> b);

        String exactly31 = "\"startTime\":\"2026-01-01 00:00:00\",\"endTime\":\"2026-02-01 00:00:00\"";
        assertThat(ids(host.list(page(0, 10, exactly31)))).containsExactly("w3", "w2", "w1");
        assertThat(count(host.list(page(0, 10, exactly31)))).isEqualTo(3);
        assertThat(errors(host.list(page(0, 10, "\"startTime\":\"2026-01-01 00:00:00\",\"endTime\":\"2026-02-01 00:00:01\""))))
                .containsExactly("/endTime out_of_range");
        assertThat(errors(host.list(page(0, 10, "\"startTime\":\"2026-01-02 00:00:00\",\"endTime\":\"2026-01-01 23:59:59\""))))
                .containsExactly("/endTime out_of_range");
        assertThat(ids(host.list(page(0, 10, "\"startTime\":\"2026-02-01 00:00:00\",\"endTime\":\"2026-02-01 00:00:00\""))))
                .containsExactly("w3", "w2");
        assertThat(errors(host.list(page(0, 10, "\"startTime\":\"2026-01-01 00:00:00\"")))).containsExactly("/endTime required");
        assertThat(errors(host.list(page(0, 10, "\"endTime\":\"2026-01-01 00:00:00\"")))).containsExactly("/startTime required");
        assertThat(errors(host.list(page(0, 10, "\"startTime\":\"2026-01-01T00:00:00\",\"endTime\":\"2026-02-30 00:00:00\""))))
                .containsExactly("/startTime invalid_format", "/endTime invalid_format");
    }

    @Test
    void the_window_is_read_in_the_tenants_zone() {
        Host host = new Host(ZoneId.of("Asia/Shanghai"), b -> b);
        host.create(Instant.parse("2026-01-01T15:59:59Z"), "z1", b -> b); // 2026-01-01 23:59:59 in Shanghai
        host.create(Instant.parse("2026-01-01T16:00:00Z"), "z2", b -> b); // 2026-01-02 00:00:00
        host.create(Instant.parse("2026-01-02T15:59:59.500Z"), "z3", b -> b); // 2026-01-02 23:59:59.5
        host.create(Instant.parse("2026-01-02T16:00:00Z"), "z4", b -> b); // 2026-01-03 00:00:00

        assertThat(ids(host.list(page(0, 10, "\"startTime\":\"2026-01-02 00:00:00\",\"endTime\":\"2026-01-02 23:59:59\""))))
                .containsExactly("z3", "z2");
        Host utc = new Host();
        utc.create(Instant.parse("2026-01-01T15:59:59Z"), "z1", b -> b);
        utc.create(Instant.parse("2026-01-01T16:00:00Z"), "z2", b -> b);
        assertThat(ids(utc.list(page(0, 10, "\"startTime\":\"2026-01-02 00:00:00\",\"endTime\":\"2026-01-02 23:59:59\""))))
                .isEmpty();
    }

    @Test
    void sort_is_an_extension_with_a_key_and_a_direction() {
        Host host = new Host();
        host.create(T0, "s1", b -> b.title("banana").priority(Priority.HIGH));
        host.create(T0.plusSeconds(1), "s2", b -> b.title("apple"));
        host.create(T0.plusSeconds(2), "s3", b -> b.title("cherry").priority(Priority.LOW));

        assertThat(ids(host.list(page(0, 10, "\"sort\":{\"key\":\"title\",\"direction\":\"asc\"}"))))
                .containsExactly("s2", "s1", "s3");
        assertThat(ids(host.list(page(0, 10, "\"sort\":{\"key\":\"title\"}")))).containsExactly("s3", "s1", "s2");
        assertThat(ids(host.list(page(0, 10, "\"sort\":{\"key\":\"priority\",\"direction\":\"desc\"}"))))
                .containsExactly("s1", "s3", "s2");
        assertThat(ids(host.list(page(0, 10, "\"sort\":{\"key\":\"createdAt\",\"direction\":\"asc\"}"))))
                .containsExactly("s1", "s2", "s3");
        EndpointResponse first = host.list(page(0, 1, "\"sort\":{\"key\":\"priority\",\"direction\":\"asc\"}"));
        assertThat(ids(first)).containsExactly("s3");
        assertThat(ids(host.list(page(0, 5, "\"sort\":{\"key\":\"priority\",\"direction\":\"asc\"},\"cursor\":\""
                + nextCursor(first) + "\"")))).containsExactly("s1", "s2");

        assertThat(errors(host.list(page(0, 1, "\"sort\":\"title\"")))).containsExactly("/sort invalid_type");
        assertThat(errors(host.list(page(0, 1, "\"sort\":{}")))).containsExactly("/sort/key required");
        assertThat(errors(host.list(page(0, 1, "\"sort\":{\"key\":\"id\"}")))).containsExactly("/sort/key invalid_value");
        assertThat(errors(host.list(page(0, 1, "\"sort\":{\"key\":\"title\",\"direction\":\"up\"}"))))
                .containsExactly("/sort/direction invalid_value");
        assertThat(errors(host.list(page(0, 1, "\"sort\":{\"key\":1,\"direction\":true}"))))
                .containsExactly("/sort/key invalid_type", "/sort/direction invalid_type");
    }

    @Test
    void a_body_that_is_no_list_request_is_400001_or_413001() {
        Host host = new Host();
        assertThat(host.list("[]").bodyText()).isEqualTo("{\"resCode\":\"400001\",\"resMsg\":\"Malformed request: "
                + "the top level must be a JSON object\"}");
        assertThat(host.list("{\"start\":0,\"limit\":1,\"start\":1}").bodyText()).contains("400001");
        assertThat(host.list("{\"start\":0,\"limit\":1} {}").bodyText()).contains("400001", "data after the end");
        assertThat(host.list("").bodyText()).contains("400001");
        byte[] large = new byte[JsonLimits.DEFAULT_MAX_DOCUMENT_BYTES + 1];
        assertThat(host.endpoints.list(TENANT, large).resCode()).isEqualTo(ResCode.BODY_TOO_LARGE);
        assertThat(host.endpoints.list(TENANT, new ByteArrayInputStream(large)).resCode()).isEqualTo(ResCode.BODY_TOO_LARGE);
        assertThat(ids(host.endpoints.list(TENANT, new ByteArrayInputStream(utf8(page(0, 1, "")))))).isEmpty();
    }

    @Test
    void a_policy_is_asked_and_its_allowWhere_restricts_the_list_and_the_count() {
        List<AuthorizationRequest> asked = new ArrayList<>();
        Host host = new Host(ZoneOffset.UTC, b -> b.policy(request -> {
            asked.add(request);
            return request.operation() == AuthorizationRequest.Operation.QUERY
                    ? AuthorizationPolicy.Decision.allowWhere(new CaseFilter.PartyIn(CaseFilter.Party.OWNER_ID, Set.of("o1")))
                    : AuthorizationPolicy.Decision.allow();
        }));
        for (int i = 0; i < 9; i++) {
            String owner = i % 3 == 0 ? "o1" : "o2";
            host.create(T0.plusSeconds(i), "p" + i, b -> b.ownerId(owner));
        }
        asked.clear();

        EndpointResponse first = host.list(page(0, 2, ""));
        assertThat(ids(first)).containsExactly("p6", "p3");
        assertThat(count(first)).isEqualTo(3);
        assertThat(ids(host.list(page(0, 2, "\"cursor\":\"" + nextCursor(first) + "\"")))).containsExactly("p0");
        assertThat(ids(host.list(page(2, 2, "")))).containsExactly("p0");
        assertThat(asked).allSatisfy(r -> assertThat(r.operation()).isEqualTo(AuthorizationRequest.Operation.QUERY));

        Host refusing = new Host(ZoneOffset.UTC, b -> b.policy(r -> AuthorizationPolicy.Decision.refuse("no lists")));
        assertThat(refusing.list(page(0, 2, "")).bodyText()).isEqualTo("{\"resCode\":\"403001\",\"resMsg\":\"Refused: no lists\"}");
    }
}

package io.casekit.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.casekit.core.Case;
import io.casekit.core.CaseId;
import io.casekit.core.CaseTypeId;
import io.casekit.core.CaseValidationException;
import io.casekit.core.HistoryEntry;
import io.casekit.core.TenantId;
import io.casekit.core.Value;
import io.casekit.core.Violation;
import io.casekit.core.ViolationCode;
import io.casekit.core.service.CaseService;
import io.casekit.core.template.CaseType;
import io.casekit.core.template.FieldDefinition;
import io.casekit.core.template.FieldType;
import io.casekit.json.CaseEndpoints;
import io.casekit.json.CaseJson;
import io.casekit.json.EndpointResponse;
import io.casekit.json.ResCode;
import io.casekit.store.jdbc.JdbcCaseStore;
import io.casekit.store.jdbc.JdbcTemplateCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * SQL and JSON metacharacters in every field a caller controls, on every database the run requests.
 * Free text (title, description, attachment, text extensions, e-mail and URL values, case type
 * names, picklist options) is stored verbatim and read back byte for byte, through the service and
 * on the wire. What has a strict charset or format (case, type, owner, contact, creator and tenant
 * ids, extension field names, request keys, phone, priority, dates, numbers, checkboxes) refuses
 * such text with a violation. Nothing is ever
 * executed: every table is still there with exactly the rows the accepted requests wrote, and no
 * answer is a SQL error ({@code 503001}) or an internal one ({@code 500001}).
 */
class InjectionTest {
    private static final TenantId TENANT = Fixtures.TENANT;
    private static final CaseTypeId TYPE = Fixtures.TYPE;
    private static final String NOTES = Fixtures.NOTES;
    private static final String BODY = Fixtures.BODY;
    private static final String PICK = "AICC__pick__CST";
    private static final String TAGS = "AICC__tags__CST";
    private static final String MAIL = "AICC__mail__CST";
    private static final String SITE = "AICC__site__CST";
    private static final String REFUND = "AICC__refund__CST";
    private static final String CALLBACK = "AICC__callback__CST";
    private static final String BORN = "AICC__born__CST";

    private static final Map<String, Rig> RIGS = new TreeMap<>();

    /** A database with the service and endpoints on it, and what was done to it. */
    private static final class Rig {
        final TestDatabase db;
        final CaseService service;
        final CaseEndpoints endpoints;
        /** Every case an accepted create made, to check against the tables at the end. */
        final List<Map.Entry<TenantId, CaseId>> created = new ArrayList<>();
        final AtomicInteger tried = new AtomicInteger();
        final AtomicInteger stored = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        final Map<String, AtomicInteger> answers = new TreeMap<>();
        int types;

        Rig(String database) {
            db = TestDatabase.open(database);
            JdbcTemplateCatalog catalog = JdbcTemplateCatalog.create(db.jdbi(), db.options());
            service = CaseService.builder(JdbcCaseStore.create(db.jdbi(), db.options()), catalog).build();
            endpoints = CaseEndpoints.of(service);
            catalog.save(caseType(TENANT, hostile(db.prefix)));
            types++;
        }

        /** Sends a request, counts its answer, and holds that it is never a storage or internal error. */
        EndpointResponse send(EndpointResponse response) {
            answers.computeIfAbsent(response.resCode().code(), k -> new AtomicInteger()).incrementAndGet();
            assertThat(response.resCode()).as(response.bodyText())
                    .isNotIn(ResCode.STORAGE_UNAVAILABLE, ResCode.INTERNAL_ERROR);
            return response;
        }

        EndpointResponse create(TenantId tenant, Map<String, Object> caseInfo) {
            EndpointResponse response = send(endpoints.create(tenant, Fixtures.body(caseInfo)));
            if (response.resCode() == ResCode.SUCCESS) {
                String id = Fixtures.json().readTree(response.body()).get("result").get("caseId").asString();
                created.add(Map.entry(tenant, CaseId.of(id)));
            }
            return response;
        }

        EndpointResponse modify(TenantId tenant, Map<String, Object> caseInfo) {
            return send(endpoints.modify(tenant, Fixtures.body(caseInfo)));
        }
    }

    static Stream<String> databases() {
        return TestDatabase.requested().stream();
    }

    /**
     * Quotes, comment and statement separators, LIKE wildcards, JSON structure, placeholders of SQL,
     * of the schema scripts and of message formats, escapes, and Unicode a naive layer mangles.
     * The destructive ones name the real tables of the run.
     */
    static List<String> hostile(String prefix) {
        return List.of(
                "'", "''", "\"", "\\", "\\'", "\\\"", "'\\", "`", "\\\\'",
                "'; DROP TABLE " + prefix + "case; --",
                "'); DELETE FROM " + prefix + "case_history; --",
                "\"; DROP TABLE " + prefix + "case_type; --",
                "1; UPDATE " + prefix + "case SET title = 'pwned' WHERE '1' = '1",
                "' OR '1'='1' --", "\" OR \"1\"=\"1", "' OR 1=1 #", "admin'--", "' UNION SELECT * FROM " + prefix + "case --",
                "--", "-- comment", "/*", "*/", "/* open", "x /*! 50000 SELECT */ y", "#", ";", "; COMMIT; --",
                "%", "_", "%_%", "100%", "a_b%c", "[a-z]%", "\\%\\_",
                "{\"", "]}", "\"}]}", "{\"caseInfo\":{\"id\":\"x\"}}", "\\u0022", "\\u0000", "\\n", "{{", "}}", "[[", "]]",
                "$1", "$$", "$tag$ drop $tag$", "?", "??", ":name", ":1", "&1", "@var", "@@version",
                "${prefix}", "${jndi:ldap://x/a}", "#{x}", "%s%n%d", "{0}", "'{0}'", "%%",
                "NULL", "null", "\\N", "0x27", "CHAR(39)", "E'\\x27'", "\u02bc", "\uff07",
                "<script>alert('x')</script>", "&lt;&#39;&gt;",
                "日本語", "🎉", "e\u0301", "a\u200bb", "\u202eevil", "x\ufeffy", "a\u2028b\u2029c", "İı", "ß", "Ω≈ç√∫",
                "𝕏 𝒴 𐐷", "ﷺ", "\u00a0nbsp\u00a0");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void freeTextKeepsEveryMetacharacterByteForByte(String database) {
        Rig rig = RIGS.computeIfAbsent(database, Rig::new);
        List<String> values = hostile(rig.db.prefix);
        for (int i = 0; i < values.size(); i++) {
            String s = values.get(i);
            String id = "text" + i;
            String email = s.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append) + "@example.com";
            Map<String, Object> create = new LinkedHashMap<>();
            create.put("id", id);
            create.put("title", s);
            create.put("description", s + "\n\t" + s + "\r\n");
            create.put("type", TYPE.value());
            create.put("contactId", "contact1");
            create.put("creatorId", "op1");
            create.put("attachment", s);
            create.put(NOTES, s);
            create.put(BODY, s);
            create.put(PICK, s);
            create.put(TAGS, List.of(s));
            rig.tried.addAndGet(9);
            assertThat(rig.create(TENANT, create).bodyText()).as("create with %s", s).contains("\"resCode\":\"0\"");
            rig.stored.addAndGet(9);
            assertStored(rig, id, s, s + "\n\t" + s + "\r\n");

            // The other values on modify, in the opposite order of fields, and an e-mail made of the text.
            String t = s + " " + s;
            Map<String, Object> modify = new LinkedHashMap<>();
            modify.put(TAGS, List.of(s, values.get((i + 1) % values.size())));
            modify.put(NOTES, t);
            modify.put("attachment", t);
            modify.put("description", t);
            modify.put("title", t);
            modify.put("creatorId", "op2");
            modify.put("id", id);
            if (!email.startsWith("@") && email.indexOf('@') == email.lastIndexOf('@')) {
                modify.put(MAIL, email);
            }
            rig.tried.addAndGet(6);
            assertThat(rig.modify(TENANT, modify).bodyText()).as("modify with %s", s).isEqualTo(Fixtures.SUCCESS_BODY);
            rig.stored.addAndGet(6);
            assertStored(rig, id, t, t);
            Case stored = rig.service.get(TENANT, CaseId.of(id));
            assertThat(stored.extensions().get(TAGS))
                    .isEqualTo(Value.textList(List.of(s, values.get((i + 1) % values.size()))));
            if (modify.containsKey(MAIL)) {
                assertThat(stored.extensions().get(MAIL)).isEqualTo(Value.text(email));
            }
            List<HistoryEntry> history = rig.service.history(TENANT, CaseId.of(id));
            assertThat(history).hasSize(2);
            assertThat(history.get(1).changes()).anySatisfy(c -> {
                assertThat(c.field()).isEqualTo("title");
                assertThat(c.oldValue()).contains(Value.text(s));
                assertThat(c.newValue()).contains(Value.text(t));
            });
            HistoryReplay.assertReplaysTo(stored, history);
            assertThat(Fixtures.json().readTree(rig.send(rig.endpoints.history(TENANT, id)).body())
                    .get("result").get(1).toString()).contains(Fixtures.json().writeValueAsString(t));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void urlsWithMetacharactersAreStoredVerbatimOrRefusedWithAViolation(String database) {
        Rig rig = RIGS.computeIfAbsent(database, Rig::new);
        assertThat(rig.create(TENANT, plainCreate("urls")).resCode()).isEqualTo(ResCode.SUCCESS);
        int stored = 0;
        for (String s : hostile(rig.db.prefix)) {
            String url = "https://example.com/a?q=" + s;
            Map<String, Object> modify = plainModify("urls", "title");
            modify.put(SITE, url);
            rig.tried.incrementAndGet();
            EndpointResponse response = rig.modify(TENANT, modify);
            if (response.resCode() == ResCode.SUCCESS) {
                assertThat(rig.service.get(TENANT, CaseId.of("urls")).extensions().get(SITE)).isEqualTo(Value.text(url));
                stored++;
                rig.stored.incrementAndGet();
            } else {
                assertRefused(response, Violation.pathOf(SITE));
                rig.refused.incrementAndGet();
            }
        }
        // Most of them are well-formed URLs; those that are not are refused, never altered.
        assertThat(stored).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aNulCharacterIsRefusedWithAViolationInEveryTextField(String database) {
        Rig rig = RIGS.computeIfAbsent(database, Rig::new);
        assertThat(rig.create(TENANT, plainCreate("nul")).resCode()).isEqualTo(ResCode.SUCCESS);
        String nul = "a\u0000'; DROP TABLE " + rig.db.prefix + "case; --";
        for (String field : List.of("title", "description", "attachment", NOTES, BODY)) {
            Map<String, Object> modify = plainModify("nul", "title");
            modify.put(field, nul);
            rig.tried.incrementAndGet();
            EndpointResponse response = rig.modify(TENANT, modify);
            assertRefused(response, Violation.pathOf(field));
            assertThat(response.bodyText()).contains("\"code\":\"invalid_characters\"");
            rig.refused.incrementAndGet();
        }
        assertThat(rig.service.history(TENANT, CaseId.of("nul"))).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void idsAndKeysWithMetacharactersAreRefusedWithAViolation(String database) {
        Rig rig = RIGS.computeIfAbsent(database, Rig::new);
        assertThat(rig.create(TENANT, plainCreate("target")).resCode()).isEqualTo(ResCode.SUCCESS);
        String notFound = EndpointResponse.of(ResCode.NOT_FOUND).bodyText();
        // "--" and "_" are in the id charset: idsMadeOfCommentDashesAndWildcardUnderscoresAreExact has them.
        for (String s : hostile(rig.db.prefix).stream().filter(s -> !CaseId.isValid(s)).toList()) {
            for (String field : List.of("id", "type", "contactId", "creatorId", "ownerId", "contactPhone", "priority",
                    "dueDate", REFUND, CALLBACK, BORN)) {
                Map<String, Object> create = plainCreate("created");
                create.put(field, s);
                rig.tried.incrementAndGet();
                assertRefused(rig.create(TENANT, create), Violation.pathOf(field));
                rig.refused.incrementAndGet();
            }
            for (String field : List.of("id", "creatorId", "ownerId", "contactId", "contactPhone", "priority", "dueDate",
                    REFUND, CALLBACK, BORN)) {
                Map<String, Object> modify = plainModify("target", "changed");
                modify.put(field, s);
                rig.tried.incrementAndGet();
                assertRefused(rig.modify(TENANT, modify), Violation.pathOf(field));
                rig.refused.incrementAndGet();
            }
            Map<String, Object> unknownKey = plainModify("target", "changed");
            unknownKey.put(s, "v");
            rig.tried.incrementAndGet();
            EndpointResponse response = rig.modify(TENANT, unknownKey);
            assertRefused(response, Violation.pathOf(s));
            assertThat(response.bodyText()).contains("\"code\":\"unknown_field\"");
            rig.refused.incrementAndGet();

            rig.tried.addAndGet(2);
            assertThat(rig.send(rig.endpoints.read(TENANT, s)).bodyText()).isEqualTo(notFound);
            assertThat(rig.send(rig.endpoints.history(TENANT, s)).bodyText()).isEqualTo(notFound);
            rig.refused.addAndGet(2);
            assertThatThrownBy(() -> TenantId.of(s)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> CaseId.of(s)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(rig.service.history(TENANT, CaseId.of("target"))).hasSize(1);
        assertThat(rig.service.find(TENANT, CaseId.of("created"))).isEmpty();
    }

    /** The id charset allows {@code -} and {@code _}: "--" and "c_1" are ids like any other, never patterns. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void idsMadeOfCommentDashesAndWildcardUnderscoresAreExact(String database) {
        Rig rig = RIGS.computeIfAbsent(database, Rig::new);
        for (String id : List.of("cx1", "--", "a--b", "_", "-_-", "__")) {
            assertThat(rig.create(TENANT, plainCreate(id)).resCode()).as(id).isEqualTo(ResCode.SUCCESS);
        }
        String notFound = EndpointResponse.of(ResCode.NOT_FOUND).bodyText();
        for (String pattern : List.of("c_1", "c__", "___", "a-b", "-", "a_-b")) {
            rig.tried.addAndGet(2);
            assertThat(rig.send(rig.endpoints.read(TENANT, pattern)).bodyText()).as(pattern).isEqualTo(notFound);
            assertThat(rig.send(rig.endpoints.modify(TENANT, Fixtures.body(plainModify(pattern, "x")))).bodyText())
                    .isEqualTo(notFound);
            rig.refused.addAndGet(2);
        }
        assertThat(rig.service.get(TENANT, CaseId.of("--")).title()).isEqualTo("first title");
        assertThat(rig.modify(TENANT, plainModify("--", "dashes")).bodyText()).isEqualTo(Fixtures.SUCCESS_BODY);
        assertThat(rig.service.get(TENANT, CaseId.of("--")).title()).isEqualTo("dashes");
        assertThat(rig.service.get(TENANT, CaseId.of("a--b")).title()).isEqualTo("first title");

        // Tenants too: "t_1" is not "tx1", and "--" is a tenant like any other.
        TenantId underscore = TenantId.of("t_1");
        TenantId dashes = TenantId.of("--");
        for (TenantId tenant : List.of(TenantId.of("tx1"), dashes)) {
            rig.service.templates().save(caseType(tenant, hostile(rig.db.prefix)));
            rig.types++;
            assertThat(rig.create(tenant, plainCreate("shared")).resCode()).isEqualTo(ResCode.SUCCESS);
        }
        assertThat(rig.send(rig.endpoints.read(underscore, "shared")).bodyText()).isEqualTo(notFound);
        assertThat(rig.service.get(dashes, CaseId.of("shared")).tenant()).isEqualTo(dashes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void templatesKeepHostileNamesAndOptionsAndRefuseHostileFieldNames(String database) {
        Rig rig = RIGS.computeIfAbsent(database, Rig::new);
        JdbcTemplateCatalog uncached = JdbcTemplateCatalog.create(rig.db.jdbi(),
                rig.db.options().withTemplateCacheTtl(Duration.ZERO));
        List<String> values = hostile(rig.db.prefix);
        CaseType saved = caseType(TenantId.of("types"), values);
        uncached.save(saved);
        rig.types++;
        rig.tried.addAndGet(1 + values.size());
        assertThat(uncached.find(saved.tenant(), saved.id())).contains(saved);
        assertThat(uncached.find(saved.tenant(), saved.id()).orElseThrow().name()).isEqualTo(saved.name());
        rig.stored.addAndGet(1 + values.size());
        // The document form says the same.
        CaseJson json = CaseJson.create();
        assertThat(json.readCaseTypes(json.writeCaseTypes(List.of(saved)))).containsExactly(saved);

        // NULL and null are field names like any other; every other hostile string breaks the name rule.
        for (String s : values.stream().filter(s -> !s.matches("[A-Za-z][A-Za-z0-9_]{0,62}")).toList()) {
            rig.tried.addAndGet(2);
            assertThatThrownBy(() -> new CaseType(TENANT, TYPE, "t",
                    List.of(FieldDefinition.builder(s, FieldType.TEXT).build())))
                    .isInstanceOfSatisfying(CaseValidationException.class, e -> assertThat(e.violations())
                            .extracting(Violation::path, Violation::code)
                            .containsExactly(tuple("/fields/0/name", ViolationCode.INVALID_FORMAT)));
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("name", s);
            field.put("type", "TEXT");
            assertThatThrownBy(() -> json.readCaseTypes(typeDocument("t1", TYPE.value(), field)))
                    .isInstanceOfSatisfying(CaseValidationException.class,
                            e -> assertThat(e.violations()).extracting(Violation::path).containsExactly(
                                    "/caseTypes/0/fields/0/name"));
            rig.refused.addAndGet(2);
        }
        // "--" and "_" are in the id charset, so a tenant or case type may be called that.
        Map<String, Object> fine = Map.of("name", "AICC__ok__CST", "type", "TEXT");
        for (String s : values.stream().filter(s -> !CaseId.isValid(s)).toList()) {
            rig.tried.addAndGet(2);
            assertThatThrownBy(() -> json.readCaseTypes(typeDocument(s, TYPE.value(), fine)))
                    .isInstanceOfSatisfying(CaseValidationException.class,
                            e -> assertThat(e.violations()).extracting(Violation::path).contains("/caseTypes/0/tenant"));
            assertThatThrownBy(() -> json.readCaseTypes(typeDocument("t1", s, fine)))
                    .isInstanceOfSatisfying(CaseValidationException.class,
                            e -> assertThat(e.violations()).extracting(Violation::path).contains("/caseTypes/0/id"));
            rig.refused.addAndGet(2);
        }
    }

    /** Every string of the Big List of Naughty Strings in every free-text field. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void naughtyStringsAreStoredVerbatimOrRefusedWithAViolation(String database) throws IOException {
        String corpora = System.getProperty("casekit.corpora", "");
        Path file = Path.of(corpora, "naughty-strings", "blns.base64.json");
        Assumptions.assumeTrue(!corpora.isEmpty() && Files.isRegularFile(file),
                () -> "Skipped: the naughty strings corpus is not at " + file + " (system property casekit.corpora)");
        Rig rig = RIGS.computeIfAbsent(database, Rig::new);
        List<String> strings = new ArrayList<>();
        for (JsonNode encoded : Fixtures.json().readTree(Files.readString(file, StandardCharsets.UTF_8))) {
            strings.add(new String(Base64.getDecoder().decode(encoded.asString()), StandardCharsets.UTF_8));
        }
        assertThat(rig.create(TENANT, plainCreate("naughty")).resCode()).isEqualTo(ResCode.SUCCESS);
        for (String s : new LinkedHashSet<>(strings)) {
            for (String field : List.of("title", "description", "attachment", NOTES, BODY)) {
                Case before = rig.service.get(TENANT, CaseId.of("naughty"));
                Map<String, Object> modify = plainModify("naughty", field.equals("title") ? s : before.title());
                modify.put(field, s);
                rig.tried.incrementAndGet();
                EndpointResponse response = rig.modify(TENANT, modify);
                Case after = rig.service.get(TENANT, CaseId.of("naughty"));
                if (response.resCode() == ResCode.SUCCESS) {
                    assertThat(after.value(field)).as("%s set to %s", field, s)
                            .isEqualTo(s.isEmpty() && !field.equals("title") && !field.equals("description")
                                    ? Optional.empty() : Optional.of(Value.text(s)));
                    rig.stored.incrementAndGet();
                } else {
                    assertThat(response.resCode()).as("%s set to %s", field, s).isEqualTo(ResCode.VALIDATION_FAILED);
                    assertThat(after).isEqualTo(before);
                    rig.refused.incrementAndGet();
                }
            }
        }
        HistoryReplay.assertReplaysTo(rig.service.get(TENANT, CaseId.of("naughty")),
                rig.service.history(TENANT, CaseId.of("naughty")));
    }

    @AfterAll
    static void nothingWasExecuted() {
        List<String> lines = new ArrayList<>();
        try {
            for (Rig rig : RIGS.values()) {
                assertThat(rig.db.allTablesExist()).as("every table of %s still exists", rig.db).isTrue();
                long history = 0;
                for (Map.Entry<TenantId, CaseId> c : rig.created) {
                    Case stored = rig.service.get(c.getKey(), c.getValue());
                    List<HistoryEntry> entries = rig.service.history(c.getKey(), c.getValue());
                    HistoryReplay.assertReplaysTo(stored, entries);
                    history += entries.size();
                }
                assertThat(rig.db.rows("case")).as("cases in %s", rig.db).isEqualTo(rig.created.size());
                assertThat(rig.db.rows("case_history")).as("history entries in %s", rig.db).isEqualTo(history);
                assertThat(rig.db.rows("case_type")).as("case types in %s", rig.db).isEqualTo(rig.types);
                lines.add(rig.db + ": " + rig.tried + " hostile inputs tried, " + rig.stored + " stored verbatim, "
                        + rig.refused + " refused with a violation or not found; answers by resCode " + rig.answers
                        + "; tables intact, " + rig.created.size() + " cases and " + history
                        + " history entries, exactly those of the accepted requests");
            }
        } finally {
            RIGS.values().forEach(rig -> rig.db.close());
            RIGS.clear();
        }
        Figures.record("injection", lines);
    }

    private static void assertStored(Rig rig, String id, String text, String description) {
        Case stored = rig.service.get(TENANT, CaseId.of(id));
        assertThat(stored.title()).isEqualTo(text);
        assertThat(stored.title().getBytes(StandardCharsets.UTF_8)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        assertThat(stored.description()).isEqualTo(description);
        assertThat(stored.attachment()).contains(text);
        assertThat(stored.extensions().get(NOTES)).isEqualTo(Value.text(text));
        JsonNode read = Fixtures.json().readTree(rig.send(rig.endpoints.read(TENANT, id)).body()).get("result").get(0);
        assertThat(read.get("title").asString()).isEqualTo(text);
        assertThat(read.get("description").asString()).isEqualTo(description);
        assertThat(read.get("attachment").asString()).isEqualTo(text);
        assertThat(read.get(NOTES).asString()).isEqualTo(text);
    }

    private static void assertRefused(EndpointResponse response, String path) {
        assertThat(response.resCode()).as(response.bodyText()).isEqualTo(ResCode.VALIDATION_FAILED);
        JsonNode errors = Fixtures.json().readTree(response.body()).get("errors");
        List<String> paths = new ArrayList<>();
        errors.forEach(e -> paths.add(e.get("path").asString()));
        assertThat(paths).as(response.bodyText()).contains(path);
    }

    private static Map<String, Object> plainCreate(String id) {
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("id", id);
        create.put("title", "first title");
        create.put("description", "first description");
        create.put("type", TYPE.value());
        create.put("contactId", "contact1");
        create.put("creatorId", "op1");
        return create;
    }

    private static Map<String, Object> plainModify(String id, String title) {
        Map<String, Object> modify = new LinkedHashMap<>();
        modify.put("id", id);
        modify.put("title", title);
        modify.put("description", "first description");
        modify.put("creatorId", "op1");
        return modify;
    }

    /** A type whose name and picklist options are the hostile strings themselves. */
    private static CaseType caseType(TenantId tenant, List<String> options) {
        return new CaseType(tenant, TYPE, "Complaint'; DROP TABLE x; -- \"{]}", List.of(
                FieldDefinition.builder(NOTES, FieldType.TEXT).maxBytes(2_000).build(),
                FieldDefinition.builder(BODY, FieldType.TEXTAREA).build(),
                FieldDefinition.builder(PICK, FieldType.PICKLIST).options(options).build(),
                FieldDefinition.builder(TAGS, FieldType.MULTI_PICKLIST).options(options).maxItems(2).build(),
                FieldDefinition.builder(MAIL, FieldType.EMAIL).build(),
                FieldDefinition.builder(SITE, FieldType.URL).build(),
                FieldDefinition.builder(REFUND, FieldType.NUMBER).precision(12).scale(2).build(),
                FieldDefinition.builder(CALLBACK, FieldType.CHECKBOX).build(),
                FieldDefinition.builder(BORN, FieldType.DATE).build()));
    }

    private static byte[] typeDocument(String tenant, String id, Map<String, Object> field) {
        Map<String, Object> type = new LinkedHashMap<>();
        type.put("tenant", tenant);
        type.put("id", id);
        type.put("name", "n");
        type.put("fields", List.of(field));
        return Fixtures.json().writeValueAsBytes(Map.of("caseTypes", List.of(type)));
    }
}

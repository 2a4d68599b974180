package io.casekit.example.hostile;

import static io.casekit.example.hostile.HostileHost.CONTACT;
import static io.casekit.example.hostile.HostileHost.CREATOR;
import static io.casekit.example.hostile.HostileHost.TYPE;
import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.example.hostile.Corpora.NaughtyString;
import io.casekit.example.hostile.Json.Member;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The public corpora over real HTTP into a reference host on one store: every file of JSONTestSuite
 * as a whole modify body, a whole create body and a value inside {@code caseInfo}; every string of
 * the Big List of Naughty Strings as each free-text field of a modify. Each answer is a defined
 * {@code resCode} (never {@code 500001}), the one the product's rules give; a refused request
 * stores nothing, an accepted one stores the string byte for byte. One host serves the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HostileCorpusTests {
    /** Valid JSON that casekit refuses by design: a duplicate key is a malformed request. */
    private static final Set<String> REFUSED_BY_DESIGN =
            Set.of("y_object_duplicated_key.json", "y_object_duplicated_key_and_value.json");

    private final HostileStore store;
    private HostileHost host;
    private Tally jsonSuite;
    private Tally naughty;
    private int naughtyStrings;

    HostileCorpusTests(HostileStore store) {
        this.store = store;
    }

    @BeforeAll
    void start() {
        jsonSuite = new Tally(store, "json-test-suite");
        naughty = new Tally(store, "naughty-strings");
        if (store.requested()) {
            host = HostileHost.start(store);
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (host == null) {
            return;
        }
        try {
            if (jsonSuite.requests() > 0) {
                System.out.println(jsonSuite.summary("files=" + jsonSuite.requests() / 3 + " (each as modify, create, value)"));
            }
            if (naughty.requests() > 0) {
                System.out.println(naughty.summary("strings=" + naughtyStrings + " x fields=" + TextRule.ALL.size() + " (all)"));
            }
            if (jsonSuite.requests() + naughty.requests() > 0) {
                System.out.println("[hostile] store=" + store.key + " corpora: slowest answer in the host's log "
                        + host.slowestServerMillis() + " ms");
            }
        } finally {
            host.close();
        }
    }

    /**
     * The reason the suite can not run here, as one skipped test that says it: the store is not
     * requested, or the corpus is not there. (An assumption failing before a test factory would
     * skip it without a trace in the report.)
     */
    private Optional<DynamicTest> skipped(String suite, Optional<String> corpusMissing) {
        Optional<String> reason = store.requested() ? corpusMissing : Optional.of(store.skipReason());
        return reason.map(r -> {
            System.out.println("[hostile] store=" + store.key + " suite=" + suite + " SKIPPED: " + r);
            return DynamicTest.dynamicTest(suite + " skipped", () -> Assumptions.abort(r));
        });
    }

    /** A valid create request for a case of the test type, with this id. */
    static String createBody(String id) {
        return "{\"caseInfo\":{\"id\":\"" + id + "\",\"type\":\"" + TYPE + "\",\"title\":\"Refund not received\","
                + "\"description\":\"Ordered on 1 June\",\"contactId\":\"" + CONTACT + "\",\"creatorId\":\"" + CREATOR
                + "\",\"AICC__severity__CST\":\"S1\"}}";
    }

    @TestFactory
    List<DynamicTest> json_test_suite_as_modify_body_create_body_and_value() {
        Optional<DynamicTest> skipped = skipped("json-test-suite", Corpora.jsonTestSuiteMissing());
        if (skipped.isPresent()) {
            return List.of(skipped.get());
        }
        List<Path> files = Corpora.jsonTestSuite();
        String target = host.create(createBody(HostileHost.newCaseId()));
        StoreChecks checks = new StoreChecks(host, jsonSuite, target);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                byte[] body = Files.readAllBytes(file);
                checks.beforeRequest();

                Answer modified = jsonSuite.record(host.post("case/modify", body), name + " as the modify body");
                Answer created = jsonSuite.record(host.post("case", body), name + " as the create body");
                Answer asValue = jsonSuite.record(host.post("case/modify", asValueOfUnknownKey(target, body)),
                        name + " as a value in caseInfo");

                // No file of the suite is an object whose only key is caseInfo: as a body, each is malformed.
                assertThat(modified.resCode()).as("%s as the modify body: %s", name, modified).isEqualTo("400001");
                assertThat(created.resCode()).as("%s as the create body: %s", name, created).isEqualTo("400001");
                if (name.startsWith("n_") || REFUSED_BY_DESIGN.contains(name)) {
                    assertThat(asValue.resCode()).as("%s as a value: %s", name, asValue).isEqualTo("400001");
                } else if (name.startsWith("y_")) {
                    // Read faithfully, then refused by the validation: zz is no field of the case.
                    assertThat(Outcome.Invalid.at("/caseInfo/zz", "unknown_field").matches(asValue))
                            .as("%s as a value: %s", name, asValue).isTrue();
                } else {
                    assertThat(asValue.resCode()).as("%s as a value: %s", name, asValue).isIn("400001", "400002");
                }
                checks.assertNothingStored(name);
            }));
        }
        return tests;
    }

    /** A modify of {@code target} whose caseInfo also holds {@code content} as the value of key {@code zz}. */
    private static byte[] asValueOfUnknownKey(String target, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("{\"caseInfo\":{\"id\":\"" + target + "\",\"title\":\"t\",\"description\":\"d\",\"creatorId\":\""
                + CREATOR + "\",\"zz\":").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("}}".getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    @TestFactory
    List<DynamicNode> naughty_strings_as_every_free_text_field() {
        Optional<DynamicTest> skipped = skipped("naughty-strings", Corpora.naughtyStringsMissing());
        if (skipped.isPresent()) {
            return List.of(skipped.get());
        }
        List<NaughtyString> strings = Corpora.naughtyStrings();
        naughtyStrings = strings.size();
        List<DynamicNode> fields = new ArrayList<>();
        for (TextRule field : TextRule.ALL) {
            String target = host.create(createBody(HostileHost.newCaseId()));
            StoreChecks checks = new StoreChecks(host, naughty, target);
            List<DynamicTest> tests = new ArrayList<>();
            for (NaughtyString naughtyString : strings) {
                tests.add(DynamicTest.dynamicTest(naughtyString.label(), () -> sendAsField(field, target, naughtyString, checks)));
            }
            tests.add(DynamicTest.dynamicTest("history holds one entry per change", () -> {
                JsonNode history = host.history(target);
                assertThat(history.size()).isEqualTo(host.readCase(target).get("version").asInt());
                for (int i = 0; i < history.size(); i++) {
                    assertThat(history.get(i).get("version").asInt()).isEqualTo(i + 1);
                }
            }));
            fields.add(DynamicContainer.dynamicContainer(field.key() + " (all " + strings.size() + " strings)", tests));
        }
        return fields;
    }

    private void sendAsField(TextRule field, String target, NaughtyString naughtyString, StoreChecks checks) {
        Json.Value value = naughtyString.text().<Json.Value>map(Json::str)
                .orElseGet(() -> new Json.Raw(quoted(naughtyString.bytes())));
        List<Member> members = new ArrayList<>(List.of(new Member("id", Json.str(target)),
                new Member("title", Json.str("Naughty string " + naughtyString.index())),
                new Member("description", Json.str("Sent as " + field.key())),
                new Member("creatorId", Json.str(CREATOR))));
        members.removeIf(m -> m.key().text().equals(field.key()));
        members.add(new Member(field.key(), value));
        byte[] body = Json.write(Json.obj(new Member("caseInfo", new Json.Obj(members))));
        String input = field.key() + " = naughty string " + naughtyString.label();
        checks.beforeRequest();

        Answer answer = naughty.record(host.post("case/modify", body), input);

        Expect expect = naughtyString.text().map(field::expect).orElse(Expect.MALFORMED);
        assertThat(expect.matches(answer)).as("%s: expected %s, got %s", input, expect, answer).isTrue();
        if (answer.accepted()) {
            JsonNode stored = checks.refresh().get(field.key());
            if (naughtyString.bytes().length == 0) {
                assertThat(stored).as("%s: the empty string clears", input).isNull();
            } else {
                assertThat(stored).as("%s: stored", input).isNotNull();
                assertThat(stored.stringValue().getBytes(StandardCharsets.UTF_8)).as("%s: stored byte for byte", input)
                        .isEqualTo(naughtyString.bytes());
            }
        } else {
            checks.assertNothingStored(input);
        }
    }

    /** {@code bytes} between quotes, as they are: content that is not UTF-8 sent as a JSON string. */
    private static byte[] quoted(byte[] bytes) {
        byte[] quoted = new byte[bytes.length + 2];
        quoted[0] = '"';
        System.arraycopy(bytes, 0, quoted, 1, bytes.length);
        quoted[quoted.length - 1] = '"';
        return quoted;
    }
}

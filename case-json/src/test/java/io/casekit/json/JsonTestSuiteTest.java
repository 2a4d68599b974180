package io.casekit.json;

import static io.casekit.json.Fixtures.SEED_ID;
import static io.casekit.json.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Nicolas Seriot's JSONTestSuite through the endpoints, each file as the whole body and as a value
 * inside {@code caseInfo}. No file may cause a 500001, an exception out of the endpoints, a hang or a
 * change; every {@code n_} file is 400001 either way.
 */
class JsonTestSuiteTest {
    /** A generous guard against a hang; not a speed check. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(10);
    /** Valid JSON that casekit refuses by design: duplicate keys are malformed requests. */
    private static final Set<String> REFUSED_BY_DESIGN =
            Set.of("y_object_duplicated_key.json", "y_object_duplicated_key_and_value.json");

    private static Path folder() {
        return Path.of(System.getProperty("casekit.corpora", ""), "json-test-suite", "test_parsing");
    }

    /** The suite's files; empty when the corpus is not there (see {@link #skipped()}). */
    private static List<Path> files() throws IOException {
        if (System.getProperty("casekit.corpora", "").isEmpty() || !Files.isDirectory(folder())) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(folder())) {
            return listing.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    /**
     * Without the corpus, one test that is skipped and says why: an assumption failing before a test
     * factory returns would leave no trace in Surefire's report.
     */
    private static List<DynamicTest> skipped() {
        String reason = "JSONTestSuite not found at " + folder().toAbsolutePath() + " (system property casekit.corpora)";
        return List.of(DynamicTest.dynamicTest("JSONTestSuite skipped", () -> Assumptions.abort(reason)));
    }

    @TestFactory
    List<DynamicTest> every_file_as_the_whole_body() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        if (files().isEmpty()) {
            return skipped();
        }
        for (Path file : files()) {
            String name = file.getFileName().toString();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                byte[] body = Files.readAllBytes(file);
                Fixtures.World world = new Fixtures.World().withSeedCase();

                EndpointResponse modified = assertTimeoutPreemptively(HANG_GUARD, () -> world.endpoints.modify(TENANT, body));
                EndpointResponse created = assertTimeoutPreemptively(HANG_GUARD, () -> world.endpoints.create(TENANT, body));

                // No file of the suite is an object whose only key is caseInfo: all are malformed requests.
                assertThat(modified.resCode()).as(modified.bodyText()).isEqualTo(ResCode.MALFORMED_REQUEST);
                assertThat(created.resCode()).as(created.bodyText()).isEqualTo(ResCode.MALFORMED_REQUEST);
                assertUnchanged(world);
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> every_file_as_a_value_in_case_info() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        if (files().isEmpty()) {
            return skipped();
        }
        for (Path file : files()) {
            String name = file.getFileName().toString();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                byte[] body = embed(Files.readAllBytes(file));
                Fixtures.World world = new Fixtures.World().withSeedCase();

                EndpointResponse response = assertTimeoutPreemptively(HANG_GUARD, () -> world.endpoints.modify(TENANT, body));

                String text = response.bodyText();
                assertThat(response.resCode()).as(text).isNotEqualTo(ResCode.INTERNAL_ERROR);
                if (name.startsWith("n_") || REFUSED_BY_DESIGN.contains(name)) {
                    assertThat(response.resCode()).as(text).isEqualTo(ResCode.MALFORMED_REQUEST);
                } else if (name.startsWith("y_")) {
                    // Read faithfully, then refused by the validation: the test key is no field of the case.
                    assertThat(response.resCode()).as(text).isEqualTo(ResCode.VALIDATION_FAILED);
                    assertThat(text).contains("{\"path\":\"/caseInfo/zz\",\"code\":\"unknown_field\"");
                } else {
                    assertThat(response.resCode()).as(text).isIn(ResCode.MALFORMED_REQUEST, ResCode.VALIDATION_FAILED);
                }
                assertUnchanged(world);
            }));
        }
        return tests;
    }

    /** A modify of the seed case whose caseInfo also holds the file's bytes as the value of key {@code zz}. */
    private static byte[] embed(byte[] content) {
        byte[] before = ("{\"caseInfo\":{\"id\":\"" + SEED_ID + "\",\"title\":\"t\",\"description\":\"d\","
                + "\"creatorId\":\"u1\",\"zz\":").getBytes(StandardCharsets.UTF_8);
        byte[] after = "}}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[before.length + content.length + after.length];
        System.arraycopy(before, 0, body, 0, before.length);
        System.arraycopy(content, 0, body, before.length, content.length);
        System.arraycopy(after, 0, body, before.length + content.length, after.length);
        return body;
    }

    private static void assertUnchanged(Fixtures.World world) {
        assertThat(world.memory.size()).isEqualTo(1);
        assertThat(world.seedCase().version()).isEqualTo(1);
        assertThat(world.seedCase().title()).isEqualTo("first title");
        assertThat(world.seedHistory()).hasSize(1);
    }
}

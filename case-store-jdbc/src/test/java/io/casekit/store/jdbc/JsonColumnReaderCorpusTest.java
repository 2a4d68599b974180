package io.casekit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file of JSONTestSuite's {@code test_parsing} (system property {@code casekit.corpora}), decoded
 * as UTF-8, read by {@link ValueColumns} and by {@link JacksonValueColumnsOracle} as an extensions and
 * as a changes column, and each {@code y_} file's document also as the value of an extension and of a
 * change: both readers accept it with equal results or both refuse it. Files that are not UTF-8 are
 * left out and counted. Without the corpus the tests are skipped, and say so.
 */
class JsonColumnReaderCorpusTest {

    private static Path folder() {
        return Path.of(System.getProperty("casekit.corpora", ""), "json-test-suite", "test_parsing");
    }

    private static void assumeCorpus() {
        Assumptions.assumeTrue(!System.getProperty("casekit.corpora", "").isEmpty() && Files.isDirectory(folder()),
                () -> "Skipped: JSONTestSuite is not at " + folder().toAbsolutePath() + " (system property casekit.corpora)");
    }

    private static List<Path> files() throws IOException {
        try (Stream<Path> listing = Files.list(folder())) {
            return listing.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    /** The file's text, or null if it is not valid UTF-8. */
    private static String text(Path file) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    @Test
    void theCorpusIsThereAndMostlyUtf8() throws IOException {
        assumeCorpus();
        List<Path> files = files();
        long notUtf8 = 0;
        for (Path file : files) {
            if (text(file) == null) {
                notUtf8++;
            }
        }
        System.out.printf("JSONTestSuite: %d files, %d left out as not UTF-8%n", files.size(), notUtf8);
        assertThat(files).hasSizeGreaterThan(300);
        assertThat(notUtf8).isLessThan(40);
    }

    @TestFactory
    List<DynamicTest> bothReadersAgreeOnEveryFile() throws IOException {
        if (System.getProperty("casekit.corpora", "").isEmpty() || !Files.isDirectory(folder())) {
            // an assumption failing before a factory returns would leave no trace in Surefire's report
            return List.of(DynamicTest.dynamicTest("JSONTestSuite skipped", JsonColumnReaderCorpusTest::assumeCorpus));
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files()) {
            String name = file.getFileName().toString();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                String text = text(file);
                Assumptions.assumeTrue(text != null, "not UTF-8");
                JsonColumnReaderPropertyTest.agreeOnBoth(text);
                if (name.startsWith("y_")) {
                    JsonColumnReaderPropertyTest.agreeOnBoth("{\"k\": " + text + "}");
                    JsonColumnReaderPropertyTest.agreeOnBoth("{\"k\":{\"decimal\":" + text + "}}");
                    JsonColumnReaderPropertyTest.agreeOnBoth("[{\"field\": \"f\", \"old\": null, \"new\": " + text + "}]");
                    JsonColumnReaderPropertyTest.agreeOnBoth("{\"k\":[" + text + "]}");
                }
            }));
        }
        return tests;
    }
}

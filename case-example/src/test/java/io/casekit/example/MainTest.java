package io.casekit.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line: the demo run in the build, and every way start-up refuses, in words, without a stack trace. */
class MainTest {
    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theDemoRunsTheSeedsExampleOverHttpAndCleansUp() {
        int status = run("demo");

        assertThat(status).as("exit status; error output: %s", err()).isZero();
        String printed = out().replace(System.lineSeparator(), "\n");
        assertThat(printed)
                .contains("> POST http://127.0.0.1:")
                .contains(new String(Demo.resource("seed-modify-request.json"), StandardCharsets.UTF_8))
                .contains("< HTTP 200\n< Content-Type: application/json;charset=UTF-8\n< Content-Length: 34\n<\n"
                        + "{\"resCode\":\"0\",\"resMsg\":\"Success\"}\n")
                .contains("\"title\": \"testOpenApi11\"", "\"dueDate\": \"2023-06-20 00:00:00\"", "\"version\": 2")
                .contains("\"path\": \"/caseInfo/title\",\n          \"old\": \"Refund not received\",\n"
                        + "          \"new\": \"testOpenApi11\"")
                .containsPattern("Z POST /service/AICC__Case/1.0.0/openapi/case/modify 200 0 \\d+ms")
                .containsPattern("Z GET /service/AICC__Case/1.0.0/openapi/case/c6m800000142mS63Voa8/history 200 0 \\d+ms")
                .contains("Done: the example request was answered {\"resCode\":\"0\",\"resMsg\":\"Success\"}");
        Matcher database = Pattern.compile("Database:  H2 in (\\S+) ").matcher(printed);
        assertThat(database.find()).isTrue();
        assertThat(Path.of(database.group(1))).doesNotExist();
        assertThat(err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void theSeedRequestIsKeptVerbatim() {
        assertThat(new String(Demo.resource("seed-modify-request.json"), StandardCharsets.UTF_8)).isEqualTo(
                "{ \"caseInfo\":{ \"id\":\"c6m800000142mS63Voa8\", \"title\":\"testOpenApi11\", \"description\":\"test111\", "
                        + "\"dueDate\":\"2023-06-20 00:00:00\", \"ownerId\":\"10gg0000012IpiXMqxzk\", "
                        + "\"contactId\":\"ciIy0000013w9aru7cDQ\", \"creatorId\": \"10gg0000013wljxK5XX6\", "
                        + "\"contactPhone\": \"15151515152\" } }");
    }

    @Test
    void helpPrintsTheUsage() {
        assertThat(run("help")).isZero();
        assertThat(out()).startsWith("Usage:").contains("serve [--port 8080] [--db JDBC_URL] [--tokens FILE] [--types FILE]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "                                   | a command is needed",
            "start                              | unknown command 'start'",
            "demo --port 1                      | demo takes no options",
            "serve --port                       | --port needs a value",
            "serve --port eighty                | --port must be a number from 0 to 65535 (0 picks a free port), was 'eighty'",
            "serve --port 65536                 | --port must be a number from 0 to 65535 (0 picks a free port), was '65536'",
            "serve --port=-1                    | --port must be a number from 0 to 65535 (0 picks a free port), was '-1'",
            "serve --port 1 --port 2            | --port is given twice",
            "serve --zone Mars/Olympus          | --zone: unknown time zone 'Mars/Olympus'",
            "serve --db jdbc:mysql://h/db       | --db: the database URL must start with jdbc:h2:, jdbc:postgresql: or jdbc:mariadb:",
            "serve --bind not..an..address      | --bind: unknown address 'not..an..address'",
            "serve --tokens=                    | --tokens needs a file name",
            "serve --verbose 1                  | unknown option --verbose",
            "serve 8080                         | unexpected argument '8080'"})
    void aWrongCommandLineGetsItsProblemAndTheUsage(String args, String problem) {
        String[] split = args == null ? new String[0] : args.strip().split(" +");

        int status = run(split);

        assertThat(status).isEqualTo(Main.USAGE);
        assertThat(err()).startsWith("case-example: " + problem).contains("Usage:").doesNotContain("Exception", "\tat ");
        assertThat(out()).isEmpty();
    }

    @Test
    void aPasswordInAWrongDatabaseUrlIsNotRepeated() {
        assertThat(run("serve", "--db", "jdbc:mysql://h/db?user=u&password=hunter2")).isEqualTo(Main.USAGE);
        assertThat(err()).doesNotContain("hunter2");
    }

    @Test
    void aMalformedTypesFileStopsTheStartNamingTheTypeAndTheField() throws IOException {
        Path types = folder.resolve("types.json");
        Files.write(types, MainTest.class.getResourceAsStream("malformed-case-types.json").readAllBytes());
        Path data = folder.resolve("data");

        int status = run("serve", "--port", "0", "--types", types.toString(),
                "--db", CaseDatabase.h2FileUrl(data.resolve("casekit")));

        assertThat(status).isEqualTo(Main.FAILED);
        assertThat(err()).startsWith("case-example: The case types file " + types + " has 1 problem:")
                .contains("/caseTypes/0/fields/1/type: case type ct1, field 'AICC__x__CST'")
                .doesNotContain("Exception", "\tat ");
        assertThat(out()).isEmpty();
        assertThat(data).as("the database is not opened").doesNotExist();
    }

    @Test
    void aTypesFileThatIsNotJsonStopsTheStart() throws IOException {
        Path types = Files.writeString(folder.resolve("types.json"), "{\"caseTypes\":[");

        assertThat(run("serve", "--types", types.toString())).isEqualTo(Main.FAILED);
        assertThat(err()).startsWith("case-example: The case types file " + types + " is not a case type document: "
                + "Malformed request");
    }

    @Test
    void aMissingTokensFileStopsTheStart() {
        Path tokens = folder.resolve("nowhere.json");

        assertThat(run("serve", "--tokens", tokens.toString())).isEqualTo(Main.FAILED);
        assertThat(err()).isEqualTo("case-example: The tokens file " + tokens + " does not exist" + System.lineSeparator());
    }

    @Test
    void aTokensFileThatIsNotJsonStopsTheStartWithoutShowingItsTokens() throws IOException {
        Path tokens = Files.writeString(folder.resolve("tokens.json"), "{\"tokens\":{\"s3cr3t-t0ken\":acme}}");

        assertThat(run("serve", "--tokens", tokens.toString())).isEqualTo(Main.FAILED);
        assertThat(err()).startsWith("case-example: The tokens file " + tokens + " is not valid JSON (line 1, column ")
                .doesNotContain("s3cr3t");
    }

    @Test
    void aTokensFileWithAWrongTenantStopsTheStart() throws IOException {
        Path tokens = Files.writeString(folder.resolve("tokens.json"), "{\"tokens\":{\"s3cr3t-t0ken\":\"not a tenant\"}}");

        assertThat(run("serve", "--tokens", tokens.toString())).isEqualTo(Main.FAILED);
        assertThat(err()).startsWith("case-example: The tokens file " + tokens + " is wrong: the tenant of token 1 is "
                + "not a tenant id").doesNotContain("s3cr3t");
    }

    @Test
    void anUnreachableDatabaseStopsTheStartWithoutItsPassword() {
        int status = run("serve", "--port", "0", "--db", "jdbc:postgresql://127.0.0.1:1/test?user=u&password=hunter2");

        assertThat(status).isEqualTo(Main.FAILED);
        assertThat(err()).startsWith("case-example: The database jdbc:postgresql://127.0.0.1:1/test can not be opened: ")
                .doesNotContain("hunter2", "\tat ");
    }

    @Test
    void theDefaultDatabaseIsAnH2FileUnderCasekitData() {
        assertThat(HostSettings.defaults().databaseUrl()).isEqualTo(
                "jdbc:h2:file:" + Path.of("casekit-data", "casekit").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE");
    }
}

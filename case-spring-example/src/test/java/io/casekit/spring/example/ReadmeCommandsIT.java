package io.casekit.spring.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the commands of the README's section "Spring Boot in five minutes" against the executable
 * jar, after {@code package}, from the repository root.
 *
 * <p>The parsing rule: the section runs from the line {@code ## Spring Boot in five minutes} to the
 * next line starting with {@code ## }. Its commands are the lines of its fenced {@code ```sh} (or
 * {@code ```bash}) blocks; a line ending in {@code \} goes on in the next; blank lines and lines
 * starting with {@code #} are skipped. Other blocks ({@code ```json} answers) are not read. Each
 * command is of one {@link Kind}; the section must hold exactly {@link #EXPECTED} in that order, so
 * that a command missing, added or moved fails the test.
 *
 * <p>How each is run: the {@code mvn} build is not run (this test runs after it); a
 * {@code java -jar} command is run by {@code bash -c "exec …"} exactly as written, with
 * {@code --server.port=0} added (and a random {@code --casekit.jdbc.table-prefix} on PostgreSQL),
 * and the port it took is read from Boot's log; the assignments ({@code NAME=value}) are put in
 * front of every later command; every {@code curl} command is run by {@code bash -c} with
 * {@code localhost:8080} replaced by {@code localhost:<port>}, must exit 0, and its answer is
 * checked against the request the README sends.
 */
class ReadmeCommandsIT {
    private static final String SECTION = "## Spring Boot in five minutes";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern TOMCAT_PORT = Pattern.compile("Tomcat started on port (\\d+)");
    private static final Pattern STARTED = Pattern.compile("Started SampleApplication in ");
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=\\S+");
    private static final Pattern BODY = Pattern.compile("-d '([^']*)'");
    private static final Pattern DATASOURCE_URL = Pattern.compile("--spring\\.datasource\\.url=([^'\\s]+)");
    private static final long START_TIMEOUT_SECONDS = 180;

    enum Kind {
        BUILD(false), RUN_H2(false), RUN_POSTGRESQL(false), ASSIGN(false),
        CREATE(true), READ(true), MODIFY(true), LIST(true), CLOSE(true), HEALTH(true), METRICS(true), INFO(true), OPENAPI(true);

        /** Whether it is a curl command, whose answer is checked. */
        final boolean curl;

        Kind(boolean curl) {
            this.curl = curl;
        }
    }

    static final List<Kind> EXPECTED = List.of(Kind.BUILD, Kind.RUN_H2, Kind.ASSIGN, Kind.ASSIGN,
            Kind.CREATE, Kind.READ, Kind.MODIFY, Kind.LIST, Kind.CLOSE, Kind.READ, Kind.HEALTH, Kind.METRICS,
            Kind.INFO, Kind.OPENAPI, Kind.RUN_POSTGRESQL);

    record Command(Kind kind, String text) { }

    @Test
    void theSectionHoldsEveryCommandInOrder() throws IOException {
        assertThat(commands()).extracting(Command::kind).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void theCommandsWorkOnH2() throws Exception {
        runAll(single(Kind.RUN_H2), "");
    }

    @Test
    @EnabledIfSystemProperty(named = "casekit.databases", matches = ".*postgresql.*")
    void theCommandsWorkOnPostgreSql() throws Throwable {
        Command run = single(Kind.RUN_POSTGRESQL);
        Matcher url = DATASOURCE_URL.matcher(run.text());
        assertThat(url.find()).as("the PostgreSQL command gives spring.datasource.url: %s", run.text()).isTrue();
        String prefix = "sx" + Long.toString(new SecureRandom().nextLong() >>> 1, 36) + "_";
        try {
            runAll(run, " --casekit.jdbc.table-prefix=" + prefix);
        } catch (Throwable failure) {
            try {
                dropTables(url.group(1), prefix);
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
            throw failure;
        }
        List<String> dropped = dropTables(url.group(1), prefix);
        assertThat(dropped).as("the casekit tables the application made under %s", prefix)
                .containsExactlyInAnyOrder(prefix + "case", prefix + "case_history", prefix + "case_type",
                        prefix + "schema_version");
    }

    /** Starts the application with {@code run} and runs every curl command of the section against it. */
    private static void runAll(Command run, String extraArguments) throws Exception {
        List<Command> commands = commands();
        assertThat(commands).extracting(Command::kind).containsExactlyElementsOf(EXPECTED);
        try (RunningApp app = RunningApp.start(run.text() + " --server.port=0" + extraArguments)) {
            List<String> assignments = new ArrayList<>();
            Answers answers = new Answers();
            for (Command command : commands) {
                String text = command.text().replace("localhost:8080", "localhost:" + app.port);
                switch (command.kind()) {
                    case BUILD, RUN_H2, RUN_POSTGRESQL -> { }
                    case ASSIGN -> assignments.add(text);
                    default -> answers.check(command, curl(assignments, text, app));
                }
            }
            assertThat(answers.checked).as("curl commands checked")
                    .isEqualTo(EXPECTED.stream().filter(k -> k.curl).count());
        }
    }

    /** What each answer must be, from the requests the README sends before it. */
    private static final class Answers {
        private String createdId;
        private String createdTitle;
        private String modifiedTitle;
        private boolean closed;
        private int checked;

        void check(Command command, String output) {
            checked++;
            if (command.kind() == Kind.OPENAPI) {
                // The README shows the document's first three lines.
                assertThat(output.lines().toList()).as("the OpenAPI document's head")
                        .containsExactly("{", "  \"openapi\": \"3.1.0\",", "  \"info\": {");
                return;
            }
            JsonNode answer = JSON.readTree(output);
            if (command.kind() == Kind.HEALTH) {
                assertThat(answer.path("status").asString()).as("health: %s", answer).isEqualTo("UP");
                assertThat(answer.path("components").path("casekit").path("status").asString()).as("health: %s", answer)
                        .isEqualTo("UP");
                return;
            }
            if (command.kind() == Kind.METRICS) {
                // The README's create, timed: one call at least (the PostgreSQL run's second create
                // of the same id is a conflict, under another outcome tag).
                assertThat(answer.path("name").asString()).as("metrics: %s", answer).isEqualTo("casekit.operation");
                assertThat(answer.path("measurements").get(0).path("value").asDouble()).as("metrics: %s", answer)
                        .isGreaterThanOrEqualTo(1.0);
                return;
            }
            if (command.kind() == Kind.INFO) {
                assertThat(answer.path("casekit").path("schemaVersion").asInt()).as("info: %s", answer).isPositive();
                assertThat(answer.path("casekit").path("version").asString()).as("info: %s", answer).isNotBlank();
                return;
            }
            assertThat(answer.path("resCode").asString()).as("%s answered %s", command.text(), answer).isEqualTo("0");
            switch (command.kind()) {
                case CREATE -> {
                    JsonNode caseInfo = body(command).path("caseInfo");
                    createdId = caseInfo.path("id").asString();
                    createdTitle = caseInfo.path("title").asString();
                    assertThat(answer.path("result").path("caseId").asString()).isEqualTo(createdId);
                }
                case READ -> {
                    assertThat(command.text()).contains("/case/" + createdId);
                    JsonNode read = answer.path("result").path(0);
                    assertThat(read.path("id").asString()).isEqualTo(createdId);
                    assertThat(read.path("title").asString())
                            .isEqualTo(modifiedTitle == null ? createdTitle : modifiedTitle);
                    assertThat(read.path("state").asString()).isEqualTo(closed ? "Completed" : "Processing");
                }
                case MODIFY -> {
                    JsonNode caseInfo = body(command).path("caseInfo");
                    assertThat(caseInfo.path("id").asString()).isEqualTo(createdId);
                    modifiedTitle = caseInfo.path("title").asString();
                }
                case LIST -> {
                    JsonNode page = answer.path("result").path(0);
                    assertThat(page.path("count").asInt()).isEqualTo(1);
                    assertThat(page.path("caseList").path(0).path("id").asString()).isEqualTo(createdId);
                    assertThat(page.path("caseList").path(0).path("title").asString()).isEqualTo(modifiedTitle);
                }
                case CLOSE -> {
                    assertThat(body(command).path("caseId").asString()).isEqualTo(createdId);
                    closed = true;
                }
                default -> fail("not a curl command: " + command);
            }
        }

        private static JsonNode body(Command command) {
            Matcher body = BODY.matcher(command.text());
            assertThat(body.find()).as("a -d '…' body in %s", command.text()).isTrue();
            return JSON.readTree(body.group(1));
        }
    }

    private static String curl(List<String> assignments, String command, RunningApp app) throws Exception {
        String script = String.join("\n", assignments) + "\n" + command;
        Process process = new ProcessBuilder("bash", "-c", script).directory(root().toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s ended", command).isTrue();
        assertThat(process.exitValue()).as("exit status of %s (answer %s)%s", command, out, app.log()).isZero();
        return out;
    }

    /** The application as a process, started by bash exactly as the README says; stopped by SIGTERM. */
    private static final class RunningApp implements AutoCloseable {
        private static final String END = "\u0000end";
        private final Process process;
        private final StringBuffer log = new StringBuffer();
        private int port;

        private RunningApp(Process process) {
            this.process = process;
        }

        static RunningApp start(String command) throws Exception {
            Process process = new ProcessBuilder("bash", "-c", "exec " + command).directory(root().toFile())
                    .redirectErrorStream(true).start();
            RunningApp app = new RunningApp(process);
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> app.read(lines), "sample-app-output");
            reader.setDaemon(true);
            reader.start();
            try {
                app.awaitStart(lines, command);
            } catch (Throwable e) {
                app.close();
                throw e;
            }
            return app;
        }

        private void read(BlockingQueue<String> lines) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    log.append(line).append('\n');
                    lines.add(line);
                }
            } catch (IOException e) {
                log.append("(output no longer readable: ").append(e).append(")\n");
            }
            lines.add(END);
        }

        /** Until Boot says it has started; the port from Tomcat's line before that. */
        private void awaitStart(BlockingQueue<String> lines, String command) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
            while (true) {
                String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    fail("%s did not start within %d s%s", command, START_TIMEOUT_SECONDS, log());
                }
                if (line.equals(END)) {
                    fail("%s ended before it started%s", command, log());
                }
                Matcher tomcat = TOMCAT_PORT.matcher(line);
                if (tomcat.find()) {
                    port = Integer.parseInt(tomcat.group(1));
                }
                if (STARTED.matcher(line).find()) {
                    assertThat(port).as("the port in Tomcat's start line%s", log()).isPositive();
                    return;
                }
            }
        }

        String log() {
            return "\n--- application output ---\n" + log;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** The section's commands, by the parsing rule of this class's comment. */
    static List<Command> commands() throws IOException {
        List<String> lines = Files.readAllLines(Path.of(System.getProperty("casekit.sample.readme")));
        int start = lines.indexOf(SECTION);
        assertThat(start).as("the README has the section %s", SECTION).isNotNegative();
        List<Command> commands = new ArrayList<>();
        boolean inShell = false;
        boolean inOther = false;
        StringBuilder pending = new StringBuilder();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (!inShell && !inOther && line.startsWith("## ")) {
                break;
            }
            if (line.startsWith("```")) {
                if (inShell || inOther) {
                    assertThat(pending).as("a command continued past its block").isEmpty();
                    inShell = false;
                    inOther = false;
                } else if (line.equals("```sh") || line.equals("```bash")) {
                    inShell = true;
                } else {
                    inOther = true;
                }
            } else if (inShell) {
                if (pending.isEmpty() && (line.isBlank() || line.startsWith("#"))) {
                    continue;
                }
                if (line.endsWith("\\")) {
                    pending.append(line, 0, line.length() - 1);
                } else {
                    String command = pending.append(line).toString().strip();
                    pending.setLength(0);
                    commands.add(new Command(kind(command), command));
                }
            }
        }
        return commands;
    }

    static Kind kind(String command) {
        if (command.startsWith("mvn ")) {
            return Kind.BUILD;
        }
        if (command.startsWith("java -jar case-spring-example/target/case-spring-example.jar")) {
            return command.contains("jdbc:postgresql:") ? Kind.RUN_POSTGRESQL : Kind.RUN_H2;
        }
        if (ASSIGNMENT.matcher(command).matches()) {
            return Kind.ASSIGN;
        }
        if (command.startsWith("curl ")) {
            if (command.contains("\"$BASE/case\" ")) {
                return Kind.CREATE;
            }
            if (command.contains("\"$BASE/case/modify\" ")) {
                return Kind.MODIFY;
            }
            if (command.contains("\"$BASE/case/list\" ")) {
                return Kind.LIST;
            }
            if (command.contains("\"$BASE/close\" ")) {
                return Kind.CLOSE;
            }
            if (command.matches(".*\"\\$BASE/case/[A-Za-z0-9_-]+\" .*") && !command.contains(" -d ")) {
                return Kind.READ;
            }
            if (command.contains("http://localhost:8080/actuator/health")) {
                return Kind.HEALTH;
            }
            if (command.contains("http://localhost:8080/actuator/metrics/casekit.operation")) {
                return Kind.METRICS;
            }
            if (command.contains("http://localhost:8080/actuator/info")) {
                return Kind.INFO;
            }
            if (command.contains("http://localhost:8080/service/AICC__Case/1.0.0/openapi.json")) {
                return Kind.OPENAPI;
            }
        }
        throw new AssertionError("a command of the README that this test does not know: " + command);
    }

    private static Command single(Kind kind) throws IOException {
        List<Command> found = commands().stream().filter(c -> c.kind() == kind).toList();
        assertThat(found).as("the README's %s commands", kind).hasSize(1);
        return found.get(0);
    }

    private static Path root() {
        return Path.of(System.getProperty("casekit.sample.root"));
    }

    /** Drops the tables under {@code prefix}; answers their names. */
    private static List<String> dropTables(String url, String prefix) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url)) {
            try (PreparedStatement find = connection.prepareStatement(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name LIKE ?")) {
                find.setString(1, prefix.replace("_", "\\_") + "%");
                try (ResultSet rows = find.executeQuery()) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
            }
            try (Statement drop = connection.createStatement()) {
                for (String table : tables) {
                    drop.execute("DROP TABLE IF EXISTS " + table + " CASCADE");
                }
            }
        }
        return tables;
    }
}

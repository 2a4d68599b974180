package io.casekit.core.validation;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** casekit's validator bootstrap prints nothing into the host's log, and changes none of its levels. */
class ValidatorBootstrapLogTest {
    private record Run(String stdout, String stderr) {}

    private static Run fresh(String bootstrap) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process process = new ProcessBuilder(List.of(java, "-cp", classPath, ValidatorBootstrapProbe.class.getName(),
                bootstrap)).start();
        process.getOutputStream().close();
        // A guard against a hung child only, never a measure.
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the probe JVM did not end");
        }
        Run run = new Run(new String(process.getInputStream().readAllBytes(), UTF_8),
                new String(process.getErrorStream().readAllBytes(), UTF_8));
        assertThat(process.exitValue()).as(run.stderr()).isZero();
        return run;
    }

    @Test
    void aPlainHibernateValidatorBootstrapPrintsItsStartUpLine() throws Exception {
        // The control: without it, the test below would also pass if the line went elsewhere.
        Run run = fresh("plain");

        assertThat(run.stderr()).contains("HV000001: Hibernate Validator").contains("the host's own INFO line");
    }

    @Test
    void casekitsBootstrapDoesNotPrintItAndLeavesTheHostsLevelsAsTheyWere() throws Exception {
        Run run = fresh("casekit");

        assertThat(run.stderr()).doesNotContain("HV000001").doesNotContain("Hibernate Validator")
                .contains("the host's own INFO line");
        assertThat(run.stdout()).contains("version category level after: null").contains("root level after: INFO");
    }
}

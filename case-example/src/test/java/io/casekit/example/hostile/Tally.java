package io.casekit.example.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The figures of one suite on one store: the hostile requests sent, their answers by
 * {@code resCode}, the refused requests that left something in the store, and the slowest answer.
 * Every answer is checked here first: a defined {@code resCode}, never {@code 500001}, and the HTTP
 * status its first three digits. Not thread-safe: a suite sends one request at a time.
 */
final class Tally {
    /** Every {@code resCode} of the library, and the host's own two. */
    static final Set<String> DEFINED = Set.of("0", "400001", "400002", "401001", "403001", "404001", "409001",
            "409002", "413001", "415001", "503001", "404000", "405000");

    private final HostileStore store;
    private final String suite;
    private final Map<String, Long> byResCode = new TreeMap<>();
    private long requests;
    private long storedByRefused;
    private long slowestNanos;
    private String slowest = "";

    Tally(HostileStore store, String suite) {
        this.store = store;
        this.suite = suite;
    }

    /** Counts one hostile request's answer and checks that it is a defined one. */
    Answer record(Answer answer, String input) {
        requests++;
        byResCode.merge(answer.resCode(), 1L, Long::sum);
        if (answer.nanos() > slowestNanos) {
            slowestNanos = answer.nanos();
            String firstLine = Json.printable(input.lines().findFirst().orElse(""));
            slowest = firstLine.length() > 120 ? firstLine.substring(0, 120) + "…" : firstLine;
        }
        assertThat(answer.resCode()).as("%s: %s", input, answer).isNotEqualTo("500001").isIn(DEFINED);
        String resCode = answer.resCode();
        int status = resCode.equals("0") ? 200 : Integer.parseInt(resCode.substring(0, 3));
        assertThat(answer.status()).as("the HTTP status of %s: %s", input, answer).isEqualTo(status);
        assertThat(answer.contentType()).as("the Content-Type of the answer to %s", input)
                .isEqualTo("application/json;charset=UTF-8");
        return answer;
    }

    /** Counts a refused request that changed the store; the caller then fails the test. */
    void storedByRefused() {
        storedByRefused++;
    }

    long requests() {
        return requests;
    }

    String summary(String detail) {
        return "[hostile] store=" + store.key + " suite=" + suite + (detail.isEmpty() ? "" : " " + detail)
                + " requests=" + requests + " by resCode " + byResCode + " 500001=" + byResCode.getOrDefault("500001", 0L)
                + " storedByRefused=" + storedByRefused + " max ms=" + slowestNanos / 1_000_000
                + (slowest.isEmpty() ? "" : " (slowest: " + slowest + ")");
    }
}

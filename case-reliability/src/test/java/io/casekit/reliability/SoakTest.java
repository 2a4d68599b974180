package io.casekit.reliability;

import io.casekit.store.tck.ConflictCountingCaseStore;

import static io.casekit.reliability.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.Case;
import io.casekit.core.CaseId;
import io.casekit.core.CaseModification;
import io.casekit.core.CaseValidationException;
import io.casekit.core.FieldChange;
import io.casekit.core.HistoryEntry;
import io.casekit.core.InputValue;
import io.casekit.core.Value;
import io.casekit.core.ViolationCode;
import io.casekit.core.service.CaseService;
import io.casekit.core.service.CaseServiceOptions;
import io.casekit.json.CaseEndpoints;
import io.casekit.json.EndpointResponse;
import io.casekit.json.ResCode;
import io.casekit.store.jdbc.JdbcCaseStore;
import io.casekit.store.jdbc.JdbcTemplateCatalog;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Many modifies at once from several threads of several host processes (each its own {@code Jdbi}
 * and connection pool), through the service and through the wire endpoints, mixed with reads and
 * with requests that must be rejected. Afterwards nothing is lost or doubled: each case's history
 * replays to its state with contiguous versions, every acknowledged change is in it exactly once,
 * nothing else is, no rejected request left a trace, and no call failed in any unexpected way.
 *
 * <p>PostgreSQL (when the run lists it) takes 100,000 modifies, MariaDB (when listed) 20,000, and
 * H2, always run, 5,000, so that a plain build runs the soak too. The system
 * property {@code casekit.soak.modifies} overrides the number for every database. The figures
 * (operations, re-applies, rejects, the time taken) are printed and written to
 * {@code target/reliability-figures/soak-<database>.txt}; the time is reported, never asserted.
 */
class SoakTest {
    private static final int PROCESSES = 3;
    private static final int THREADS_PER_PROCESS = 2;
    private static final int COLD_CASES = 200;
    private static final int HOT_CASES = 4;
    /** One request in this many reads a case, and one in this many is a request to reject. */
    private static final int READ_EVERY = 4;
    private static final int REJECT_EVERY = 10;
    /** Generous: with hot cases some modifies lose several races in a row; none may run out of retries. */
    private static final int MAX_REAPPLIES = 1_000;

    private record Process(CaseService service, CaseEndpoints endpoints) {}

    /** What one worker did, merged at the end. */
    private static final class Tally {
        final LongAdder modifies = new LongAdder();
        final LongAdder modifiesOnTheWire = new LongAdder();
        final LongAdder reads = new LongAdder();
        final LongAdder rejects = new LongAdder();
        final LongAdder conflicts = new LongAdder();
        /** Case id to the tokens of its acknowledged changes. */
        final Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
        final Set<String> rejected = ConcurrentHashMap.newKeySet();
        final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    }

    static Stream<String> databases() {
        return TestDatabase.requested().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void nothingIsLostOrDoubledUnderLoad(String database) throws Exception {
        int modifies = modifies(database);
        try (TestDatabase db = TestDatabase.open(database)) {
            Tally tally = new Tally();
            List<Process> processes = new ArrayList<>();
            for (int p = 0; p < PROCESSES; p++) {
                Jdbi jdbi = Jdbi.create(db.pool(THREADS_PER_PROCESS, db.driver()));
                JdbcTemplateCatalog catalog = JdbcTemplateCatalog.create(jdbi, db.options());
                CaseService service = CaseService.builder(
                                new ConflictCountingCaseStore(JdbcCaseStore.create(jdbi, db.options()), tally.conflicts), catalog)
                        .options(CaseServiceOptions.defaults().withMaxReapplies(MAX_REAPPLIES)).build();
                processes.add(new Process(service, CaseEndpoints.of(service)));
            }
            processes.get(0).service().templates().save(Fixtures.caseType(TENANT));
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < HOT_CASES; i++) {
                ids.add("hot" + i);
            }
            for (int i = 0; i < COLD_CASES; i++) {
                ids.add("cold" + i);
            }
            for (String id : ids) {
                processes.get(0).service().create(TENANT, Fixtures.draft(id));
                tally.acknowledged.put(id, ConcurrentHashMap.newKeySet());
            }

            int workers = PROCESSES * THREADS_PER_PROCESS;
            ExecutorService threads = Executors.newFixedThreadPool(workers);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> running = new ArrayList<>();
            long began;
            try {
                for (int w = 0; w < workers; w++) {
                    Process process = processes.get(w % PROCESSES);
                    int worker = w;
                    int quota = modifies / workers + (w < modifies % workers ? 1 : 0);
                    running.add(threads.submit(() -> {
                        start.await();
                        work(process, worker, quota, ids, tally);
                        return null;
                    }));
                }
                began = System.nanoTime();
                start.countDown();
                for (Future<?> f : running) {
                    f.get(15, TimeUnit.MINUTES);
                }
            } finally {
                threads.shutdownNow();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - began);

            assertThat(tally.unexpected).as("unexpected failures").isEmpty();
            assertThat(tally.modifies.sum()).isEqualTo(modifies);
            long entries = verify(db, ids, tally);
            assertThat(db.rows("case_history")).isEqualTo(entries);

            Figures.record("soak-" + database, List.of(
                    "database: " + database,
                    "host processes (Jdbi + HikariCP pool each): " + PROCESSES + ", threads: " + workers,
                    "cases: " + ids.size() + " (" + HOT_CASES + " hot ones take a quarter of the modifies)",
                    "modifies acknowledged: " + tally.modifies.sum() + " (" + tally.modifiesOnTheWire.sum()
                            + " of them through CaseEndpoints)",
                    "reads: " + tally.reads.sum(),
                    "rejected requests: " + tally.rejects.sum(),
                    "re-applies after a lost compare-and-set: " + tally.conflicts.sum(),
                    "history entries checked: " + entries,
                    "lost changes: 0, duplicated changes: 0, unexpected errors: 0",
                    String.format(Locale.ROOT, "wall time: %.1f s (%.0f modifies/s)", took.toMillis() / 1000.0,
                            tally.modifies.sum() * 1000.0 / Math.max(1, took.toMillis()))));
        }
    }

    private static void work(Process process, int worker, int quota, List<String> ids, Tally tally) {
        Random random = new Random(worker);
        Map<String, Long> seen = new HashMap<>();
        int done = 0;
        for (int step = 0; done < quota; step++) {
            String id = random.nextInt(4) == 0 ? ids.get(random.nextInt(HOT_CASES))
                    : ids.get(HOT_CASES + random.nextInt(COLD_CASES));
            String token = "w" + worker + "s" + step;
            try {
                if (step % REJECT_EVERY == REJECT_EVERY - 1) {
                    reject(process, id, token, step / REJECT_EVERY, tally);
                } else if (step % READ_EVERY == READ_EVERY - 1) {
                    read(process, id, (step / READ_EVERY) % 2 == 0, seen, tally);
                } else {
                    modify(process, id, token, step % 3 == 0, seen, tally);
                    done++;
                }
            } catch (RuntimeException | AssertionError e) {
                tally.unexpected.add(id + " " + token + ": " + e);
                if (tally.unexpected.size() > 20) {
                    return;
                }
            }
        }
    }

    private static void modify(Process process, String id, String token, boolean onTheWire, Map<String, Long> seen,
                               Tally tally) {
        if (onTheWire) {
            EndpointResponse response = process.endpoints().modify(TENANT, Fixtures.changeBody(id, token));
            assertThat(response.bodyText()).isEqualTo(Fixtures.SUCCESS_BODY);
            tally.modifiesOnTheWire.increment();
        } else {
            Case after = process.service().modify(TENANT, Fixtures.change(id, token)).current();
            assertThat(after.title()).isEqualTo(token);
            assertThat(after.version()).isGreaterThan(seen.getOrDefault(id, 0L));
            seen.put(id, after.version());
        }
        tally.acknowledged.get(id).add(token);
        tally.modifies.increment();
    }

    /** A read sees at least the version this worker's own last acknowledged change produced. */
    private static void read(Process process, String id, boolean onTheWire, Map<String, Long> seen, Tally tally) {
        long version;
        if (onTheWire) {
            EndpointResponse response = process.endpoints().read(TENANT, id);
            assertThat(response.resCode()).isEqualTo(ResCode.SUCCESS);
            version = Fixtures.json().readTree(response.body()).get("result").get(0).get("version").asLong();
        } else {
            version = process.service().get(TENANT, CaseId.of(id)).version();
        }
        assertThat(version).as("version of %s read after this worker's change", id)
                .isGreaterThanOrEqualTo(seen.getOrDefault(id, 1L));
        seen.put(id, version);
        tally.reads.increment();
    }

    /** A request that breaks a rule (or is not JSON): rejected, and its token must never be stored. */
    private static void reject(Process process, String id, String token, int kind, Tally tally) {
        tally.rejected.add(token);
        switch (kind % 5) {
            case 0 -> rejectedByService(process, CaseModification.builder(id, Fixtures.OPERATOR)
                    .title("x".repeat(129)).description("d").extension(Fixtures.NOTES, Value.text(token)).build(),
                    ViolationCode.TOO_LONG);
            case 1 -> rejectedByService(process, CaseModification.builder(id, Fixtures.OPERATOR).title(token)
                    .description("d").set("AICC__unknown__CST", InputValue.text(token)).build(),
                    ViolationCode.UNKNOWN_FIELD);
            case 2 -> rejectedByService(process, CaseModification.builder(id, Fixtures.OPERATOR).title(token)
                    .description(" \t ").build(), ViolationCode.BLANK);
            case 3 -> {
                Map<String, Object> caseInfo = new LinkedHashMap<>();
                caseInfo.put("id", id);
                caseInfo.put("title", token);
                caseInfo.put("description", 12);
                caseInfo.put("creatorId", Fixtures.OPERATOR);
                EndpointResponse response = process.endpoints().modify(TENANT, Fixtures.body(caseInfo));
                assertThat(response.resCode()).isEqualTo(ResCode.VALIDATION_FAILED);
                assertThat(response.bodyText()).contains("\"code\":\"invalid_type\"");
            }
            default -> {
                byte[] truncated = ("{\"caseInfo\":{\"id\":\"" + id + "\",\"title\":\"" + token + "\"")
                        .getBytes(StandardCharsets.UTF_8);
                assertThat(process.endpoints().modify(TENANT, truncated).resCode()).isEqualTo(ResCode.MALFORMED_REQUEST);
            }
        }
        tally.rejects.increment();
    }

    private static void rejectedByService(Process process, CaseModification request, ViolationCode code) {
        try {
            process.service().modify(TENANT, request);
            throw new AssertionError("a request breaking " + code + " was accepted");
        } catch (CaseValidationException e) {
            assertThat(e.violations()).extracting(v -> v.code()).contains(code);
        }
    }

    /** Checks every case against what was acknowledged; returns the number of history entries. */
    private static long verify(TestDatabase db, List<String> ids, Tally tally) {
        JdbcCaseStore check = JdbcCaseStore.create(db.jdbi(), db.options());
        long entries = 0;
        for (String id : ids) {
            Case stored = check.find(TENANT, CaseId.of(id)).orElseThrow();
            List<HistoryEntry> history = check.history(TENANT, CaseId.of(id));
            HistoryReplay.assertReplaysTo(stored, history);
            Map<String, Integer> titles = new HashMap<>();
            for (HistoryEntry entry : history.subList(1, history.size())) {
                for (FieldChange change : entry.changes()) {
                    if (change.newValue().orElse(null) instanceof Value.Text text && tally.rejected.contains(text.value())) {
                        throw new AssertionError("A rejected request's value is stored in version " + entry.version()
                                + " of " + id + ": " + text.value());
                    }
                }
                Optional<Value> title = entry.changes().stream().filter(c -> c.field().equals("title"))
                        .findFirst().flatMap(FieldChange::newValue);
                assertThat(title).as("the title change of version %d of %s", entry.version(), id).isPresent();
                titles.merge(((Value.Text) title.get()).value(), 1, Integer::sum);
            }
            Set<String> acknowledged = tally.acknowledged.get(id);
            assertThat(titles.keySet()).as("changes stored for %s", id).isEqualTo(acknowledged);
            assertThat(titles.values()).as("how often each change of %s is stored", id).allMatch(n -> n == 1);
            entries += history.size();
        }
        return entries;
    }

    private static int modifies(String database) {
        String configured = System.getProperty("casekit.soak.modifies", "");
        if (!configured.isBlank()) {
            return Integer.parseInt(configured.strip());
        }
        return switch (database) {
            case TestDatabase.POSTGRESQL -> 100_000;
            case TestDatabase.MARIADB -> 20_000;
            default -> 5_000;
        };
    }
}

package io.casekit.store.jdbc;

import io.casekit.store.tck.ConflictCountingCaseStore;

import static io.casekit.store.jdbc.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.Case;
import io.casekit.core.CaseConflictException;
import io.casekit.core.CaseDraft;
import io.casekit.core.CaseId;
import io.casekit.core.CaseModification;
import io.casekit.core.FieldChange;
import io.casekit.core.HistoryEntry;
import io.casekit.core.StandardField;
import io.casekit.core.TenantId;
import io.casekit.core.Value;
import io.casekit.core.service.CaseService;
import io.casekit.core.service.CaseServiceOptions;
import io.casekit.core.service.ModificationResult;
import io.casekit.core.spi.CaseStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Several host processes, each with its own {@code Jdbi} and connection pool, modify the same few
 * hot cases at once through {@link CaseService}. No update may be lost: each case's history has
 * contiguous versions, each entry's old values are exactly the state the entries before it produced,
 * replaying it from nothing yields the stored case, and every acknowledged change is in it once
 * (and no change that failed is).
 */
class ConcurrencyTest {
    private static final int PROCESSES = 4;
    private static final int THREADS_PER_PROCESS = 2;
    private static final int MODIFICATIONS_PER_THREAD = 25;
    private static final List<String> HOT_CASES = List.of("hot1", "hot2", "hot3");
    private static final String NOTES = "AICC__notes__CST";

    @RegisterExtension
    static final Databases DATABASES = Databases.requested();

    static List<String> databases() {
        return Databases.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void processesSharingTheDatabaseNeverLoseAnUpdateOfAHotCase(String database) throws Exception {
        TestDatabase db = DATABASES.get(database);
        db.catalog().save(TemplateFixtures.simple(TENANT, Fixtures.TYPE, "Simple"));
        List<CaseService> processes = new ArrayList<>();
        LongAdder conflicts = new LongAdder();
        for (int p = 0; p < PROCESSES; p++) {
            Jdbi jdbi = Jdbi.create(db.pool(THREADS_PER_PROCESS, true, db.sessionZone()));
            processes.add(CaseService.builder(new ConflictCountingCaseStore(JdbcCaseStore.create(jdbi, db.options()), conflicts),
                            JdbcTemplateCatalog.create(jdbi, db.options()))
                    .options(CaseServiceOptions.defaults().withMaxReapplies(1_000)).build());
        }
        for (String id : HOT_CASES) {
            processes.get(0).create(TENANT, CaseDraft.builder(Fixtures.TYPE, "creator").id(id).title("start")
                    .description("d").contactId("contact").build());
        }

        Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
        Set<String> failed = ConcurrentHashMap.newKeySet();
        HOT_CASES.forEach(id -> acknowledged.put(id, ConcurrentHashMap.newKeySet()));
        ExecutorService threads = Executors.newFixedThreadPool(PROCESSES * THREADS_PER_PROCESS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        try {
            for (int p = 0; p < PROCESSES; p++) {
                CaseService service = processes.get(p);
                for (int t = 0; t < THREADS_PER_PROCESS; t++) {
                    String worker = "p" + p + "t" + t;
                    int offset = p * THREADS_PER_PROCESS + t;
                    work.add(threads.submit(() -> {
                        start.await();
                        for (int i = 0; i < MODIFICATIONS_PER_THREAD; i++) {
                            String id = HOT_CASES.get((offset + i) % HOT_CASES.size());
                            String token = worker + "n" + i;
                            CaseModification.Builder change = CaseModification.builder(id, worker)
                                    .title(token).description("d").extension(NOTES, Value.text(token));
                            if (i % 3 == 0) {
                                change.ownerId(worker);
                            }
                            try {
                                ModificationResult result = service.modify(TENANT, change.build());
                                assertThat(result.changes()).isNotEmpty();
                                acknowledged.get(id).add(token);
                            } catch (CaseConflictException e) {
                                failed.add(token);
                            }
                        }
                        return null;
                    }));
                }
            }
            start.countDown();
            for (Future<?> f : work) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }

        JdbcCaseStore store = db.store();
        int total = 0;
        for (String id : HOT_CASES) {
            Case stored = store.find(TENANT, CaseId.of(id)).orElseThrow();
            List<HistoryEntry> history = store.history(TENANT, CaseId.of(id));
            assertVersionsContiguous(history, stored);
            assertThat(replay(history)).as("history of %s replayed from nothing", id).isEqualTo(valuesOf(stored));
            List<String> titles = history.stream().skip(1).map(e -> titleSetBy(e)).toList();
            assertThat(titles).as("changes stored for %s", id)
                    .containsExactlyInAnyOrderElementsOf(acknowledged.get(id));
            assertThat(titles).filteredOn(failed::contains).as("changes that failed yet were stored").isEmpty();
            total += titles.size();
        }
        assertThat(total + failed.size()).isEqualTo(PROCESSES * THREADS_PER_PROCESS * MODIFICATIONS_PER_THREAD);
        System.out.printf("%s: %d modifications stored after %d compare-and-set conflicts; %d gave up%n", database,
                total, conflicts.sum(), failed.size());
    }

    private static void assertVersionsContiguous(List<HistoryEntry> history, Case stored) {
        for (int i = 0; i < history.size(); i++) {
            assertThat(history.get(i).version()).isEqualTo(i + 1L);
        }
        assertThat(stored.version()).isEqualTo(history.size());
        assertThat(stored.updatedAt()).isEqualTo(history.get(history.size() - 1).at());
    }

    /** The fields a history builds, each entry applied to what the ones before it built. */
    private static Map<String, Value> replay(List<HistoryEntry> history) {
        Map<String, Value> state = new HashMap<>();
        for (HistoryEntry entry : history) {
            for (FieldChange change : entry.changes()) {
                assertThat(Optional.ofNullable(state.get(change.field())))
                        .as("old value of %s in version %d", change.field(), entry.version())
                        .isEqualTo(change.oldValue());
                if (change.newValue().isPresent()) {
                    state.put(change.field(), change.newValue().get());
                } else {
                    state.remove(change.field());
                }
            }
        }
        return state;
    }

    private static Map<String, Value> valuesOf(Case c) {
        Set<String> fields = new TreeSet<>(c.extensions().keySet());
        for (StandardField f : StandardField.values()) {
            fields.add(f.wireName());
        }
        // The lifecycle's fields, which the service's creation entry records too (Case#value).
        fields.addAll(List.of("status", "state", "closedReason", "reopened"));
        Map<String, Value> values = new HashMap<>();
        for (String field : fields) {
            c.value(field).ifPresent(v -> values.put(field, v));
        }
        return values;
    }

    private static String titleSetBy(HistoryEntry entry) {
        return entry.changes().stream().filter(c -> c.field().equals("title"))
                .map(c -> ((Value.Text) c.newValue().orElseThrow()).value()).findFirst().orElseThrow();
    }
}

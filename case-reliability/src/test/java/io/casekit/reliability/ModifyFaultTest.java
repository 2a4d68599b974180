package io.casekit.reliability;

import static io.casekit.reliability.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casekit.core.Case;
import io.casekit.core.CaseId;
import io.casekit.core.FieldChange;
import io.casekit.core.HistoryEntry;
import io.casekit.core.StorageUnavailableException;
import io.casekit.core.Value;
import io.casekit.core.service.CaseService;
import io.casekit.json.CaseEndpoints;
import io.casekit.json.EndpointResponse;
import io.casekit.json.ResCode;
import io.casekit.reliability.FaultInjectingDataSource.Mode;
import io.casekit.reliability.FaultInjectingDataSource.Point;
import io.casekit.store.jdbc.JdbcCaseStore;
import io.casekit.store.jdbc.JdbcTemplateCatalog;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The database connection breaks at each point of a modify: when the case is read, when the
 * compare-and-set UPDATE runs, between the UPDATE and the history INSERT, at COMMIT, and just after
 * the database committed (on PostgreSQL and H2, where the UPDATE and the history INSERT are one
 * statement that commits itself, the points are the read, that statement, and just after it). It breaks from the client's side (the socket is aborted, SQLState 08006)
 * and from the server's (the session is killed: PostgreSQL {@code pg_terminate_backend}, MariaDB
 * {@code KILL CONNECTION}, H2 {@code ABORT_SESSION}), on every database the run requests.
 *
 * <p>Every time: the case and its history are either both changed or both untouched (and which of
 * the two is known from the point: only a break after the commit leaves the change stored); the
 * caller gets the retryable {@link StorageUnavailableException}, or {@code 503001} on the wire;
 * retrying the same request ends in the intended state with exactly one history entry for it; and
 * the next modify succeeds.
 */
class ModifyFaultTest {
    /** Through which door the modify comes in. */
    enum Entry { SERVICE, ENDPOINTS }

    private static final Map<String, Rig> RIGS = new TreeMap<>();
    private static final Map<String, AtomicInteger> FAULTS = new TreeMap<>();
    /** Per database and mode, the faults after which every check held. */
    private static final Map<String, AtomicInteger> HELD = new TreeMap<>();
    /** What the service's caller was told for each fault, and the SQLState the driver reported under it. */
    private static final Map<String, String> ANSWERS = new TreeMap<>();
    private static final AtomicInteger CASES = new AtomicInteger();

    /** A database with a store behind a fault injector, and a clean store to check what it holds. */
    private record Rig(TestDatabase db, FaultInjectingDataSource faults, CaseService service,
                       CaseEndpoints endpoints, JdbcCaseStore check) {
        static Rig open(String database) {
            TestDatabase db = TestDatabase.open(database);
            FaultInjectingDataSource faults = new FaultInjectingDataSource(db);
            Jdbi jdbi = Jdbi.create(db.pool(2, faults));
            JdbcTemplateCatalog catalog = JdbcTemplateCatalog.create(jdbi, db.options());
            catalog.save(Fixtures.caseType(TENANT));
            CaseService service = CaseService.builder(JdbcCaseStore.create(jdbi, db.options()), catalog).build();
            return new Rig(db, faults, service, CaseEndpoints.of(service), JdbcCaseStore.create(db.jdbi(), db.options()));
        }
    }

    static Stream<Arguments> faults() {
        List<Arguments> all = new ArrayList<>();
        for (String database : TestDatabase.requested()) {
            for (Mode mode : Mode.values()) {
                for (Point point : Point.values()) {
                    if ((mode == Mode.SESSION_KILLED && point == Point.AFTER_COMMIT)
                            || !point.reachedOn(TestDatabase.dialectOf(database))) {
                        continue;
                    }
                    for (Entry entry : Entry.values()) {
                        all.add(Arguments.of(database, mode, point, entry));
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}: {1} at {2}, through the {3}")
    @MethodSource("faults")
    void aBrokenConnectionChangesBothOrNeitherAndTheRetryLandsOnce(String database, Mode mode, Point point,
                                                                   Entry entry) {
        Rig rig = RIGS.computeIfAbsent(database, Rig::open);
        String id = "fault" + CASES.incrementAndGet();
        CaseId caseId = CaseId.of(id);
        rig.service().create(TENANT, Fixtures.draft(id));
        rig.service().modify(TENANT, Fixtures.change(id, "before the fault"));
        Case before = rig.check().find(TENANT, caseId).orElseThrow();
        List<HistoryEntry> historyBefore = rig.check().history(TENANT, caseId);
        String token = "changed " + id;

        int firedBefore = rig.faults().fired();
        rig.faults().arm(point, mode);
        try {
            modifyFailsAsUnavailable(rig, entry, id, token, database + " " + mode + " at " + point);
        } finally {
            rig.faults().disarm();
        }
        assertThat(rig.faults().fired()).as("the fault fired").isEqualTo(firedBefore + 1);
        FAULTS.computeIfAbsent(database + " " + mode, k -> new AtomicInteger()).incrementAndGet();

        Case after = rig.check().find(TENANT, caseId).orElseThrow();
        List<HistoryEntry> historyAfter = rig.check().history(TENANT, caseId);
        boolean untouched = after.equals(before) && historyAfter.equals(historyBefore);
        boolean changed = isTheChange(before, historyBefore, after, historyAfter, token);
        assertThat(untouched || changed).as("the case and its history changed together or not at all:%n"
                + "before %s%n%s%nafter %s%n%s", before, historyBefore, after, historyAfter).isTrue();
        // Only a break after the database committed can leave the change stored.
        assertThat(changed).as("the change is stored").isEqualTo(point == Point.AFTER_COMMIT);

        // After a break past the commit the retry finds the change done: a no-op, still a success.
        modifySucceeds(rig, entry, id, token);
        Case retried = rig.check().find(TENANT, caseId).orElseThrow();
        List<HistoryEntry> historyRetried = rig.check().history(TENANT, caseId);
        assertThat(retried.title()).isEqualTo(token);
        assertThat(retried.extensions()).containsEntry(Fixtures.NOTES, Value.text(token));
        assertThat(historyRetried).filteredOn(e -> setsTitleTo(e, token)).as("entries of the change").hasSize(1);
        assertThat(retried.version()).isEqualTo(before.version() + 1);
        HistoryReplay.assertReplaysTo(retried, historyRetried);

        modifySucceeds(rig, entry, id, token + " and after");
        Case next = rig.check().find(TENANT, caseId).orElseThrow();
        assertThat(next.version()).isEqualTo(before.version() + 2);
        assertThat(next.title()).isEqualTo(token + " and after");
        HistoryReplay.assertReplaysTo(next, rig.check().history(TENANT, caseId));
        HELD.computeIfAbsent(database + " " + mode, k -> new AtomicInteger()).incrementAndGet();
    }

    @AfterAll
    static void closeAndReport() {
        List<String> lines = new ArrayList<>();
        FAULTS.forEach((what, count) -> lines.add(what + ": " + count + " faults injected, after "
                + HELD.getOrDefault(what, new AtomicInteger()).get() + " of them every check held"));
        ANSWERS.forEach((scenario, answer) -> lines.add(scenario + ": " + answer));
        RuntimeException failure = null;
        for (Rig rig : RIGS.values()) {
            try {
                rig.db().close();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        RIGS.clear();
        Figures.record("faults", lines);
        if (failure != null) {
            throw failure;
        }
    }

    private static void modifyFailsAsUnavailable(Rig rig, Entry entry, String id, String token, String scenario) {
        switch (entry) {
            case SERVICE -> assertThatThrownBy(() -> rig.service().modify(TENANT, Fixtures.change(id, token)))
                    .isInstanceOfSatisfying(StorageUnavailableException.class, e -> {
                        assertThat(e.retryable()).isTrue();
                        assertThat(e.getMessage()).doesNotContainIgnoringCase("select")
                                .doesNotContainIgnoringCase("update").doesNotContainIgnoringCase("insert")
                                .doesNotContain(rig.db().prefix).doesNotContain("Exception").doesNotContain("SQL");
                        ANSWERS.put(scenario, "\"" + e.getMessage() + "\" (driver SQLState " + sqlState(e) + ")");
                    });
            case ENDPOINTS -> {
                EndpointResponse response = rig.endpoints().modify(TENANT, Fixtures.changeBody(id, token));
                assertThat(response.resCode()).isEqualTo(ResCode.STORAGE_UNAVAILABLE);
                assertThat(response.httpStatus()).isEqualTo(503);
                assertThat(response.bodyText()).isEqualTo(Fixtures.UNAVAILABLE_BODY);
            }
        }
    }

    private static void modifySucceeds(Rig rig, Entry entry, String id, String token) {
        switch (entry) {
            case SERVICE -> assertThat(rig.service().modify(TENANT, Fixtures.change(id, token)).current().title())
                    .isEqualTo(token);
            case ENDPOINTS -> assertThat(rig.endpoints().modify(TENANT, Fixtures.changeBody(id, token)).bodyText())
                    .isEqualTo(Fixtures.SUCCESS_BODY);
        }
    }

    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return String.valueOf(sql.getSQLState());
            }
        }
        return "none";
    }

    /** Whether the stored state is {@code before} with exactly the requested change, and one entry more. */
    private static boolean isTheChange(Case before, List<HistoryEntry> historyBefore, Case after,
                                       List<HistoryEntry> historyAfter, String token) {
        if (after.version() != before.version() + 1 || historyAfter.size() != historyBefore.size() + 1
                || !historyAfter.subList(0, historyBefore.size()).equals(historyBefore)) {
            return false;
        }
        HistoryEntry last = historyAfter.get(historyAfter.size() - 1);
        List<FieldChange> expected = List.of(
                new FieldChange("title", Optional.of(Value.text(before.title())), Optional.of(Value.text(token))),
                new FieldChange(Fixtures.NOTES, before.value(Fixtures.NOTES), Optional.of(Value.text(token))));
        return last.version() == after.version() && last.changes().equals(expected)
                && after.title().equals(token) && after.value(Fixtures.NOTES).equals(Optional.of(Value.text(token)))
                && after.description().equals(before.description());
    }

    private static boolean setsTitleTo(HistoryEntry entry, String token) {
        return entry.changes().stream().anyMatch(c -> c.field().equals("title")
                && c.newValue().equals(Optional.of(Value.text(token))));
    }
}

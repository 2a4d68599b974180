package io.casekit.store.jdbc;

import static io.casekit.store.jdbc.Fixtures.OTHER_TENANT;
import static io.casekit.store.jdbc.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casekit.core.Case;
import io.casekit.core.CaseId;
import io.casekit.core.CaseState;
import io.casekit.core.ChangeKind;
import io.casekit.core.FieldChange;
import io.casekit.core.HistoryEntry;
import io.casekit.core.TenantId;
import io.casekit.core.Value;
import io.casekit.core.query.CaseFilter;
import io.casekit.core.query.CaseQuery;
import io.casekit.core.query.CaseStatistics;
import io.casekit.core.template.CaseType;
import io.casekit.core.template.FlowStatus;
import io.casekit.core.template.StatusFlow;
import io.casekit.store.memory.InMemoryCaseStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lifecycle's columns (schema version 4) on every requested database: every new case and
 * history field read back exactly (through insert and update), the status and state filters and the
 * statistics equal to the in-memory store's on the same cases, and erase leaving no row behind.
 */
class LifecycleColumnsTest {
    @RegisterExtension
    static final Databases DATABASES = Databases.requested();

    static List<String> databases() {
        return Databases.names();
    }

    /** 2,000 UTF-8 bytes exactly: 500 four-byte characters. */
    static final String LONGEST_REMARK = "😀".repeat(500);
    static final String NON_ASCII_REMARK = "Réouverture — 再开 \"quoted\" \\ 'x' \n\t 🎫";

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void closedReopenedAndCancelledCasesReadBackExactly(String database) {
        JdbcCaseStore store = DATABASES.get(database).store();
        Case closed = Fixtures.full(TENANT, "closed").toBuilder()
                .status("Done — 完了 ✓").state(CaseState.COMPLETED)
                .closedAt(Instant.parse("2026-11-28T08:00:00.001Z")).closedReason("fixed 🎉 \"at last\"")
                .build();
        Case reopened = Fixtures.minimal(TENANT, "reopened").toBuilder()
                .status("In progress").state(CaseState.PENDING).reopened(true).build();
        Case cancelled = Fixtures.minimal(TENANT, "cancelled").toBuilder()
                .status("Open").state(CaseState.CANCELLED).build();
        Case closedAtTheEdges = Fixtures.minimal(TENANT, "edges").toBuilder()
                .status("s".repeat(JdbcCaseStore.MAX_STATUS_CHARACTERS)).state(CaseState.COMPLETED)
                .closedAt(TimeColumns.LATEST).closedReason("").reopened(true).build();
        for (Case c : List.of(closed, reopened, cancelled, closedAtTheEdges)) {
            store.insert(c, Fixtures.creation(c));
            assertThat(store.find(TENANT, c.id())).contains(c);
        }

        // Through an update: an open case closed, then reopened (closedAt and closedReason cleared).
        Case open = Fixtures.minimal(TENANT, "open");
        store.insert(open, Fixtures.creation(open));
        Case closing = open.toBuilder().version(2).updatedAt(Fixtures.CREATED.plusSeconds(60))
                .status("Open").state(CaseState.COMPLETED).closedAt(Fixtures.CREATED.plusSeconds(60))
                .closedReason(NON_ASCII_REMARK).build();
        store.update(closing, 1, entry(open, 2, ChangeKind.CLOSE, Optional.of(NON_ASCII_REMARK)));
        assertThat(store.find(TENANT, open.id())).contains(closing);
        Case reopening = closing.toBuilder().version(3).updatedAt(Fixtures.CREATED.plusSeconds(120))
                .state(CaseState.PROCESSING).closedAt(Optional.empty()).closedReason(Optional.empty()).reopened(true)
                .build();
        store.update(reopening, 2, entry(open, 3, ChangeKind.REOPEN, Optional.empty()));
        assertThat(store.find(TENANT, open.id())).contains(reopening);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void historyEntriesOfEveryKindKeepTheirRemark(String database) {
        JdbcCaseStore store = DATABASES.get(database).store();
        Case c = Fixtures.minimal(TENANT, "kinds");
        HistoryEntry creation = Fixtures.creation(c);
        store.insert(c, creation);
        List<HistoryEntry> expected = new ArrayList<>(List.of(creation));
        Case current = c;
        List<Optional<String>> remarks = List.of(Optional.empty(), Optional.of(LONGEST_REMARK),
                Optional.of(NON_ASCII_REMARK), Optional.of(""), Optional.of("é".repeat(1_000)));
        int i = 0;
        for (ChangeKind kind : ChangeKind.values()) {
            if (kind == ChangeKind.CREATE) {
                continue;
            }
            long version = current.version() + 1;
            Optional<String> remark = remarks.get(i++ % remarks.size());
            Case next = current.toBuilder().version(version).title("title " + kind.wireName()).build();
            HistoryEntry entry = new HistoryEntry(TENANT, c.id(), version, Fixtures.CREATED.plusMillis(version), "op",
                    List.of(new FieldChange("title", current.value("title"), next.value("title"))), kind, remark);
            store.update(next, current.version(), entry);
            expected.add(entry);
            current = next;
        }
        assertThat(LONGEST_REMARK.getBytes(StandardCharsets.UTF_8)).hasSize(2_000);
        assertThat("é".repeat(1_000).getBytes(StandardCharsets.UTF_8)).hasSize(2_000);
        assertThat(store.history(TENANT, c.id())).isEqualTo(expected);
        assertThat(store.historyPage(TENANT, c.id(), 2, 3)).isEqualTo(expected.subList(2, 5));
        assertThat(expected).extracting(HistoryEntry::kind).containsExactly(ChangeKind.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aStatusLongerThanTheStoreKeepsIsRefusedBeforeAnyStatement(String database) {
        JdbcCaseStore store = DATABASES.get(database).store();
        Case c = Fixtures.minimal(TENANT, "long").toBuilder()
                .status("s".repeat(JdbcCaseStore.MAX_STATUS_CHARACTERS + 1)).build();
        assertThatThrownBy(() -> store.insert(c, Fixtures.creation(c))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("status");
        assertThat(store.find(TENANT, c.id())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void statusAndStateFiltersFindWhatTheInMemoryStoreFinds(String database) {
        JdbcCaseStore store = DATABASES.get(database).store();
        InMemoryCaseStore reference = new InMemoryCaseStore();
        List<String> statuses = List.of("Open", "open", "Open ", "Waiting — 待", "Done", "");
        List<Case> cases = new ArrayList<>();
        int n = 0;
        for (String status : statuses) {
            for (CaseState state : CaseState.values()) {
                cases.add(Fixtures.minimal(n % 5 == 0 ? OTHER_TENANT : TENANT, "f" + n).toBuilder()
                        .status(status).state(state).build());
                n++;
            }
        }
        for (Case c : cases) {
            store.insert(c, Fixtures.creation(c));
            reference.insert(c, Fixtures.creation(c));
        }
        List<CaseFilter> filters = List.of(
                new CaseFilter.StatusIn(Set.of("Open")),
                new CaseFilter.StatusIn(Set.of("Open ", "Waiting — 待")),
                new CaseFilter.StatusIn(Set.of("OPEN")),
                new CaseFilter.StatusIn(Set.of("")),
                new CaseFilter.StatusIn(Set.of()),
                new CaseFilter.StateIn(Set.of(CaseState.CANCELLED)),
                new CaseFilter.StateIn(Set.of(CaseState.PROCESSING, CaseState.PENDING)),
                new CaseFilter.StateIn(Set.of(CaseState.values())),
                new CaseFilter.StateIn(Set.of()));
        for (CaseFilter filter : filters) {
            CaseQuery query = CaseQuery.builder().filter(filter).limit(100).build();
            assertThat(ids(store.page(TENANT, query).cases())).as("%s", filter)
                    .isEqualTo(ids(reference.page(TENANT, query).cases()));
            assertThat(store.count(TENANT, query)).as("count of %s", filter).isEqualTo(reference.count(TENANT, query));
        }
        CaseQuery both = CaseQuery.builder().filter(new CaseFilter.StatusIn(Set.of("Done", "open")))
                .filter(new CaseFilter.StateIn(Set.of(CaseState.COMPLETED, CaseState.PENDING))).limit(100).build();
        List<String> found = ids(store.page(TENANT, both).cases());
        assertThat(found).isEqualTo(ids(reference.page(TENANT, both).cases())).isNotEmpty();
        assertThat(store.count(TENANT, CaseQuery.builder().filter(new CaseFilter.StatusIn(Set.of("Open"))).build()))
                .isEqualTo(cases.stream().filter(c -> c.tenant().equals(TENANT) && c.status().equals("Open")).count())
                .isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void statisticsEqualTheInMemoryStoresOnTheSameCases(String database) {
        JdbcCaseStore store = DATABASES.get(database).store();
        InMemoryCaseStore reference = new InMemoryCaseStore();
        Instant day = Instant.parse("2026-11-30T23:00:00Z");
        Instant nextDay = day.plusSeconds(86_400);
        LocalDateTime now = LocalDateTime.of(2026, 12, 1, 12, 0, 0);
        List<Case> cases = List.of(
                // created in the window, open, due before now: new, unfinished, over
                stat("a", TENANT, day, null, CaseState.PROCESSING, now.minusSeconds(1)),
                // due exactly now: not over
                stat("b", TENANT, day.plusMillis(1), null, CaseState.PENDING, now),
                // open without a due date
                stat("c", TENANT, day.minusSeconds(1), null, CaseState.PROCESSING, null),
                // cancelled: neither finished nor unfinished
                stat("d", TENANT, day, null, CaseState.CANCELLED, now.minusDays(3)),
                // closed in the window after 1.001 s (1 whole second) and after 0.999 s (0)
                stat("e", TENANT, day.plusMillis(999), day.plusMillis(2_000), CaseState.COMPLETED, now.minusDays(1)),
                stat("f", TENANT, day.plusMillis(1), day.plusMillis(1_000), CaseState.COMPLETED, null),
                // created long before, closed at the window's last millisecond
                stat("g", TENANT, Instant.parse("2025-01-01T00:00:00.500Z"), nextDay.minusMillis(1), CaseState.COMPLETED, null),
                // closed at the window's end: not in it
                stat("h", TENANT, day, nextDay, CaseState.COMPLETED, null),
                // closed 0.5 s before its creation (a case built so): -1 whole second, floored as Duration#getSeconds
                stat("i", TENANT, day.plusMillis(1_500), day.plusMillis(1_000), CaseState.COMPLETED, null),
                // closed long before the window
                stat("j", TENANT, Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2020-02-01T00:00:00Z"),
                        CaseState.COMPLETED, null),
                // at the edges of what the store keeps
                stat("k", TENANT, TimeColumns.EARLIEST, TimeColumns.LATEST, CaseState.COMPLETED, null),
                stat("l", TENANT, TimeColumns.LATEST, null, CaseState.PROCESSING, LocalDateTime.of(9999, 12, 31, 23, 59, 59)),
                stat("m", TENANT, TimeColumns.EARLIEST, null, CaseState.PENDING, LocalDateTime.of(1000, 1, 1, 0, 0, 0)),
                // another tenant's cases count for it only
                stat("x", OTHER_TENANT, day, day.plusSeconds(7), CaseState.COMPLETED, null),
                stat("y", OTHER_TENANT, day, null, CaseState.PROCESSING, now.minusDays(1)));
        for (Case c : cases) {
            store.insert(c, Fixtures.creation(c));
            reference.insert(c, Fixtures.creation(c));
        }

        record Window(Instant from, Instant to, LocalDateTime now) {}
        List<Window> windows = List.of(
                new Window(day, nextDay, now),
                new Window(day.plusMillis(1), nextDay.minusMillis(1), now.minusDays(2)),
                // bounds finer than the stored milliseconds, and a now finer than due dates' seconds
                new Window(day.plusNanos(1), nextDay.minusNanos(1), now.minusSeconds(1).plusNanos(1)),
                new Window(day.minusNanos(1), nextDay.plusNanos(1), now.minusNanos(1)),
                // beyond what the store keeps, on both sides
                new Window(Instant.MIN, Instant.MAX, LocalDateTime.MAX),
                new Window(Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                        LocalDateTime.of(1, 1, 1, 0, 0)),
                new Window(TimeColumns.LATEST, Instant.MAX, LocalDateTime.of(9999, 12, 31, 23, 59, 59, 1)),
                new Window(Instant.MIN, TimeColumns.EARLIEST.plusMillis(1), LocalDateTime.of(1000, 1, 1, 0, 0, 0, 1)),
                // an empty and a reversed window
                new Window(day, day, now),
                new Window(nextDay, day, now));
        for (Window w : windows) {
            for (TenantId tenant : List.of(TENANT, OTHER_TENANT, TenantId.of("nobody"))) {
                CaseStatistics expected = reference.statistics(tenant, w.from(), w.to(), w.now());
                assertThat(store.statistics(tenant, w.from(), w.to(), w.now())).as("%s %s", tenant, w).isEqualTo(expected);
            }
        }
        // The main window's figures, spelled out, so that the reference itself is checked too.
        CaseStatistics figures = store.statistics(TENANT, day, nextDay, now);
        assertThat(figures.newCases()).isEqualTo(7); // a, b, d, e, f, h, i
        assertThat(figures.finishedCases()).isEqualTo(4); // e, f, g, i
        assertThat(figures.unfinishedCases()).isEqualTo(5); // a, b, c, l, m
        assertThat(figures.overCases()).isEqualTo(2); // a, m
        long g = java.time.Duration.between(Instant.parse("2025-01-01T00:00:00.500Z"), nextDay.minusMillis(1)).getSeconds();
        assertThat(figures.finishedDurationSeconds()).isEqualTo(1 + 0 + g - 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void eraseLeavesNoRowOfTheCaseAndTheIdCanBeReused(String database) {
        TestDatabase db = DATABASES.get(database);
        JdbcCaseStore store = db.store();
        Case gone = Fixtures.full(TENANT, "gone");
        Case kept = Fixtures.full(TENANT, "kept");
        Case sameIdElsewhere = Fixtures.full(OTHER_TENANT, "gone");
        for (Case c : List.of(gone, kept, sameIdElsewhere)) {
            store.insert(c, Fixtures.creation(c));
        }
        Fixtures.Change change = Fixtures.change(gone, "title", Optional.of(Value.text("second")), "op");
        store.update(change.updated(), 1, change.entry());

        assertThat(store.erase(TENANT, gone.id())).isTrue();

        assertThat(rowsOf(db, TENANT, "gone")).as("rows of the erased case in any casekit table").isZero();
        assertThat(rowsOf(db, TENANT, "kept")).isEqualTo(2);
        assertThat(rowsOf(db, OTHER_TENANT, "gone")).isEqualTo(2);
        assertThat(store.find(TENANT, gone.id())).isEmpty();
        assertThat(store.history(TENANT, gone.id())).isEmpty();
        assertThat(store.find(OTHER_TENANT, gone.id())).contains(sameIdElsewhere);

        assertThat(store.erase(TENANT, gone.id())).as("erasing it again").isFalse();
        assertThat(store.erase(TENANT, CaseId.of("never"))).as("erasing an absent case").isFalse();

        Case reused = Fixtures.minimal(TENANT, "gone");
        store.insert(reused, Fixtures.creation(reused));
        assertThat(store.find(TENANT, gone.id())).contains(reused);
        assertThat(store.history(TENANT, gone.id())).containsExactly(Fixtures.creation(reused));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aCaseTypesStatusFlowReadsBackAndOneWithoutItIsTheDefault(String database) {
        TestDatabase db = DATABASES.get(database);
        JdbcTemplateCatalog catalog = db.catalog();
        CaseType strict = new CaseType(TENANT, io.casekit.core.CaseTypeId.of("flow1"), "Flow", List.of(),
                StatusFlow.of(true, new FlowStatus("New — 新", CaseState.PROCESSING), new FlowStatus("Waiting", CaseState.PENDING),
                        new FlowStatus("Resolved \"✓\"", CaseState.COMPLETED)));
        CaseType plain = TemplateFixtures.simple(TENANT, io.casekit.core.CaseTypeId.of("plain"), "Plain");
        catalog.save(strict);
        catalog.save(plain);
        assertThat(catalog.find(TENANT, strict.id())).contains(strict);
        assertThat(catalog.find(TENANT, plain.id()).orElseThrow().statusFlow()).isEqualTo(StatusFlow.DEFAULT);
        assertThat(catalog.list(TENANT)).containsExactly(strict, plain);

        // A type as schema version 3 left it: no status flow.
        db.jdbi.useHandle(h -> h.execute("UPDATE " + db.prefix + "case_type SET status_flow = NULL WHERE id = 'flow1'"));
        JdbcTemplateCatalog fresh = db.catalog();
        assertThat(fresh.find(TENANT, strict.id()).orElseThrow().statusFlow()).isEqualTo(StatusFlow.DEFAULT);
    }

    /** The rows of a case in the case table and the history table. */
    static long rowsOf(TestDatabase db, TenantId tenant, String id) {
        Statements sql = new Statements(db.prefix, db.dialect);
        return db.jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + sql.caseTable + " WHERE tenant = ? AND id = ?")
                .bind(0, tenant.value()).bind(1, id).mapTo(Long.class).one()
                + h.createQuery("SELECT COUNT(*) FROM " + sql.historyTable + " WHERE tenant = ? AND case_id = ?")
                .bind(0, tenant.value()).bind(1, id).mapTo(Long.class).one());
    }

    private static Case stat(String id, TenantId tenant, Instant created, Instant closed, CaseState state,
                             LocalDateTime due) {
        return Fixtures.minimal(tenant, id).toBuilder().createdAt(created).updatedAt(created)
                .closedAt(closed).state(state).dueDate(due).build();
    }

    private static HistoryEntry entry(Case c, long version, ChangeKind kind, Optional<String> remark) {
        return new HistoryEntry(c.tenant(), c.id(), version, Fixtures.CREATED.plusSeconds(60 * (version - 1)), "op",
                List.of(new FieldChange("state", Optional.of(Value.text("Processing")), Optional.of(Value.text("Completed")))),
                kind, remark);
    }

    private static List<String> ids(List<Case> cases) {
        return cases.stream().map(c -> c.tenant().value() + "/" + c.id().value()).collect(Collectors.toList());
    }
}

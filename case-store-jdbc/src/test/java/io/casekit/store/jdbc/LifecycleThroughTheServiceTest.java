package io.casekit.store.jdbc;

import static io.casekit.store.jdbc.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.Case;
import io.casekit.core.CaseId;
import io.casekit.core.CaseState;
import io.casekit.core.ChangeKind;
import io.casekit.core.HistoryEntry;
import io.casekit.core.service.CaseService;
import io.casekit.core.spi.CaseStore;
import io.casekit.core.spi.TemplateCatalog;
import io.casekit.core.template.CaseType;
import io.casekit.core.template.FlowStatus;
import io.casekit.core.template.StatusFlow;
import io.casekit.store.memory.InMemoryCaseStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lifecycle's operations through {@link CaseService} on the JDBC store and on the in-memory
 * store, side by side with the same clock: every case, history (kinds and remarks included) and
 * statistics read back equal, on every requested database.
 */
class LifecycleThroughTheServiceTest {
    @RegisterExtension
    static final Databases DATABASES = Databases.requested();

    static List<String> databases() {
        return Databases.names();
    }

    static final CaseType FLOW_TYPE = new CaseType(TENANT, Fixtures.TYPE, "Flow", List.of(),
            StatusFlow.of(false, new FlowStatus("New — 新", CaseState.PROCESSING),
                    new FlowStatus("Waiting", CaseState.PENDING), new FlowStatus("Resolved", CaseState.COMPLETED)));

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void everyOperationKeepsWhatTheInMemoryStoreKeeps(String database) {
        TestDatabase db = DATABASES.get(database);
        JdbcTemplateCatalog catalog = db.catalog();
        catalog.save(FLOW_TYPE);
        JdbcCaseStore jdbc = db.store();
        InMemoryCaseStore memory = new InMemoryCaseStore();
        CaseService onJdbc = service(jdbc, catalog);
        CaseService onMemory = service(memory, catalog);

        List<Function<CaseService, Object>> steps = List.of(
                s -> Fixtures.createThroughService(s, "life1"),
                s -> Fixtures.createThroughService(s, "life2"),
                s -> Fixtures.createThroughService(s, "life3"),
                s -> s.changeStatus(TENANT, CaseId.of("life1"), "op", "Waiting"),
                s -> s.changeStatus(TENANT, CaseId.of("life1"), "op", "Resolved"),
                s -> s.close(TENANT, CaseId.of("life1"), "op", "closing — 关闭 " + "😀".repeat(490), "fixed"),
                s -> s.reopen(TENANT, CaseId.of("life1"), "op", "again"),
                s -> s.cancel(TENANT, CaseId.of("life2"), "op", "not needed"),
                s -> s.resume(TENANT, CaseId.of("life2"), "op", null),
                s -> s.cancel(TENANT, CaseId.of("life2"), "op", "not needed after all"),
                s -> s.transfer(TENANT, CaseId.of("life3"), "op", "owner2", "to you"),
                s -> s.changeStatus(TENANT, CaseId.of("life3"), "op", "Resolved"),
                // With a closed reason: without one, closing from a last status that means Completed
                // changes no field, and the core treats it as a no-op (reported, case-core).
                s -> s.close(TENANT, CaseId.of("life3"), "op", "done", "resolved by phone"));
        for (Function<CaseService, Object> step : steps) {
            assertThat(step.apply(onJdbc)).isEqualTo(step.apply(onMemory));
        }

        for (String id : List.of("life1", "life2", "life3")) {
            Case stored = jdbc.find(TENANT, CaseId.of(id)).orElseThrow();
            assertThat(stored).isEqualTo(memory.find(TENANT, CaseId.of(id)).orElseThrow());
            assertThat(jdbc.history(TENANT, CaseId.of(id))).isEqualTo(memory.history(TENANT, CaseId.of(id)));
        }
        Case life1 = jdbc.find(TENANT, CaseId.of("life1")).orElseThrow();
        assertThat(life1.reopened()).isTrue();
        assertThat(life1.closedAt()).isEmpty();
        assertThat(jdbc.history(TENANT, CaseId.of("life1"))).extracting(HistoryEntry::kind).containsExactly(
                ChangeKind.CREATE, ChangeKind.STATUS, ChangeKind.STATUS, ChangeKind.CLOSE, ChangeKind.REOPEN);
        assertThat(jdbc.find(TENANT, CaseId.of("life2")).orElseThrow().state()).isEqualTo(CaseState.CANCELLED);
        Case life3 = jdbc.find(TENANT, CaseId.of("life3")).orElseThrow();
        assertThat(life3.closedAt()).isPresent();
        assertThat(life3.state()).isEqualTo(CaseState.COMPLETED);
        assertThat(jdbc.history(TENANT, CaseId.of("life3"))).extracting(HistoryEntry::kind, HistoryEntry::remark)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ChangeKind.CREATE, Optional.empty()),
                        org.assertj.core.groups.Tuple.tuple(ChangeKind.TRANSFER, Optional.of("to you")),
                        org.assertj.core.groups.Tuple.tuple(ChangeKind.STATUS, Optional.empty()),
                        org.assertj.core.groups.Tuple.tuple(ChangeKind.CLOSE, Optional.of("done")));

        assertThat(onJdbc.statistics(TENANT)).isEqualTo(onMemory.statistics(TENANT));
        assertThat(onJdbc.statistics(TENANT).finishedCases()).isEqualTo(1);
        assertThat(onJdbc.statistics(TENANT).unfinishedCases()).isEqualTo(1);

        assertThat(onJdbc.erase(TENANT, CaseId.of("life2"), "op")).isTrue();
        assertThat(LifecycleColumnsTest.rowsOf(db, TENANT, "life2")).isZero();
        assertThat(onJdbc.erase(TENANT, CaseId.of("life2"), "op")).isFalse();
    }

    /** A service whose clock moves a second per reading, the same for both stores. */
    private static CaseService service(CaseStore store, TemplateCatalog catalog) {
        Clock clock = new Clock() {
            private Instant now = Instant.parse("2026-12-01T08:00:00.123Z");

            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public synchronized Instant instant() {
                now = now.plusSeconds(1);
                return now;
            }
        };
        return CaseService.builder(store, catalog).clock(clock).zone(ZoneOffset.UTC).build();
    }
}

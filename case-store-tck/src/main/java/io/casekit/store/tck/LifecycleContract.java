package io.casekit.store.tck;

import static io.casekit.store.tck.Fixture.OTHER_TENANT;
import static io.casekit.store.tck.Fixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casekit.core.Case;
import io.casekit.core.CaseDraft;
import io.casekit.core.CaseId;
import io.casekit.core.CaseModification;
import io.casekit.core.CaseReadOnlyException;
import io.casekit.core.CaseState;
import io.casekit.core.CaseValidationException;
import io.casekit.core.ChangeKind;
import io.casekit.core.FieldChange;
import io.casekit.core.HistoryEntry;
import io.casekit.core.TenantId;
import io.casekit.core.Value;
import io.casekit.core.ViolationCode;
import io.casekit.core.query.CaseQuery;
import io.casekit.core.query.CaseStatistics;
import io.casekit.core.service.CaseService;
import io.casekit.core.service.ModificationResult;
import io.casekit.core.spi.CaseQueries;
import io.casekit.core.template.CaseType;
import io.casekit.core.template.FlowStatus;
import io.casekit.core.template.StatusFlow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle through the service on the store under test: a type's status flow (strict and
 * free), close from the last status only, read-only closed and cancelled cases, reopen and resume,
 * transfer, no-ops, the history of each operation (kind, remark, changes) replaying to the stored
 * case, erase leaving nothing behind, and the store's statistics against a count made here.
 */
abstract class LifecycleContract extends ContractSection {
    static final StatusFlow STRICT = StatusFlow.of(true,
            new FlowStatus("New", CaseState.PROCESSING),
            new FlowStatus("Working", CaseState.PROCESSING),
            new FlowStatus("Waiting for customer", CaseState.PENDING),
            new FlowStatus("Resolved", CaseState.COMPLETED));
    static final String ACTOR = "agent-7";
    /** A remark of 2,000 bytes, the most allowed, with non-ASCII text and a line break. */
    static final String LONG_REMARK = Texts.ofUtf8Bytes(2_000, "Kunde erreicht – ✓ 🔥\n");

    private CaseService service(StatusFlow flow) {
        catalog().save(new CaseType(TENANT, Cases.TYPE, "Incident", List.of(), flow));
        return fixture().service();
    }

    private static Case create(CaseService service, TenantId tenant, String id) {
        return service.create(tenant, CaseDraft.builder(Cases.TYPE, "agent-1").id(id).title("Printer on fire")
                .description("It smokes").contactId("contact-1").build());
    }

    private void assertStoredAndReplayed(ModificationResult result) {
        Case c = result.current();
        assertThat(store().find(c.tenant(), c.id())).as("the stored case").contains(c);
        HistoryReplay.assertAgrees(c, store().history(c.tenant(), c.id()));
    }

    private HistoryEntry lastEntry(Case c) {
        List<HistoryEntry> history = store().history(c.tenant(), c.id());
        return history.get(history.size() - 1);
    }

    @Test
    @DisplayName("a new case takes the first status of its type's flow, and the strict flow moves one status at a time")
    void strictFlow() {
        CaseService service = service(STRICT);
        Case c = create(service, TENANT, "case-1");
        assertThat(c.status()).isEqualTo("New");
        assertThat(c.state()).isEqualTo(CaseState.PROCESSING);
        assertThat(store().find(TENANT, c.id())).contains(c);

        assertThatThrownBy(() -> service.changeStatus(TENANT, c.id(), ACTOR, "Waiting for customer"))
                .isInstanceOfSatisfying(CaseValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.path() + " " + v.code()).containsExactly("/status " + ViolationCode.INVALID_TRANSITION));
        assertThatThrownBy(() -> service.changeStatus(TENANT, c.id(), ACTOR, "Closed"))
                .isInstanceOf(CaseValidationException.class);
        assertThat(store().find(TENANT, c.id())).as("nothing changed by refusals").contains(c);

        ModificationResult working = service.changeStatus(TENANT, c.id(), ACTOR, "Working", LONG_REMARK);
        assertThat(working.current().status()).isEqualTo("Working");
        assertThat(working.current().version()).isEqualTo(2);
        HistoryEntry entry = lastEntry(working.current());
        assertThat(entry.kind()).isEqualTo(ChangeKind.STATUS);
        assertThat(entry.remark()).contains(LONG_REMARK);
        assertThat(entry.actor()).isEqualTo(ACTOR);
        assertThat(entry.changes()).containsExactly(
                new FieldChange("status", Optional.of(Value.text("New")), Optional.of(Value.text("Working"))));
        assertStoredAndReplayed(working);

        ModificationResult again = service.changeStatus(TENANT, c.id(), ACTOR, "Working");
        assertThat(again.noOp()).isTrue();
        assertThat(store().history(TENANT, c.id())).as("a no-op writes no entry").hasSize(2);

        ModificationResult waiting = service.changeStatus(TENANT, c.id(), ACTOR, "Waiting for customer");
        assertThat(waiting.current().state()).isEqualTo(CaseState.PENDING);
        assertThat(waiting.changes()).extracting(FieldChange::field).containsExactly("status", "state");
        assertStoredAndReplayed(waiting);
    }

    @Test
    @DisplayName("without strict order any status of the flow may follow, backwards too")
    void freeFlow() {
        CaseService service = service(new StatusFlow(STRICT.statuses(), false));
        Case c = create(service, TENANT, "case-1");

        ModificationResult resolved = service.changeStatus(TENANT, c.id(), ACTOR, "Resolved");
        ModificationResult back = service.changeStatus(TENANT, c.id(), ACTOR, "New");

        assertThat(resolved.current().state()).isEqualTo(CaseState.COMPLETED);
        assertThat(resolved.current().closedAt()).as("a status meaning Completed does not close").isEmpty();
        assertThat(back.current().status()).isEqualTo("New");
        assertThat(back.current().state()).isEqualTo(CaseState.PROCESSING);
        assertStoredAndReplayed(back);
    }

    @Test
    @DisplayName("close only from the last status; a closed case is read-only until reopened")
    void closeAndReopen() {
        CaseService service = service(new StatusFlow(STRICT.statuses(), false));
        Case c = create(service, TENANT, "case-1");
        assertThatThrownBy(() -> service.close(TENANT, c.id(), ACTOR, "done", null))
                .isInstanceOfSatisfying(CaseValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.path() + " " + v.code()).containsExactly("/caseId " + ViolationCode.INVALID_TRANSITION));
        service.changeStatus(TENANT, c.id(), ACTOR, "Resolved");

        ModificationResult closed = service.close(TENANT, c.id(), ACTOR, LONG_REMARK, "Fixed – 修好了");

        Case after = closed.current();
        assertThat(after.state()).isEqualTo(CaseState.COMPLETED);
        assertThat(after.closedReason()).contains("Fixed – 修好了");
        HistoryEntry entry = lastEntry(after);
        assertThat(entry.kind()).isEqualTo(ChangeKind.CLOSE);
        assertThat(after.closedAt()).as("the closing time is the entry's").contains(entry.at());
        assertThat(entry.remark()).contains(LONG_REMARK);
        assertStoredAndReplayed(closed);
        assertThat(service.close(TENANT, c.id(), ACTOR, "again", null).noOp()).isTrue();
        if (store() instanceof CaseQueries queries) {
            assertThat(queries.count(TENANT, CaseQuery.builder().closed(true).build())).isOne();
            assertThat(queries.count(TENANT, CaseQuery.builder().closed(false).build())).isZero();
        }

        CaseModification retitle = CaseModification.builder(c.id(), ACTOR).title("Renamed").build();
        assertThatThrownBy(() -> service.modify(TENANT, retitle)).isInstanceOfSatisfying(CaseReadOnlyException.class,
                e -> assertThat(e.state()).isEqualTo(CaseState.COMPLETED));
        assertThatThrownBy(() -> service.changeStatus(TENANT, c.id(), ACTOR, "New")).isInstanceOf(CaseReadOnlyException.class);
        assertThatThrownBy(() -> service.transfer(TENANT, c.id(), ACTOR, "owner-2", "take it")).isInstanceOf(CaseReadOnlyException.class);
        assertThatThrownBy(() -> service.cancel(TENANT, c.id(), ACTOR, "no")).isInstanceOf(CaseReadOnlyException.class);
        assertThatThrownBy(() -> service.resume(TENANT, c.id(), ACTOR, null)).isInstanceOf(CaseValidationException.class);
        assertThat(store().find(TENANT, c.id())).as("refusals change nothing").contains(after);
        assertThat(service.get(TENANT, c.id())).as("reads work").isEqualTo(after);

        ModificationResult reopened = service.reopen(TENANT, c.id(), ACTOR, "customer called back");

        assertThat(reopened.current().closedAt()).isEmpty();
        assertThat(reopened.current().closedReason()).isEmpty();
        assertThat(reopened.current().reopened()).isTrue();
        assertThat(reopened.current().state()).isEqualTo(CaseState.COMPLETED);
        assertThat(lastEntry(reopened.current()).kind()).isEqualTo(ChangeKind.REOPEN);
        assertStoredAndReplayed(reopened);
        assertThat(service.reopen(TENANT, c.id(), ACTOR, "again").noOp()).isTrue();
        if (store() instanceof CaseQueries queries) {
            assertThat(queries.count(TENANT, CaseQuery.builder().closed(true).build())).isZero();
            assertThat(queries.page(TENANT, CaseQuery.builder().closed(false).stateIn(CaseState.COMPLETED).build())
                    .cases()).extracting(Case::id).containsExactly(c.id());
        }
        assertThat(service.modify(TENANT, retitle).current().title()).isEqualTo("Renamed");
    }

    @Test
    @DisplayName("closing from a last status that already means Completed, without a reason, still closes")
    void closeWithoutAReason() {
        CaseService service = service(STRICT);
        Case c = create(service, TENANT, "case-1");
        for (String status : List.of("Working", "Waiting for customer", "Resolved")) {
            service.changeStatus(TENANT, c.id(), ACTOR, status);
        }

        ModificationResult closed = service.close(TENANT, c.id(), ACTOR, "done", null);

        assertThat(closed.noOp()).isFalse();
        assertThat(closed.current().closedAt()).contains(lastEntry(closed.current()).at());
        assertThat(closed.current().closedReason()).isEmpty();
        assertStoredAndReplayed(closed);
    }

    @Test
    @DisplayName("a cancelled case is read-only until resumed, back to the state of the status it had")
    void cancelAndResume() {
        CaseService service = service(STRICT);
        Case c = create(service, TENANT, "case-1");
        service.changeStatus(TENANT, c.id(), ACTOR, "Working");
        service.changeStatus(TENANT, c.id(), ACTOR, "Waiting for customer");

        ModificationResult cancelled = service.cancel(TENANT, c.id(), ACTOR, "duplicate of case-0");

        assertThat(cancelled.current().state()).isEqualTo(CaseState.CANCELLED);
        assertThat(cancelled.current().status()).isEqualTo("Waiting for customer");
        assertStoredAndReplayed(cancelled);
        assertThat(service.cancel(TENANT, c.id(), ACTOR, "again").noOp()).isTrue();
        assertThatThrownBy(() -> service.modify(TENANT, CaseModification.builder(c.id(), ACTOR).title("x").build()))
                .isInstanceOfSatisfying(CaseReadOnlyException.class, e -> assertThat(e.state()).isEqualTo(CaseState.CANCELLED));
        assertThatThrownBy(() -> service.close(TENANT, c.id(), ACTOR, "done", null)).isInstanceOf(CaseReadOnlyException.class);
        assertThatThrownBy(() -> service.reopen(TENANT, c.id(), ACTOR, "no")).isInstanceOf(CaseValidationException.class);

        ModificationResult resumed = service.resume(TENANT, c.id(), ACTOR, null);

        assertThat(resumed.current().state()).isEqualTo(CaseState.PENDING);
        assertThat(resumed.current().status()).isEqualTo("Waiting for customer");
        assertThat(lastEntry(resumed.current()).remark()).isEmpty();
        assertStoredAndReplayed(resumed);
        assertThat(service.resume(TENANT, c.id(), ACTOR, null).noOp()).isTrue();
    }

    @Test
    @DisplayName("transfer sets the owner with its remark; to the current owner it changes nothing")
    void transfer() {
        CaseService service = service(STRICT);
        Case c = create(service, TENANT, "case-1");

        ModificationResult moved = service.transfer(TENANT, c.id(), ACTOR, "owner-2", "night shift");

        assertThat(moved.current().ownerId()).contains("owner-2");
        HistoryEntry entry = lastEntry(moved.current());
        assertThat(entry.kind()).isEqualTo(ChangeKind.TRANSFER);
        assertThat(entry.remark()).contains("night shift");
        assertStoredAndReplayed(moved);
        assertThat(service.transfer(TENANT, c.id(), ACTOR, "owner-2", "again").noOp()).isTrue();
    }

    @Test
    @DisplayName("erase leaves the case exactly as absent as one that never existed, in its tenant only")
    void erase() {
        CaseService service = service(STRICT);
        catalog().save(new CaseType(OTHER_TENANT, Cases.TYPE, "Incident", List.of(), STRICT));
        Case c = create(service, TENANT, "case-1");
        service.changeStatus(TENANT, c.id(), ACTOR, "Working");
        Case twin = create(service, OTHER_TENANT, "case-1");

        assertThat(service.erase(TENANT, c.id(), ACTOR)).isTrue();

        assertThat(store().find(TENANT, c.id())).isEmpty();
        assertThat(store().history(TENANT, c.id())).isEmpty();
        assertThat(store().historyPage(TENANT, c.id(), 0, 10)).isEmpty();
        if (store() instanceof CaseQueries queries) {
            CaseQuery byId = CaseQuery.builder().idIn(c.id()).build();
            assertThat(queries.count(TENANT, byId)).isZero();
            assertThat(queries.page(TENANT, byId).cases()).isEmpty();
        }
        assertThat(store().find(OTHER_TENANT, twin.id())).as("the other tenant's case of the same id").contains(twin);
        assertThat(store().history(OTHER_TENANT, twin.id())).hasSize(1);
        assertThat(service.erase(TENANT, c.id(), ACTOR)).as("erasing twice is not an error").isFalse();
        assertThat(store().erase(TENANT, CaseId.of("never-was"))).isFalse();

        Case again = create(service, TENANT, "case-1");
        assertThat(again.version()).as("the id is free again").isEqualTo(1);
        assertThat(store().history(TENANT, again.id())).hasSize(1);
    }

    @Test
    @DisplayName("every lifecycle field and every kind of entry is read back exactly as written")
    void lifecycleFieldsRoundTrip() {
        Instant closedAt = Instant.parse("2024-06-21T09:30:00.456Z");
        Case closed = Cases.minimal(TENANT, "case-1").toBuilder().status("Résolu – 解决 🔥").state(CaseState.COMPLETED)
                .closedAt(closedAt).closedReason(Texts.ofUtf8Bytes(255, "raison ✓")).reopened(true).build();
        Case cancelled = Cases.minimal(TENANT, "case-2").toBuilder().status("Waiting").state(CaseState.CANCELLED).build();
        Cases.insert(store(), closed);
        Cases.insert(store(), cancelled);
        Case pending = Cases.minimal(TENANT, "case-3").toBuilder().status("W").state(CaseState.PENDING).build();
        Cases.insert(store(), pending);

        assertThat(store().find(TENANT, closed.id())).contains(closed);
        assertThat(store().find(TENANT, cancelled.id())).contains(cancelled);
        assertThat(store().find(TENANT, pending.id())).contains(pending);

        Case c = pending;
        List<HistoryEntry> written = new ArrayList<>(store().history(TENANT, c.id()));
        Instant at = c.updatedAt();
        for (ChangeKind kind : List.of(ChangeKind.STATUS, ChangeKind.CLOSE, ChangeKind.REOPEN, ChangeKind.CANCEL,
                ChangeKind.RESUME, ChangeKind.TRANSFER, ChangeKind.MODIFY)) {
            at = at.plusSeconds(1);
            Case next = c.toBuilder().status("S" + kind.ordinal()).version(c.version() + 1).updatedAt(at).build();
            HistoryEntry entry = new HistoryEntry(TENANT, c.id(), next.version(), at, ACTOR,
                    List.of(new FieldChange("status", Optional.of(Value.text(c.status())), Optional.of(Value.text(next.status())))),
                    kind, kind == ChangeKind.MODIFY ? Optional.empty() : Optional.of(LONG_REMARK + kind.wireName()));
            store().update(next, c.version(), entry);
            written.add(entry);
            c = next;
        }

        assertThat(store().history(TENANT, c.id())).containsExactlyElementsOf(written);
        assertThat(store().find(TENANT, c.id())).contains(c);
    }

    @Test
    @DisplayName("the store's statistics equal a count of the cases made here, in the tenant and window asked")
    void statistics() {
        if (!(store() instanceof CaseQueries queries)) {
            return; // statistics belong to the query SPI; a store without it is not asked
        }
        Instant from = Instant.parse("2024-06-20T00:00:00Z");
        Instant to = from.plus(Duration.ofDays(1));
        LocalDateTime now = LocalDateTime.of(2024, 6, 20, 12, 0, 0);
        Random random = new Random(20240620);
        List<Case> mine = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            TenantId tenant = i % 4 == 3 ? OTHER_TENANT : TENANT;
            Instant created = from.plusSeconds(random.nextInt(3 * 86_400) - 86_400).plusMillis(random.nextInt(1000));
            Case.Builder b = Cases.minimal(tenant, "case-" + i).toBuilder().createdAt(created).updatedAt(created);
            switch (random.nextInt(4)) {
                case 0 -> b.state(CaseState.COMPLETED).closedAt(created.plusSeconds(random.nextInt(200_000)).plusMillis(random.nextInt(1000)));
                case 1 -> b.state(CaseState.CANCELLED);
                case 2 -> b.state(CaseState.PENDING);
                default -> b.state(CaseState.PROCESSING);
            }
            if (random.nextBoolean()) {
                b.dueDate(now.plusMinutes(random.nextInt(2_000) - 1_000));
            }
            Case c = b.build();
            Cases.insert(store(), c);
            if (tenant.equals(TENANT)) {
                mine.add(c);
            }
        }

        CaseStatistics counted = queries.statistics(TENANT, from, to, now);

        long created = mine.stream().filter(c -> !c.createdAt().isBefore(from) && c.createdAt().isBefore(to)).count();
        List<Case> finished = mine.stream().filter(c -> c.closedAt().isPresent()
                && !c.closedAt().get().isBefore(from) && c.closedAt().get().isBefore(to)).toList();
        List<Case> open = mine.stream().filter(c -> c.closedAt().isEmpty() && c.state() != CaseState.CANCELLED).toList();
        long over = open.stream().filter(c -> c.dueDate().isPresent() && c.dueDate().get().isBefore(now)).count();
        long seconds = finished.stream().mapToLong(c -> Duration.between(c.createdAt(), c.closedAt().get()).getSeconds()).sum();
        assertThat(counted).isEqualTo(new CaseStatistics(created, finished.size(), open.size(), over, seconds));
        assertThat(created * finished.size() * open.size() * over).as("the data covers every figure").isPositive();
    }
}

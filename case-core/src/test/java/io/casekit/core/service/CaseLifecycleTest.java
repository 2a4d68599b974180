package io.casekit.core.service;

import static io.casekit.core.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casekit.core.Case;
import io.casekit.core.CaseConflictException;
import io.casekit.core.CaseDraft;
import io.casekit.core.CaseId;
import io.casekit.core.CaseNotFoundException;
import io.casekit.core.CaseRefusedException;
import io.casekit.core.CaseState;
import io.casekit.core.CaseTypeId;
import io.casekit.core.CaseValidationException;
import io.casekit.core.ChangeKind;
import io.casekit.core.HistoryEntry;
import io.casekit.core.MapCaseStore;
import io.casekit.core.TenantId;
import io.casekit.core.Value;
import io.casekit.core.Violation;
import io.casekit.core.ViolationCode;
import io.casekit.core.query.CaseStatistics;
import io.casekit.core.service.AuthorizationRequest.Operation;
import io.casekit.core.spi.CaseQueries;
import io.casekit.core.template.CaseType;
import io.casekit.core.template.FlowStatus;
import io.casekit.core.template.StatusFlow;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The service's side of the lifecycle that the storage kit does not see: the texts' rules, the
 * policy asked with the right operation and changes, the listener told of effective changes only,
 * re-applies after a lost race, erase's policy and idempotence, and the statistics window. The
 * flow's rules on a real store are the kit's lifecycle section (case-store-tck).
 */
class CaseLifecycleTest {
    private static final CaseTypeId TYPE = CaseTypeId.of("ct000000000000000009");
    private static final StatusFlow FLOW = StatusFlow.of(true, new FlowStatus("New", CaseState.PROCESSING),
            new FlowStatus("Done", CaseState.COMPLETED));
    private static final String ACTOR = "agent1";

    private final MapCaseStore store = new MapCaseStore();
    private final List<AuthorizationRequest> asked = new ArrayList<>();
    private final List<HistoryEntry> heard = new ArrayList<>();

    private CaseService service(AuthorizationPolicy policy) {
        store.save(new CaseType(TENANT, TYPE, "Task", List.of(), FLOW));
        return CaseService.builder(store, store).clock(io.casekit.core.Fixtures.CLOCK).policy(request -> {
            asked.add(request);
            return policy.decide(request);
        }).listener((after, entry) -> heard.add(entry)).build();
    }

    private static Case create(CaseService service) {
        return service.create(TENANT, CaseDraft.builder(TYPE, "creator1").id("case1").title("t").description("d")
                .contactId("c1").build());
    }

    @Test
    void everyTextIsCheckedAndEveryViolationReportedBeforeTheStoreIsRead() {
        CaseService service = service(AuthorizationPolicy.allowAll());
        CaseId missing = CaseId.of("nosuchcase");

        assertThatThrownBy(() -> service.close(TENANT, missing, " ", "x".repeat(2_001), "r\u0001"))
                .isInstanceOfSatisfying(CaseValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.path() + " " + v.code().code())
                        .containsExactly("/creatorId blank", "/creatorId invalid_characters", "/remark too_long",
                                "/closedReason invalid_characters"));
        assertThatThrownBy(() -> service.transfer(TENANT, missing, ACTOR, null, null))
                .isInstanceOfSatisfying(CaseValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path).containsExactly("/remark", "/ownerId"));
        assertThatThrownBy(() -> service.changeStatus(TENANT, missing, ACTOR, "Ω".repeat(33)))
                .isInstanceOfSatisfying(CaseValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.path() + " " + v.code().code()).containsExactly("/status too_long"));
        assertThatThrownBy(() -> service.cancel(TENANT, missing, ACTOR, "valid")).isInstanceOf(CaseNotFoundException.class);
        assertThat(asked).as("the policy is not asked about an invalid request").isEmpty();
    }

    @Test
    void thePolicyIsAskedWithTheOperationAndWhatItChangesAndARefusalStoresNothing() {
        CaseService service = service(request -> request.operation() == Operation.TRANSFER
                ? AuthorizationPolicy.Decision.refuse("only the owner transfers")
                : AuthorizationPolicy.Decision.allow());
        Case c = create(service);
        asked.clear();
        heard.clear();

        service.changeStatus(TENANT, c.id(), ACTOR, "Done", "finished");
        assertThatThrownBy(() -> service.transfer(TENANT, c.id(), ACTOR, "owner2", "take over"))
                .isInstanceOfSatisfying(CaseRefusedException.class, e -> assertThat(e.reason()).isEqualTo("only the owner transfers"));

        assertThat(asked).extracting(AuthorizationRequest::operation).containsExactly(Operation.CHANGE_STATUS, Operation.TRANSFER);
        assertThat(asked.get(0).actor()).contains(ACTOR);
        assertThat(asked.get(0).changes()).extracting(change -> change.field() + "=" + change.newValue().orElseThrow())
                .containsExactly("status=" + Value.text("Done"), "state=" + Value.text("Completed"));
        assertThat(asked.get(1).changes()).extracting(change -> change.field()).containsExactly("ownerId");
        assertThat(store.find(TENANT, c.id()).orElseThrow().ownerId()).isEmpty();
        assertThat(heard).as("the listener hears of the stored change only").extracting(HistoryEntry::kind)
                .containsExactly(ChangeKind.STATUS);
        assertThat(heard.get(0).remark()).contains("finished");
    }

    @Test
    void aNoOpIsAuthorizedButStoresNothingAndTellsNoListener() {
        CaseService service = service(AuthorizationPolicy.allowAll());
        Case c = create(service);
        asked.clear();
        heard.clear();
        int writes = store.writes();

        ModificationResult same = service.changeStatus(TENANT, c.id(), ACTOR, "New");

        assertThat(same.noOp()).isTrue();
        assertThat(same.current()).isEqualTo(c);
        assertThat(asked).extracting(AuthorizationRequest::operation).containsExactly(Operation.CHANGE_STATUS);
        assertThat(asked.get(0).changes()).isEmpty();
        assertThat(heard).isEmpty();
        assertThat(store.writes()).isEqualTo(writes);
    }

    @Test
    void aLostRaceIsReappliedToTheCaseAsItIsNow() {
        AtomicInteger races = new AtomicInteger(1);
        MapCaseStore racing = new MapCaseStore();
        DelegatingStore interfering = new DelegatingStore(racing) {
            @Override
            public void update(Case updated, long expectedVersion, HistoryEntry entry) {
                if (races.getAndDecrement() > 0) {
                    // Another writer transfers the case first.
                    Case now = racing.find(TENANT, updated.id()).orElseThrow();
                    racing.update(now.toBuilder().ownerId("rival").version(now.version() + 1).build(), now.version(),
                            new HistoryEntry(TENANT, now.id(), now.version() + 1, now.updatedAt(), "rival",
                                    List.of(new io.casekit.core.FieldChange("ownerId", Optional.empty(),
                                            Optional.of(Value.text("rival")))), ChangeKind.TRANSFER, Optional.of("mine")));
                }
                super.update(updated, expectedVersion, entry);
            }
        };
        racing.save(new CaseType(TENANT, TYPE, "Task", List.of(), FLOW));
        CaseService service = CaseService.builder(interfering, racing).clock(io.casekit.core.Fixtures.CLOCK)
                .options(CaseServiceOptions.defaults().withReapplyBackoff(ReapplyBackoff.none())).build();
        Case c = create(service);

        ModificationResult done = service.changeStatus(TENANT, c.id(), ACTOR, "Done");

        assertThat(done.current().version()).isEqualTo(3);
        assertThat(done.current().ownerId()).as("the rival's change stays").contains("rival");
        assertThat(done.current().status()).isEqualTo("Done");
        assertThat(racing.history(TENANT, c.id())).extracting(HistoryEntry::kind)
                .containsExactly(ChangeKind.CREATE, ChangeKind.TRANSFER, ChangeKind.STATUS);
    }

    @Test
    void theReapplyBoundEndsAStormOfLostRaces() {
        MapCaseStore racing = new MapCaseStore();
        DelegatingStore alwaysLosing = new DelegatingStore(racing) {
            @Override
            public void update(Case updated, long expectedVersion, HistoryEntry entry) {
                throw new CaseConflictException(updated.id(), expectedVersion, expectedVersion + 1);
            }
        };
        racing.save(new CaseType(TENANT, TYPE, "Task", List.of(), FLOW));
        CaseService service = CaseService.builder(alwaysLosing, racing).clock(io.casekit.core.Fixtures.CLOCK)
                .options(CaseServiceOptions.defaults().withReapplyBackoff(ReapplyBackoff.none())).build();
        Case c = create(service);

        assertThatThrownBy(() -> service.cancel(TENANT, c.id(), ACTOR, "stop"))
                .isInstanceOfSatisfying(CaseConflictException.class, e -> assertThat(e.reapplies())
                        .hasValue(CaseServiceOptions.defaults().maxReapplies()));
        assertThat(racing.find(TENANT, c.id())).contains(c);
    }

    @Test
    void closingFromAStatusThatMeansCompletedWithoutAReasonStillCloses() {
        CaseService service = service(AuthorizationPolicy.allowAll());
        Case c = create(service);
        service.changeStatus(TENANT, c.id(), ACTOR, "Done");

        ModificationResult closed = service.close(TENANT, c.id(), ACTOR, "all done", null);

        assertThat(closed.noOp()).isFalse();
        assertThat(closed.current().closedAt()).contains(closed.current().updatedAt());
        assertThat(closed.changes()).extracting(change -> change.field() + " " + change.oldValue() + " " + change.newValue())
                .containsExactly("closed Optional.empty Optional[" + Value.bool(true) + "]");
        ModificationResult reopened = service.reopen(TENANT, c.id(), ACTOR, "again");
        assertThat(reopened.changes()).extracting(change -> change.field()).containsExactly("closed", "reopened");
        assertThat(reopened.current().closedAt()).isEmpty();
    }

    @Test
    void eraseAsksThePolicyWithTheCaseAndIsIdempotent() {
        CaseService service = service(AuthorizationPolicy.allowAll());
        Case c = create(service);
        asked.clear();

        assertThat(service.erase(TENANT, c.id(), ACTOR)).isTrue();
        assertThat(service.erase(TENANT, c.id(), ACTOR)).isFalse();

        assertThat(asked).extracting(AuthorizationRequest::operation).containsExactly(Operation.ERASE);
        assertThat(asked.get(0).target()).isEqualTo(c);
        assertThat(store.find(TENANT, c.id())).isEmpty();
        assertThat(store.history(TENANT, c.id())).isEmpty();
        assertThatThrownBy(() -> service.erase(TENANT, c.id(), "")).isInstanceOf(CaseValidationException.class);

        store.erase(TENANT, c.id());
        CaseService refusing = service(request -> request.operation() == Operation.ERASE
                ? AuthorizationPolicy.Decision.refuse("keep it") : AuthorizationPolicy.Decision.allow());
        Case kept = create(refusing);
        assertThatThrownBy(() -> refusing.erase(TENANT, kept.id(), ACTOR)).isInstanceOf(CaseRefusedException.class);
        assertThat(store.find(TENANT, kept.id())).contains(kept);
    }

    /** A store whose statistics record the window they were asked for. */
    private static final class StatisticsStore extends DelegatingStore implements CaseQueries {
        final List<Object> window = new ArrayList<>();

        StatisticsStore() {
            super(new MapCaseStore());
        }

        @Override
        public io.casekit.core.query.CasePage page(TenantId tenant, io.casekit.core.query.CaseQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long count(TenantId tenant, io.casekit.core.query.CaseQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CaseStatistics statistics(TenantId tenant, Instant from, Instant to, LocalDateTime now) {
            window.addAll(List.of(tenant, from, to, now));
            return new CaseStatistics(3, 2, 5, 1, 3 * 86_400 + 43_200);
        }
    }

    @Test
    void statisticsAreForTodayInTheServicesZoneAndTheAverageIsInDays() {
        StatisticsStore statisticsStore = new StatisticsStore();
        // 2026-03-29 00:30 UTC is 01:30 in Paris, the day daylight saving time starts (23 hours long).
        Clock clock = Clock.fixed(Instant.parse("2026-03-29T00:30:00.600Z"), ZoneId.of("UTC"));
        CaseService service = CaseService.builder(statisticsStore, new MapCaseStore()).clock(clock)
                .zone(ZoneId.of("Europe/Paris")).build();

        CaseStatistics figures = service.statistics(TENANT);

        assertThat(statisticsStore.window).containsExactly(TENANT, Instant.parse("2026-03-28T23:00:00Z"),
                Instant.parse("2026-03-29T22:00:00Z"), LocalDateTime.of(2026, 3, 29, 1, 30, 0));
        assertThat(figures.averageDurationDays()).isEqualByComparingTo("1.75");
        assertThat(figures.averageDurationDays().scale()).isEqualTo(2);
        assertThat(new CaseStatistics(0, 0, 0, 0, 0).averageDurationDays()).hasToString("0.00");
    }

    @Test
    void statisticsAreRefusedToAPolicyThatRestrictsTheCallerAndWithoutTheQuerySpi() {
        StatisticsStore statisticsStore = new StatisticsStore();
        CaseService restricted = CaseService.builder(statisticsStore, new MapCaseStore())
                .policy(request -> AuthorizationPolicy.Decision.allowWhere(
                        new io.casekit.core.query.CaseFilter.PartyIn(io.casekit.core.query.CaseFilter.Party.OWNER_ID,
                                java.util.Set.of("me")))).build();

        assertThatThrownBy(() -> restricted.statistics(TENANT, ACTOR)).isInstanceOf(CaseRefusedException.class);
        assertThat(statisticsStore.window).isEmpty();
        assertThatThrownBy(() -> CaseService.builder(new MapCaseStore(), new MapCaseStore()).build().statistics(TENANT))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aFlowIsCheckedAtLoadNamingTheTypeAndTheStatus() {
        assertThatThrownBy(() -> new CaseType(TENANT, TYPE, "Task", List.of(), StatusFlow.of(false)))
                .isInstanceOfSatisfying(CaseValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.path() + " " + v.code().code()).containsExactly("/statusFlow/statuses required"));
        assertThatThrownBy(() -> new CaseType(TENANT, TYPE, "Task", List.of(), StatusFlow.of(false,
                new FlowStatus("New", CaseState.PROCESSING), new FlowStatus("New", CaseState.PENDING),
                new FlowStatus(" ", CaseState.PENDING), new FlowStatus("x".repeat(65), CaseState.PENDING),
                new FlowStatus("Gone", CaseState.CANCELLED))))
                .isInstanceOfSatisfying(CaseValidationException.class, e -> {
                    assertThat(e.violations()).extracting(v -> v.path() + " " + v.code().code()).containsExactly(
                            "/statusFlow/statuses/1/name duplicate_item", "/statusFlow/statuses/2/name blank",
                            "/statusFlow/statuses/3/name invalid_value", "/statusFlow/statuses/4/state invalid_value");
                    assertThat(e.violations()).allSatisfy(v -> assertThat(v.message()).contains(TYPE.value()));
                    assertThat(e.violations().get(0).message()).contains("status 'New'");
                    assertThat(e.violations().get(0).params()).isEqualTo(Map.of("caseType", TYPE.value()));
                });
    }
}

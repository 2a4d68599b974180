package io.casekit.core.service;

import static io.casekit.core.Fixtures.SEED_CASE;
import static io.casekit.core.Fixtures.SEED_OPERATOR;
import static io.casekit.core.Fixtures.TENANT;
import static io.casekit.core.Fixtures.modification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.casekit.core.Case;
import io.casekit.core.CaseConflictException;
import io.casekit.core.CaseId;
import io.casekit.core.CaseNotFoundException;
import io.casekit.core.CaseReadOnlyException;
import io.casekit.core.CaseRefusedException;
import io.casekit.core.CaseValidationException;
import io.casekit.core.DuplicateCaseException;
import io.casekit.core.Fixtures;
import io.casekit.core.HistoryEntry;
import io.casekit.core.MapCaseStore;
import io.casekit.core.StorageUnavailableException;
import io.casekit.core.TenantId;
import io.casekit.core.query.CaseQuery;
import io.casekit.core.service.CaseServiceObserver.Call;
import io.casekit.core.service.CaseServiceObserver.Operation;
import io.casekit.core.service.CaseServiceObserver.Outcome;
import io.casekit.core.spi.CaseStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a {@link CaseServiceObserver} learns of real calls on a store: one start and one end per call
 * with the operation and outcome, the exception the caller got, each re-apply and give-up; and that
 * an observer that throws changes nothing of a call.
 */
class CaseServiceObserverTest {
    private static final CaseId SEED = CaseId.of(SEED_CASE);
    private static final CaseId MISSING = CaseId.of("nosuchcase");

    /** Everything the observer heard, one line per event, in order. */
    private final List<String> heard = new ArrayList<>();
    /** The error of each ended call (null for none). */
    private final List<@Nullable Throwable> errors = new ArrayList<>();
    private final CaseServiceObserver recording = operation -> {
        heard.add("start " + operation);
        return new Call() {
            @Override
            public void reapplied(int reapply) {
                heard.add("reapplied " + reapply);
            }

            @Override
            public void gaveUp(int reapplies) {
                heard.add("gave up after " + reapplies);
            }

            @Override
            public void end(Outcome outcome, @Nullable Throwable error) {
                heard.add("end " + operation + " " + outcome);
                errors.add(error);
            }
        };
    };

    private MapCaseStore store;

    @BeforeEach
    void setUp() {
        store = new MapCaseStore();
        store.save(Fixtures.complaint(TENANT));
    }

    private CaseService.Builder builder(CaseStore caseStore) {
        return CaseService.builder(caseStore, store).clock(Fixtures.CLOCK)
                .options(CaseServiceOptions.defaults().withReapplyBackoff(ReapplyBackoff.none()));
    }

    /** The ends heard since the last {@link #heard} clear, as "operation outcome". */
    private List<String> ends() {
        return heard.stream().filter(line -> line.startsWith("end ")).map(line -> line.substring(4)).toList();
    }

    @Test
    void each_call_is_started_and_ended_once_with_its_operation_and_outcome() {
        QueryingStore querying = new QueryingStore(store);
        CaseService service = builder(querying).observer(recording).build();

        Case created = service.create(TENANT, Fixtures.seedDraft().build());
        service.get(TENANT, SEED);
        service.find(TENANT, MISSING);
        service.history(TENANT, SEED);
        service.historyPage(TENANT, SEED, 0, 10);
        service.preview(TENANT, modification().title("previewed").build());
        service.modify(TENANT, modification().title("changed").build());
        service.modify(TENANT, modification().title("changed").build());
        service.query(TENANT, CaseQuery.builder().build());
        service.count(TENANT, CaseQuery.builder().build());
        service.transfer(TENANT, SEED, SEED_OPERATOR, "owner2", "take over");
        service.transfer(TENANT, SEED, SEED_OPERATOR, "owner2", "again");
        service.erase(TENANT, MISSING, SEED_OPERATOR);

        assertThat(created.version()).isEqualTo(1);
        assertThat(heard).containsExactly(
                "start CREATE", "end CREATE SUCCESS",
                "start READ", "end READ SUCCESS",
                "start READ", "end READ NOT_FOUND",
                "start HISTORY", "end HISTORY SUCCESS",
                "start HISTORY", "end HISTORY SUCCESS",
                "start PREVIEW", "end PREVIEW SUCCESS",
                "start MODIFY", "end MODIFY SUCCESS",
                "start MODIFY", "end MODIFY NO_OP",
                "start QUERY", "end QUERY SUCCESS",
                "start COUNT", "end COUNT SUCCESS",
                "start TRANSFER", "end TRANSFER SUCCESS",
                "start TRANSFER", "end TRANSFER NO_OP",
                "start ERASE", "end ERASE NO_OP");
        assertThat(errors).as("no call threw").containsOnlyNulls();
    }

    @Test
    void a_failed_call_ends_with_the_outcome_of_its_exception_and_the_exception_itself() {
        CaseService service = builder(store).observer(recording).policy(request ->
                request.operation() == AuthorizationRequest.Operation.HISTORY
                        ? AuthorizationPolicy.Decision.refuse("no history for you")
                        : AuthorizationPolicy.Decision.allow()).build();
        service.create(TENANT, Fixtures.seedDraft().build());
        heard.clear();
        errors.clear();

        List<Throwable> thrown = new ArrayList<>();
        thrown.add(catchThrowable(() -> service.create(TENANT, Fixtures.seedDraft().title("").build())));
        thrown.add(catchThrowable(() -> service.create(TENANT, Fixtures.seedDraft().build())));
        thrown.add(catchThrowable(() -> service.modify(TENANT, modification().title("x").expectedVersion(7).build())));
        thrown.add(catchThrowable(() -> service.get(TENANT, MISSING)));
        thrown.add(catchThrowable(() -> service.history(TENANT, SEED)));
        thrown.add(catchThrowable(() -> service.query(TENANT, CaseQuery.builder().build())));
        service.cancel(TENANT, SEED, SEED_OPERATOR, "stop");
        thrown.add(catchThrowable(() -> service.modify(TENANT, modification().title("late").build())));

        assertThat(thrown).extracting(Throwable::getClass).containsExactly(CaseValidationException.class,
                DuplicateCaseException.class, CaseConflictException.class, CaseNotFoundException.class,
                CaseRefusedException.class, UnsupportedOperationException.class, CaseReadOnlyException.class);
        assertThat(ends()).containsExactly("CREATE VALIDATION", "CREATE CONFLICT", "MODIFY CONFLICT", "READ NOT_FOUND",
                "HISTORY REFUSED", "QUERY ERROR", "CANCEL SUCCESS", "MODIFY CONFLICT");
        List<Throwable> endedWith = new ArrayList<>(errors);
        endedWith.remove(6); // the cancel, which succeeded
        assertThat(endedWith).as("each call ends with the very exception its caller got")
                .usingElementComparator((a, b) -> a == b ? 0 : 1).containsExactlyElementsOf(thrown);
    }

    @Test
    void a_store_that_can_not_be_reached_is_unavailable() {
        StorageUnavailableException down = new StorageUnavailableException("down");
        CaseService service = builder(new DelegatingStore(store) {
            @Override
            public Optional<Case> find(TenantId tenant, CaseId id) {
                throw down;
            }
        }).observer(recording).build();

        assertThatThrownBy(() -> service.find(TENANT, SEED)).isSameAs(down);
        assertThat(ends()).containsExactly("READ UNAVAILABLE");
        assertThat(errors).containsExactly(down);
    }

    @Test
    void a_stream_is_one_query_call_per_page_it_reads() {
        QueryingStore querying = new QueryingStore(store);
        CaseService service = builder(querying).observer(recording).build();
        for (int i = 0; i < 5; i++) {
            service.create(TENANT, Fixtures.seedDraft().id("case" + i).build());
        }
        heard.clear();

        assertThat(service.stream(TENANT, CaseQuery.builder().limit(2).build())).hasSize(5);

        assertThat(ends()).containsExactly("QUERY SUCCESS", "QUERY SUCCESS", "QUERY SUCCESS");
    }

    /** A store whose first {@code losses} updates lose the race (nothing written), then writes. */
    private CaseStore losing(int losses) {
        return new DelegatingStore(store) {
            private int lost;

            @Override
            public void update(Case updated, long expectedVersion, HistoryEntry entry) {
                if (lost < losses) {
                    lost++;
                    throw new CaseConflictException(updated.id(), expectedVersion, expectedVersion);
                }
                super.update(updated, expectedVersion, entry);
            }
        };
    }

    @Test
    void each_re_apply_is_reported_and_a_call_that_wins_at_last_succeeds() {
        CaseService service = builder(losing(2)).observer(recording).build();
        service.create(TENANT, Fixtures.seedDraft().build());
        heard.clear();

        service.modify(TENANT, modification().title("changed").build());

        assertThat(heard).containsExactly("start MODIFY", "reapplied 1", "reapplied 2", "end MODIFY SUCCESS");
    }

    @Test
    void a_give_up_is_reported_after_the_last_re_apply_for_a_modify_and_a_lifecycle_call() {
        CaseService service = builder(losing(Integer.MAX_VALUE)).observer(recording)
                .options(CaseServiceOptions.defaults().withReapplyBackoff(ReapplyBackoff.none()).withMaxReapplies(2))
                .build();
        service.create(TENANT, Fixtures.seedDraft().build());
        heard.clear();

        assertThatThrownBy(() -> service.modify(TENANT, modification().title("changed").build()))
                .isInstanceOf(CaseConflictException.class);
        assertThatThrownBy(() -> service.cancel(TENANT, SEED, SEED_OPERATOR, "stop"))
                .isInstanceOf(CaseConflictException.class);

        assertThat(heard).containsExactly(
                "start MODIFY", "reapplied 1", "reapplied 2", "gave up after 2", "end MODIFY CONFLICT",
                "start CANCEL", "reapplied 1", "reapplied 2", "gave up after 2", "end CANCEL CONFLICT");
    }

    @Test
    void an_observer_that_throws_changes_nothing_of_the_calls() {
        CaseServiceObserver throwingOnStart = operation -> {
            throw new IllegalStateException("observer down");
        };
        CaseServiceObserver throwingLater = operation -> new Call() {
            @Override
            public void reapplied(int reapply) {
                throw new IllegalStateException("reapplied");
            }

            @Override
            public void gaveUp(int reapplies) {
                throw new IllegalStateException("gaveUp");
            }

            @Override
            public void end(Outcome outcome, @Nullable Throwable error) {
                throw new IllegalStateException("end");
            }
        };
        for (CaseServiceObserver observer : List.of(throwingOnStart, throwingLater)) {
            store = new MapCaseStore();
            store.save(Fixtures.complaint(TENANT));
            CaseService service = builder(losing(1)).observer(observer)
                    .options(CaseServiceOptions.defaults().withReapplyBackoff(ReapplyBackoff.none()).withMaxReapplies(0))
                    .build();

            Case created = service.create(TENANT, Fixtures.seedDraft().build());
            assertThatThrownBy(() -> service.modify(TENANT, modification().title("lost").build()))
                    .as("a give-up still reaches the caller").isInstanceOfSatisfying(CaseConflictException.class,
                            e -> assertThat(e.reapplies()).hasValue(0));
            ModificationResult changed = service.modify(TENANT, modification().title("changed").build());
            assertThatThrownBy(() -> service.get(TENANT, MISSING)).isInstanceOf(CaseNotFoundException.class);

            assertThat(created.version()).isEqualTo(1);
            assertThat(changed.current().version()).isEqualTo(2);
            assertThat(store.find(TENANT, SEED)).contains(changed.current());
            assertThat(store.history(TENANT, SEED)).hasSize(2);
        }
        CaseService reapplying = builder(losing(1)).observer(throwingLater).build();
        store.erase(TENANT, SEED);
        reapplying.create(TENANT, Fixtures.seedDraft().build());
        assertThat(reapplying.modify(TENANT, modification().title("after one re-apply").build()).current().version())
                .as("a re-apply goes on when the observer fails to hear it").isEqualTo(2);
    }

    @Test
    void outcomes_come_from_the_kind_of_the_exception_and_tags_are_lower_case_names() {
        assertThat(Outcome.of(new CaseReadOnlyException(SEED, io.casekit.core.CaseState.CANCELLED)))
                .isEqualTo(Outcome.CONFLICT);
        assertThat(Outcome.of(new DuplicateCaseException(SEED))).isEqualTo(Outcome.CONFLICT);
        assertThat(Outcome.of(new StorageUnavailableException("x"))).isEqualTo(Outcome.UNAVAILABLE);
        assertThat(Outcome.of(new IllegalArgumentException())).isEqualTo(Outcome.ERROR);
        assertThat(Outcome.NO_OP.tagValue()).isEqualTo("no_op");
        assertThat(Operation.CHANGE_STATUS.tagValue()).isEqualTo("change_status");
        assertThat(CaseServiceObserver.none().start(Operation.READ)).isNotNull();
    }
}

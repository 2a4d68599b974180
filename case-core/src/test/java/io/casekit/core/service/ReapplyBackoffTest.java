package io.casekit.core.service;

import static io.casekit.core.Fixtures.OTHER_TENANT;
import static io.casekit.core.Fixtures.SEED_CASE;
import static io.casekit.core.Fixtures.TENANT;
import static io.casekit.core.Fixtures.modification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casekit.core.Case;
import io.casekit.core.CaseConflictException;
import io.casekit.core.CaseId;
import io.casekit.core.Fixtures;
import io.casekit.core.HistoryEntry;
import io.casekit.core.MapCaseStore;
import io.casekit.core.spi.CaseStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The waits between re-applies and what a give-up tells: with a scripted random source and a
 * sleeper that only records, so that nothing here sleeps or depends on time.
 */
class ReapplyBackoffTest {
    private static final CaseId SEED = CaseId.of(SEED_CASE);
    private static final Duration BASE = Duration.ofMillis(1);
    private static final Duration CAP = Duration.ofMillis(50);

    private MapCaseStore store;
    /** The bounds the backoff drew its waits under, in nanoseconds. */
    private final List<Long> bounds = new ArrayList<>();
    /** The waits asked of the sleeper, in nanoseconds. */
    private final List<Long> slept = new ArrayList<>();
    /** What the scripted random source answers, given the bound. */
    private java.util.function.LongUnaryOperator draw = bound -> bound - 1;

    private final RandomGenerator scripted = new RandomGenerator() {
        @Override
        public long nextLong() {
            throw new AssertionError("the backoff draws with a bound");
        }

        @Override
        public long nextLong(long bound) {
            bounds.add(bound);
            return draw.applyAsLong(bound);
        }
    };
    private final ReapplyBackoff recorded = ReapplyBackoff.fullJitter(BASE, CAP).withRandom(scripted)
            .withSleeper(slept::add);

    @BeforeEach
    void setUp() {
        store = new MapCaseStore();
        store.save(Fixtures.complaint(TENANT));
        store.save(Fixtures.complaint(OTHER_TENANT));
    }

    /** A store whose update throws what {@code lose} makes of the attempt's number (0, 1, …), or writes when it makes null. */
    private CaseStore losing(IntFunction<CaseConflictException> lose, List<CaseConflictException> thrown) {
        return new DelegatingStore(store) {
            private int attempt;

            @Override
            public void update(Case updated, long expectedVersion, HistoryEntry entry) {
                CaseConflictException conflict = lose.apply(attempt++);
                if (conflict != null) {
                    thrown.add(conflict);
                    throw conflict;
                }
                super.update(updated, expectedVersion, entry);
            }
        };
    }

    private CaseService service(CaseStore caseStore, CaseServiceOptions options) {
        CaseService service = CaseService.builder(caseStore, store).clock(Fixtures.CLOCK).options(options).build();
        service.create(TENANT, Fixtures.seedDraft().build());
        return service;
    }

    private static CaseConflictException aborted(int attempt) {
        return new CaseConflictException(SEED, 1, new IllegalStateException("serialization failure " + attempt));
    }

    @Test
    void the_bound_doubles_from_the_base_up_to_the_cap() {
        ReapplyBackoff backoff = ReapplyBackoff.fullJitter(BASE, CAP);
        List<Long> millis = new ArrayList<>();
        for (int reapply = 1; reapply <= 8; reapply++) {
            millis.add(backoff.boundNanos(reapply) / 1_000_000);
        }
        assertThat(millis).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 50L, 50L);
        assertThat(backoff.boundNanos(64)).isEqualTo(CAP.toNanos());
        assertThat(backoff.boundNanos(Integer.MAX_VALUE)).isEqualTo(CAP.toNanos());
        assertThat(ReapplyBackoff.none().boundNanos(3)).isZero();
        assertThat(ReapplyBackoff.none().enabled()).isFalse();
        assertThatThrownBy(() -> backoff.boundNanos(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_backoff_out_of_bounds_is_refused() {
        assertThatThrownBy(() -> ReapplyBackoff.fullJitter(Duration.ZERO, CAP)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base");
        assertThatThrownBy(() -> ReapplyBackoff.fullJitter(Duration.ofMillis(-1), CAP))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReapplyBackoff.fullJitter(CAP, BASE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cap");
        assertThatThrownBy(() -> ReapplyBackoff.fullJitter(BASE, Duration.ofMinutes(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CaseServiceOptions.defaults().withReapplyBackoff(null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void the_default_waits_with_full_jitter_from_1_ms_up_to_50_ms() {
        ReapplyBackoff backoff = CaseServiceOptions.defaults().reapplyBackoff();
        assertThat(backoff.enabled()).isTrue();
        assertThat(backoff.base()).isEqualTo(BASE);
        assertThat(backoff.cap()).isEqualTo(CAP);
        assertThat(CaseServiceOptions.defaults().maxReapplies()).isEqualTo(10);
    }

    @Test
    void each_re_apply_waits_a_draw_under_its_bound_and_a_give_up_carries_every_lost_race() {
        List<CaseConflictException> thrown = new ArrayList<>();
        CaseService service = service(losing(ReapplyBackoffTest::aborted, thrown),
                CaseServiceOptions.defaults().withMaxReapplies(3).withReapplyBackoff(recorded));

        assertThatThrownBy(() -> service.modify(TENANT, modification().title("never").build()))
                .isInstanceOfSatisfying(CaseConflictException.class, e -> {
                    assertThat(e.reapplies()).hasValue(3);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.caseId()).isEqualTo(SEED);
                    assertThat(e.getCause()).isSameAs(thrown.get(3));
                    assertThat(e.getSuppressed()).containsExactly(thrown.get(0), thrown.get(1), thrown.get(2));
                    assertThat(e.getMessage()).contains("gave up after 3 re-applies");
                });

        assertThat(thrown).hasSize(4);
        assertThat(bounds).as("no wait after the last lost race").containsExactly(1_000_000L, 2_000_000L, 4_000_000L);
        assertThat(slept).containsExactly(999_999L, 1_999_999L, 3_999_999L);
        assertThat(store.find(TENANT, SEED).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void a_modify_that_wins_its_first_compare_and_set_never_draws_nor_waits() {
        CaseService service = service(store, CaseServiceOptions.defaults().withReapplyBackoff(recorded));

        service.modify(TENANT, modification().title("first try").build());

        assertThat(bounds).isEmpty();
        assertThat(slept).isEmpty();
        assertThat(store.find(TENANT, SEED).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void a_modify_that_wins_after_two_lost_races_waited_twice_and_is_stored_once() {
        List<CaseConflictException> thrown = new ArrayList<>();
        CaseService service = service(losing(attempt -> attempt < 2 ? aborted(attempt) : null, thrown),
                CaseServiceOptions.defaults().withReapplyBackoff(recorded));

        ModificationResult result = service.modify(TENANT, modification().title("third try").build());

        assertThat(result.current().version()).isEqualTo(2);
        assertThat(slept).hasSize(2);
        assertThat(store.history(TENANT, SEED)).hasSize(2);
    }

    @Test
    void a_draw_of_zero_does_not_call_the_sleeper() {
        draw = bound -> 0;
        List<CaseConflictException> thrown = new ArrayList<>();
        CaseService service = service(losing(attempt -> attempt < 1 ? aborted(attempt) : null, thrown),
                CaseServiceOptions.defaults().withReapplyBackoff(recorded));

        service.modify(TENANT, modification().title("second try").build());

        assertThat(bounds).hasSize(1);
        assertThat(slept).isEmpty();
    }

    @Test
    void without_a_backoff_re_applies_follow_at_once() {
        List<CaseConflictException> thrown = new ArrayList<>();
        CaseService service = service(losing(ReapplyBackoffTest::aborted, thrown),
                CaseServiceOptions.defaults().withMaxReapplies(2).withReapplyBackoff(ReapplyBackoff.none()));

        assertThatThrownBy(() -> service.modify(TENANT, modification().title("never").build()))
                .isInstanceOfSatisfying(CaseConflictException.class, e -> assertThat(e.reapplies()).hasValue(2));
        assertThat(thrown).hasSize(3);
    }

    @Test
    void a_bound_of_zero_re_applies_gives_up_at_the_first_lost_race() {
        List<CaseConflictException> thrown = new ArrayList<>();
        CaseService service = service(losing(attempt -> new CaseConflictException(SEED, 1, 2), thrown),
                CaseServiceOptions.defaults().withMaxReapplies(0).withReapplyBackoff(recorded));

        assertThatThrownBy(() -> service.modify(TENANT, modification().title("never").build()))
                .isInstanceOfSatisfying(CaseConflictException.class, e -> {
                    assertThat(e.reapplies()).hasValue(0);
                    assertThat(e.actualVersion()).hasValue(2);
                    assertThat(e.expectedVersion()).isEqualTo(1);
                    assertThat(e.retryable()).as("made again, an unpinned modify may win").isTrue();
                    assertThat(e.getSuppressed()).isEmpty();
                });
        assertThat(slept).isEmpty();
    }

    @Test
    void a_pinned_modify_never_waits_and_its_lost_race_is_a_plain_conflict() {
        List<CaseConflictException> thrown = new ArrayList<>();
        CaseService service = service(losing(attempt -> new CaseConflictException(SEED, 1, 2), thrown),
                CaseServiceOptions.defaults().withReapplyBackoff(recorded));

        assertThatThrownBy(() -> service.modify(TENANT, modification().title("mine").expectedVersion(1).build()))
                .isSameAs(thrown.get(0))
                .isInstanceOfSatisfying(CaseConflictException.class, e -> {
                    assertThat(e.reapplies()).isEmpty();
                    assertThat(e.retryable()).isFalse();
                });
        assertThat(thrown).hasSize(1);
        assertThat(bounds).isEmpty();
        assertThat(slept).isEmpty();
    }

    @Test
    void a_pinned_modify_whose_transaction_was_aborted_re_applies_at_once() {
        List<CaseConflictException> thrown = new ArrayList<>();
        CaseService service = service(losing(attempt -> attempt < 1 ? aborted(attempt) : null, thrown),
                CaseServiceOptions.defaults().withReapplyBackoff(recorded));

        service.modify(TENANT, modification().title("mine").expectedVersion(1).build());

        assertThat(store.find(TENANT, SEED).orElseThrow().title()).isEqualTo("mine");
        assertThat(slept).isEmpty();
    }

    @Test
    void an_interrupt_while_waiting_gives_up_keeps_the_interrupt_and_stores_nothing() {
        InterruptedException interrupt = new InterruptedException("host shutting down");
        ReapplyBackoff interrupted = recorded.withSleeper(nanos -> {
            slept.add(nanos);
            if (slept.size() == 2) {
                throw interrupt;
            }
        });
        List<CaseConflictException> thrown = new ArrayList<>();
        CaseService service = service(losing(ReapplyBackoffTest::aborted, thrown),
                CaseServiceOptions.defaults().withReapplyBackoff(interrupted));

        try {
            assertThatThrownBy(() -> service.modify(TENANT, modification().title("never").build()))
                    .isInstanceOfSatisfying(CaseConflictException.class, e -> {
                        assertThat(e.reapplies()).hasValue(1);
                        assertThat(e.getCause()).isSameAs(thrown.get(1));
                        assertThat(e.getSuppressed()).containsExactly(thrown.get(0), interrupt);
                    });
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(thrown).hasSize(2);
        assertThat(store.find(TENANT, SEED).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void a_disabled_backoff_neither_draws_nor_sleeps() throws InterruptedException {
        ReapplyBackoff none = ReapplyBackoff.none().withRandom(scripted).withSleeper(slept::add);
        none.pause(1);
        none.pause(5);
        assertThat(bounds).isEmpty();
        assertThat(slept).isEmpty();
        assertThat(none.toString()).contains("none");
        assertThat(recorded.toString()).contains("PT0.001S", "PT0.05S");
    }
}

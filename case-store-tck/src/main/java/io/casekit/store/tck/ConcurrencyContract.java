package io.casekit.store.tck;

import static io.casekit.store.tck.Fixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.Case;
import io.casekit.core.CaseConflictException;
import io.casekit.core.CaseDraft;
import io.casekit.core.CaseId;
import io.casekit.core.CaseModification;
import io.casekit.core.DuplicateCaseException;
import io.casekit.core.HistoryEntry;
import io.casekit.core.InputValue;
import io.casekit.core.Value;
import io.casekit.core.service.CaseService;
import io.casekit.core.service.CaseServiceOptions;
import io.casekit.core.template.FieldDefinition;
import io.casekit.core.template.FieldType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Many threads on the same few cases: compare-and-set has one winner, a duplicate insert has one
 * winner, and through the service no acknowledged change is lost, doubled or out of order.
 */
abstract class ConcurrencyContract extends ContractSection {
    private static final int ROUNDS = 10;
    private static final int HOT_CASES = 3;
    /** Enough re-applies that a change is refused only when the store keeps failing, not for bad luck. */
    private static final int MAX_REAPPLIES = 1_000;
    /** A bound on the reader's work, so that it stays cheap on a real database. */
    private static final int MAX_READS = 500;

    @Test
    @DisplayName("when threads update the same version at once, exactly one wins and the others conflict")
    void oneWinnerPerVersion() {
        int threads = fixture().threads;
        Case current = Cases.insert(store(), Cases.minimal(TENANT, "contested"));
        List<HistoryEntry> expected = new ArrayList<>(List.of(Cases.creation(current)));
        try (Race race = new Race(threads)) {
            for (int round = 0; round < ROUNDS; round++) {
                Case base = current;
                int r = round;
                List<Cases.Change> changes = IntStream.range(0, threads)
                        .mapToObj(t -> Cases.retitle(base, "round " + r + " by thread " + t)).toList();

                List<Race.Outcome<Case>> outcomes = race.run(threads, t -> changes.get(t).applyTo(store()));

                List<Integer> winners = IntStream.range(0, threads).filter(t -> outcomes.get(t).failure().isEmpty())
                        .boxed().toList();
                assertThat(winners).as("winners of round %d", round).hasSize(1);
                for (Race.Outcome<Case> outcome : outcomes) {
                    outcome.failure().ifPresent(failure -> assertThat(failure)
                            .isInstanceOfSatisfying(CaseConflictException.class, conflict -> {
                                assertThat(conflict.expectedVersion()).isEqualTo(base.version());
                                conflict.actualVersion().ifPresent(actual ->
                                        assertThat(actual).isEqualTo(base.version() + 1));
                            }));
                }
                Cases.Change winner = changes.get(winners.get(0));
                current = winner.updated();
                expected.add(winner.entry());
                assertThat(store().find(TENANT, current.id())).contains(current);
            }
        }
        assertThat(store().history(TENANT, current.id())).isEqualTo(expected);
    }

    @Test
    @DisplayName("when threads insert the same id at once, exactly one wins and the others are duplicates")
    void oneWinnerPerId() {
        int threads = fixture().threads;
        try (Race race = new Race(threads)) {
            for (int round = 0; round < ROUNDS; round++) {
                String id = "race-" + round;
                List<Case> candidates = IntStream.range(0, threads)
                        .mapToObj(t -> Cases.titled(Cases.minimal(TENANT, id), "inserted by thread " + t)).toList();

                List<Race.Outcome<Case>> outcomes = race.run(threads, t -> Cases.insert(store(), candidates.get(t)));

                List<Case> winners = outcomes.stream().filter(o -> o.failure().isEmpty()).map(Race.Outcome::get).toList();
                assertThat(winners).as("winners of round %d", round).hasSize(1);
                for (Race.Outcome<Case> outcome : outcomes) {
                    outcome.failure().ifPresent(failure -> assertThat(failure)
                            .isInstanceOfSatisfying(DuplicateCaseException.class,
                                    duplicate -> assertThat(duplicate.caseId().value()).isEqualTo(id)));
                }
                assertThat(store().find(TENANT, CaseId.of(id))).contains(winners.get(0));
                assertThat(store().history(TENANT, CaseId.of(id))).containsExactly(Cases.creation(winners.get(0)));
            }
        }
    }

    /** One modification a worker made: acknowledged with the version it created, or refused as a conflict. */
    private record Attempt(int worker, int change, CaseId caseId, OptionalLong version) {
        String description() {
            return description(worker, change);
        }

        static String description(int worker, int change) {
            return "worker " + worker + " change " + change;
        }
    }

    @Test
    @DisplayName("through the service, every acknowledged change is in the history once, in order, and none is lost")
    void noLostUpdateThroughTheService() {
        int threads = fixture().threads;
        List<FieldDefinition> fields = IntStream.range(0, threads)
                .mapToObj(t -> FieldDefinition.builder("worker_" + t, FieldType.NUMBER).build()).toList();
        catalog().save(Types.withFields(TENANT, fields.toArray(FieldDefinition[]::new)));
        CaseService service = fixture().service(CaseServiceOptions.defaults().withMaxReapplies(MAX_REAPPLIES));
        List<CaseId> ids = new ArrayList<>();
        for (int k = 0; k < HOT_CASES; k++) {
            ids.add(service.create(TENANT, CaseDraft.builder(Cases.TYPE, "agent-1").id("hot-" + k).title("Hot case " + k)
                    .description("created").contactId("contact-1").build()).id());
        }
        AtomicInteger writing = new AtomicInteger(threads);

        List<Race.Outcome<List<Attempt>>> outcomes;
        try (Race race = new Race(threads + 1)) {
            outcomes = race.run(threads + 1, t -> t < threads ? write(service, ids, t, writing) : read(ids, writing));
        }

        List<Attempt> attempts = outcomes.stream().flatMap(o -> o.get().stream()).toList();
        assertThat(attempts).filteredOn(a -> a.version().isPresent()).as("acknowledged changes").isNotEmpty();
        for (CaseId id : ids) {
            Case stored = store().find(TENANT, id).orElseThrow();
            List<HistoryEntry> history = store().history(TENANT, id);
            HistoryReplay.assertAgrees(stored, history);
            List<Attempt> onThisCase = attempts.stream().filter(a -> a.caseId().equals(id)).toList();
            List<Attempt> acknowledged = onThisCase.stream().filter(a -> a.version().isPresent()).toList();
            assertThat(history).as("history of %s: the creation and each acknowledged change", id)
                    .hasSize(1 + acknowledged.size());
            for (Attempt a : onThisCase) {
                Optional<Value> written = Optional.of(Value.text(a.description()));
                List<HistoryEntry> entries = history.stream().filter(e -> e.changes().stream()
                        .anyMatch(c -> c.field().equals("description") && c.newValue().equals(written))).toList();
                if (a.version().isPresent()) {
                    assertThat(entries).as("entries of acknowledged %s", a.description()).singleElement()
                            .satisfies(e -> {
                                assertThat(e.version()).isEqualTo(a.version().getAsLong());
                                assertThat(e.actor()).isEqualTo("worker-" + a.worker());
                            });
                } else {
                    assertThat(entries).as("entries of refused %s", a.description()).isEmpty();
                }
            }
            for (int t = 0; t < threads; t++) {
                int worker = t;
                Optional<Value> lastWritten = acknowledged.stream().filter(a -> a.worker() == worker)
                        .map(a -> (Value) Value.decimal(BigDecimal.valueOf(a.change()))).reduce((first, second) -> second);
                assertThat(stored.value("worker_" + t)).as("last value worker %d wrote to %s", t, id)
                        .isEqualTo(lastWritten);
            }
        }
    }

    /** Worker {@code t}: its changes, each on the next of the hot cases, through the service. */
    private List<Attempt> write(CaseService service, List<CaseId> ids, int t, AtomicInteger writing) {
        try {
            List<Attempt> attempts = new ArrayList<>();
            for (int i = 0; i < fixture().changesPerThread; i++) {
                CaseId id = ids.get((t + i) % ids.size());
                CaseModification modification = CaseModification.builder(id.value(), "worker-" + t)
                        .title("Hot case " + id.value().substring(4)).description(Attempt.description(t, i))
                        .set("worker_" + t, InputValue.number(BigDecimal.valueOf(i))).build();
                try {
                    long version = service.modify(TENANT, modification).current().version();
                    attempts.add(new Attempt(t, i, id, OptionalLong.of(version)));
                } catch (CaseConflictException refused) {
                    attempts.add(new Attempt(t, i, id, OptionalLong.empty()));
                }
            }
            return attempts;
        } finally {
            writing.decrementAndGet();
        }
    }

    /**
     * The reader: while the workers write, each case it finds must be exactly what the history up to
     * its version replays to. A store that writes the case and its history in two steps fails here.
     */
    private List<Attempt> read(List<CaseId> ids, AtomicInteger writing) {
        for (int reads = 0; writing.get() > 0 && reads < MAX_READS; reads++) {
            CaseId id = ids.get(reads % ids.size());
            Case seen = store().find(TENANT, id).orElseThrow();
            List<HistoryEntry> history = store().history(TENANT, id);
            assertThat(history.size()).as("history of %s read after version %d", id, seen.version())
                    .isGreaterThanOrEqualTo((int) seen.version());
            HistoryReplay.assertAgrees(seen, history.subList(0, (int) seen.version()));
        }
        return List.of();
    }
}

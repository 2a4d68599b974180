package io.casekit.core.service;

import static io.casekit.core.Fixtures.SEED_CASE;
import static io.casekit.core.Fixtures.TENANT;
import static io.casekit.core.Fixtures.OTHER_TENANT;
import static io.casekit.core.Fixtures.modification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.casekit.core.Case;
import io.casekit.core.CaseConflictException;
import io.casekit.core.CaseDraft;
import io.casekit.core.CaseId;
import io.casekit.core.CaseModification;
import io.casekit.core.CaseNotFoundException;
import io.casekit.core.CaseRefusedException;
import io.casekit.core.CaseTypeId;
import io.casekit.core.CaseValidationException;
import io.casekit.core.DuplicateCaseException;
import io.casekit.core.FieldChange;
import io.casekit.core.Fixtures;
import io.casekit.core.HistoryEntry;
import io.casekit.core.InputValue;
import io.casekit.core.MapCaseStore;
import io.casekit.core.Value;
import io.casekit.core.Violation;
import io.casekit.core.ViolationCode;
import io.casekit.core.spi.CaseStore;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The service's operations and hooks: create, no-op, history, policy, listener, conflicts, preview. */
class CaseServiceTest {
    private MapCaseStore store;
    private final List<HistoryEntry> heard = new ArrayList<>();

    @BeforeEach
    void setUp() {
        store = new MapCaseStore();
        store.save(Fixtures.complaint(TENANT));
        store.save(Fixtures.complaint(OTHER_TENANT));
    }

    private CaseService.Builder builder(CaseStore caseStore) {
        return CaseService.builder(caseStore, store).clock(Fixtures.CLOCK).listener((after, entry) -> heard.add(entry))
                .options(CaseServiceOptions.defaults().withReapplyBackoff(ReapplyBackoff.none()));
    }

    private CaseService service() {
        CaseService service = builder(store).build();
        service.create(TENANT, Fixtures.seedDraft().build());
        heard.clear();
        return service;
    }

    private Case stored(CaseService service) {
        return service.get(TENANT, CaseId.of(SEED_CASE));
    }

    @Test
    void aNullArgumentIsANullPointerExceptionNamingIt() {
        CaseService service = service();
        CaseId id = CaseId.of(SEED_CASE);
        CaseModification change = modification().build();

        assertThatThrownBy(() -> service.get(null, id)).isExactlyInstanceOf(NullPointerException.class).hasMessage("tenant");
        assertThatThrownBy(() -> service.get(TENANT, null)).isExactlyInstanceOf(NullPointerException.class).hasMessage("id");
        assertThatThrownBy(() -> service.find(null, id)).isExactlyInstanceOf(NullPointerException.class).hasMessage("tenant");
        assertThatThrownBy(() -> service.history(TENANT, null)).isExactlyInstanceOf(NullPointerException.class).hasMessage("id");
        assertThatThrownBy(() -> service.create(null, Fixtures.seedDraft().build()))
                .isExactlyInstanceOf(NullPointerException.class).hasMessage("tenant");
        assertThatThrownBy(() -> service.create(TENANT, null)).isExactlyInstanceOf(NullPointerException.class).hasMessage("draft");
        assertThatThrownBy(() -> service.modify(null, change)).isExactlyInstanceOf(NullPointerException.class).hasMessage("tenant");
        assertThatThrownBy(() -> service.modify(TENANT, null))
                .isExactlyInstanceOf(NullPointerException.class).hasMessage("modification");
        assertThatThrownBy(() -> service.preview(null, change)).isExactlyInstanceOf(NullPointerException.class).hasMessage("tenant");
    }

    @Test
    void create_generates_a_20_character_id_and_records_the_creation_as_version_1() {
        CaseService service = builder(store).build();
        CaseDraft draft = CaseDraft.builder(Fixtures.TYPE, "creator1").title("t").description("d").contactId("c1")
                .extension("AICC__severity__CST", Value.text("S2")).build();
        Case created = service.create(TENANT, draft);

        assertThat(created.id().value()).matches("[0-9A-Za-z]{20}");
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.createdBy()).isEqualTo("creator1");
        assertThat(created.createdAt()).isEqualTo(Fixtures.CLOCK.instant()).isEqualTo(created.updatedAt());
        assertThat(service.get(TENANT, created.id())).isEqualTo(created);
        List<HistoryEntry> history = service.history(TENANT, created.id());
        assertThat(history).hasSize(1);
        assertThat(history.get(0).version()).isEqualTo(1);
        assertThat(history.get(0).actor()).isEqualTo("creator1");
        assertThat(history.get(0).changes()).extracting(FieldChange::field, FieldChange::oldValue, FieldChange::newValue)
                .containsExactly(tuple("title", Optional.empty(), Optional.of(Value.text("t"))),
                        tuple("description", Optional.empty(), Optional.of(Value.text("d"))),
                        tuple("contactId", Optional.empty(), Optional.of(Value.text("c1"))),
                        tuple("AICC__severity__CST", Optional.empty(), Optional.of(Value.text("S2"))),
                        tuple("status", Optional.empty(), Optional.of(Value.text("Open"))),
                        tuple("state", Optional.empty(), Optional.of(Value.text("Processing"))));
        assertThat(heard).containsExactly(history.get(0));
    }

    @Test
    void ids_come_from_the_configured_generator() {
        CaseService service = builder(store).idGenerator(tenant -> CaseId.of("fixed-id")).build();
        Case created = service.create(TENANT, CaseDraft.builder(Fixtures.TYPE, "op").title("t").description("d")
                .contactId("c").extension("AICC__severity__CST", Value.text("S1")).build());
        assertThat(created.id()).isEqualTo(CaseId.of("fixed-id"));
    }

    @Test
    void create_reports_every_missing_field_and_an_unknown_type() {
        CaseService service = builder(store).build();
        CaseDraft draft = CaseDraft.of(java.util.Map.of("type", InputValue.text("nosuchtype")));
        assertThatThrownBy(() -> service.create(TENANT, draft)).isInstanceOfSatisfying(CaseValidationException.class,
                e -> assertThat(e.violations()).extracting(Violation::path, Violation::code).containsExactly(
                        tuple("/caseInfo/type", ViolationCode.INVALID_VALUE),
                        tuple("/caseInfo/title", ViolationCode.REQUIRED),
                        tuple("/caseInfo/description", ViolationCode.REQUIRED),
                        tuple("/caseInfo/contactId", ViolationCode.REQUIRED),
                        tuple("/caseInfo/creatorId", ViolationCode.REQUIRED)));
        assertThat(store.writes()).isZero();
    }

    @Test
    void create_refuses_a_blank_type_title_description_and_creator_each_as_blank() {
        CaseService service = builder(store).build();
        CaseDraft draft = CaseDraft.of(java.util.Map.of("type", InputValue.text(""), "title", InputValue.text(" "),
                "description", InputValue.text("\t"), "contactId", InputValue.text("c1"),
                "creatorId", InputValue.text("")));
        assertThatThrownBy(() -> service.create(TENANT, draft)).isInstanceOfSatisfying(CaseValidationException.class,
                e -> assertThat(e.violations()).extracting(Violation::path, Violation::code).contains(
                        tuple("/caseInfo/type", ViolationCode.BLANK),
                        tuple("/caseInfo/title", ViolationCode.BLANK),
                        tuple("/caseInfo/description", ViolationCode.BLANK),
                        tuple("/caseInfo/creatorId", ViolationCode.BLANK)));
        assertThat(store.writes()).isZero();
    }

    @Test
    void create_with_a_taken_id_is_a_duplicate_and_changes_nothing() {
        CaseService service = service();
        Case before = stored(service);
        CaseDraft again = Fixtures.seedDraft().title("second").build();
        assertThatThrownBy(() -> service.create(TENANT, again)).isInstanceOf(DuplicateCaseException.class);
        assertThat(stored(service)).isEqualTo(before);
        assertThat(service.history(TENANT, CaseId.of(SEED_CASE))).hasSize(1);
        assertThat(heard).isEmpty();
    }

    @Test
    void the_same_id_in_another_tenant_is_another_case() {
        CaseService service = service();
        Case other = service.create(OTHER_TENANT, Fixtures.seedDraft().title("theirs").build());
        assertThat(other.id()).isEqualTo(CaseId.of(SEED_CASE));
        service.modify(OTHER_TENANT, modification().title("changed by t2").build());
        assertThat(stored(service).title()).isEqualTo("created");
        assertThat(service.history(TENANT, CaseId.of(SEED_CASE))).hasSize(1);
    }

    @Test
    void another_tenants_case_is_exactly_as_absent_as_a_missing_one() {
        CaseService service = service();
        CaseModification change = modification().title("intruder").build();
        CaseNotFoundException foreign = org.junit.jupiter.api.Assertions.assertThrows(CaseNotFoundException.class,
                () -> service.modify(OTHER_TENANT, change));
        CaseNotFoundException missing = org.junit.jupiter.api.Assertions.assertThrows(CaseNotFoundException.class,
                () -> service.modify(TENANT, CaseModification.builder("missingcase000000000", "x").title("t")
                        .description("d").build()));
        assertThat(foreign.getMessage()).isEqualTo("No case " + SEED_CASE);
        assertThat(missing.getMessage()).isEqualTo("No case missingcase000000000");
        assertThat(service.find(OTHER_TENANT, CaseId.of(SEED_CASE))).isEmpty();
        assertThatThrownBy(() -> service.history(OTHER_TENANT, CaseId.of(SEED_CASE)))
                .isInstanceOf(CaseNotFoundException.class).hasMessage("No case " + SEED_CASE);
        assertThatThrownBy(() -> service.preview(OTHER_TENANT, change)).isInstanceOf(CaseNotFoundException.class);
        assertThat(stored(service).title()).isEqualTo("created");
    }

    @Test
    void a_request_equal_to_the_stored_values_is_a_no_op() {
        CaseService service = service();
        Case before = stored(service);
        ModificationResult result = service.modify(TENANT, modification()
                .extension("AICC__severity__CST", Value.text("S1")).set("ownerId", InputValue.text("")).build());
        assertThat(result.noOp()).isTrue();
        assertThat(result.current()).isEqualTo(before);
        assertThat(stored(service)).isEqualTo(before);
        assertThat(service.history(TENANT, CaseId.of(SEED_CASE))).hasSize(1);
        assertThat(store.writes()).isEqualTo(1);
        assertThat(heard).isEmpty();
    }

    @Test
    void an_effective_change_bumps_the_version_appends_history_and_tells_the_listener_once() {
        CaseService service = service();
        ModificationResult result = service.modify(TENANT, modification().title("new title").ownerId("o1").build());
        Case after = stored(service);
        assertThat(after.version()).isEqualTo(2);
        assertThat(result.current()).isEqualTo(after);
        assertThat(result.changes()).extracting(FieldChange::field).containsExactly("title", "ownerId");
        HistoryEntry entry = service.history(TENANT, CaseId.of(SEED_CASE)).get(1);
        assertThat(entry.version()).isEqualTo(2);
        assertThat(entry.actor()).isEqualTo(Fixtures.SEED_OPERATOR);
        assertThat(entry.changes()).containsExactlyElementsOf(result.changes());
        assertThat(entry.changes().get(0).oldValue()).contains(Value.text("created"));
        assertThat(heard).containsExactly(entry);
    }

    @Test
    void the_policy_sees_the_changes_and_its_refusal_stores_nothing() {
        List<List<FieldChange>> seen = new ArrayList<>();
        CaseService service = builder(store).policy(request -> {
            if (request.operation() != AuthorizationRequest.Operation.MODIFY) {
                return AuthorizationPolicy.Decision.allow();
            }
            List<FieldChange> changes = request.changes();
            seen.add(changes);
            boolean ownerChange = changes.stream().anyMatch(c -> c.field().equals("ownerId"));
            return ownerChange && !request.actor().orElseThrow().equals(request.target().ownerId().orElse(""))
                    ? AuthorizationPolicy.Decision.refuse("only the owner may transfer the case")
                    : AuthorizationPolicy.Decision.allow();
        }).build();
        service.create(TENANT, Fixtures.seedDraft().build());
        Case before = stored(service);

        assertThatThrownBy(() -> service.modify(TENANT, modification().ownerId("someoneelse").build()))
                .isInstanceOfSatisfying(CaseRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo("only the owner may transfer the case"));
        assertThat(stored(service)).isEqualTo(before);
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)).extracting(FieldChange::field).containsExactly("ownerId");

        service.modify(TENANT, modification().title("allowed").build());
        assertThat(stored(service).title()).isEqualTo("allowed");
        service.modify(TENANT, modification().title("allowed").build());
        assertThat(seen).as("a no-op asks the policy too, with no changes").hasSize(3);
        assertThat(seen.get(2)).isEmpty();
    }

    @Test
    void a_pinned_version_must_match() {
        CaseService service = service();
        assertThatThrownBy(() -> service.modify(TENANT, modification().title("x").expectedVersion(7).build()))
                .isInstanceOfSatisfying(CaseConflictException.class, e -> {
                    assertThat(e.expectedVersion()).isEqualTo(7);
                    assertThat(e.actualVersion()).hasValue(1);
                    assertThat(e.retryable()).isFalse();
                });
        assertThat(stored(service).title()).isEqualTo("created");
        service.modify(TENANT, modification().title("x").expectedVersion(1).build());
        assertThat(stored(service).title()).isEqualTo("x");
    }

    @Test
    void a_concurrent_change_is_re_read_and_the_request_re_applied_when_no_version_is_pinned() {
        AtomicInteger interruptions = new AtomicInteger();
        CaseService[] other = new CaseService[1];
        CaseStore racing = new RacingStore(store, () -> {
            if (interruptions.getAndIncrement() == 0) {
                other[0].modify(TENANT, modification().ownerId("winner").build());
            }
        });
        CaseService service = builder(racing).build();
        other[0] = builder(store).build();
        service.create(TENANT, Fixtures.seedDraft().build());

        service.modify(TENANT, modification().priority(io.casekit.core.Priority.HIGH).build());
        Case after = stored(service);
        assertThat(after.version()).isEqualTo(3);
        assertThat(after.ownerId()).contains("winner");
        assertThat(after.priority()).contains(io.casekit.core.Priority.HIGH);
        assertThat(service.history(TENANT, CaseId.of(SEED_CASE))).extracting(HistoryEntry::version)
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void a_pinned_modify_does_not_re_apply_over_a_concurrent_change() {
        CaseService[] other = new CaseService[1];
        AtomicInteger interruptions = new AtomicInteger();
        CaseStore racing = new RacingStore(store, () -> {
            if (interruptions.getAndIncrement() == 0) {
                other[0].modify(TENANT, modification().ownerId("winner").build());
            }
        });
        CaseService service = builder(racing).build();
        other[0] = builder(store).build();
        service.create(TENANT, Fixtures.seedDraft().build());

        assertThatThrownBy(() -> service.modify(TENANT, modification().title("mine").expectedVersion(1).build()))
                .isInstanceOfSatisfying(CaseConflictException.class, e -> assertThat(e.actualVersion()).hasValue(2));
        assertThat(stored(service).title()).isEqualTo("created");
    }

    @Test
    void a_modify_with_its_re_applies_runs_in_one_store_session_and_the_listener_after_it() {
        AtomicInteger sessions = new AtomicInteger();
        AtomicInteger depth = new AtomicInteger();
        List<String> callsOutsideASession = new ArrayList<>();
        AtomicInteger interruptions = new AtomicInteger();
        CaseService[] other = new CaseService[1];
        CaseStore watched = new RacingStore(store, () -> {
            if (interruptions.getAndIncrement() == 0) {
                other[0].modify(TENANT, modification().ownerId("winner").build());
            }
        }) {
            @Override
            public <T> T inSession(java.util.function.Supplier<T> work) {
                sessions.incrementAndGet();
                depth.incrementAndGet();
                try {
                    return work.get();
                } finally {
                    depth.decrementAndGet();
                }
            }

            @Override
            public Optional<Case> find(io.casekit.core.TenantId tenant, CaseId id) {
                if (depth.get() == 0) {
                    callsOutsideASession.add("find");
                }
                return super.find(tenant, id);
            }

            @Override
            public void update(Case updated, long expectedVersion, HistoryEntry entry) {
                if (depth.get() == 0) {
                    callsOutsideASession.add("update");
                }
                super.update(updated, expectedVersion, entry);
            }
        };
        List<Integer> depthSeenByListener = new ArrayList<>();
        CaseService service = CaseService.builder(watched, store).clock(Fixtures.CLOCK)
                .listener((after, entry) -> depthSeenByListener.add(depth.get())).build();
        other[0] = builder(store).build();
        service.create(TENANT, Fixtures.seedDraft().build());
        callsOutsideASession.clear();
        depthSeenByListener.clear();

        service.modify(TENANT, modification().priority(io.casekit.core.Priority.HIGH).build());

        assertThat(sessions).hasValue(1);
        assertThat(callsOutsideASession).isEmpty();
        assertThat(depthSeenByListener).containsExactly(0);
        assertThat(stored(service).version()).as("the modify was re-applied once").isEqualTo(3);
    }

    @Test
    void re_applying_is_bounded() {
        AtomicInteger updates = new AtomicInteger();
        CaseStore alwaysLoses = new RacingStore(store, () -> { }) {
            @Override
            public void update(Case updated, long expectedVersion, HistoryEntry entry) {
                updates.incrementAndGet();
                throw new CaseConflictException(updated.id(), expectedVersion, new RuntimeException("serialization"));
            }
        };
        CaseService service = builder(alwaysLoses).options(CaseServiceOptions.defaults().withMaxReapplies(3)
                .withReapplyBackoff(ReapplyBackoff.none())).build();
        service.create(TENANT, Fixtures.seedDraft().build());
        assertThatThrownBy(() -> service.modify(TENANT, modification().title("never").build()))
                .isInstanceOf(CaseConflictException.class);
        assertThat(updates).hasValue(4);
        assertThat(stored(service).version()).isEqualTo(1);
    }

    @Test
    void preview_shows_the_diff_and_all_violations_and_stores_nothing() {
        CaseService service = service();
        Case before = stored(service);
        ModificationPreview ok = service.preview(TENANT, modification().title("would be").build());
        assertThat(ok.valid()).isTrue();
        assertThat(ok.changes()).extracting(FieldChange::field, FieldChange::newValue)
                .containsExactly(tuple("title", Optional.of(Value.text("would be"))));

        ModificationPreview bad = service.preview(TENANT, modification().ownerId("o9")
                .set("priority", InputValue.text("urgent")).build());
        assertThat(bad.violations()).extracting(Violation::code).containsExactly(ViolationCode.INVALID_VALUE);
        assertThat(bad.changes()).extracting(FieldChange::field).containsExactly("ownerId");

        assertThat(stored(service)).isEqualTo(before);
        assertThat(store.writes()).isEqualTo(1);
        assertThat(heard).isEmpty();
    }

    @Test
    void not_in_the_past_is_checked_in_the_tenant_zone_and_only_when_the_date_changes() {
        CaseService lenient = service();
        lenient.modify(TENANT, modification().set("dueDate", InputValue.text("2023-06-20 00:00:00")).build());

        // The clock is 2026-11-27T10:00Z: 19:00 in Tokyo.
        CaseService strict = builder(store).zone(ZoneId.of("Asia/Tokyo"))
                .options(CaseServiceOptions.defaults().withDueDateNotInPast(true)).build();
        strict.modify(TENANT, modification().set("dueDate", InputValue.text("2023-06-20 00:00:00"))
                .title("overdue but still editable").build());
        assertThat(stored(strict).title()).isEqualTo("overdue but still editable");

        assertThatThrownBy(() -> strict.modify(TENANT, modification()
                .set("dueDate", InputValue.text("2026-11-27 18:59:59")).build()))
                .isInstanceOfSatisfying(CaseValidationException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::path, Violation::code)
                            .containsExactly(tuple("/caseInfo/dueDate", ViolationCode.IN_PAST));
                    assertThat(e.violations().get(0).params()).containsEntry("zone", "Asia/Tokyo");
                });
        strict.modify(TENANT, modification().set("dueDate", InputValue.text("2026-11-27 19:00:00")).build());
        assertThat(stored(strict).dueDate()).contains(LocalDateTime.of(2026, 11, 27, 19, 0));
    }

    @Test
    void a_failing_listener_does_not_undo_or_hide_the_change() {
        CaseService service = CaseService.builder(store, store).clock(Fixtures.CLOCK)
                .listener((after, entry) -> {
                    throw new IllegalStateException("listener down");
                }).build();
        service.create(TENANT, Fixtures.seedDraft().build());
        ModificationResult result = service.modify(TENANT, modification().title("stored anyway").build());
        assertThat(result.current().title()).isEqualTo("stored anyway");
        assertThat(stored(service).title()).isEqualTo("stored anyway");
    }

    @Test
    void history_of_a_missing_case_is_not_found() {
        CaseService service = service();
        assertThatThrownBy(() -> service.history(TENANT, CaseId.of("nope"))).isInstanceOf(CaseNotFoundException.class);
        assertThatThrownBy(() -> service.get(TENANT, CaseId.of("nope"))).isInstanceOf(CaseNotFoundException.class);
        assertThat(service.find(TENANT, CaseId.of("nope"))).isEmpty();
        assertThat(service.templates().find(TENANT, CaseTypeId.of("nosuch"))).isEmpty();
    }

    /** Delegates to a store, running {@code beforeUpdate} before each update: a concurrent writer. */
    private static class RacingStore implements CaseStore {
        private final CaseStore delegate;
        private final Runnable beforeUpdate;

        RacingStore(CaseStore delegate, Runnable beforeUpdate) {
            this.delegate = delegate;
            this.beforeUpdate = beforeUpdate;
        }

        @Override
        public Optional<Case> find(io.casekit.core.TenantId tenant, CaseId id) {
            return delegate.find(tenant, id);
        }

        @Override
        public void insert(Case created, HistoryEntry creation) {
            delegate.insert(created, creation);
        }

        @Override
        public void update(Case updated, long expectedVersion, HistoryEntry entry) {
            beforeUpdate.run();
            delegate.update(updated, expectedVersion, entry);
        }
        @Override
        public boolean erase(io.casekit.core.TenantId tenant, CaseId id) {
            return delegate.erase(tenant, id);
        }


        @Override
        public List<HistoryEntry> history(io.casekit.core.TenantId tenant, CaseId id) {
            return delegate.history(tenant, id);
        }
    }
}

package io.casekit.core.service;

import static io.casekit.core.Fixtures.OTHER_TENANT;
import static io.casekit.core.Fixtures.SEED_CASE;
import static io.casekit.core.Fixtures.SEED_OPERATOR;
import static io.casekit.core.Fixtures.TENANT;
import static io.casekit.core.Fixtures.modification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.casekit.core.Case;
import io.casekit.core.CaseConflictException;
import io.casekit.core.CaseId;
import io.casekit.core.CaseNotFoundException;
import io.casekit.core.CaseRefusedException;
import io.casekit.core.FieldChange;
import io.casekit.core.Fixtures;
import io.casekit.core.HistoryEntry;
import io.casekit.core.InputValue;
import io.casekit.core.MapCaseStore;
import io.casekit.core.Value;
import io.casekit.core.service.AuthorizationRequest.Operation;
import io.casekit.core.spi.CaseStore;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The policy is asked once per operation, with the operation, tenant, actor, case and changes it
 * names; a refusal stores nothing and tells no listener; the default allows everything.
 */
class AuthorizationPolicyTest {
    private static final CaseId SEED = CaseId.of(SEED_CASE);

    private MapCaseStore store;
    private final List<HistoryEntry> heard = new ArrayList<>();
    private final Recording policy = new Recording();

    /** Records every request and refuses the operations it is told to. */
    private static final class Recording implements AuthorizationPolicy {
        final List<AuthorizationRequest> asked = new ArrayList<>();
        final Set<Operation> refused = EnumSet.noneOf(Operation.class);

        @Override
        public Decision decide(AuthorizationRequest request) {
            asked.add(request);
            return refused.contains(request.operation()) ? Decision.refuse("no " + request.operation())
                    : Decision.allow();
        }

        AuthorizationRequest only() {
            assertThat(asked).hasSize(1);
            return asked.get(0);
        }
    }

    @BeforeEach
    void setUp() {
        store = new MapCaseStore();
        store.save(Fixtures.complaint(TENANT));
        store.save(Fixtures.complaint(OTHER_TENANT));
    }

    private CaseService service(CaseStore caseStore) {
        return CaseService.builder(caseStore, store).clock(Fixtures.CLOCK).policy(policy)
                .listener((after, entry) -> heard.add(entry))
                .options(CaseServiceOptions.defaults().withReapplyBackoff(ReapplyBackoff.none())).build();
    }

    /** A service with the seed case stored, and nothing recorded yet. */
    private CaseService withSeedCase() {
        CaseService service = service(store);
        service.create(TENANT, Fixtures.seedDraft().build());
        policy.asked.clear();
        heard.clear();
        return service;
    }

    private Case stored() {
        return store.find(TENANT, SEED).orElseThrow();
    }

    @Test
    void create_asks_once_with_the_creator_the_case_about_to_be_stored_and_every_field_it_sets() {
        CaseService service = service(store);

        Case created = service.create(TENANT, Fixtures.seedDraft().ownerId("o1").build());

        AuthorizationRequest request = policy.only();
        assertThat(request.operation()).isEqualTo(Operation.CREATE);
        assertThat(request.tenant()).isEqualTo(TENANT);
        assertThat(request.actor()).contains(SEED_OPERATOR);
        assertThat(request.target()).isEqualTo(created).isEqualTo(stored());
        assertThat(request.changes()).isEqualTo(service.history(TENANT, SEED).get(0).changes());
        assertThat(request.changes()).extracting(FieldChange::field)
                .contains("title", "description", "ownerId", "AICC__severity__CST");
        assertThat(request.changes()).allSatisfy(change -> assertThat(change.oldValue()).isEmpty());
    }

    @Test
    void a_refused_create_stores_nothing_and_tells_no_listener() {
        CaseService service = service(store);
        policy.refused.add(Operation.CREATE);

        assertThatThrownBy(() -> service.create(TENANT, Fixtures.seedDraft().build()))
                .isInstanceOfSatisfying(CaseRefusedException.class, e -> assertThat(e.reason()).isEqualTo("no CREATE"));

        assertThat(store.find(TENANT, SEED)).isEmpty();
        assertThat(store.writes()).isZero();
        assertThat(heard).isEmpty();
    }

    @Test
    void get_and_find_ask_read_once_with_the_actor_given_or_none() {
        CaseService service = withSeedCase();

        assertThat(service.get(TENANT, SEED)).isEqualTo(stored());
        assertThat(policy.only()).extracting(AuthorizationRequest::operation, AuthorizationRequest::actor,
                AuthorizationRequest::target, AuthorizationRequest::changes)
                .containsExactly(Operation.READ, Optional.empty(), stored(), List.of());

        policy.asked.clear();
        assertThat(service.get(TENANT, SEED, "reader1")).isEqualTo(stored());
        assertThat(policy.only().actor()).contains("reader1");

        policy.asked.clear();
        assertThat(service.find(TENANT, SEED)).contains(stored());
        assertThat(policy.only()).extracting(AuthorizationRequest::operation, AuthorizationRequest::actor)
                .containsExactly(Operation.READ, Optional.empty());

        policy.asked.clear();
        assertThat(service.find(TENANT, SEED, "reader2")).contains(stored());
        assertThat(policy.only()).extracting(AuthorizationRequest::operation, AuthorizationRequest::actor,
                AuthorizationRequest::tenant).containsExactly(Operation.READ, Optional.of("reader2"), TENANT);
    }

    @Test
    void a_refused_read_is_a_refusal_for_get_and_find_alike() {
        CaseService service = withSeedCase();
        policy.refused.add(Operation.READ);

        assertThatThrownBy(() -> service.get(TENANT, SEED)).isInstanceOf(CaseRefusedException.class);
        assertThatThrownBy(() -> service.get(TENANT, SEED, "reader1")).isInstanceOf(CaseRefusedException.class);
        assertThatThrownBy(() -> service.find(TENANT, SEED)).isInstanceOf(CaseRefusedException.class);
        assertThatThrownBy(() -> service.find(TENANT, SEED, "reader1"))
                .isInstanceOfSatisfying(CaseRefusedException.class, e -> assertThat(e.reason()).isEqualTo("no READ"));
        assertThat(policy.asked).hasSize(4);
    }

    @Test
    void history_asks_once_with_the_case_as_stored_and_a_refusal_returns_nothing() {
        CaseService service = withSeedCase();
        service.modify(TENANT, modification().title("second").build());
        policy.asked.clear();

        assertThat(service.history(TENANT, SEED, "auditor")).hasSize(2);
        assertThat(policy.only()).extracting(AuthorizationRequest::operation, AuthorizationRequest::actor,
                AuthorizationRequest::target, AuthorizationRequest::changes)
                .containsExactly(Operation.HISTORY, Optional.of("auditor"), stored(), List.of());

        policy.asked.clear();
        assertThat(service.history(TENANT, SEED)).hasSize(2);
        assertThat(policy.only().actor()).isEmpty();

        policy.refused.add(Operation.HISTORY);
        assertThatThrownBy(() -> service.history(TENANT, SEED))
                .isInstanceOfSatisfying(CaseRefusedException.class, e -> assertThat(e.reason()).isEqualTo("no HISTORY"));
    }

    @Test
    void a_case_of_another_tenant_or_none_is_not_found_without_asking() {
        CaseService service = withSeedCase();
        policy.refused.addAll(EnumSet.allOf(Operation.class));

        assertThatThrownBy(() -> service.get(OTHER_TENANT, SEED)).isInstanceOf(CaseNotFoundException.class);
        assertThat(service.find(OTHER_TENANT, SEED, "reader1")).isEmpty();
        assertThatThrownBy(() -> service.history(OTHER_TENANT, SEED)).isInstanceOf(CaseNotFoundException.class);
        assertThatThrownBy(() -> service.history(TENANT, CaseId.of("nosuchcase"), "auditor"))
                .isInstanceOf(CaseNotFoundException.class);
        assertThatThrownBy(() -> service.preview(OTHER_TENANT, modification().title("x").build()))
                .isInstanceOf(CaseNotFoundException.class);
        assertThatThrownBy(() -> service.modify(OTHER_TENANT, modification().title("x").build()))
                .isInstanceOf(CaseNotFoundException.class);
        assertThat(policy.asked).isEmpty();
    }

    @Test
    void preview_asks_once_with_the_operator_and_the_diff_and_a_refusal_shows_nothing() {
        CaseService service = withSeedCase();

        ModificationPreview preview = service.preview(TENANT, modification().title("would be").build());

        AuthorizationRequest request = policy.only();
        assertThat(request).extracting(AuthorizationRequest::operation, AuthorizationRequest::actor,
                AuthorizationRequest::target).containsExactly(Operation.PREVIEW, Optional.of(SEED_OPERATOR), stored());
        assertThat(request.changes()).isEqualTo(preview.changes()).extracting(FieldChange::field, FieldChange::newValue)
                .containsExactly(tuple("title", Optional.of(Value.text("would be"))));

        policy.asked.clear();
        service.preview(TENANT, modification().build());
        assertThat(policy.only().changes()).as("a preview that changes nothing still shows the case").isEmpty();

        policy.asked.clear();
        ModificationPreview invalid = service.preview(TENANT, io.casekit.core.CaseModification.builder(SEED_CASE, "")
                .ownerId("o9").set("priority", InputValue.text("urgent")).build());
        assertThat(invalid.valid()).isFalse();
        assertThat(policy.only().actor()).as("an invalid operator is no actor").isEmpty();
        assertThat(policy.only().changes()).extracting(FieldChange::field).containsExactly("ownerId");

        policy.refused.add(Operation.PREVIEW);
        assertThatThrownBy(() -> service.preview(TENANT, modification().title("would be").build()))
                .isInstanceOf(CaseRefusedException.class);
        assertThat(store.writes()).isEqualTo(1);
        assertThat(heard).isEmpty();
    }

    @Test
    void modify_asks_once_with_the_operator_the_case_before_and_the_diff() {
        CaseService service = withSeedCase();
        Case before = stored();

        service.modify(TENANT, modification().title("new title").ownerId("o1").build());

        AuthorizationRequest request = policy.only();
        assertThat(request).extracting(AuthorizationRequest::operation, AuthorizationRequest::tenant,
                AuthorizationRequest::actor, AuthorizationRequest::target)
                .containsExactly(Operation.MODIFY, TENANT, Optional.of(SEED_OPERATOR), before);
        assertThat(request.changes()).extracting(FieldChange::field, FieldChange::oldValue, FieldChange::newValue)
                .containsExactly(tuple("title", Optional.of(Value.text("created")), Optional.of(Value.text("new title"))),
                        tuple("ownerId", Optional.empty(), Optional.of(Value.text("o1"))));
        assertThat(stored().version()).isEqualTo(2);
    }

    @Test
    void a_refused_modify_stores_nothing_and_tells_no_listener_even_when_it_would_change_nothing() {
        CaseService service = withSeedCase();
        Case before = stored();
        policy.refused.add(Operation.MODIFY);

        assertThatThrownBy(() -> service.modify(TENANT, modification().title("new title").build()))
                .isInstanceOfSatisfying(CaseRefusedException.class, e -> assertThat(e.reason()).isEqualTo("no MODIFY"));
        assertThatThrownBy(() -> service.modify(TENANT, modification().build()))
                .as("a no-op answers nothing a refused caller could learn from").isInstanceOf(CaseRefusedException.class);
        assertThat(policy.asked.get(1).changes()).isEmpty();
        assertThatThrownBy(() -> service.modify(TENANT, modification().title("x").expectedVersion(7).build()))
                .as("the refusal comes before the version check").isInstanceOf(CaseRefusedException.class);

        assertThat(stored()).isEqualTo(before);
        assertThat(store.writes()).isEqualTo(1);
        assertThat(store.history(TENANT, SEED)).hasSize(1);
        assertThat(heard).isEmpty();
        assertThat(policy.asked).extracting(AuthorizationRequest::operation).containsOnly(Operation.MODIFY).hasSize(3);
    }

    @Test
    void a_re_applied_modify_asks_again_with_the_case_as_re_read_and_never_asks_to_read() {
        AtomicInteger updates = new AtomicInteger();
        CaseService other = CaseService.builder(store, store).clock(Fixtures.CLOCK).build();
        CaseStore racing = new DelegatingStore(store) {
            @Override
            public void update(Case updated, long expectedVersion, HistoryEntry entry) {
                if (updates.getAndIncrement() == 0) {
                    other.modify(TENANT, modification().ownerId("winner").build());
                }
                super.update(updated, expectedVersion, entry);
            }
        };
        CaseService service = service(racing);
        service.create(TENANT, Fixtures.seedDraft().build());
        policy.asked.clear();

        service.modify(TENANT, modification().title("mine").build());

        assertThat(policy.asked).extracting(AuthorizationRequest::operation).containsExactly(Operation.MODIFY,
                Operation.MODIFY);
        assertThat(policy.asked.get(0).target().version()).isEqualTo(1);
        assertThat(policy.asked.get(1).target().version()).isEqualTo(2);
        assertThat(policy.asked.get(1).target().ownerId()).contains("winner");
        assertThat(policy.asked.get(1).changes()).extracting(FieldChange::field).containsExactly("title");
        assertThat(stored().version()).isEqualTo(3);
    }

    @Test
    void the_default_allows_every_operation() {
        CaseService service = CaseService.builder(store, store).clock(Fixtures.CLOCK).build();
        Case created = service.create(TENANT, Fixtures.seedDraft().build());
        assertThat(service.get(TENANT, SEED)).isEqualTo(created);
        assertThat(service.get(TENANT, SEED, "reader1")).isEqualTo(created);
        assertThat(service.find(TENANT, SEED)).contains(created);
        assertThat(service.find(TENANT, SEED, "reader1")).contains(created);
        assertThat(service.history(TENANT, SEED)).hasSize(1);
        assertThat(service.history(TENANT, SEED, "auditor")).hasSize(1);
        assertThatThrownBy(() -> service.history(TENANT, CaseId.of("nosuchcase"))).isInstanceOf(CaseNotFoundException.class);
        assertThat(service.preview(TENANT, modification().title("t").build()).valid()).isTrue();
        assertThat(service.modify(TENANT, modification().title("t").build()).current().version()).isEqualTo(2);
        assertThat(service.modify(TENANT, modification().title("t").build()).noOp()).isTrue();

        for (Operation operation : Operation.values()) {
            AuthorizationRequest request = switch (operation) {
                case QUERY -> AuthorizationRequest.ofQuery(TENANT, Optional.empty(), io.casekit.core.query.CaseQuery.builder().build());
                case STATISTICS -> AuthorizationRequest.ofStatistics(TENANT, Optional.empty());
                default -> AuthorizationRequest.of(operation, TENANT, Optional.empty(), created, List.of());
            };
            assertThat(AuthorizationPolicy.allowAll().decide(request)).isInstanceOf(AuthorizationPolicy.Decision.Allow.class);
        }
    }

    @Test
    void a_blank_actor_is_refused_before_anything_is_read() {
        CaseService service = withSeedCase();
        assertThatThrownBy(() -> service.get(TENANT, SEED, " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("actor must not be blank");
        assertThatThrownBy(() -> service.history(TENANT, SEED, "")).isInstanceOf(IllegalArgumentException.class);
        assertThat(policy.asked).isEmpty();
    }

    @Test
    void a_request_is_checked_when_built() {
        Case created = withSeedCase().get(TENANT, SEED);
        FieldChange change = new FieldChange("title", Optional.empty(), Optional.of(Value.text("x")));

        assertThatThrownBy(() -> AuthorizationRequest.of(Operation.READ, OTHER_TENANT, Optional.empty(), created, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another tenant");
        assertThatThrownBy(() -> AuthorizationRequest.of(Operation.HISTORY, TENANT, Optional.empty(), created,
                List.of(change))).isInstanceOf(IllegalArgumentException.class);
        List<FieldChange> changes = new ArrayList<>(List.of(change));
        AuthorizationRequest request = AuthorizationRequest.of(Operation.MODIFY, TENANT, Optional.of("a"), created, changes);
        changes.clear();
        assertThat(request.changes()).containsExactly(change);
        assertThat(request).isEqualTo(AuthorizationRequest.of(Operation.MODIFY, TENANT, Optional.of("a"), created,
                List.of(change)));
        assertThat(request.toString()).contains("MODIFY", "title").doesNotContain("\"x\"", "Text[");
    }

    @Test
    void a_pinned_version_that_no_longer_stands_is_a_conflict_once_allowed() {
        CaseService service = withSeedCase();
        assertThatThrownBy(() -> service.modify(TENANT, modification().title("x").expectedVersion(7).build()))
                .isInstanceOf(CaseConflictException.class);
        assertThat(policy.only().operation()).isEqualTo(Operation.MODIFY);
    }
}

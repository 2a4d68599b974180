package io.casekit.core.service;

import io.casekit.core.Case;
import io.casekit.core.CaseConflictException;
import io.casekit.core.CaseDraft;
import io.casekit.core.CaseId;
import io.casekit.core.CaseModification;
import io.casekit.core.CaseNotFoundException;
import io.casekit.core.CaseReadOnlyException;
import io.casekit.core.CaseRefusedException;
import io.casekit.core.CaseState;
import io.casekit.core.CaseTypeId;
import io.casekit.core.CaseValidationException;
import io.casekit.core.FieldChange;
import io.casekit.core.HistoryEntry;
import io.casekit.core.InputValue;
import io.casekit.core.Patch;
import io.casekit.core.StandardField;
import io.casekit.core.TenantId;
import io.casekit.core.Value;
import io.casekit.core.Violation;
import io.casekit.core.ViolationCode;
import io.casekit.core.WireFormats;
import io.casekit.core.query.CaseFilter;
import io.casekit.core.query.CasePage;
import io.casekit.core.query.CaseQuery;
import io.casekit.core.query.CaseSort;
import io.casekit.core.query.QueryValidation;
import io.casekit.core.service.CaseServiceObserver.Call;
import io.casekit.core.service.CaseServiceObserver.Outcome;
import io.casekit.core.spi.CaseQueries;
import io.casekit.core.spi.CaseStore;
import io.casekit.core.spi.TemplateCatalog;
import io.casekit.core.template.CaseType;
import io.casekit.core.template.FlowStatus;
import io.casekit.core.template.StatusFlow;
import io.casekit.core.validation.RequestValidator;
import io.casekit.core.validation.ValidatedDraft;
import io.casekit.core.validation.ValidatedModification;
import io.casekit.core.validation.ViolationMessages;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Creates, reads, previews and modifies the cases of a tenant, enforcing every rule of the case
 * model, against any {@link CaseStore}. Thread-safe: build one per store and share it.
 *
 * <p>A modify is: validate the request, load the case, resolve its type's template, compute the
 * diff; the {@link AuthorizationPolicy} decides; a request that changes nothing is a no-op (no new
 * version, no history, no listener call). Otherwise the store writes the new version and its history
 * entry in one atomic compare-and-set. When another change won the race, a modify without an
 * expected version waits a random while ({@link CaseServiceOptions#reapplyBackoff()}), re-reads the
 * case and re-applies the request (a partial update is well defined on any version), up to
 * {@link CaseServiceOptions#maxReapplies()} times; one with an expected version fails with a
 * {@link CaseConflictException}. All of that runs in one {@linkplain CaseStore#inSession store
 * session} (one connection for a JDBC store, held while waiting; each statement is its own
 * transaction, so no database lock is); the {@link CaseChangeListener} is told after it, through
 * {@link CaseStore#afterCommit}: at once, or, when the store joined a host's transaction, once that
 * commits, and never when it rolls back.
 *
 * <p>Every operation (create, read, history, preview, modify, query and count) asks the
 * {@link AuthorizationPolicy} once, with the operation named; see there for when. Reads and queries
 * through the Java API have an actor only when the caller passes one
 * ({@link #get(TenantId, CaseId, String)}, {@link #query(TenantId, CaseQuery, String)} and their
 * siblings); the overloads without it ask the policy with no actor. A policy may restrict a query
 * to the cases it allows ({@link AuthorizationPolicy.Decision#allowWhere}); the page and the count
 * are then those of the allowed cases.
 *
 * <p>Every failure is a {@link io.casekit.core.CaseException}: {@link CaseValidationException} with
 * the violations (the first 100 in request order, and their count), {@link CaseNotFoundException} (also for a case of another tenant),
 * {@link CaseConflictException}, {@link CaseRefusedException},
 * {@link io.casekit.core.DuplicateCaseException}, {@link io.casekit.core.StorageUnavailableException}.
 * A null argument is the caller's bug, a {@link NullPointerException} naming it, thrown before any
 * store call. Timestamps are the clock's instant truncated to milliseconds, which every store holds
 * exactly.
 *
 * <p>Each public call is watched by the {@link CaseServiceObserver} ({@link Builder#observer}): its
 * operation, its outcome, and the re-applies and give-ups of a modify or lifecycle call.
 */
public final class CaseService {
    private static final System.Logger LOG = System.getLogger(CaseService.class.getName());

    private final CaseStore store;
    private final TemplateCatalog templates;
    private final Clock clock;
    private final ZoneId zone;
    private final CaseIdGenerator ids;
    private final AuthorizationPolicy policy;
    private final CaseChangeListener listener;
    private final CaseServiceObserver observer;
    private final CaseServiceOptions options;
    private final RequestValidator validator = new RequestValidator();

    private CaseService(Builder b) {
        this.store = b.store;
        this.templates = b.templates;
        this.clock = b.clock;
        this.zone = b.zone;
        this.ids = b.ids;
        this.policy = b.policy;
        this.listener = b.listener;
        this.observer = b.observer;
        this.options = b.options;
    }

    /** A builder of a service on this store and catalog; everything else has a default. */
    public static Builder builder(CaseStore store, TemplateCatalog templates) {
        return new Builder(store, templates);
    }

    /** The store, for the lifecycle's operations. */
    CaseStore store() {
        return store;
    }

    /** The options, for the lifecycle's operations. */
    CaseServiceOptions options() {
        return options;
    }

    /** The catalog of case types this service resolves templates from. */
    public TemplateCatalog templates() {
        return templates;
    }

    /**
     * The tenants' zone ({@link Builder#zone}), in which {@code dueDate} and the wire's local
     * date-times (such as the list call's {@code startTime} and {@code endTime}) are read.
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Creates a case.
     *
     * @throws CaseValidationException             with the violations of the request (the first 100
     *                                              in request order, {@code in_past} included) and their count
     * @throws io.casekit.core.DuplicateCaseException when the request names an id the tenant has
     * @throws CaseRefusedException                  when the authorization policy refuses it
     *                                               ({@code CREATE}, with the case about to be stored)
     */
    public Case create(TenantId tenant, CaseDraft draft) {
        return observed(CaseServiceObserver.Operation.CREATE, call -> insert(tenant, draft));
    }

    private Case insert(TenantId tenant, CaseDraft draft) {
        requireArguments(tenant, draft, "draft");
        Optional<CaseType> type = Optional.empty();
        if (draft.patch(StandardField.TYPE) instanceof Patch.Set<InputValue> set
                && set.value() instanceof InputValue.Text text && CaseTypeId.isValid(text.value())) {
            type = templates.find(tenant, CaseTypeId.of(text.value()));
        }
        ValidatedDraft valid = validator.validate(draft, type, dueDateNotBefore());
        if (!valid.valid()) {
            throw valid.failure();
        }
        Instant now = now();
        Map<String, Value> values = valid.values();
        CaseId id = valid.id().orElseGet(() -> ids.next(tenant));
        // A valid draft names a type the tenant has; its flow's first status is the new case's.
        FlowStatus first = type.map(CaseType::statusFlow).orElse(StatusFlow.DEFAULT).first();
        Case created = Case.builder().tenant(tenant).id(id).typeId(valid.type().orElseThrow())
                .title(text(values.get("title"))).description(text(values.get("description")))
                .version(1).createdBy(valid.creator().orElseThrow()).createdAt(now).updatedAt(now)
                .status(first.name()).state(first.state())
                .build();
        List<FieldChange> changes = new ArrayList<>();
        for (Map.Entry<String, Value> e : values.entrySet()) {
            created = created.with(e.getKey(), Optional.of(e.getValue()));
            changes.add(new FieldChange(e.getKey(), Optional.empty(), Optional.of(e.getValue())));
        }
        changes.add(new FieldChange(StandardField.STATUS, Optional.empty(), Optional.of(Value.text(first.name()))));
        changes.add(new FieldChange(StandardField.STATE, Optional.empty(), Optional.of(Value.text(first.state().wireName()))));
        HistoryEntry creation = new HistoryEntry(tenant, id, 1, now, created.createdBy(), changes);
        authorize(AuthorizationRequest.Operation.CREATE, tenant, Optional.of(created.createdBy()), created,
                creation.changes());
        store.insert(created, creation);
        notifyListener(created, creation);
        return created;
    }

    /**
     * The case, if the tenant has it; the policy is asked ({@code READ}, no actor) when it does.
     *
     * @throws CaseRefusedException when the policy refuses, or answers {@code allowWhere} with filters
     *                              the case does not match: a refused read is a refusal, not an empty
     *                              result (our decision: "absent" would lie to a host that then
     *                              creates the case, and the tenant boundary, not the policy, is what
     *                              makes a case invisible)
     */
    public Optional<Case> find(TenantId tenant, CaseId id) {
        return observedFind(tenant, id, Optional::empty);
    }

    /**
     * The case, if the tenant has it, read on behalf of {@code actor}, whom the policy sees.
     *
     * @throws CaseRefusedException     when the policy refuses (not an empty result; see {@link #find(TenantId, CaseId)})
     * @throws IllegalArgumentException when {@code actor} is blank
     */
    public Optional<Case> find(TenantId tenant, CaseId id, String actor) {
        return observedFind(tenant, id, () -> Optional.of(checkedActor(actor)));
    }

    /** A find is NOT_FOUND when it finds nothing (the caller's "absent" is still an answer, not an error). */
    private Optional<Case> observedFind(TenantId tenant, CaseId id, Supplier<Optional<String>> actor) {
        return ObservedCall.run(observer, CaseServiceObserver.Operation.READ, call -> read(tenant, id, actor.get()),
                found -> found.isPresent() ? Outcome.SUCCESS : Outcome.NOT_FOUND);
    }

    /**
     * The case; the policy is asked ({@code READ}, no actor).
     *
     * @throws CaseNotFoundException when the tenant has no such case (the policy is not asked)
     * @throws CaseRefusedException  when the policy refuses
     */
    public Case get(TenantId tenant, CaseId id) {
        return observed(CaseServiceObserver.Operation.READ,
                call -> read(tenant, id, Optional.empty()).orElseThrow(() -> new CaseNotFoundException(id)));
    }

    /**
     * The case, read on behalf of {@code actor}, whom the policy sees.
     *
     * @throws CaseNotFoundException    when the tenant has no such case (the policy is not asked)
     * @throws CaseRefusedException     when the policy refuses
     * @throws IllegalArgumentException when {@code actor} is blank
     */
    public Case get(TenantId tenant, CaseId id, String actor) {
        return observed(CaseServiceObserver.Operation.READ, call -> read(tenant, id, Optional.of(checkedActor(actor)))
                .orElseThrow(() -> new CaseNotFoundException(id)));
    }

    /**
     * The history of a case, oldest first, starting with its creation; the policy is asked
     * ({@code HISTORY}, no actor, with the case as stored). The case is read before the history,
     * in one store session but not one transaction: a change stored in between is in the history
     * though the policy saw the case before it.
     *
     * @throws CaseNotFoundException when the tenant has no such case (the policy is not asked)
     * @throws CaseRefusedException  when the policy refuses
     */
    public List<HistoryEntry> history(TenantId tenant, CaseId id) {
        return observed(CaseServiceObserver.Operation.HISTORY, call -> readHistory(tenant, id, Optional.empty()));
    }

    /**
     * The history of a case, read on behalf of {@code actor}, whom the policy sees.
     *
     * @throws CaseNotFoundException    when the tenant has no such case (the policy is not asked)
     * @throws CaseRefusedException     when the policy refuses
     * @throws IllegalArgumentException when {@code actor} is blank
     */
    public List<HistoryEntry> history(TenantId tenant, CaseId id, String actor) {
        return observed(CaseServiceObserver.Operation.HISTORY,
                call -> readHistory(tenant, id, Optional.of(checkedActor(actor))));
    }

    /**
     * One page of the history of a case: its entries of version greater than {@code afterVersion},
     * oldest first, at most {@code limit} of them, read without loading the rest of the history (see
     * {@link CaseStore#historyPage}). Pass 0 for the first page, then
     * {@link HistoryPage#nextAfterVersion()} until it is empty. The policy is asked exactly as for
     * {@link #history(TenantId, CaseId)} ({@code HISTORY}, no actor, the case as stored), for every
     * page. The case is read first (whatever the policy), in one store session with the page: it tells
     * a missing case from a position past the end, and whether more entries follow. A change stored
     * between the two reads may be in the page; the next page then starts after it.
     *
     * @param afterVersion the last version the caller has; 0 for the first page; a position at or past
     *                     the latest version gives an empty page, not an error
     * @param limit        the most entries to return, 1 to {@link CaseStore#MAX_HISTORY_PAGE} (1,000)
     * @throws CaseNotFoundException    when the tenant has no such case (the policy is not asked)
     * @throws CaseRefusedException     when the policy refuses
     * @throws IllegalArgumentException when {@code afterVersion} is negative or {@code limit} is out of
     *                                  range; nothing is read
     */
    public HistoryPage historyPage(TenantId tenant, CaseId id, long afterVersion, int limit) {
        return observed(CaseServiceObserver.Operation.HISTORY,
                call -> readHistoryPage(tenant, id, afterVersion, limit, Optional.empty()));
    }

    /**
     * One page of the history of a case, read on behalf of {@code actor}, whom the policy sees; see
     * {@link #historyPage(TenantId, CaseId, long, int)}.
     *
     * @throws CaseNotFoundException    when the tenant has no such case (the policy is not asked)
     * @throws CaseRefusedException     when the policy refuses
     * @throws IllegalArgumentException when {@code actor} is blank, {@code afterVersion} negative or
     *                                  {@code limit} out of range; nothing is read
     */
    public HistoryPage historyPage(TenantId tenant, CaseId id, long afterVersion, int limit, String actor) {
        return observed(CaseServiceObserver.Operation.HISTORY,
                call -> readHistoryPage(tenant, id, afterVersion, limit, Optional.of(checkedActor(actor))));
    }

    private HistoryPage readHistoryPage(TenantId tenant, CaseId id, long afterVersion, int limit,
                                        Optional<String> actor) {
        CaseStore.checkHistoryPage(tenant, id, afterVersion, limit);
        return store.inSession(() -> {
            Case target = store.find(tenant, id).orElseThrow(() -> new CaseNotFoundException(id));
            authorize(AuthorizationRequest.Operation.HISTORY, tenant, actor, target, List.of());
            List<HistoryEntry> entries = store.historyPage(tenant, id, afterVersion, limit);
            if (entries.isEmpty() || entries.size() < limit) {
                return new HistoryPage(entries, OptionalLong.empty());
            }
            long last = entries.get(entries.size() - 1).version();
            // More follow when the page stops short of the version the case had when it was read.
            return new HistoryPage(entries, last < target.version() ? OptionalLong.of(last) : OptionalLong.empty());
        });
    }

    private Optional<Case> read(TenantId tenant, CaseId id, Optional<String> actor) {
        requireArguments(tenant, id, "id");
        Optional<Case> found = store.find(tenant, id);
        if (found.isPresent()) {
            authorize(AuthorizationRequest.Operation.READ, tenant, actor, found.get(), List.of());
        }
        return found;
    }

    private List<HistoryEntry> readHistory(TenantId tenant, CaseId id, Optional<String> actor) {
        requireArguments(tenant, id, "id");
        if (policy == AuthorizationPolicy.allowAll()) {
            // The default policy looks at nothing: no need to read the case it would be shown.
            return nonEmptyHistory(tenant, id);
        }
        return store.inSession(() -> {
            Case target = store.find(tenant, id).orElseThrow(() -> new CaseNotFoundException(id));
            authorize(AuthorizationRequest.Operation.HISTORY, tenant, actor, target, List.of());
            return nonEmptyHistory(tenant, id);
        });
    }

    private List<HistoryEntry> nonEmptyHistory(TenantId tenant, CaseId id) {
        List<HistoryEntry> history = store.history(tenant, id);
        if (history.isEmpty()) {
            throw new CaseNotFoundException(id);
        }
        return history;
    }

    /**
     * A null argument is the caller's bug: a {@link NullPointerException} naming it, before any store
     * call, so that it can never pass for a failure of the store.
     */
    private static void requireArguments(TenantId tenant, Object argument, String name) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(argument, name);
    }

    private static String checkedActor(String actor) {
        if (Objects.requireNonNull(actor, "actor").isBlank()) {
            throw new IllegalArgumentException("actor must not be blank");
        }
        return actor;
    }

    /** Asks the policy; the default one needs no request built. */
    void authorize(AuthorizationRequest.Operation operation, TenantId tenant, Optional<String> actor, Case target,
                           List<FieldChange> changes) {
        if (policy == AuthorizationPolicy.allowAll()) {
            return;
        }
        AuthorizationPolicy.Decision decision = policy.decide(AuthorizationRequest.of(operation, tenant, actor, target,
                changes));
        if (Objects.requireNonNull(decision, "the authorization policy's decision") instanceof AuthorizationPolicy.Decision.Refuse refuse) {
            throw new CaseRefusedException(refuse.reason());
        }
        if (decision instanceof AuthorizationPolicy.Decision.AllowWhere where) {
            checkPolicyFilters(tenant, where.filters());
            for (CaseFilter filter : where.filters()) {
                if (!filter.test(target)) {
                    throw new CaseRefusedException(OUTSIDE_POLICY);
                }
            }
        }
    }

    /** The reason of a refusal of statistics to a caller the policy restricts to some cases (our decision). */
    static final String STATISTICS_RESTRICTED = "statistics cover all of the tenant's cases, and the authorization policy "
            + "allows this caller only some";

    /** The reason of a refusal because the case does not match the policy's filters; names no field. */
    static final String OUTSIDE_POLICY = "the case is not among the cases the authorization policy allows";

    /**
     * Filters a policy returned must be a valid query on their own: they are the host's code, so a
     * fault is a programming error, not the caller's.
     */
    private void checkPolicyFilters(TenantId tenant, List<CaseFilter> filters) {
        if (filters.isEmpty()) {
            return;
        }
        CaseQuery alone = new CaseQuery(filters, CaseSort.defaults(), 1, Optional.empty());
        List<Violation> violations = QueryValidation.validate(alone, id -> templates.find(tenant, id));
        if (!violations.isEmpty()) {
            throw new IllegalStateException("the authorization policy returned filters that are not a valid query: "
                    + violations.stream().map(v -> v.path() + " " + v.code().code() + " (" + v.message() + ")").toList());
        }
    }

    /**
     * Modifies a case.
     *
     * @return the stored case and the fields that changed (none for a no-op)
     * @throws CaseValidationException with every violation of the request
     * @throws CaseNotFoundException   when the tenant has no such case
     * @throws CaseConflictException   when the case is not at the expected version, or concurrent
     *                                 changes kept winning for longer than the re-apply bound (then
     *                                 with {@link CaseConflictException#reapplies()}, the last lost race
     *                                 as its cause and the earlier ones suppressed; also when the thread
     *                                 is interrupted while waiting to re-apply, with the interrupt
     *                                 status set again and the {@link InterruptedException} suppressed)
     * @throws CaseRefusedException    when the authorization policy refuses ({@code MODIFY}; asked also
     *                                 for a request that changes nothing, and again at each re-apply)
     */
    public ModificationResult modify(TenantId tenant, CaseModification modification) {
        return observedChange(CaseServiceObserver.Operation.MODIFY, call -> {
            requireArguments(tenant, modification, "modification");
            Modified modified = store.inSession(() -> modifyInSession(tenant, modification, call));
            if (modified.entry != null) {
                notifyListener(modified.result.current(), modified.entry);
            }
            return modified.result;
        });
    }

    /** Runs a public call under the observer; it ends as a {@link Outcome#SUCCESS} unless it throws. */
    private <T> T observed(CaseServiceObserver.Operation operation, Function<Call, T> call) {
        return ObservedCall.run(observer, operation, call, result -> Outcome.SUCCESS);
    }

    /** Runs a modify or lifecycle call under the observer: a result that changed nothing is a {@link Outcome#NO_OP}. */
    private ModificationResult observedChange(CaseServiceObserver.Operation operation,
                                              Function<Call, ModificationResult> call) {
        return ObservedCall.run(observer, operation, call, result -> result.noOp() ? Outcome.NO_OP : Outcome.SUCCESS);
    }

    /** What a modify stored: the result, and the history entry (null for a no-op) for the listener. */
    record Modified(ModificationResult result, @org.jspecify.annotations.Nullable HistoryEntry entry) {}

    /** Everything of a modify but the listener, which runs after the store's session. */
    private Modified modifyInSession(TenantId tenant, CaseModification modification, Call call) {
        Checked checked = check(tenant, modification);
        if (!checked.violations.isEmpty()) {
            throw checked.request.failure();
        }
        ValidatedModification request = checked.request;
        Case current = checked.current;
        CaseId id = current.id();
        Optional<String> operator = request.operator();
        String actor = operator.orElseThrow();
        List<CaseConflictException> lostEarlier = null;
        for (int attempt = 0; ; attempt++) {
            List<FieldChange> changes = attempt == 0 ? checked.changes : diff(current, request.changes());
            if (attempt > 0 && !changes.isEmpty()) {
                List<Violation> late = new ArrayList<>();
                checkNotInPast(changes, late);
                if (!late.isEmpty()) {
                    throw new CaseValidationException(late);
                }
            }
            // Before the version check and the no-op answer, so that neither tells a refused caller about the case.
            authorize(AuthorizationRequest.Operation.MODIFY, tenant, operator, current, changes);
            if (current.closedAt().isPresent()) {
                throw new CaseReadOnlyException(id, CaseState.COMPLETED);
            }
            if (current.state() == CaseState.CANCELLED) {
                throw new CaseReadOnlyException(id, CaseState.CANCELLED);
            }
            if (request.expectedVersion().isPresent() && request.expectedVersion().getAsLong() != current.version()) {
                throw new CaseConflictException(id, request.expectedVersion().getAsLong(), current.version());
            }
            if (changes.isEmpty()) {
                return new Modified(new ModificationResult(current, List.of()), null);
            }
            Instant now = now();
            Case updated = apply(current, changes).withVersion(current.version() + 1, now);
            HistoryEntry entry = new HistoryEntry(tenant, id, updated.version(), now, actor, changes);
            try {
                store.update(updated, current.version(), entry);
            } catch (CaseConflictException conflict) {
                if (request.expectedVersion().isPresent() && conflict.actualVersion().isPresent()) {
                    throw conflict; // the pinned version is gone: the store's conflict names it and the actual one
                }
                if (attempt >= options.maxReapplies()) {
                    throw gaveUp(call, conflict, attempt, lostEarlier, null);
                }
                if (request.expectedVersion().isEmpty()) {
                    // A pinned modify whose transaction was aborted re-reads at once: its version may still stand.
                    try {
                        options.reapplyBackoff().pause(attempt + 1);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw gaveUp(call, conflict, attempt, lostEarlier, interrupted);
                    }
                }
                if (lostEarlier == null) {
                    lostEarlier = new ArrayList<>(options.maxReapplies());
                }
                lostEarlier.add(conflict);
                call.reapplied(attempt + 1);
                current = store.find(tenant, id).orElseThrow(() -> new CaseNotFoundException(id));
                continue;
            }
            return new Modified(new ModificationResult(updated, changes), entry);
        }
    }

    // --- lifecycle (domain-rules §10) -------------------------------------------------------------

    private final CaseLifecycle lifecycle = new CaseLifecycle(this);

    /**
     * Moves a case to another status of its type's flow (AICC {@code POST status/update}). Without
     * strict order any status of the flow may follow; with it only the next one. The state becomes
     * the one the status maps to. Moving to the current status changes nothing.
     *
     * @param remark optional, at most 2,000 bytes; null for none
     * @return the stored case and what changed ({@code status}, {@code state}); none for a no-op
     * @throws CaseValidationException with every violation of the texts ({@code /id},
     *                                 {@code /creatorId}, {@code /status}, {@code /remark}), or
     *                                 {@code invalid_transition} at {@code /status}: a status the
     *                                 flow does not have, or not the next one under strict order
     * @throws CaseNotFoundException   when the tenant has no such case
     * @throws CaseReadOnlyException   when the case is closed or cancelled
     * @throws CaseRefusedException    when the policy refuses ({@code CHANGE_STATUS})
     * @throws CaseConflictException   when concurrent changes kept winning beyond the re-apply bound
     */
    public ModificationResult changeStatus(TenantId tenant, CaseId id, String actor, String status,
                                           @org.jspecify.annotations.Nullable String remark) {
        return lifecycle(tenant, id, new CaseLifecycle.Request(io.casekit.core.ChangeKind.STATUS,
                AuthorizationRequest.Operation.CHANGE_STATUS, "id", id, actor, status, remark, false, null, null));
    }

    /** {@link #changeStatus(TenantId, CaseId, String, String, String)} without a remark. */
    public ModificationResult changeStatus(TenantId tenant, CaseId id, String actor, String status) {
        return changeStatus(tenant, id, actor, status, null);
    }

    /**
     * Closes a case (AICC {@code POST close}), only from the last status of its type's flow: its
     * state becomes {@code Completed}, the closing time is recorded ({@link Case#closedAt()}, the
     * time of the history entry), and it is read-only until reopened. Closing a closed case changes
     * nothing.
     *
     * @param remark       required, at most 2,000 bytes
     * @param closedReason optional, at most 255 bytes; null for none
     * @throws CaseValidationException texts ({@code /caseId}, {@code /creatorId}, {@code /remark},
     *                                 {@code /closedReason}), or {@code invalid_transition} at
     *                                 {@code /caseId} when the case is not in the last status
     * @throws CaseReadOnlyException   when the case is cancelled
     * @throws CaseNotFoundException   when the tenant has no such case
     * @throws CaseRefusedException    when the policy refuses ({@code CLOSE})
     * @throws CaseConflictException   when concurrent changes kept winning beyond the re-apply bound
     */
    public ModificationResult close(TenantId tenant, CaseId id, String actor, String remark,
                                    @org.jspecify.annotations.Nullable String closedReason) {
        return lifecycle(tenant, id, new CaseLifecycle.Request(io.casekit.core.ChangeKind.CLOSE,
                AuthorizationRequest.Operation.CLOSE, "caseId", id, actor, null, remark, true, closedReason, null));
    }

    /**
     * Cancels a case (AICC {@code POST case/cancel}): its state becomes {@code Cancelled}, its status
     * stays, and it is read-only until resumed. Cancelling a cancelled case changes nothing.
     *
     * @param remark required, at most 2,000 bytes
     * @throws CaseReadOnlyException when the case is closed
     * @throws CaseValidationException with the texts' violations
     * @throws CaseNotFoundException   when the tenant has no such case
     * @throws CaseRefusedException    when the policy refuses ({@code CANCEL})
     * @throws CaseConflictException   when concurrent changes kept winning beyond the re-apply bound
     */
    public ModificationResult cancel(TenantId tenant, CaseId id, String actor, String remark) {
        return lifecycle(tenant, id, new CaseLifecycle.Request(io.casekit.core.ChangeKind.CANCEL,
                AuthorizationRequest.Operation.CANCEL, "id", id, actor, null, remark, true, null, null));
    }

    /**
     * Resumes a cancelled case (AICC: "a cancelled case can be resumed to the status it had"): its
     * state becomes the one its status maps to. Resuming an open case changes nothing.
     *
     * @param remark optional, at most 2,000 bytes; null for none
     * @throws CaseValidationException {@code invalid_transition} at {@code /id} when the case is
     *                                 closed (reopen it instead), or the texts' violations
     * @throws CaseNotFoundException   when the tenant has no such case
     * @throws CaseRefusedException    when the policy refuses ({@code RESUME})
     * @throws CaseConflictException   when concurrent changes kept winning beyond the re-apply bound
     */
    public ModificationResult resume(TenantId tenant, CaseId id, String actor,
                                     @org.jspecify.annotations.Nullable String remark) {
        return lifecycle(tenant, id, new CaseLifecycle.Request(io.casekit.core.ChangeKind.RESUME,
                AuthorizationRequest.Operation.RESUME, "id", id, actor, null, remark, false, null, null));
    }

    /**
     * Reopens a closed case (beyond AICC): its state becomes the one its status maps to, the closing
     * time and reason are cleared, and {@link Case#reopened()} is set for good. Reopening an open case
     * changes nothing.
     *
     * @param remark required, at most 2,000 bytes
     * @throws CaseValidationException {@code invalid_transition} at {@code /id} when the case is
     *                                 cancelled (resume it instead), or the texts' violations
     * @throws CaseNotFoundException   when the tenant has no such case
     * @throws CaseRefusedException    when the policy refuses ({@code REOPEN})
     * @throws CaseConflictException   when concurrent changes kept winning beyond the re-apply bound
     */
    public ModificationResult reopen(TenantId tenant, CaseId id, String actor, String remark) {
        return lifecycle(tenant, id, new CaseLifecycle.Request(io.casekit.core.ChangeKind.REOPEN,
                AuthorizationRequest.Operation.REOPEN, "id", id, actor, null, remark, true, null, null));
    }

    /**
     * Transfers a case to another owner (AICC {@code POST case/transfer}). The default policy allows
     * it; a host that keeps AICC's rule ("only the current owner or a role with the owner assignment
     * permission") refuses {@code TRANSFER} in its policy, and also a {@code MODIFY} whose changes
     * set {@code ownerId}, since a modify may set the owner too. Transferring to the current owner
     * changes nothing.
     *
     * @param ownerId the new owner, an id of at most 20 bytes
     * @param remark  required, at most 2,000 bytes
     * @throws CaseReadOnlyException when the case is closed or cancelled
     * @throws CaseValidationException with the texts' violations ({@code /id}, {@code /ownerId},
     *                                 {@code /creatorId}, {@code /remark})
     * @throws CaseNotFoundException   when the tenant has no such case
     * @throws CaseRefusedException    when the policy refuses ({@code TRANSFER})
     * @throws CaseConflictException   when concurrent changes kept winning beyond the re-apply bound
     */
    public ModificationResult transfer(TenantId tenant, CaseId id, String actor, String ownerId, String remark) {
        return lifecycle(tenant, id, new CaseLifecycle.Request(io.casekit.core.ChangeKind.TRANSFER,
                AuthorizationRequest.Operation.TRANSFER, "id", id, actor, null, remark, true, null, ownerId));
    }

    private ModificationResult lifecycle(TenantId tenant, CaseId id, CaseLifecycle.Request request) {
        return observedChange(CaseLifecycle.observed(request.kind()), call -> {
            requireArguments(tenant, id, "id");
            return lifecycle.apply(tenant, request, call);
        });
    }

    /**
     * Erases a case and its whole history for a data-protection request: afterwards it is exactly as
     * absent as a case that never existed, and its id is free. The policy is asked ({@code ERASE},
     * with the case) when the case exists. Erasing an absent case, or erasing twice, is not an error.
     * No listener is told (there is no case after the change to tell of).
     *
     * @param actor the operator, for the policy; an id of at most 20 bytes
     * @return whether the case existed and was erased
     * @throws CaseValidationException when the actor is not a valid id ({@code /creatorId})
     * @throws CaseRefusedException    when the policy refuses
     */
    public boolean erase(TenantId tenant, CaseId id, String actor) {
        return ObservedCall.run(observer, CaseServiceObserver.Operation.ERASE, call -> eraseCase(tenant, id, actor),
                erased -> erased ? Outcome.SUCCESS : Outcome.NO_OP);
    }

    private boolean eraseCase(TenantId tenant, CaseId id, String actor) {
        requireArguments(tenant, id, "id");
        List<Violation> violations = new ArrayList<>();
        io.casekit.core.validation.LifecycleValidator.check(StandardField.CREATOR_ID,
                io.casekit.core.validation.LifecycleValidator.Rule.CREATOR_ID, actor, true, violations);
        if (!violations.isEmpty()) {
            throw new CaseValidationException(violations);
        }
        return store.inSession(() -> {
            Optional<Case> found = store.find(tenant, id);
            if (found.isEmpty()) {
                return false;
            }
            authorize(AuthorizationRequest.Operation.ERASE, tenant, Optional.of(actor), found.get(), List.of());
            return store.erase(tenant, id);
        });
    }

    /**
     * Today's figures of the tenant's cases (AICC {@code GET statistics/case/current}), today being
     * the current date in the service's {@linkplain #zone() zone}: cases created and closed today,
     * open now, open and past their due date now, and the average days from creation to closing of
     * those closed today. Computed by the store ({@link CaseQueries#statistics}); the policy is asked
     * ({@code STATISTICS}, no target); an {@code allowWhere} answer is a refusal, since the figures
     * cover all of the tenant's cases.
     *
     * @throws UnsupportedOperationException when the store does not compute statistics
     * @throws CaseRefusedException          when the policy refuses
     */
    public io.casekit.core.query.CaseStatistics statistics(TenantId tenant) {
        return observed(CaseServiceObserver.Operation.STATISTICS, call -> statistics(tenant, Optional.empty()));
    }

    /** {@link #statistics(TenantId)} on behalf of {@code actor}, which the policy sees. */
    public io.casekit.core.query.CaseStatistics statistics(TenantId tenant, String actor) {
        return observed(CaseServiceObserver.Operation.STATISTICS,
                call -> statistics(tenant, Optional.of(checkedActor(actor))));
    }

    private io.casekit.core.query.CaseStatistics statistics(TenantId tenant, Optional<String> actor) {
        Objects.requireNonNull(tenant, "tenant");
        if (!(store instanceof CaseQueries queries)) {
            throw new UnsupportedOperationException("the store " + store.getClass().getName()
                    + " does not implement CaseQueries, so it can not compute statistics");
        }
        if (policy != AuthorizationPolicy.allowAll()) {
            AuthorizationPolicy.Decision decision = policy.decide(AuthorizationRequest.ofStatistics(tenant, actor));
            if (Objects.requireNonNull(decision, "the authorization policy's decision")
                    instanceof AuthorizationPolicy.Decision.Refuse refuse) {
                throw new CaseRefusedException(refuse.reason());
            }
            if (decision instanceof AuthorizationPolicy.Decision.AllowWhere) {
                // The figures cover all of the tenant's cases; they can not be cut to the allowed ones.
                throw new CaseRefusedException(STATISTICS_RESTRICTED);
            }
        }
        java.time.ZonedDateTime now = clock.instant().atZone(zone);
        java.time.LocalDate today = now.toLocalDate();
        return queries.statistics(tenant, today.atStartOfDay(zone).toInstant(),
                today.plusDays(1).atStartOfDay(zone).toInstant(), now.toLocalDateTime().withNano(0));
    }

    /**
     * The conflict a modify gives up with: the last lost race as its cause, the earlier ones
     * suppressed; the call's observer is told.
     */
    static CaseConflictException gaveUp(Call call, CaseConflictException last, int reapplies,
                                        List<CaseConflictException> lostEarlier, InterruptedException interrupted) {
        call.gaveUp(reapplies);
        CaseConflictException gaveUp = new CaseConflictException(last, reapplies);
        if (lostEarlier != null) {
            lostEarlier.forEach(gaveUp::addSuppressed);
        }
        if (interrupted != null) {
            gaveUp.addSuppressed(interrupted);
        }
        return gaveUp;
    }

    /**
     * What {@link #modify} would do now: the diff and every violation. Nothing is stored and no
     * listener is called. The authorization policy is asked ({@code PREVIEW}, with the operator when
     * it is valid and the diff of the valid fields), also for a request that is invalid or changes
     * nothing, since a preview shows the case.
     *
     * @throws CaseValidationException when the request does not name a case by a valid id
     * @throws CaseNotFoundException   when the tenant has no such case
     * @throws CaseRefusedException    when the authorization policy refuses
     * @throws CaseConflictException   when the request expects another version than the stored one
     */
    public ModificationPreview preview(TenantId tenant, CaseModification modification) {
        return observed(CaseServiceObserver.Operation.PREVIEW, call -> previewChecked(tenant, modification));
    }

    private ModificationPreview previewChecked(TenantId tenant, CaseModification modification) {
        requireArguments(tenant, modification, "modification");
        Checked checked = check(tenant, modification);
        authorize(AuthorizationRequest.Operation.PREVIEW, tenant, checked.request.operator(), checked.current,
                checked.changes);
        List<FieldChange> changes = checked.changes;
        List<Violation> violations = checked.violations;
        if (checked.request.expectedVersion().isPresent()
                && checked.request.expectedVersion().getAsLong() != checked.current.version()) {
            throw new CaseConflictException(checked.current.id(), checked.request.expectedVersion().getAsLong(),
                    checked.current.version());
        }
        return new ModificationPreview(checked.current, changes, violations, checked.request.violationCount());
    }

    private record Checked(Case current, ValidatedModification request, List<FieldChange> changes,
                           List<Violation> violations) {}

    /** Validates the request against the current case and its template, or throws when there is none. */
    private Checked check(TenantId tenant, CaseModification modification) {
        Optional<CaseId> id = Optional.empty();
        if (modification.patch(StandardField.ID) instanceof Patch.Set<InputValue> set
                && set.value() instanceof InputValue.Text text && CaseId.isValid(text.value())) {
            id = Optional.of(CaseId.of(text.value()));
        }
        Optional<Case> current = id.flatMap(i -> store.find(tenant, i));
        if (current.isEmpty()) {
            ValidatedModification withoutTemplate = validator.validate(modification, Optional.empty());
            if (!withoutTemplate.valid()) {
                throw withoutTemplate.failure();
            }
            throw new CaseNotFoundException(id.orElseThrow());
        }
        Optional<CaseType> type = templates.find(tenant, current.get().typeId());
        // The stored case is given so that what the request leaves as it is is not judged, and the
        // validator applies "not in the past" so that its violation takes its place in request order.
        ValidatedModification request = validator.validate(modification, type, current, dueDateNotBefore());
        List<FieldChange> changes = diff(current.get(), request.changes());
        return new Checked(current.get(), request, changes, request.violations());
    }

    private static List<FieldChange> diff(Case current, Map<String, Optional<Value>> requested) {
        List<FieldChange> changes = new ArrayList<>(requested.size());
        for (Map.Entry<String, Optional<Value>> e : requested.entrySet()) {
            Optional<Value> old = current.value(e.getKey());
            if (!old.equals(e.getValue())) {
                changes.add(new FieldChange(e.getKey(), old, e.getValue()));
            }
        }
        return changes;
    }

    private static Case apply(Case current, List<FieldChange> changes) {
        Case result = current;
        for (FieldChange change : changes) {
            result = result.with(change.field(), change.newValue());
        }
        return result;
    }

    private void checkNotInPast(List<FieldChange> changes, List<Violation> violations) {
        for (FieldChange change : changes) {
            if (change.field().equals(StandardField.DUE_DATE.wireName()) && change.newValue().isPresent()) {
                checkNotInPast(change.newValue().get(), violations);
            }
        }
    }

    private void checkNotInPast(Value dueDate, List<Violation> violations) {
        if (!options.dueDateNotInPast() || !(dueDate instanceof Value.DateTime dateTime)) {
            return;
        }
        ZonedDateTime now = clock.instant().atZone(zone);
        if (dateTime.value().isBefore(now.toLocalDateTime())) {
            String field = StandardField.DUE_DATE.wireName();
            Map<String, Object> params = RequestValidator.inPastParams(dateTime.value(), now);
            violations.add(new Violation(Violation.pathOf(field), ViolationCode.IN_PAST, params,
                    ViolationMessages.format(ViolationCode.IN_PAST, field, params)));
        }
    }

    /** When "not in the past" is on, now in the tenants' zone: a due date the request sets must not lie before it. */
    private Optional<ZonedDateTime> dueDateNotBefore() {
        return options.dueDateNotInPast() ? Optional.of(clock.instant().atZone(zone)) : Optional.empty();
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Tells the listener once the change is committed (inside a host transaction: after its commit). */
    void notifyListener(Case after, HistoryEntry entry) {
        store.afterCommit(() -> {
            try {
                listener.changed(after, entry);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "A case change listener failed; the change is stored", e);
            }
        });
    }

    private static String text(Value value) {
        return ((Value.Text) Objects.requireNonNull(value, "validated mandatory field")).value();
    }

    /**
     * One page of the tenant's cases that match the query, in its order. The query is validated
     * first against the tenant's case types ({@link QueryValidation}); the
     * {@link AuthorizationPolicy} is asked ({@code QUERY}, no actor, with the query); the store
     * evaluates it. Pass {@link CasePage#next()} to {@link CaseQuery#after} for the next page.
     *
     * <p>When the policy answers {@link AuthorizationPolicy.Decision#allowWhere allowWhere}, its
     * filters are added to the query's (AND) before the store sees it: the page, its next position and
     * {@link #count} are those of the cases the policy allows, exactly. The policy is asked again for
     * every page; a position from an earlier page stays valid (the sort is the caller's).
     *
     * @throws CaseValidationException       when the query does not fit (paths such as {@code /filters/2/values/0})
     * @throws CaseRefusedException          when the policy refuses
     * @throws IllegalStateException         when the policy's {@code allowWhere} filters are not a valid query
     *                                       on their own (a programming error of the host's policy)
     * @throws UnsupportedOperationException when the store does not implement {@link CaseQueries}
     */
    public CasePage query(TenantId tenant, CaseQuery query) {
        return queryPage(tenant, query, Optional::empty);
    }

    /**
     * One page of the tenant's cases that match the query, found on behalf of {@code actor}, whom the
     * policy sees; see {@link #query(TenantId, CaseQuery)}.
     *
     * @throws IllegalArgumentException when {@code actor} is blank
     */
    public CasePage query(TenantId tenant, CaseQuery query, String actor) {
        return queryPage(tenant, query, () -> Optional.of(checkedActor(actor)));
    }

    /** One page of a query or of a stream, as one {@code QUERY} call. */
    private CasePage queryPage(TenantId tenant, CaseQuery query, Supplier<Optional<String>> actor) {
        return observed(CaseServiceObserver.Operation.QUERY, call -> runQuery(tenant, query, actor.get(), true).page);
    }

    /**
     * The exact number of the tenant's cases that match the query's filters (its sort, limit and
     * position are ignored); validated and authorized ({@code QUERY}, no actor) as {@link #query},
     * and restricted the same way by an {@code allowWhere} decision.
     *
     * @throws CaseValidationException       when the query does not fit
     * @throws CaseRefusedException          when the policy refuses
     * @throws IllegalStateException         when the policy's {@code allowWhere} filters are not a valid query
     * @throws UnsupportedOperationException when the store does not implement {@link CaseQueries}
     */
    public long count(TenantId tenant, CaseQuery query) {
        return observed(CaseServiceObserver.Operation.COUNT, call -> runQuery(tenant, query, Optional.empty(), false).count);
    }

    /**
     * The exact number of matching cases, counted on behalf of {@code actor}, whom the policy sees;
     * see {@link #count(TenantId, CaseQuery)}.
     *
     * @throws IllegalArgumentException when {@code actor} is blank
     */
    public long count(TenantId tenant, CaseQuery query, String actor) {
        return observed(CaseServiceObserver.Operation.COUNT,
                call -> runQuery(tenant, query, Optional.of(checkedActor(actor)), false).count);
    }

    /**
     * Every case of the tenant that matches the query, in its order, read page by page as the stream
     * is consumed: at most one page ({@code query.limit()} cases) is held at a time, each page is one
     * {@link #query} (validated, and authorized by the policy, as there). For exports and batch jobs;
     * a user interface pages with {@link #query} instead. The first page is read, and the query
     * validated and authorized, when this method is called; the stream is sequential and ordered.
     *
     * <p>Keyset paging: a case not changed while the stream runs appears exactly once; a case changed
     * meanwhile may appear at its old place, its new place, both or neither. Closing the stream early
     * reads no further page.
     *
     * @throws CaseValidationException       when the query does not fit
     * @throws CaseRefusedException          when the policy refuses (also from the stream, for a later page)
     * @throws UnsupportedOperationException when the store does not implement {@link CaseQueries}
     */
    public Stream<Case> stream(TenantId tenant, CaseQuery query) {
        return walk(tenant, query, Optional.empty());
    }

    /**
     * Every matching case, read on behalf of {@code actor}, whom the policy sees; see
     * {@link #stream(TenantId, CaseQuery)}.
     *
     * @throws IllegalArgumentException when {@code actor} is blank
     */
    public Stream<Case> stream(TenantId tenant, CaseQuery query, String actor) {
        return walk(tenant, query, Optional.of(checkedActor(actor)));
    }

    private Stream<Case> walk(TenantId tenant, CaseQuery query, Optional<String> actor) {
        CasePage first = queryPage(tenant, query, () -> actor);
        Iterator<Case> cases = new Iterator<>() {
            private CasePage page = first;
            private Iterator<Case> current = first.cases().iterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    if (page.next().isEmpty()) {
                        return false;
                    }
                    page = queryPage(tenant, query.after(page.next().get()), () -> actor);
                    current = page.cases().iterator();
                }
                return true;
            }

            @Override
            public Case next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(cases,
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    private record QueryResult(CasePage page, long count) {}

    private QueryResult runQuery(TenantId tenant, CaseQuery query, Optional<String> actor, boolean page) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(query, "query");
        if (!(store instanceof CaseQueries queries)) {
            throw new UnsupportedOperationException("the store " + store.getClass().getName()
                    + " does not implement CaseQueries");
        }
        List<Violation> violations = QueryValidation.validate(query, id -> templates.find(tenant, id));
        if (!violations.isEmpty()) {
            throw new CaseValidationException(violations);
        }
        CaseQuery allowed = restrict(tenant, query, actor);
        return page ? new QueryResult(queries.page(tenant, allowed), -1)
                : new QueryResult(null, queries.count(tenant, allowed));
    }

    /** The query the policy allows: the caller's, with an {@code allowWhere}'s filters added. */
    private CaseQuery restrict(TenantId tenant, CaseQuery query, Optional<String> actor) {
        if (policy == AuthorizationPolicy.allowAll()) {
            return query;
        }
        AuthorizationPolicy.Decision decision = Objects.requireNonNull(
                policy.decide(AuthorizationRequest.ofQuery(tenant, actor, query)), "the authorization policy's decision");
        if (decision instanceof AuthorizationPolicy.Decision.Refuse refuse) {
            throw new CaseRefusedException(refuse.reason());
        }
        if (decision instanceof AuthorizationPolicy.Decision.AllowWhere where && !where.filters().isEmpty()) {
            checkPolicyFilters(tenant, where.filters());
            List<CaseFilter> filters = new ArrayList<>(query.filters().size() + where.filters().size());
            filters.addAll(query.filters());
            filters.addAll(where.filters());
            return new CaseQuery(filters, query.sort(), query.limit(), query.after());
        }
        return query;
    }

    /** Builds a {@link CaseService}. Not thread-safe. */
    public static final class Builder {
        private final CaseStore store;
        private final TemplateCatalog templates;
        private Clock clock = Clock.systemUTC();
        private ZoneId zone = ZoneOffset.UTC;
        private CaseIdGenerator ids = CaseIdGenerator.secureRandom();
        private AuthorizationPolicy policy = AuthorizationPolicy.allowAll();
        private CaseChangeListener listener = CaseChangeListener.none();
        private CaseServiceObserver observer = CaseServiceObserver.none();
        private CaseServiceOptions options = CaseServiceOptions.defaults();

        private Builder(CaseStore store, TemplateCatalog templates) {
            this.store = Objects.requireNonNull(store, "store");
            this.templates = Objects.requireNonNull(templates, "templates");
        }

        /** The clock of createdAt, updatedAt, history times and "not in the past". Default: UTC system clock. */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** The tenants' zone, in which dueDate is a local date-time. Default: UTC. */
        public Builder zone(ZoneId value) {
            zone = Objects.requireNonNull(value, "zone");
            return this;
        }

        /** How ids of cases created without one are chosen. Default: {@link CaseIdGenerator#secureRandom()}. */
        public Builder idGenerator(CaseIdGenerator value) {
            ids = Objects.requireNonNull(value, "idGenerator");
            return this;
        }

        /** Who may do what, asked for every operation. Default: {@link AuthorizationPolicy#allowAll()}. */
        public Builder policy(AuthorizationPolicy value) {
            policy = Objects.requireNonNull(value, "policy");
            return this;
        }

        /** Told of each stored change. Default: none. */
        public Builder listener(CaseChangeListener value) {
            listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /** Watches each call, for metrics and tracing. Default: {@link CaseServiceObserver#none()}. */
        public Builder observer(CaseServiceObserver value) {
            observer = Objects.requireNonNull(value, "observer");
            return this;
        }

        public Builder options(CaseServiceOptions value) {
            options = Objects.requireNonNull(value, "options");
            return this;
        }

        public CaseService build() {
            return new CaseService(this);
        }
    }
}

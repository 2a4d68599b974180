package io.casekit.core.service;

import io.casekit.core.Case;
import io.casekit.core.CaseConflictException;
import io.casekit.core.CaseId;
import io.casekit.core.CaseNotFoundException;
import io.casekit.core.CaseReadOnlyException;
import io.casekit.core.CaseState;
import io.casekit.core.CaseValidationException;
import io.casekit.core.ChangeKind;
import io.casekit.core.FieldChange;
import io.casekit.core.HistoryEntry;
import io.casekit.core.StandardField;
import io.casekit.core.TenantId;
import io.casekit.core.Value;
import io.casekit.core.Violation;
import io.casekit.core.ViolationCode;
import io.casekit.core.template.FlowStatus;
import io.casekit.core.template.StatusFlow;
import io.casekit.core.validation.LifecycleValidator;
import io.casekit.core.validation.LifecycleValidator.Rule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The lifecycle's rules (domain-rules §10, issue 14): what each operation does to a case, given its
 * type's {@link StatusFlow}, and the versioned compare-and-set that stores it. {@link CaseService}
 * holds the public methods and calls {@link #apply}. Stateless apart from the service; thread-safe.
 *
 * <ul>
 *   <li><b>Read-only.</b> A closed or cancelled case refuses a status change, a transfer, a cancel
 *       (of a closed case) and a close (of a cancelled one) with {@link CaseReadOnlyException}.</li>
 *   <li><b>No-ops.</b> Moving to the current status, closing a closed case, cancelling a cancelled
 *       one, resuming or reopening a case that is open, transferring to the current owner: nothing is
 *       stored, no history, no listener, the case as it is.</li>
 *   <li><b>Changes recorded.</b> {@code status}, {@code state} (its wire name), {@code closed}
 *       ({@code true} on close, cleared on reopen), {@code closedReason}, {@code reopened} and
 *       {@code ownerId}, as {@link FieldChange}s of the entry, with the operation's
 *       {@link ChangeKind} and remark. The closing time is the entry's time.</li>
 * </ul>
 */
final class CaseLifecycle {
    /** One lifecycle request, its texts as given (validated by {@link #apply}). */
    record Request(ChangeKind kind, AuthorizationRequest.Operation operation, String idKey, CaseId id, String actor,
                   @Nullable String status, @Nullable String remark, boolean remarkRequired,
                   @Nullable String closedReason, @Nullable String ownerId) {}

    /** What an operation does to a case: the case after it and the changes (empty: a no-op). */
    private record Outcome(Case after, List<FieldChange> changes) {}

    private final CaseService service;

    CaseLifecycle(CaseService service) {
        this.service = service;
    }

    /** The operation the observer sees for a lifecycle change of this kind. */
    static CaseServiceObserver.Operation observed(ChangeKind kind) {
        return switch (kind) {
            case STATUS -> CaseServiceObserver.Operation.CHANGE_STATUS;
            case CLOSE -> CaseServiceObserver.Operation.CLOSE;
            case CANCEL -> CaseServiceObserver.Operation.CANCEL;
            case RESUME -> CaseServiceObserver.Operation.RESUME;
            case REOPEN -> CaseServiceObserver.Operation.REOPEN;
            case TRANSFER -> CaseServiceObserver.Operation.TRANSFER;
            case CREATE, MODIFY -> throw new IllegalArgumentException("not a lifecycle operation: " + kind);
        };
    }

    /**
     * Validates, then applies with compare-and-set and bounded re-applies, as a modify does, telling
     * {@code call} of each re-apply and a give-up.
     */
    ModificationResult apply(TenantId tenant, Request request, CaseServiceObserver.Call call) {
        List<Violation> violations = new ArrayList<>();
        LifecycleValidator.check(request.idKey(), Rule.ID, request.id().value(), true, violations);
        LifecycleValidator.check(StandardField.CREATOR_ID, Rule.CREATOR_ID, request.actor(), true, violations);
        if (request.kind() == ChangeKind.STATUS) {
            LifecycleValidator.check("status", Rule.STATUS, request.status(), true, violations);
        }
        LifecycleValidator.check("remark", Rule.REMARK, request.remark(), request.remarkRequired(), violations);
        LifecycleValidator.check("closedReason", Rule.CLOSED_REASON, request.closedReason(), false, violations);
        if (request.kind() == ChangeKind.TRANSFER) {
            LifecycleValidator.check("ownerId", Rule.OWNER_ID, request.ownerId(), true, violations);
        }
        if (!violations.isEmpty()) {
            throw new CaseValidationException(violations);
        }
        CaseService.Modified stored = service.store().inSession(() -> applyInSession(tenant, request, call));
        if (stored.entry() != null) {
            service.notifyListener(stored.result().current(), stored.entry());
        }
        return stored.result();
    }

    private CaseService.Modified applyInSession(TenantId tenant, Request request, CaseServiceObserver.Call call) {
        CaseId id = request.id();
        Case current = service.store().find(tenant, id).orElseThrow(() -> new CaseNotFoundException(id));
        List<CaseConflictException> lost = new ArrayList<>();
        for (int attempt = 0; ; attempt++) {
            StatusFlow flow = service.templates().find(tenant, current.typeId())
                    .map(t -> t.statusFlow()).orElse(StatusFlow.DEFAULT);
            Outcome outcome = decide(current, flow, request);
            service.authorize(request.operation(), tenant, Optional.of(request.actor()), current, outcome.changes());
            if (outcome.changes().isEmpty()) {
                return new CaseService.Modified(new ModificationResult(current, List.of()), null);
            }
            Instant now = service.now();
            Case updated = outcome.after().toBuilder().version(current.version() + 1).updatedAt(now)
                    .closedAt(request.kind() == ChangeKind.CLOSE ? Optional.of(now) : outcome.after().closedAt())
                    .build();
            HistoryEntry entry = new HistoryEntry(tenant, id, updated.version(), now, request.actor(),
                    outcome.changes(), request.kind(), Optional.ofNullable(request.remark()));
            try {
                service.store().update(updated, current.version(), entry);
            } catch (CaseConflictException conflict) {
                if (attempt >= service.options().maxReapplies()) {
                    throw CaseService.gaveUp(call, conflict, attempt, lost, null);
                }
                try {
                    service.options().reapplyBackoff().pause(attempt + 1);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw CaseService.gaveUp(call, conflict, attempt, lost, interrupted);
                }
                lost.add(conflict);
                call.reapplied(attempt + 1);
                current = service.store().find(tenant, id).orElseThrow(() -> new CaseNotFoundException(id));
                continue;
            }
            return new CaseService.Modified(new ModificationResult(updated, outcome.changes()), entry);
        }
    }

    /** The rules of each operation on the case as it is now. */
    private static Outcome decide(Case c, StatusFlow flow, Request request) {
        boolean closed = c.closedAt().isPresent();
        boolean cancelled = c.state() == CaseState.CANCELLED;
        Case.Builder after = c.toBuilder();
        List<FieldChange> changes = new ArrayList<>();
        switch (request.kind()) {
            case STATUS -> {
                refuseIfReadOnly(c, closed, cancelled);
                String to = Objects.requireNonNull(request.status());
                if (to.equals(c.status())) {
                    break;
                }
                Optional<FlowStatus> target = flow.status(to);
                if (target.isEmpty()) {
                    throw transition("status", "the status flow of the case type has no status " + quote(to)
                            + "; its statuses are " + names(flow));
                }
                int from = flow.indexOf(c.status());
                if (flow.strictOrder() && from >= 0 && flow.indexOf(to) != from + 1) {
                    throw transition("status", "the case type follows its status flow strictly: after "
                            + quote(c.status()) + " comes " + (from + 1 < flow.statuses().size()
                            ? quote(flow.statuses().get(from + 1).name()) : "no status (close the case)"));
                }
                change(changes, after, "status", c.status(), to);
                setState(changes, after, c.state(), target.get().state());
            }
            case CLOSE -> {
                if (closed) {
                    break;
                }
                if (cancelled) {
                    throw new CaseReadOnlyException(c.id(), CaseState.CANCELLED);
                }
                if (!c.status().equals(flow.last().name())) {
                    throw transition(request.idKey(), "a case is closed from the last status of its flow, "
                            + quote(flow.last().name()) + "; it is in " + quote(c.status()));
                }
                // Always a change, also when the status already means Completed and no reason is given.
                changes.add(new FieldChange(StandardField.CLOSED, Optional.empty(), Optional.of(Value.bool(true))));
                setState(changes, after, c.state(), CaseState.COMPLETED);
                if (request.closedReason() != null) {
                    changes.add(new FieldChange(StandardField.CLOSED_REASON, c.closedReason().map(Value::text),
                            Optional.of(Value.text(request.closedReason()))));
                    after.closedReason(request.closedReason());
                }
            }
            case CANCEL -> {
                if (cancelled) {
                    break;
                }
                if (closed) {
                    throw new CaseReadOnlyException(c.id(), CaseState.COMPLETED);
                }
                setState(changes, after, c.state(), CaseState.CANCELLED);
            }
            case RESUME -> {
                if (closed) {
                    throw transition(request.idKey(), "the case is closed, not cancelled: reopen it");
                }
                if (!cancelled) {
                    break;
                }
                setState(changes, after, c.state(), stateOf(flow, c.status()));
            }
            case REOPEN -> {
                if (cancelled) {
                    throw transition(request.idKey(), "the case is cancelled, not closed: resume it");
                }
                if (!closed) {
                    break;
                }
                changes.add(new FieldChange(StandardField.CLOSED, Optional.of(Value.bool(true)), Optional.empty()));
                setState(changes, after, c.state(), stateOf(flow, c.status()));
                c.closedReason().ifPresent(reason -> changes.add(new FieldChange(StandardField.CLOSED_REASON,
                        Optional.of(Value.text(reason)), Optional.empty())));
                if (!c.reopened()) {
                    changes.add(new FieldChange(StandardField.REOPENED, Optional.empty(), Optional.of(Value.bool(true))));
                }
                after.closedAt(Optional.empty()).closedReason(Optional.empty()).reopened(true);
            }
            case TRANSFER -> {
                refuseIfReadOnly(c, closed, cancelled);
                String owner = Objects.requireNonNull(request.ownerId());
                if (c.ownerId().equals(Optional.of(owner))) {
                    break;
                }
                changes.add(new FieldChange("ownerId", c.ownerId().map(Value::text), Optional.of(Value.text(owner))));
                after.ownerId(owner);
            }
            default -> throw new IllegalArgumentException("not a lifecycle operation: " + request.kind());
        }
        return new Outcome(after.build(), changes);
    }

    /** The state a status of the flow means; a status the flow no longer has is Processing (our decision). */
    private static CaseState stateOf(StatusFlow flow, String status) {
        return flow.status(status).map(FlowStatus::state).orElse(CaseState.PROCESSING);
    }

    private static void refuseIfReadOnly(Case c, boolean closed, boolean cancelled) {
        if (closed) {
            throw new CaseReadOnlyException(c.id(), CaseState.COMPLETED);
        }
        if (cancelled) {
            throw new CaseReadOnlyException(c.id(), CaseState.CANCELLED);
        }
    }

    private static void change(List<FieldChange> changes, Case.Builder after, String field, String from, String to) {
        changes.add(new FieldChange(field, Optional.of(Value.text(from)), Optional.of(Value.text(to))));
        after.status(to);
    }

    private static void setState(List<FieldChange> changes, Case.Builder after, CaseState from, CaseState to) {
        if (from != to) {
            changes.add(new FieldChange(StandardField.STATE, Optional.of(Value.text(from.wireName())),
                    Optional.of(Value.text(to.wireName()))));
        }
        after.state(to);
    }

    private static CaseValidationException transition(String key, String rule) {
        String path = "/" + io.casekit.core.JsonPointers.escape(key);
        return new CaseValidationException(List.of(new Violation(path, ViolationCode.INVALID_TRANSITION,
                Map.of("rule", rule), key + ": " + rule)));
    }

    private static String names(StatusFlow flow) {
        return flow.statuses().stream().map(s -> quote(s.name())).toList().toString();
    }

    private static String quote(String name) {
        return "\"" + name + "\"";
    }
}

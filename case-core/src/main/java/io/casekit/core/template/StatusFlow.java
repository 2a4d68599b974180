package io.casekit.core.template;

import io.casekit.core.CaseState;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The ordered statuses a case of a type goes through (AICC: a case type's "status flow" and its
 * "strictly follow the status sequence" switch). The first status is the status of a new case;
 * a case is closed from the last one only.
 *
 * <p>With {@code strictOrder}, a status change may only move to the next status of the list; without
 * it, to any status of the list. Closing, cancelling, resuming and reopening are operations of their
 * own, not status changes.
 *
 * <p>The rules (checked by {@link CaseType}, which names the type and the status in its
 * violations): 1 to {@value #MAX_STATUSES} statuses, names 1 to {@value #MAX_NAME_BYTES} UTF-8 bytes,
 * not blank, without control characters, distinct; a status means {@code Processing},
 * {@code Pending} or {@code Completed}. Immutable and thread-safe.
 *
 * @param statuses    the statuses in their order
 * @param strictOrder whether a status change may only move to the next status
 */
public record StatusFlow(List<FlowStatus> statuses, boolean strictOrder) {
    /** The most statuses a flow may hold (our decision). */
    public static final int MAX_STATUSES = 50;
    /** The longest status name in UTF-8 bytes (our decision). */
    public static final int MAX_NAME_BYTES = 64;

    /**
     * The flow of a case type that defines none: one status, {@code Open}, meaning
     * {@code Processing}, not strict. A case of such a type is created {@code Open} and may be
     * closed at once. Our decision: case types defined before the lifecycle keep working as they did.
     */
    public static final StatusFlow DEFAULT = new StatusFlow(List.of(new FlowStatus("Open", CaseState.PROCESSING)), false);

    public StatusFlow {
        Objects.requireNonNull(statuses, "statuses");
        statuses = List.copyOf(statuses);
    }

    /** A flow of these statuses, in order. */
    public static StatusFlow of(boolean strictOrder, FlowStatus... statuses) {
        return new StatusFlow(List.of(statuses), strictOrder);
    }

    /** The status of a new case: the first. */
    public FlowStatus first() {
        return statuses.get(0);
    }

    /** The status a case is closed from: the last. */
    public FlowStatus last() {
        return statuses.get(statuses.size() - 1);
    }

    /** The status of this name, compared exactly, if the flow has one. */
    public Optional<FlowStatus> status(String name) {
        for (FlowStatus s : statuses) {
            if (s.name().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The position of the status of this name in the flow, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < statuses.size(); i++) {
            if (statuses.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}

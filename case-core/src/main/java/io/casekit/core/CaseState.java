package io.casekit.core;

import java.util.Optional;

/**
 * Where a case stands, in the fixed set every host can rely on whatever statuses a tenant defines:
 * AICC's {@code Processing}, {@code Pending} and {@code Completed} (the {@code state} of its read
 * call) and casekit's {@code Cancelled}. A status of a case type's {@code StatusFlow} maps to one of
 * the first three; a case is {@code Completed} once closed and {@code Cancelled} once cancelled.
 * Source: the AICC sibling pages (states), our decision (Cancelled).
 */
public enum CaseState {
    PROCESSING("Processing"),
    PENDING("Pending"),
    COMPLETED("Completed"),
    CANCELLED("Cancelled");

    private final String wireName;

    CaseState(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire and in the database: {@code Processing}, {@code Pending}, {@code Completed}, {@code Cancelled}. */
    public String wireName() {
        return wireName;
    }

    /** The state of this wire name, exactly (case-sensitive), if there is one. */
    public static Optional<CaseState> fromWireName(String name) {
        for (CaseState s : values()) {
            if (s.wireName.equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}

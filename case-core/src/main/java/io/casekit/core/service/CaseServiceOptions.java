package io.casekit.core.service;

/**
 * The switches of a {@link CaseService}.
 *
 * @param dueDateNotInPast when true, a {@code dueDate} that a request sets to another value must
 *                         not lie before now in the tenant zone ({@code in_past}); an unchanged
 *                         overdue date stays accepted. Default false: the AICC example itself sets
 *                         a past date.
 * @param maxReapplies     how often a modify without an expected version is re-read and re-applied
 *                         when a concurrent change wins, before it reports a conflict. Default 10.
 */
public record CaseServiceOptions(boolean dueDateNotInPast, int maxReapplies) {
    public CaseServiceOptions {
        if (maxReapplies < 0) {
            throw new IllegalArgumentException("maxReapplies must not be negative");
        }
    }

    public static CaseServiceOptions defaults() {
        return new CaseServiceOptions(false, 10);
    }

    public CaseServiceOptions withDueDateNotInPast(boolean value) {
        return new CaseServiceOptions(value, maxReapplies);
    }

    public CaseServiceOptions withMaxReapplies(int value) {
        return new CaseServiceOptions(dueDateNotInPast, value);
    }
}

package io.casekit.core.service;

import java.time.Duration;
import java.util.Objects;

/**
 * The switches of a {@link CaseService}. Immutable.
 *
 * @param dueDateNotInPast when true, a {@code dueDate} that a request sets to another value must
 *                         not lie before now in the tenant zone ({@code in_past}); an unchanged
 *                         overdue date stays accepted. Default false: the AICC example itself sets
 *                         a past date.
 * @param maxReapplies     how often a modify is re-read and re-applied when a concurrent change wins
 *                         the compare-and-set, before it gives up with a
 *                         {@link io.casekit.core.CaseConflictException}; zero or more. Default 10.
 * @param reapplyBackoff   how long a modify without a pinned version waits before each re-apply.
 *                         Default: {@link ReapplyBackoff#fullJitter full jitter} with a base of
 *                         {@value #DEFAULT_BACKOFF_BASE_MILLIS} ms and a cap of
 *                         {@value #DEFAULT_BACKOFF_CAP_MILLIS} ms ({@link ReapplyBackoff#none()}
 *                         switches it off). Our decision, on this reasoning: only re-applies wait, so a
 *                         modify that wins its first compare-and-set does exactly what it did without a
 *                         backoff (no call, no allocation); the writers that lost one race on a hot case
 *                         would otherwise re-read at once and meet again, and spreading them over a
 *                         random time makes the next round's collisions rarer (give-ups at 12 to 16
 *                         writers on one case are what issue 12 reported: 7 of 225 on MariaDB). The
 *                         price is latency on the contended path only: on average half the bound, 0.5 ms
 *                         before the first re-apply and at most about 130 ms summed over ten.
 *                         docs/benchmarks.md holds the measurement and the command that produces it.
 */
public record CaseServiceOptions(boolean dueDateNotInPast, int maxReapplies, ReapplyBackoff reapplyBackoff) {
    /** The bound of the first wait of the default backoff. */
    public static final long DEFAULT_BACKOFF_BASE_MILLIS = 1;
    /** The bound no wait of the default backoff reaches. */
    public static final long DEFAULT_BACKOFF_CAP_MILLIS = 50;

    private static final CaseServiceOptions DEFAULTS = new CaseServiceOptions(false, 10,
            ReapplyBackoff.fullJitter(Duration.ofMillis(DEFAULT_BACKOFF_BASE_MILLIS),
                    Duration.ofMillis(DEFAULT_BACKOFF_CAP_MILLIS)));

    /**
     * @throws IllegalArgumentException when {@code maxReapplies} is negative
     * @throws NullPointerException     when {@code reapplyBackoff} is null
     */
    public CaseServiceOptions {
        if (maxReapplies < 0) {
            throw new IllegalArgumentException("maxReapplies must not be negative");
        }
        Objects.requireNonNull(reapplyBackoff, "reapplyBackoff");
    }

    public static CaseServiceOptions defaults() {
        return DEFAULTS;
    }

    public CaseServiceOptions withDueDateNotInPast(boolean value) {
        return new CaseServiceOptions(value, maxReapplies, reapplyBackoff);
    }

    public CaseServiceOptions withMaxReapplies(int value) {
        return new CaseServiceOptions(dueDateNotInPast, value, reapplyBackoff);
    }

    /** These options with another backoff; {@link ReapplyBackoff#none()} for none. */
    public CaseServiceOptions withReapplyBackoff(ReapplyBackoff value) {
        return new CaseServiceOptions(dueDateNotInPast, maxReapplies, value);
    }
}

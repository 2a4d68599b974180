package io.casekit.core.query;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The figures of a tenant's cases for one window of time (AICC {@code GET statistics/case/current}:
 * today in the tenant's zone), counted by the store, never by loading cases.
 *
 * @param newCases                cases created in the window
 * @param finishedCases           cases closed in the window (their closing time in it; a case closed,
 *                                reopened and closed again counts once, at its last closing)
 * @param unfinishedCases         cases open now: neither closed nor cancelled
 * @param overCases               of the unfinished ones, those whose due date is before now (the
 *                                tenant's local date-time); a case without a due date is never over
 * @param finishedDurationSeconds the sum over the finished cases of closing time minus creation time,
 *                                in whole seconds (each case's duration truncated to the second)
 */
public record CaseStatistics(long newCases, long finishedCases, long unfinishedCases, long overCases,
                             long finishedDurationSeconds) {
    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

    public CaseStatistics {
        if (newCases < 0 || finishedCases < 0 || unfinishedCases < 0 || overCases < 0 || finishedDurationSeconds < 0) {
            throw new IllegalArgumentException("statistics are never negative");
        }
        if (overCases > unfinishedCases) {
            throw new IllegalArgumentException("over cases are unfinished cases: " + overCases + " > " + unfinishedCases);
        }
    }

    /**
     * The average time from creation to closing of the finished cases, in days with two decimals
     * (rounded half-even); 0.00 when none finished (AICC's {@code averageDuration}, our rounding).
     */
    public BigDecimal averageDurationDays() {
        if (finishedCases == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(finishedDurationSeconds)
                .divide(SECONDS_PER_DAY.multiply(BigDecimal.valueOf(finishedCases)), 2, RoundingMode.HALF_EVEN);
    }
}

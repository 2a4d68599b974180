package io.casekit.core;

import java.util.List;

/**
 * A request broke one or more rules; nothing was stored.
 *
 * <p>It carries at most {@link #MAX_VIOLATIONS} violations, the first ones in the order of the
 * request's keys, and the total number found ({@link #violationCount()}), so that no request can
 * make an answer, or the memory behind it, grow with the number of its faults (domain-rules §8,
 * "bounded answers"; the bound of 100 is our decision).
 */
public final class CaseValidationException extends CaseException {
    /** The most violations one exception (and so one answer) carries: 100. */
    public static final int MAX_VIOLATIONS = 100;

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;
    private final long violationCount;

    /**
     * With all of these violations, when they are at most {@link #MAX_VIOLATIONS}; else with the
     * first {@link #MAX_VIOLATIONS} of them and their number as the count.
     *
     * @param violations the violations in request order, at least one
     * @throws IllegalArgumentException when {@code violations} is empty
     */
    public CaseValidationException(List<Violation> violations) {
        this(violations, violations.size());
    }

    /**
     * With the first violations of a request in request order and the total number found.
     *
     * @param violations     the first violations, in request order, at least one; only the first
     *                       {@link #MAX_VIOLATIONS} are kept
     * @param violationCount how many violations the request has in all; at least the size of
     *                       {@code violations}
     * @throws IllegalArgumentException when {@code violations} is empty or the count is below its size
     */
    public CaseValidationException(List<Violation> violations, long violationCount) {
        super(summary(violations, violationCount));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a validation failure has at least one violation");
        }
        if (violationCount < violations.size()) {
            throw new IllegalArgumentException("violationCount " + violationCount + " is below the "
                    + violations.size() + " violations given");
        }
        this.violations = List.copyOf(violations.size() > MAX_VIOLATIONS
                ? violations.subList(0, MAX_VIOLATIONS) : violations);
        this.violationCount = violationCount;
    }

    /**
     * The first violations of the request (all of them when there are at most
     * {@link #MAX_VIOLATIONS}), in the order of the request's keys.
     */
    public List<Violation> violations() {
        return violations;
    }

    /** How many violations the request has in all; more than {@code violations().size()} when some were left out. */
    public long violationCount() {
        return violationCount;
    }

    @Override
    public Kind kind() {
        return Kind.VALIDATION;
    }

    private static String summary(List<Violation> violations, long count) {
        StringBuilder text = new StringBuilder("Validation failed");
        int shown = Math.min(violations.size(), MAX_VIOLATIONS);
        for (int i = 0; i < shown; i++) {
            Violation v = violations.get(i);
            text.append("; ").append(v.path()).append(": ").append(v.message());
        }
        if (count > shown) {
            text.append("; and ").append(count - shown).append(" more");
        }
        return text.toString();
    }
}

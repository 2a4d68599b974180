package io.casekit.core.query;

import io.casekit.core.Case;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One window of a query's result: at most the query's limit of cases, in the query's order, and the
 * position to ask for the next window with ({@link CaseQuery#after(PagePosition)}), present exactly
 * when at least one more case matched when this page was read.
 *
 * @param cases the cases of this page, in order; immutable
 * @param next  where the next page starts; empty on the last page
 */
public record CasePage(List<Case> cases, Optional<PagePosition> next) {
    public CasePage {
        cases = List.copyOf(cases);
        Objects.requireNonNull(next, "next");
        if (next.isPresent() && cases.isEmpty()) {
            throw new IllegalArgumentException("an empty page has no next position");
        }
    }

    /** Whether another page follows. */
    public boolean hasNext() {
        return next.isPresent();
    }
}

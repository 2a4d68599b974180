package io.casekit.core.query;

import io.casekit.core.CaseId;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a page ended: the sort value and id of its last case. Exclusive: the next page starts with
 * the first case strictly after this position in the order of {@link #sort()}. Typed here; a host
 * that sends it over the wire encodes it as it likes (opaque to its clients).
 *
 * <p>Because the order ends in the id (unique in a tenant), a case that is not changed while a caller
 * pages never appears twice and is never skipped, however many cases share its sort value.
 *
 * @param sort  the sort of the query that produced it; a query with another sort refuses it
 * @param value the sort value of the last case, empty when that case's {@code dueDate} or
 *              {@code priority} is empty
 * @param id    the id of the last case
 */
public record PagePosition(CaseSort sort, Optional<SortValue> value, CaseId id) {
    /**
     * @throws IllegalArgumentException when the value's kind does not fit the sort key, or it is empty
     *                                  for a key that is never empty
     */
    public PagePosition {
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(id, "id");
        boolean fits = switch (sort.key()) {
            case CREATED_AT, UPDATED_AT -> value.isPresent() && value.get() instanceof SortValue.At;
            case TITLE -> value.isPresent() && value.get() instanceof SortValue.Title;
            case DUE_DATE -> value.isEmpty() || value.get() instanceof SortValue.Due;
            case PRIORITY -> value.isEmpty() || value.get() instanceof SortValue.Severity;
        };
        if (!fits) {
            throw new IllegalArgumentException("a position of sort " + sort.key() + " cannot hold " + value);
        }
    }
}

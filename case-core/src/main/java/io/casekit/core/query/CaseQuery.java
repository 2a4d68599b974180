package io.casekit.core.query;

import io.casekit.core.CaseId;
import io.casekit.core.CaseTypeId;
import io.casekit.core.Priority;
import io.casekit.core.Value;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A query for cases of one tenant (the tenant is an argument of every call, never part of the query):
 * filters combined with AND, one {@link CaseSort} (always ending in the id), at most {@link #limit()}
 * cases per page, and an optional exclusive {@link PagePosition} to start after.
 *
 * <p>Immutable and thread-safe. The record refuses only {@code null}s; the service validates the rest
 * and reports violations with JSON Pointer paths into the query (our scheme): {@code /filters}
 * (more than {@link #MAX_FILTERS} filters, or more than {@link #MAX_FILTER_VALUES} values in all their
 * sets; then nothing else is checked), {@code /limit},
 * {@code /after} (a position of another sort), {@code /filters/<i>} (a filter that does not fit its
 * field), {@code /filters/<i>/field} (an extension field the case type does not declare),
 * {@code /filters/<i>/type} (an unknown case type), {@code /filters/<i>/values} (an empty set, more
 * than {@link #MAX_VALUES}), {@code /filters/<i>/values/<j>} (a value of the wrong type, in the set's
 * iteration order), {@code /filters/<i>/from} and {@code /filters/<i>/to} (a bound of the wrong type,
 * or {@code from >= to}), {@code /filters/<i>/text} (an empty text).
 *
 * @param filters the conditions, all of which a case must meet; none: every case of the tenant
 * @param sort    the order
 * @param limit   the most cases of one page, 1 to {@link #MAX_LIMIT}
 * @param after   where the previous page ended, or empty for the first page
 */
public record CaseQuery(List<CaseFilter> filters, CaseSort sort, int limit, Optional<PagePosition> after) {

    /** The largest page: 1,000 cases (issue 13). */
    public static final int MAX_LIMIT = 1_000;
    /** The default page: 100 cases (our decision). */
    public static final int DEFAULT_LIMIT = 100;
    /** The most values one filter's set may hold: 1,000 (our decision, a bound on a store's IN list). */
    public static final int MAX_VALUES = 1_000;
    /** The most filters of one query: 100 (our decision, a bound on the size of a store's statement). */
    public static final int MAX_FILTERS = 100;
    /**
     * The most values of all the sets of one query's filters together: 10,000 (our decision, far below
     * the 65,535 bound parameters a PostgreSQL or MariaDB statement can hold).
     */
    public static final int MAX_FILTER_VALUES = 10_000;

    public CaseQuery {
        filters = List.copyOf(filters);
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(after, "after");
    }

    /** A builder with no filter, {@link CaseSort#defaults()}, {@link #DEFAULT_LIMIT} and no position. */
    public static Builder builder() {
        return new Builder();
    }

    /** This query, starting after {@code position} (the {@link CasePage#next()} of its previous page). */
    public CaseQuery after(PagePosition position) {
        return new CaseQuery(filters, sort, limit, Optional.of(position));
    }

    /** Builds a {@link CaseQuery}. Not thread-safe. */
    public static final class Builder {
        private final List<CaseFilter> filters = new ArrayList<>();
        private CaseSort sort = CaseSort.defaults();
        private int limit = DEFAULT_LIMIT;
        private Optional<PagePosition> after = Optional.empty();

        private Builder() {}

        /** Adds any filter. */
        public Builder filter(CaseFilter filter) {
            filters.add(Objects.requireNonNull(filter, "filter"));
            return this;
        }

        public Builder idIn(CaseId... ids) {
            return filter(new CaseFilter.IdIn(new LinkedHashSet<>(Arrays.asList(ids))));
        }

        public Builder type(CaseTypeId type) {
            return filter(new CaseFilter.TypeIs(type));
        }

        public Builder type(String type) {
            return type(CaseTypeId.of(type));
        }

        /** {@code ownerId}, {@code contactId} or {@code createdBy} is one of {@code values}. */
        public Builder in(CaseFilter.Party field, String... values) {
            return filter(new CaseFilter.PartyIn(field, new LinkedHashSet<>(Arrays.asList(values))));
        }

        /** The status is one of {@code values} (names of the type's status flow, compared exactly). */
        public Builder statusIn(String... values) {
            return filter(new CaseFilter.StatusIn(new LinkedHashSet<>(Arrays.asList(values))));
        }

        /** The case is closed ({@code true}) or not ({@code false}). */
        public Builder closed(boolean closed) {
            return filter(new CaseFilter.ClosedIs(closed));
        }

        /** The state is one of {@code values}. */
        public Builder stateIn(io.casekit.core.CaseState... values) {
            return filter(new CaseFilter.StateIn(new LinkedHashSet<>(Arrays.asList(values))));
        }

        /** {@code ownerId}, {@code contactId} or {@code createdBy} is empty. */
        public Builder empty(CaseFilter.Party field) {
            return filter(new CaseFilter.PartyEmpty(field));
        }

        public Builder contactPhone(String phone) {
            return filter(new CaseFilter.ContactPhoneIs(phone));
        }

        public Builder priorityIn(Priority... values) {
            return filter(new CaseFilter.PriorityIn(new LinkedHashSet<>(Arrays.asList(values))));
        }

        /** {@code from <= dueDate < to}; pass {@code null} for an open end. */
        public Builder dueDate(@org.jspecify.annotations.Nullable LocalDateTime from,
                               @org.jspecify.annotations.Nullable LocalDateTime to) {
            return filter(new CaseFilter.DueDateIn(Optional.ofNullable(from), Optional.ofNullable(to)));
        }

        public Builder dueDateEmpty() {
            return filter(new CaseFilter.DueDateEmpty());
        }

        /** {@code from <= createdAt/updatedAt < to}; pass {@code null} for an open end. */
        public Builder time(CaseFilter.Time field, @org.jspecify.annotations.Nullable Instant from,
                            @org.jspecify.annotations.Nullable Instant to) {
            return filter(new CaseFilter.TimeIn(field, Optional.ofNullable(from), Optional.ofNullable(to)));
        }

        public Builder titleContains(String text) {
            return filter(new CaseFilter.TitleContains(text));
        }

        /** An extension field equals one of {@code values}. */
        public Builder extensionIn(String field, Value... values) {
            return filter(new CaseFilter.ExtensionIn(field, new LinkedHashSet<>(Arrays.asList(values))));
        }

        /** A MULTI_PICKLIST field holds one of {@code values}. */
        public Builder extensionContainsAny(String field, String... values) {
            return filter(new CaseFilter.ExtensionContainsAny(field, new LinkedHashSet<>(Arrays.asList(values))));
        }

        /** {@code from <= field < to} for NUMBER, DATE, DATETIME; pass {@code null} for an open end. */
        public Builder extensionRange(String field, @org.jspecify.annotations.Nullable Value from,
                                      @org.jspecify.annotations.Nullable Value to) {
            return filter(new CaseFilter.ExtensionRange(field, Optional.ofNullable(from), Optional.ofNullable(to)));
        }

        public Builder extensionPresent(String field, boolean present) {
            return filter(new CaseFilter.ExtensionPresent(field, present));
        }

        public Builder sort(SortKey key, Direction direction) {
            sort = new CaseSort(key, direction);
            return this;
        }

        public Builder limit(int value) {
            limit = value;
            return this;
        }

        public Builder after(PagePosition position) {
            after = Optional.of(position);
            return this;
        }

        public CaseQuery build() {
            return new CaseQuery(filters, sort, limit, after);
        }
    }
}

package io.casekit.core.query;

import io.casekit.core.Case;
import io.casekit.core.CaseId;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * The order of a query: one {@link SortKey} in one {@link Direction}, then always the case id in the
 * same direction, so that the order is total within a tenant (ids are unique there) and a keyset
 * {@link PagePosition} is exact. An empty {@code dueDate} or {@code priority} sorts last in both
 * directions (our decision), which a SQL store matches with {@code (col IS NULL), col, id} in that
 * order.
 *
 * <p>Immutable and thread-safe. Also a {@link Comparator} of cases, the reference every store matches.
 *
 * @param key       what to sort by
 * @param direction ascending or descending
 */
public record CaseSort(SortKey key, Direction direction) implements Comparator<Case> {
    public CaseSort {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(direction, "direction");
    }

    /** The default order: oldest first. */
    public static CaseSort defaults() {
        return new CaseSort(SortKey.CREATED_AT, Direction.ASC);
    }

    /** The sort value of a case under this key; empty only for an empty {@code dueDate} or {@code priority}. */
    public Optional<SortValue> valueOf(Case c) {
        return switch (key) {
            case CREATED_AT -> Optional.of(new SortValue.At(c.createdAt()));
            case UPDATED_AT -> Optional.of(new SortValue.At(c.updatedAt()));
            case DUE_DATE -> c.dueDate().map(SortValue.Due::new);
            case PRIORITY -> c.priority().map(SortValue.Severity::new);
            case TITLE -> Optional.of(new SortValue.Title(c.title()));
        };
    }

    /** The position just after this case, for the next page. */
    public PagePosition positionOf(Case c) {
        return new PagePosition(this, valueOf(c), c.id());
    }

    @Override
    public int compare(Case a, Case b) {
        return compare(valueOf(a), a.id(), valueOf(b), b.id());
    }

    /** Whether the case comes strictly after the position in this order. */
    public boolean isAfter(Case c, PagePosition position) {
        if (!position.sort().equals(this)) {
            throw new IllegalArgumentException("the position belongs to sort " + position.sort() + ", not " + this);
        }
        return compare(valueOf(c), c.id(), position.value(), position.id()) > 0;
    }

    private int compare(Optional<SortValue> va, CaseId ida, Optional<SortValue> vb, CaseId idb) {
        if (va.isPresent() != vb.isPresent()) {
            return va.isPresent() ? -1 : 1; // empty last, whatever the direction
        }
        int c = va.isPresent() ? compareValues(va.get(), vb.get()) : 0;
        if (c == 0) {
            c = ida.compareTo(idb);
        }
        return direction == Direction.ASC ? c : -c;
    }

    private static int compareValues(SortValue a, SortValue b) {
        if (a instanceof SortValue.At x && b instanceof SortValue.At y) {
            return x.value().compareTo(y.value());
        }
        if (a instanceof SortValue.Due x && b instanceof SortValue.Due y) {
            return x.value().compareTo(y.value());
        }
        if (a instanceof SortValue.Severity x && b instanceof SortValue.Severity y) {
            return Integer.compare(x.value().ordinal(), y.value().ordinal());
        }
        if (a instanceof SortValue.Title x && b instanceof SortValue.Title y) {
            return compareCodePoints(x.value(), y.value());
        }
        throw new IllegalArgumentException("sort values of different kinds: " + a + ", " + b);
    }

    /** Compares by Unicode code point, the order of the UTF-8 bytes. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}

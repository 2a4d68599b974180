package io.casekit.core.query;

/**
 * What a query sorts by, before the case id that always ends the order. Our decision on empty values:
 * an empty {@code dueDate} or {@code priority} sorts after every non-empty one, in both directions
 * ("empty last"), and empties among themselves follow the id in the query's direction.
 */
public enum SortKey {
    /** {@code createdAt}, never empty. */
    CREATED_AT,
    /** {@code updatedAt}, never empty. */
    UPDATED_AT,
    /** {@code dueDate}; empty last. */
    DUE_DATE,
    /** {@code priority} by severity, {@code Low < Medium < High < Critical}, not by name; empty last. */
    PRIORITY,
    /**
     * {@code title}, by Unicode code point (the order of its UTF-8 bytes, what a binary collation of a
     * UTF-8 column gives), case-sensitive; never empty. Not {@link String#compareTo}, which orders by
     * UTF-16 unit and puts U+FF5E after U+1F525.
     */
    TITLE
}

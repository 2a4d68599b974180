package io.casekit.core;

import java.util.Objects;

/**
 * The id of a case within its tenant. It never changes once the case exists.
 *
 * @param value 1 to 20 ASCII letters, digits, {@code -} or {@code _} (so 1 to 20 UTF-8 bytes)
 */
public record CaseId(String value) implements Comparable<CaseId> {
    /** The longest case id accepted, in characters and in UTF-8 bytes. */
    public static final int MAX_LENGTH = 20;

    /** @throws IllegalArgumentException when {@code value} is not a valid case id */
    public CaseId {
        Objects.requireNonNull(value, "value");
        Identifiers.require("a case id", value, MAX_LENGTH);
    }

    public static CaseId of(String value) {
        return new CaseId(value);
    }

    /** Whether {@code value} would be accepted by {@link #CaseId(String)}. */
    public static boolean isValid(String value) {
        return Identifiers.isId(value, MAX_LENGTH);
    }

    @Override
    public int compareTo(CaseId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

package io.casekit.core;

import java.util.Objects;

/**
 * The id of a case type within its tenant. A case's type is set at creation and selects the
 * template of its extension fields.
 *
 * @param value 1 to 20 ASCII letters, digits, {@code -} or {@code _}
 */
public record CaseTypeId(String value) implements Comparable<CaseTypeId> {
    /** The longest case type id accepted. */
    public static final int MAX_LENGTH = 20;

    /** @throws IllegalArgumentException when {@code value} is not a valid case type id */
    public CaseTypeId {
        Objects.requireNonNull(value, "value");
        Identifiers.require("a case type id", value, MAX_LENGTH);
    }

    public static CaseTypeId of(String value) {
        return new CaseTypeId(value);
    }

    /** Whether {@code value} would be accepted by {@link #CaseTypeId(String)}. */
    public static boolean isValid(String value) {
        return Identifiers.isId(value, MAX_LENGTH);
    }

    @Override
    public int compareTo(CaseTypeId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

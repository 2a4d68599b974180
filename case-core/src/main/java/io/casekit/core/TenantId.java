package io.casekit.core;

import java.util.Objects;

/**
 * The tenant a case belongs to. Every operation of the library is scoped to one; a case is
 * identified by (tenant, {@link CaseId}).
 *
 * @param value 1 to 64 ASCII letters, digits, {@code -} or {@code _}
 */
public record TenantId(String value) implements Comparable<TenantId> {
    /** The longest tenant id accepted. */
    public static final int MAX_LENGTH = 64;

    /** @throws IllegalArgumentException when {@code value} is not a valid tenant id */
    public TenantId {
        Objects.requireNonNull(value, "value");
        Identifiers.require("a tenant id", value, MAX_LENGTH);
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    /** Whether {@code value} would be accepted by {@link #TenantId(String)}. */
    public static boolean isValid(String value) {
        return Identifiers.isId(value, MAX_LENGTH);
    }

    @Override
    public int compareTo(TenantId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

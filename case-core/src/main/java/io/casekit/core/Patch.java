package io.casekit.core;

import java.util.Objects;

/**
 * What a request says of one field: leave it ({@link Absent}), clear it ({@link Clear}) or set it
 * ({@link Set}).
 *
 * @param <T> the type of the value set
 */
public sealed interface Patch<T> {

    /** The field was not in the request: it stays as it is. */
    record Absent<T>() implements Patch<T> {}

    /** The field was sent as null (or, for an optional text, as {@code ""}): it is cleared. */
    record Clear<T>() implements Patch<T> {}

    /** The field was sent with a value. */
    record Set<T>(T value) implements Patch<T> {
        public Set {
            Objects.requireNonNull(value, "value");
        }
    }

    static <T> Patch<T> absent() {
        return new Absent<>();
    }

    static <T> Patch<T> clear() {
        return new Clear<>();
    }

    static <T> Patch<T> set(T value) {
        return new Set<>(value);
    }
}

package io.casekit.core.query;

import io.casekit.core.Priority;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * The value of a case's sort key, as a {@link PagePosition} holds it: typed in the core, so that a
 * store binds it as a parameter and never parses text. The kind matches the {@link SortKey}.
 */
public sealed interface SortValue {

    /** {@code createdAt} or {@code updatedAt}. */
    record At(Instant value) implements SortValue {
        public At {
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code dueDate}. */
    record Due(LocalDateTime value) implements SortValue {
        public Due {
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code priority}; ordered by severity ({@link Priority#ordinal()}). */
    record Severity(Priority value) implements SortValue {
        public Severity {
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code title}; ordered by code point. */
    record Title(String value) implements SortValue {
        public Title {
            Objects.requireNonNull(value, "value");
        }
    }
}

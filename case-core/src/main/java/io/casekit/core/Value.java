package io.casekit.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A validated value held by a case: the value of an extension field, and the uniform view of a
 * standard field in {@link FieldChange}s and {@link Case#value(String)}.
 *
 * <p>Equality is exact: {@code Decimal(1.0)} and {@code Decimal(1.00)} differ, as the texts a client
 * sent differ, and a store returns the value exactly as it was given.
 */
public sealed interface Value {

    /** A string: TEXT, TEXTAREA, PICKLIST, PHONE, EMAIL, URL and the standard string fields. */
    record Text(String value) implements Value {
        public Text {
            Objects.requireNonNull(value, "value");
        }
    }

    /** An exact decimal: NUMBER. Never converted through {@code double}. */
    record Decimal(BigDecimal value) implements Value {
        public Decimal {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A calendar date: DATE. */
    record Date(LocalDate value) implements Value {
        public Date {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A local date-time of the tenant's zone, to the second: DATETIME and {@code dueDate}. */
    record DateTime(LocalDateTime value) implements Value {
        public DateTime {
            Objects.requireNonNull(value, "value");
            if (value.getNano() != 0) {
                throw new IllegalArgumentException("a date-time value has no fraction of a second");
            }
        }
    }

    /** A list of distinct strings: MULTI_PICKLIST. */
    record TextList(List<String> values) implements Value {
        public TextList {
            values = List.copyOf(values);
        }
    }

    /** A boolean: CHECKBOX. */
    record Bool(boolean value) implements Value {}

    static Value text(String value) {
        return new Text(value);
    }

    static Value decimal(BigDecimal value) {
        return new Decimal(value);
    }

    static Value date(LocalDate value) {
        return new Date(value);
    }

    static Value dateTime(LocalDateTime value) {
        return new DateTime(value);
    }

    static Value textList(List<String> values) {
        return new TextList(values);
    }

    static Value bool(boolean value) {
        return new Bool(value);
    }
}

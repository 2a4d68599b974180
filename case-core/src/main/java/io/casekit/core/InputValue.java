package io.casekit.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A value as a client sent it, before validation: the shapes a JSON value can take, without
 * depending on any JSON library. The validation of a {@link CaseDraft} or {@link CaseModification}
 * turns it into a typed {@link Value}, or reports why it cannot (a wrong shape is {@code invalid_type},
 * never a coercion: the text {@code "12"} is not a number).
 */
public sealed interface InputValue {

    /** An explicit null: clears an optional field. */
    enum Null implements InputValue {
        INSTANCE
    }

    /** A string. */
    record Text(String value) implements InputValue {
        public Text {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A number, exactly as written. */
    record Number(BigDecimal value) implements InputValue {
        public Number {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A boolean. */
    record Bool(boolean value) implements InputValue {}

    /** An array. */
    record Array(List<InputValue> elements) implements InputValue {
        public Array {
            elements = List.copyOf(elements);
        }
    }

    /** An object. No field of a case accepts one; it exists so that it can be reported. */
    enum Structure implements InputValue {
        INSTANCE
    }

    static InputValue nullValue() {
        return Null.INSTANCE;
    }

    static InputValue text(String value) {
        return new Text(value);
    }

    static InputValue number(BigDecimal value) {
        return new Number(value);
    }

    static InputValue bool(boolean value) {
        return new Bool(value);
    }

    static InputValue array(List<InputValue> elements) {
        return new Array(elements);
    }

    static InputValue object() {
        return Structure.INSTANCE;
    }

    /** The input that a stored value would have been sent as, e.g. to replay or re-send a case. */
    static InputValue of(Value value) {
        if (value instanceof Value.Text t) {
            return new Text(t.value());
        } else if (value instanceof Value.Decimal d) {
            return new Number(d.value());
        } else if (value instanceof Value.Date d) {
            return new Text(WireFormats.format(d.value()));
        } else if (value instanceof Value.DateTime d) {
            return new Text(WireFormats.format(d.value()));
        } else if (value instanceof Value.TextList l) {
            return new Array(l.values().stream().map(InputValue::text).toList());
        } else {
            return new Bool(((Value.Bool) value).value());
        }
    }

    /** The name of this input's JSON type, for messages: {@code string}, {@code number}, … */
    default String typeName() {
        if (this instanceof Text) {
            return "string";
        } else if (this instanceof Number) {
            return "number";
        } else if (this instanceof Bool) {
            return "boolean";
        } else if (this instanceof Array) {
            return "array";
        } else if (this instanceof Structure) {
            return "object";
        }
        return "null";
    }

    /** Convenience for Java callers: the input for a date-time. */
    static InputValue dateTime(LocalDateTime value) {
        return new Text(WireFormats.format(new Value.DateTime(value).value()));
    }

    /** Convenience for Java callers: the input for a date. */
    static InputValue date(LocalDate value) {
        return new Text(WireFormats.format(value));
    }
}

package io.casekit.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fields of a create or modify request as the client sent them ({@code caseInfo} on the wire),
 * in the order sent. Nothing is validated here; the service does that and reports every problem.
 */
final class CaseInfo {
    private CaseInfo() {}

    static Map<String, InputValue> copy(Map<String, InputValue> fields) {
        LinkedHashMap<String, InputValue> copy = new LinkedHashMap<>();
        for (Map.Entry<String, InputValue> e : fields.entrySet()) {
            copy.put(Objects.requireNonNull(e.getKey(), "key"), Objects.requireNonNull(e.getValue(), "value"));
        }
        return Collections.unmodifiableMap(copy);
    }

    static Patch<InputValue> patch(Map<String, InputValue> fields, String key) {
        InputValue value = fields.get(key);
        if (value == null) {
            return Patch.absent();
        }
        return value == InputValue.Null.INSTANCE ? Patch.clear() : Patch.set(value);
    }

    /** The input a Java caller means by a typed extension value. */
    static InputValue input(Value value) {
        return InputValue.of(value);
    }

    static InputValue input(LocalDateTime value) {
        return InputValue.dateTime(value);
    }

    static InputValue input(LocalDate value) {
        return InputValue.date(value);
    }

    static InputValue input(BigDecimal value) {
        return InputValue.number(value);
    }

    static InputValue input(List<String> values) {
        return InputValue.array(values.stream().map(InputValue::text).toList());
    }
}

package io.casekit.core;

import java.util.Collections;
import java.util.LinkedHashMap;
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
}

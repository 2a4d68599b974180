package io.casekit.core;

import java.util.Objects;
import java.util.Optional;

/**
 * One field's change in an effective modification: its old and new value, in full.
 *
 * @param field    the field's wire name: a {@link StandardField} or an extension field
 * @param oldValue the value before; empty when the field had none
 * @param newValue the value after; empty when the change cleared it
 */
public record FieldChange(String field, Optional<Value> oldValue, Optional<Value> newValue) {
    public FieldChange {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(oldValue, "oldValue");
        Objects.requireNonNull(newValue, "newValue");
        if (oldValue.equals(newValue)) {
            throw new IllegalArgumentException("a change of " + field + " must change its value");
        }
    }

    /** The JSON Pointer of the field in an AICC request, e.g. {@code /caseInfo/title}. */
    public String path() {
        return Violation.pathOf(field);
    }
}

package io.casekit.core.validation;

import org.jspecify.annotations.Nullable;

/** The standard fields of a create request: those of a modify, and the case type. */
final class DraftFieldValues extends StandardFieldValues {
    @IdText(blankAllowed = false)
    @Nullable String type;

    @Override
    boolean set(String key, String value) {
        if (key.equals("type")) {
            type = value;
            return true;
        }
        return super.set(key, value);
    }
}

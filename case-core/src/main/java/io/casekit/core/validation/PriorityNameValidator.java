package io.casekit.core.validation;

import io.casekit.core.Priority;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Map;

/** Checks {@link PriorityName}. */
public final class PriorityNameValidator implements ConstraintValidator<PriorityName, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null || Priority.fromWireName(value).isPresent()) {
            return true;
        }
        return ConstraintParams.refuse(context, Map.of("allowed", Priority.WIRE_NAMES));
    }
}

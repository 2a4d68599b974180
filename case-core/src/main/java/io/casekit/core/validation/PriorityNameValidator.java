package io.casekit.core.validation;

import io.casekit.core.Priority;
import io.casekit.core.ViolationCode;
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
        return ConstraintParams.refuse(context, ViolationCode.INVALID_VALUE, Map.of("allowed", Priority.WIRE_NAMES));
    }
}

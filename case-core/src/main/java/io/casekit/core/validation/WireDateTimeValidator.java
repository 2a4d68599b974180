package io.casekit.core.validation;

import io.casekit.core.WireFormats;
import io.casekit.core.ViolationCode;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Map;

/** Checks {@link WireDateTime}. */
public final class WireDateTimeValidator implements ConstraintValidator<WireDateTime, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null || WireFormats.parseDateTime(value).isPresent()) {
            return true;
        }
        return ConstraintParams.refuse(context, ViolationCode.INVALID_FORMAT, Map.of("format", "yyyy-MM-dd HH:mm:ss"));
    }
}

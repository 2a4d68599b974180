package io.casekit.core.validation;

import io.casekit.core.ViolationCode;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Map;

/** Checks {@link PhoneNumber}. */
public final class PhoneNumberValidator implements ConstraintValidator<PhoneNumber, CharSequence> {
    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null || TextRules.isPhoneNumber(value)) {
            return true;
        }
        return ConstraintParams.refuse(context, ViolationCode.INVALID_FORMAT, Map.of("format", "+ and digits, spaces, -, ( and )"));
    }
}

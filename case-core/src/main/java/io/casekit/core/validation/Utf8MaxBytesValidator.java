package io.casekit.core.validation;

import io.casekit.core.Utf8;
import io.casekit.core.ViolationCode;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Map;

/** Checks {@link Utf8MaxBytes}. A text with a lone surrogate has no UTF-8 length: it is left to the character checks. */
public final class Utf8MaxBytesValidator implements ConstraintValidator<Utf8MaxBytes, CharSequence> {
    private long maxBytes;

    @Override
    public void initialize(Utf8MaxBytes annotation) {
        maxBytes = annotation.value();
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null || value.length() <= maxBytes / 4) {
            return true; // even 4 bytes per char would fit: no need to count
        }
        long bytes = Utf8.encodedLength(value);
        if (bytes <= maxBytes) {
            return true;
        }
        return ConstraintParams.refuse(context, ViolationCode.TOO_LONG, Map.of("maxBytes", maxBytes, "actualBytes", bytes));
    }
}

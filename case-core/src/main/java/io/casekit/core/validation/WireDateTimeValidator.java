package io.casekit.core.validation;

import io.casekit.core.ViolationCode;
import io.casekit.core.WireFormats;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;

/** Checks {@link WireDateTime}. */
public final class WireDateTimeValidator implements ConstraintValidator<WireDateTime, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        Optional<LocalDateTime> parsed = WireFormats.parseDateTime(value);
        if (parsed.isEmpty()) {
            return ConstraintParams.refuse(context, ViolationCode.INVALID_FORMAT, Map.of("format", "yyyy-MM-dd HH:mm:ss"));
        }
        if (parsed.get().getYear() < WireDateTime.EARLIEST_YEAR) {
            return ConstraintParams.refuse(context, ViolationCode.OUT_OF_RANGE, Map.of("min", WireDateTime.EARLIEST,
                    "max", WireDateTime.LATEST, "range", "from " + WireDateTime.EARLIEST + " to " + WireDateTime.LATEST));
        }
        return true;
    }
}

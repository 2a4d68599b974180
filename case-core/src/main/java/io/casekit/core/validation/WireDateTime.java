package io.casekit.core.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A date-time written exactly {@code yyyy-MM-dd HH:mm:ss} that exists in the calendar (code
 * {@code invalid_format}), in the years 1000 to 9999 (code {@code out_of_range}, with {@code min},
 * {@code max} and {@code range}). {@code null} is valid.
 *
 * <p>The year range is our decision: MariaDB's {@code DATETIME}, in which the JDBC store keeps
 * {@code dueDate}, holds the years 1000 to 9999 only, and every store must accept and return the
 * same values. The wire format has four-digit years, so only the years 0000 to 0999 are refused.
 */
@Documented
@Constraint(validatedBy = WireDateTimeValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface WireDateTime {
    /** The earliest year accepted: 1000. */
    int EARLIEST_YEAR = 1000;
    /** The earliest date-time accepted, as text. */
    String EARLIEST = "1000-01-01 00:00:00";
    /** The latest date-time accepted, as text (the latest one the format can write). */
    String LATEST = "9999-12-31 23:59:59";

    String message() default "{io.casekit.violation.invalid_format}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

}

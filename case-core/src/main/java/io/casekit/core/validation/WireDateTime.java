package io.casekit.core.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A date-time written exactly {@code yyyy-MM-dd HH:mm:ss} that exists in the calendar. Code {@code invalid_format}. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = WireDateTimeValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface WireDateTime {
    String message() default "{io.casekit.violation.invalid_format}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

}

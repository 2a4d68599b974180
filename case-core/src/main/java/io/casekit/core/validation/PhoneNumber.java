package io.casekit.core.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A phone number: digits, an optional leading {@code +}, spaces, {@code -}, {@code (} and {@code )}, with at least one digit. Code {@code invalid_format}. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = PhoneNumberValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PhoneNumber {
    String message() default "{io.casekit.violation.invalid_format}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

}

package io.casekit.core.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One of the exact priority names {@code Low}, {@code Medium}, {@code High}, {@code Critical}. Code {@code invalid_value}. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = PriorityNameValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PriorityName {
    String message() default "{io.casekit.violation.invalid_value}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

}

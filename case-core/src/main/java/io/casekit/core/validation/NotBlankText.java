package io.casekit.core.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text that is not empty and not only white space; null is left to other checks. Code {@code blank}. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = NotBlankTextValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface NotBlankText {
    String message() default "{io.casekit.violation.blank}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

}

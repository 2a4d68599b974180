package io.casekit.core.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An identifier of ASCII letters, digits, {@code -} and {@code _}. Code {@code invalid_characters}. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = IdCharactersValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface IdCharacters {
    String message() default "{io.casekit.violation.invalid_characters}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

}

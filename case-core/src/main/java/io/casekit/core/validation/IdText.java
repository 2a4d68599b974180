package io.casekit.core.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An identifier: ASCII letters, digits, {@code -} and {@code _} (code {@code invalid_characters},
 * params {@code index}, {@code character}), at most {@link #maxBytes()} UTF-8 bytes (code
 * {@code too_long}). {@code null} is valid; an empty text is left to {@link NotBlankText}.
 */
@Documented
@Constraint(validatedBy = IdTextValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface IdText {
    String message() default "{io.casekit.violation.invalid_characters}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The most UTF-8 bytes allowed; 20 for every id of the AICC case API. */
    int maxBytes() default 20;
}

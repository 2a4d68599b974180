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
 * {@code too_long}); with {@code blankAllowed = false} a blank text ({@link io.casekit.core.Blank}) is
 * refused too (code {@code blank}; one of Unicode white space is also {@code invalid_characters}).
 * {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = IdTextValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface IdText {
    String message() default "{io.casekit.violation.invalid_characters}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Whether a blank text ({@link io.casekit.core.Blank#isBlank}) is accepted (else code {@code blank}). */
    boolean blankAllowed() default true;

    /** The most UTF-8 bytes allowed; 20 for every id of the AICC case API. */
    int maxBytes() default 20;
}

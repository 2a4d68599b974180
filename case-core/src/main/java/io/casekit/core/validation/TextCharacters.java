package io.casekit.core.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text free of U+0000, lone surrogates and the control characters that {@link #controls()} refuses. Code {@code invalid_characters}. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = TextCharactersValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface TextCharacters {
    String message() default "{io.casekit.violation.invalid_characters}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    Controls controls() default Controls.NONE;

    /** Which control characters (U+0001–U+001F, U+007F) a field accepts. */
    enum Controls {
        /** None: titles, ids, single-line text. */
        NONE,
        /** TAB, LF and CR: descriptions and text areas. */
        LINE_BREAKS,
        /** All of them: opaque references such as attachments. */
        ANY
    }
}

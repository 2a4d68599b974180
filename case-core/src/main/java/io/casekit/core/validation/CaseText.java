package io.casekit.core.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text of at most {@link #maxBytes()} UTF-8 bytes (code {@code too_long}, params {@code maxBytes},
 * {@code actualBytes}) holding no U+0000, no lone surrogate and no control character that
 * {@link #controls()} refuses (code {@code invalid_characters}, params {@code index},
 * {@code character}). Both are checked in one pass, without encoding; a text with a lone
 * surrogate has no UTF-8 length and is reported for its characters only. With
 * {@code blankAllowed = false} a blank text ({@link io.casekit.core.Blank}: empty, or only Unicode
 * {@code White_Space} and invisible characters such as U+00A0 and U+200B) is refused too (code
 * {@code blank}). {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = CaseTextValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface CaseText {
    String message() default "{io.casekit.violation.invalid_characters}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The most UTF-8 bytes allowed. */
    int maxBytes();

    /**
     * Whether a blank text ({@link io.casekit.core.Blank#isBlank}) is accepted; when not, it is
     * refused with code {@code blank}, in the same pass as the other checks.
     */
    boolean blankAllowed() default true;

    /** Which control characters (U+0001–U+001F, U+007F) the text may hold. */
    Controls controls() default Controls.NONE;

    /** Which control characters a field accepts. */
    enum Controls {
        /** None: titles, single-line text. */
        NONE,
        /** TAB, LF and CR: descriptions and text areas. */
        LINE_BREAKS,
        /** All of them: opaque references such as attachments. */
        ANY
    }
}

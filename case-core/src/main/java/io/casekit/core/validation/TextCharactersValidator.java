package io.casekit.core.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Map;

/** Checks {@link TextCharacters}. */
public final class TextCharactersValidator implements ConstraintValidator<TextCharacters, CharSequence> {
    private TextCharacters.Controls controls = TextCharacters.Controls.NONE;

    @Override
    public void initialize(TextCharacters annotation) {
        controls = annotation.controls();
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        int at = TextRules.indexOfRefused(value, controls);
        if (at < 0) {
            return true;
        }
        return ConstraintParams.refuse(context, Map.of("index", (long) at,
                "character", ConstraintParams.codePoint(value.charAt(at))));
    }
}

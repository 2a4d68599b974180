package io.casekit.core.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Map;

/** Checks {@link IdCharacters}. */
public final class IdCharactersValidator implements ConstraintValidator<IdCharacters, CharSequence> {
    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        int at = TextRules.indexOfNonIdCharacter(value);
        if (at < 0) {
            return true;
        }
        return ConstraintParams.refuse(context, Map.of("index", (long) at,
                "character", ConstraintParams.codePoint(value.charAt(at))));
    }
}

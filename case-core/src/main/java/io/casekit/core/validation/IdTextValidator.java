package io.casekit.core.validation;

import io.casekit.core.Blank;
import io.casekit.core.Utf8;
import io.casekit.core.ViolationCode;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.EnumMap;
import java.util.Map;

/** Checks {@link IdText}. */
public final class IdTextValidator implements ConstraintValidator<IdText, CharSequence> {
    private long maxBytes;
    private boolean blankAllowed = true;

    @Override
    public void initialize(IdText annotation) {
        maxBytes = annotation.maxBytes();
        blankAllowed = annotation.blankAllowed();
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        boolean blank = !blankAllowed && Blank.isBlank(value);
        int bad = TextRules.indexOfNonIdCharacter(value);
        // Only id characters: one byte each.
        long bytes = bad < 0 ? value.length() : Utf8.encodedLength(value);
        boolean tooLong = bytes > maxBytes;
        if (!blank && bad < 0 && !tooLong) {
            return true;
        }
        EnumMap<ViolationCode, Map<String, Object>> found = new EnumMap<>(ViolationCode.class);
        if (blank) {
            found.put(ViolationCode.BLANK, Map.of());
        }
        if (bad >= 0) {
            found.put(ViolationCode.INVALID_CHARACTERS, Map.of("index", (long) bad,
                    "character", ConstraintParams.codePoint(value.charAt(bad))));
        }
        if (tooLong) {
            found.put(ViolationCode.TOO_LONG, Map.of("maxBytes", maxBytes, "actualBytes", bytes));
        }
        return ConstraintParams.refuse(context, found);
    }
}

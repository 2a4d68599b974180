package io.casekit.core.validation;

import io.casekit.core.Blank;
import io.casekit.core.ViolationCode;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.EnumMap;
import java.util.Map;

/** Checks {@link CaseText} in one pass over the text. */
public final class CaseTextValidator implements ConstraintValidator<CaseText, CharSequence> {
    private long maxBytes;
    private CaseText.Controls controls = CaseText.Controls.NONE;
    private boolean blankAllowed = true;

    @Override
    public void initialize(CaseText annotation) {
        maxBytes = annotation.maxBytes();
        controls = annotation.controls();
        blankAllowed = annotation.blankAllowed();
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        boolean blank = !blankAllowed && Blank.isBlank(value);
        TextRules.Scan scan = TextRules.scan(value, controls);
        boolean tooLong = !scan.hasLoneSurrogate() && scan.bytes() > maxBytes;
        if (!blank && scan.refusedAt() < 0 && !tooLong) {
            return true;
        }
        EnumMap<ViolationCode, Map<String, Object>> found = new EnumMap<>(ViolationCode.class);
        if (blank) {
            found.put(ViolationCode.BLANK, Map.of());
        }
        if (scan.refusedAt() >= 0) {
            found.put(ViolationCode.INVALID_CHARACTERS, Map.of("index", (long) scan.refusedAt(),
                    "character", ConstraintParams.codePoint(value.charAt(scan.refusedAt()))));
        }
        if (tooLong) {
            found.put(ViolationCode.TOO_LONG, Map.of("maxBytes", maxBytes, "actualBytes", scan.bytes()));
        }
        return ConstraintParams.refuse(context, found);
    }
}

package io.casekit.core.validation;

import io.casekit.core.ViolationCode;
import jakarta.validation.ConstraintValidatorContext;
import java.util.EnumMap;
import java.util.Map;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * How casekit's constraints report: one violation per {@link ViolationCode}, whose message template
 * is the code's key ({@code {io.casekit.violation.too_long}}), and whose params travel as Hibernate
 * Validator's dynamic payload, a map from code to params. The same params are message parameters,
 * so the constraints also read well in a host's own validator.
 */
final class ConstraintParams {
    static final String TEMPLATE_PREFIX = "{io.casekit.violation.";

    private ConstraintParams() {}

    static boolean refuse(ConstraintValidatorContext context, ViolationCode code, Map<String, Object> params) {
        EnumMap<ViolationCode, Map<String, Object>> one = new EnumMap<>(ViolationCode.class);
        one.put(code, params);
        return refuse(context, one);
    }

    static boolean refuse(ConstraintValidatorContext context, EnumMap<ViolationCode, Map<String, Object>> byCode) {
        // Payload and parameters first: a violation takes those set before it is built.
        if (context instanceof HibernateConstraintValidatorContext hibernate) {
            hibernate.withDynamicPayload(byCode);
            byCode.values().forEach(params -> params.forEach(hibernate::addMessageParameter));
        }
        context.disableDefaultConstraintViolation();
        for (ViolationCode code : byCode.keySet()) {
            context.buildConstraintViolationWithTemplate(TEMPLATE_PREFIX + code.code() + "}").addConstraintViolation();
        }
        return false;
    }

    static String codePoint(int c) {
        return String.format("U+%04X", c);
    }
}

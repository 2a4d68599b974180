package io.casekit.core.validation;

import jakarta.validation.ConstraintValidatorContext;
import java.util.Map;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/** Hands a violation's parameters to the validator that formats it, as Hibernate Validator's dynamic payload. */
final class ConstraintParams {
    private ConstraintParams() {}

    static boolean refuse(ConstraintValidatorContext context, Map<String, Object> params) {
        if (context instanceof HibernateConstraintValidatorContext hibernate) {
            hibernate.withDynamicPayload(params);
            params.forEach(hibernate::addMessageParameter);
        }
        return false;
    }

    static String codePoint(int c) {
        return String.format("U+%04X", c);
    }
}

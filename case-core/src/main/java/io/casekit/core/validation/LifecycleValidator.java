package io.casekit.core.validation;

import io.casekit.core.Violation;
import io.casekit.core.ViolationCode;
import jakarta.validation.ConstraintViolation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.validator.engine.HibernateConstraintViolation;
import org.jspecify.annotations.Nullable;

/**
 * Checks the texts of a lifecycle request (status change, close, cancel, resume, reopen, transfer,
 * erase) with the same constraints, codes and messages as a modify request. Stateless and
 * thread-safe.
 */
public final class LifecycleValidator {
    /** The rule a text is judged by. */
    public enum Rule {
        /** A case id: an id of at most 20 bytes, not blank. */
        ID("id"),
        /** The acting operator: an id of at most 20 bytes, not blank. */
        CREATOR_ID("creatorId"),
        /** A status name: 1 to 64 bytes, not blank, no control characters. */
        STATUS("status"),
        /** A remark: 1 to 2,000 bytes, not blank, line breaks and tabs allowed. */
        REMARK("remark"),
        /** A closed reason: 1 to 255 bytes, not blank, no control characters. */
        CLOSED_REASON("closedReason"),
        /** The new owner of a transfer: an id of at most 20 bytes, not blank. */
        OWNER_ID("ownerId");

        private final String property;

        Rule(String property) {
            this.property = property;
        }
    }

    private LifecycleValidator() {}

    /**
     * Adds the violations of one text to {@code out}: {@code required} when it is null and
     * {@code required} is set, else those of its rule (none for null).
     *
     * @param key the top-level request key it was sent under (the violation's path is {@code /key})
     */
    public static void check(String key, Rule rule, @Nullable String value, boolean required, List<Violation> out) {
        String path = "/" + io.casekit.core.JsonPointers.escape(key);
        if (value == null) {
            if (required) {
                out.add(new Violation(path, ViolationCode.REQUIRED, Map.of(),
                        ViolationMessages.format(ViolationCode.REQUIRED, key, Map.of())));
            }
            return;
        }
        Set<ConstraintViolation<LifecycleValues>> found =
                RequestValidator.sharedValidator().validateValue(LifecycleValues.class, rule.property, value);
        // The validator's set has no order; a key's violations are listed in the order of their codes.
        List<ConstraintViolation<LifecycleValues>> ordered = new java.util.ArrayList<>(found);
        ordered.sort(java.util.Comparator.comparing(v -> RequestValidator.codeOf(v.getMessageTemplate())));
        for (ConstraintViolation<LifecycleValues> v : ordered) {
            ViolationCode code = RequestValidator.codeOf(v.getMessageTemplate());
            @SuppressWarnings("unchecked")
            HibernateConstraintViolation<LifecycleValues> hibernate = v.unwrap(HibernateConstraintViolation.class);
            @SuppressWarnings("unchecked")
            Map<ViolationCode, Map<String, Object>> byCode = hibernate.getDynamicPayload(Map.class);
            Map<String, Object> params = byCode == null || byCode.get(code) == null ? Map.of() : byCode.get(code);
            out.add(new Violation(path, code, params, ViolationMessages.format(code, key, params)));
        }
    }
}

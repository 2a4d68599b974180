package io.casekit.core;

import java.util.List;

/** A request broke one or more rules. It carries all of them; nothing was stored. */
public final class CaseValidationException extends CaseException {
    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public CaseValidationException(List<Violation> violations) {
        super(summary(violations));
        this.violations = List.copyOf(violations);
        if (this.violations.isEmpty()) {
            throw new IllegalArgumentException("a validation failure has at least one violation");
        }
    }

    /** Every violation of the request, in the order of the request's fields. */
    public List<Violation> violations() {
        return violations;
    }

    @Override
    public Kind kind() {
        return Kind.VALIDATION;
    }

    private static String summary(List<Violation> violations) {
        StringBuilder text = new StringBuilder("Validation failed");
        for (Violation v : violations) {
            text.append("; ").append(v.path()).append(": ").append(v.message());
        }
        return text.toString();
    }
}

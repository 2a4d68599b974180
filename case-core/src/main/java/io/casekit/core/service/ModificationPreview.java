package io.casekit.core.service;

import io.casekit.core.Case;
import io.casekit.core.FieldChange;
import io.casekit.core.Violation;
import java.util.List;
import java.util.Objects;

/**
 * What a modify would do, computed without storing anything.
 *
 * @param current    the case as stored now
 * @param changes    the fields that would change (those of the request's fields that are valid)
 * @param violations     why the modify would be refused, bounded as a {@link io.casekit.core.CaseValidationException}
 *                       is: the first 100 in the order of the request's keys; empty when it would succeed
 * @param violationCount how many violations there are in all, at least {@code violations.size()}
 */
public record ModificationPreview(Case current, List<FieldChange> changes, List<Violation> violations,
                                  long violationCount) {
    /** @throws IllegalArgumentException when {@code violationCount} is below the number of violations */
    public ModificationPreview {
        Objects.requireNonNull(current, "current");
        changes = List.copyOf(changes);
        violations = List.copyOf(violations);
        if (violationCount < violations.size()) {
            throw new IllegalArgumentException("violationCount is below the number of violations");
        }
    }

    public boolean valid() {
        return violations.isEmpty();
    }
}

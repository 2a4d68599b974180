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
 * @param violations every reason the modify would be refused; empty when it would succeed
 */
public record ModificationPreview(Case current, List<FieldChange> changes, List<Violation> violations) {
    public ModificationPreview {
        Objects.requireNonNull(current, "current");
        changes = List.copyOf(changes);
        violations = List.copyOf(violations);
    }

    public boolean valid() {
        return violations.isEmpty();
    }
}

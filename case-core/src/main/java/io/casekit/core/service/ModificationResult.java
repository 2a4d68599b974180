package io.casekit.core.service;

import io.casekit.core.Case;
import io.casekit.core.FieldChange;
import java.util.List;
import java.util.Objects;

/**
 * What a modify did.
 *
 * @param current the case as stored after the call
 * @param changes the fields that changed; empty for a no-op, which stored nothing
 */
public record ModificationResult(Case current, List<FieldChange> changes) {
    public ModificationResult {
        Objects.requireNonNull(current, "current");
        changes = List.copyOf(changes);
    }

    /** Whether the request changed nothing: no new version, no history, no listener call. */
    public boolean noOp() {
        return changes.isEmpty();
    }
}

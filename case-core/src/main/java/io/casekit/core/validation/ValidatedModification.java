package io.casekit.core.validation;

import io.casekit.core.CaseId;
import io.casekit.core.Value;
import io.casekit.core.Violation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A modification after validation.
 *
 * @param caseId          the case it names, when its id is valid
 * @param operator        the operator ({@code creatorId}), when valid
 * @param changes         each field the request sets (a value) or clears (empty), in request
 *                        order; fields with a violation are left out
 * @param violations      the first violations found (at most
 *                        {@link io.casekit.core.CaseValidationException#MAX_VIOLATIONS}), in request
 *                        order; empty when the request is valid
 * @param violationCount  how many violations were found in all, at least {@code violations.size()}
 * @param expectedVersion the version the caller pinned, if any
 */
public record ValidatedModification(Optional<CaseId> caseId, Optional<String> operator,
                                    Map<String, Optional<Value>> changes, List<Violation> violations,
                                    long violationCount, OptionalLong expectedVersion) {
    public ValidatedModification {
        changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
        violations = List.copyOf(violations);
        if (violationCount < violations.size()) {
            throw new IllegalArgumentException("violationCount is below the number of violations");
        }
    }

    /** The failure of this request; call only when it is not {@link #valid()}. */
    public io.casekit.core.CaseValidationException failure() {
        return new io.casekit.core.CaseValidationException(violations, violationCount);
    }

    public boolean valid() {
        return violations.isEmpty();
    }
}

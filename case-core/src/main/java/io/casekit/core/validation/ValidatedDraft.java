package io.casekit.core.validation;

import io.casekit.core.CaseId;
import io.casekit.core.CaseTypeId;
import io.casekit.core.Value;
import io.casekit.core.Violation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A create request after validation.
 *
 * @param id         the id the host chose for the case, if it chose one
 * @param type       the case type, when valid
 * @param creator    the creator ({@code creatorId}), when valid
 * @param values     each modifiable field the request sets, in request order (title, description,
 *                   the optional standard fields and extension fields)
 * @param violations     the first violations found (at most
 *                       {@link io.casekit.core.CaseValidationException#MAX_VIOLATIONS}), in request
 *                       order; empty when the request is valid
 * @param violationCount how many violations were found in all, at least {@code violations.size()}
 */
public record ValidatedDraft(Optional<CaseId> id, Optional<CaseTypeId> type, Optional<String> creator,
                             Map<String, Value> values, List<Violation> violations, long violationCount) {
    public ValidatedDraft {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
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

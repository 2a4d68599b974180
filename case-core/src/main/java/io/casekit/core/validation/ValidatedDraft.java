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
 * @param violations every violation found, in request order; empty when the request is valid
 */
public record ValidatedDraft(Optional<CaseId> id, Optional<CaseTypeId> type, Optional<String> creator,
                             Map<String, Value> values, List<Violation> violations) {
    public ValidatedDraft {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        violations = List.copyOf(violations);
    }

    public boolean valid() {
        return violations.isEmpty();
    }
}

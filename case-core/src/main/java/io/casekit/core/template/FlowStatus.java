package io.casekit.core.template;

import io.casekit.core.CaseState;
import java.util.Objects;

/**
 * One status of a case type's {@link StatusFlow}: a tenant's own name (for example {@code New},
 * {@code Processing}, {@code Waiting for customer}) and the {@link CaseState} it means. The rules on
 * the name and the state are checked by the {@link CaseType} that holds the flow.
 *
 * @param name  the status name, 1 to {@value StatusFlow#MAX_NAME_BYTES} UTF-8 bytes, not blank, no
 *              control characters, compared exactly
 * @param state {@link CaseState#PROCESSING}, {@link CaseState#PENDING} or {@link CaseState#COMPLETED};
 *              {@code CANCELLED} is the state of a cancelled case only
 */
public record FlowStatus(String name, CaseState state) {
    public FlowStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
    }
}

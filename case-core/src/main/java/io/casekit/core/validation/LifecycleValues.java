package io.casekit.core.validation;

import io.casekit.core.validation.CaseText.Controls;
import org.jspecify.annotations.Nullable;

/**
 * The texts of the lifecycle's requests with their static constraints, judged one at a time by
 * {@link LifecycleValidator} ({@code Validator.validateValue}). The Java field names are the rules'
 * names. Sources: AICC sibling pages (ids of 20 bytes, remarks of 2,000 bytes), our decision (a status
 * name as {@code StatusFlow.MAX_NAME_BYTES}, a closed reason of 255 bytes like a TEXT field).
 */
final class LifecycleValues {
    @IdText(blankAllowed = false)
    @Nullable String id;

    @IdText(blankAllowed = false)
    @Nullable String creatorId;

    @CaseText(maxBytes = 64, blankAllowed = false)
    @Nullable String status;

    @CaseText(maxBytes = 2_000, controls = Controls.LINE_BREAKS, blankAllowed = false)
    @Nullable String remark;

    @CaseText(maxBytes = 255, blankAllowed = false)
    @Nullable String closedReason;

    @IdText(blankAllowed = false)
    @Nullable String ownerId;

    private LifecycleValues() {}
}

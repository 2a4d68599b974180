package io.casekit.core;

import java.util.Map;

/**
 * The case is closed or cancelled, and the operation would change it: a modify, a status change, a
 * cancel of a closed case, a close of a cancelled one, a transfer. Nothing was stored. Reads, the
 * history, reopen (of a closed case) and resume (of a cancelled one) still work. Not retryable: the
 * same call fails until the case is reopened or resumed. Source: issue 14 (Zendesk's closed tickets
 * and Dataverse's resolved cases are read-only too).
 */
public final class CaseReadOnlyException extends CaseException {
    private static final long serialVersionUID = 1L;

    private final CaseId caseId;
    private final CaseState state;

    /** @param state {@link CaseState#COMPLETED} for a closed case, {@link CaseState#CANCELLED} for a cancelled one */
    public CaseReadOnlyException(CaseId caseId, CaseState state) {
        super("Case " + caseId.value() + " is " + (state == CaseState.CANCELLED ? "cancelled" : "closed")
                + ": it is read-only until it is " + remedy(state));
        this.caseId = caseId;
        this.state = state;
    }

    private static String remedy(CaseState state) {
        return state == CaseState.CANCELLED ? "resumed" : "reopened";
    }

    public CaseId caseId() {
        return caseId;
    }

    /** {@link CaseState#COMPLETED} (closed) or {@link CaseState#CANCELLED}. */
    public CaseState state() {
        return state;
    }

    /**
     * The refusal as a violation of the whole request (path {@code ""}), code
     * {@link ViolationCode#CASE_READ_ONLY}, params {@code state} (the state's wire name) and
     * {@code remedy} ({@code reopened} or {@code resumed}), for hosts that answer with violations.
     */
    public Violation violation() {
        Map<String, Object> params = Map.of("state", state.wireName(), "remedy", remedy(state));
        return new Violation("", ViolationCode.CASE_READ_ONLY, params, getMessage());
    }

    @Override
    public Kind kind() {
        return Kind.READ_ONLY_CASE;
    }
}

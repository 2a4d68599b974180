package io.casekit.core;

/**
 * No case with this id exists in the tenant. A case of another tenant is, to the caller, exactly
 * as absent: the exception is the same and says nothing about other tenants.
 */
public final class CaseNotFoundException extends CaseException {
    private static final long serialVersionUID = 1L;

    private final CaseId caseId;

    public CaseNotFoundException(CaseId caseId) {
        super("No case " + caseId.value());
        this.caseId = caseId;
    }

    public CaseId caseId() {
        return caseId;
    }

    @Override
    public Kind kind() {
        return Kind.NOT_FOUND;
    }
}

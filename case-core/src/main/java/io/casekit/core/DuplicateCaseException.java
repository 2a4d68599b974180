package io.casekit.core;

/** A case with this id already exists in the tenant. Nothing was stored. */
public final class DuplicateCaseException extends CaseException {
    private static final long serialVersionUID = 1L;

    private final CaseId caseId;

    public DuplicateCaseException(CaseId caseId) {
        super("A case " + caseId.value() + " already exists");
        this.caseId = caseId;
    }

    public DuplicateCaseException(CaseId caseId, Throwable cause) {
        super("A case " + caseId.value() + " already exists", cause);
        this.caseId = caseId;
    }

    public CaseId caseId() {
        return caseId;
    }

    @Override
    public Kind kind() {
        return Kind.DUPLICATE;
    }
}

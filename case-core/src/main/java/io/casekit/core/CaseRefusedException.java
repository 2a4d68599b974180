package io.casekit.core;

/** The host's authorization policy refused a change. Nothing was stored. */
public final class CaseRefusedException extends CaseException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    /** @param reason why, in words the host chose for its callers */
    public CaseRefusedException(String reason) {
        super("Refused: " + reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    @Override
    public Kind kind() {
        return Kind.REFUSED;
    }
}

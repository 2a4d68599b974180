package io.casekit.core;

import java.util.Optional;

/**
 * What kind of operation made a {@link HistoryEntry}: the creation, a modification of fields, or one
 * of the lifecycle's operations. Source: our decision (AICC records the operations, not their names).
 */
public enum ChangeKind {
    CREATE("create"),
    MODIFY("modify"),
    /** A status change within the type's flow. */
    STATUS("status"),
    CLOSE("close"),
    CANCEL("cancel"),
    RESUME("resume"),
    REOPEN("reopen"),
    /** A new owner, set by the transfer operation. */
    TRANSFER("transfer");

    private final String wireName;

    ChangeKind(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire and in the database: {@code create}, {@code modify}, {@code status}, …. */
    public String wireName() {
        return wireName;
    }

    /** The kind of this wire name, exactly, if there is one. */
    public static Optional<ChangeKind> fromWireName(String name) {
        for (ChangeKind k : values()) {
            if (k.wireName.equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}

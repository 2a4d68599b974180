package io.casekit.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One effective change of a case, as its history records it. Creation is the entry of version 1,
 * whose changes set every field the case was created with; so replaying a case's history in order
 * from nothing yields the case.
 *
 * @param tenant  the case's tenant
 * @param caseId  the case
 * @param version the case's version after this change
 * @param at      when the change was stored
 * @param actor   the operator on whose behalf it was made ({@code creatorId})
 * @param changes the changed fields, in full (never truncated); never empty
 * @param kind    the operation that made the change: {@link ChangeKind#CREATE} for version 1
 * @param remark  the remark the operation was given (close, cancel, resume, reopen, transfer, and a
 *                status change), at most 2,000 UTF-8 bytes; empty for create and modify
 */
public record HistoryEntry(TenantId tenant, CaseId caseId, long version, Instant at, String actor,
                           List<FieldChange> changes, ChangeKind kind, Optional<String> remark) {
    public HistoryEntry {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(remark, "remark");
        changes = List.copyOf(changes);
        if ((version == 1) != (kind == ChangeKind.CREATE)) {
            throw new IllegalArgumentException("the entry of version 1, and it only, is the creation; version "
                    + version + " is " + kind);
        }
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, was " + version);
        }
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("a history entry records at least one change");
        }
    }

    /**
     * The entry of a creation (version 1) or a modification (any later version), without a remark:
     * the entries casekit wrote before the lifecycle.
     */
    public HistoryEntry(TenantId tenant, CaseId caseId, long version, Instant at, String actor, List<FieldChange> changes) {
        this(tenant, caseId, version, at, actor, changes, version == 1 ? ChangeKind.CREATE : ChangeKind.MODIFY,
                Optional.empty());
    }
}

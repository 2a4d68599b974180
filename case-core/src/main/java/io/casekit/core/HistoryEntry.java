package io.casekit.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

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
 */
public record HistoryEntry(TenantId tenant, CaseId caseId, long version, Instant at, String actor,
                           List<FieldChange> changes) {
    public HistoryEntry {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        changes = List.copyOf(changes);
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, was " + version);
        }
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("a history entry records at least one change");
        }
    }
}

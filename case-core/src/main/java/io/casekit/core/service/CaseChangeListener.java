package io.casekit.core.service;

import io.casekit.core.Case;
import io.casekit.core.HistoryEntry;

/**
 * Told of each effective change (creation included) once it is committed; never of a no-op, a
 * rejected request, a failed store, or a change whose host transaction rolled back.
 *
 * <p><b>When.</b> The service calls it through {@link io.casekit.core.spi.CaseStore#afterCommit}:
 * outside a host transaction, on the caller's thread, after the store has committed and before
 * {@code create} or {@code modify} returns; inside a host transaction the store joined (a Jdbi
 * transaction of the same {@code Jdbi}, or a transaction of the host's manager in the JDBC store's
 * host-managed mode), after the host's commit, on the thread that commits, and not at all when the
 * host rolls back. A store that can not see the host's transaction calls it after its own commit.
 *
 * <p><b>Failures.</b> An exception it throws is logged (a warning of the
 * {@code io.casekit.core.service.CaseService} logger) and reaches neither the caller nor the host's
 * transaction: the change is stored and stays stored.
 *
 * <p>Our decision (issue 12): a listener must never act on a change that did not happen.
 */
@FunctionalInterface
public interface CaseChangeListener {

    void changed(Case after, HistoryEntry entry);

    static CaseChangeListener none() {
        return (after, entry) -> { };
    }
}

package io.casekit.core.service;

import io.casekit.core.Case;
import io.casekit.core.HistoryEntry;

/**
 * Told of each effective change (creation included) after it is stored; never of a no-op, a
 * rejected request or a failed store. It runs on the caller's thread. An exception it throws is
 * logged and does not reach the caller: the change is stored and stays stored.
 */
@FunctionalInterface
public interface CaseChangeListener {

    void changed(Case after, HistoryEntry entry);

    static CaseChangeListener none() {
        return (after, entry) -> { };
    }
}

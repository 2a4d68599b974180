package io.casekit.core.service;

import io.casekit.core.HistoryEntry;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One page of a case's history, as {@link CaseService#historyPage} returns it. Immutable and
 * thread-safe.
 *
 * @param entries          the entries of the page, oldest first (ascending versions, no gap); empty
 *                         when the caller already had the latest version
 * @param nextAfterVersion present when more entries follow the page (as of when the case was read):
 *                         the {@code afterVersion} to pass for the next page, which is the version of
 *                         the page's last entry; empty at the end of the history
 */
public record HistoryPage(List<HistoryEntry> entries, OptionalLong nextAfterVersion) {

    /**
     * @throws NullPointerException     when an argument is null or holds a null
     * @throws IllegalArgumentException when more entries follow a page that has none, or the next
     *                                  position is not the version of the page's last entry
     */
    public HistoryPage {
        entries = List.copyOf(entries);
        Objects.requireNonNull(nextAfterVersion, "nextAfterVersion");
        if (nextAfterVersion.isPresent()
                && (entries.isEmpty() || entries.get(entries.size() - 1).version() != nextAfterVersion.getAsLong())) {
            throw new IllegalArgumentException("the next page starts after the last entry of a non-empty page");
        }
    }

    /** Whether more entries follow this page. */
    public boolean hasMore() {
        return nextAfterVersion.isPresent();
    }
}

package io.casekit.store.memory;

import io.casekit.core.HistoryEntry;
import java.util.Arrays;
import java.util.List;

/**
 * The history of one case: an immutable list that shares its array with the previous version of
 * itself, so that an append costs O(1) amortised instead of copying the whole history on every
 * change. Only the first append onto a given version may extend the shared array in place; any
 * other copies it. {@link InMemoryCaseStore} only ever appends to the latest version.
 */
final class History {
    private final HistoryEntry[] entries;
    private final int size;

    private History(HistoryEntry[] entries, int size) {
        this.entries = entries;
        this.size = size;
    }

    static History of(HistoryEntry first) {
        HistoryEntry[] entries = new HistoryEntry[2];
        entries[0] = first;
        return new History(entries, 1);
    }

    History append(HistoryEntry entry) {
        synchronized (entries) {
            if (size < entries.length && entries[size] == null) {
                entries[size] = entry;
                return new History(entries, size + 1);
            }
        }
        HistoryEntry[] grown = Arrays.copyOf(entries, Math.max(4, size * 2));
        Arrays.fill(grown, size, grown.length, null);
        grown[size] = entry;
        return new History(grown, size + 1);
    }

    List<HistoryEntry> toList() {
        return List.of(Arrays.copyOf(entries, size));
    }
}

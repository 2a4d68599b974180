package io.casekit.store.memory;

import io.casekit.core.HistoryEntry;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The history of one case as an immutable value: a persistent append-only list. Each version shares
 * one array with the version it was appended to, so an append costs O(1) amortised instead of a copy
 * of the whole history, and a case's memory stays proportional to its history (the array is at most
 * twice as long as the entries it holds).
 *
 * <p>Why sharing is safe: the slots {@code [0, size)} of a version are written before the version
 * exists and never again. Only the first append onto a given version may fill slot {@code size} in
 * place; any later append onto the same version (a stale one) finds that slot taken and copies. The
 * check and the write are made under the array's lock, so this holds even for concurrent appends.
 * Readers need no lock: they only read slots that were written before they got their version.
 */
final class History extends AbstractList<HistoryEntry> implements RandomAccess {
    private final HistoryEntry[] entries;
    private final int size;

    private History(HistoryEntry[] entries, int size) {
        this.entries = entries;
        this.size = size;
    }

    /** A history of one entry: a creation. */
    static History of(HistoryEntry first) {
        HistoryEntry[] entries = new HistoryEntry[4];
        entries[0] = Objects.requireNonNull(first, "first");
        return new History(entries, 1);
    }

    /** This history with {@code entry} after its last one. This history itself does not change. */
    History append(HistoryEntry entry) {
        Objects.requireNonNull(entry, "entry");
        synchronized (entries) {
            if (size < entries.length && entries[size] == null) {
                entries[size] = entry;
                return new History(entries, size + 1);
            }
        }
        HistoryEntry[] grown = new HistoryEntry[Math.max(4, size * 2)];
        System.arraycopy(entries, 0, grown, 0, size);
        grown[size] = entry;
        return new History(grown, size + 1);
    }

    /**
     * The entries of version greater than {@code afterVersion}, at most {@code limit} of them, oldest
     * first: a copy of that slice only, whatever the length of the history. Relies on the store's
     * rule that versions start at 1 and have no gap, so version {@code v} is at index {@code v - 1}.
     *
     * @param afterVersion 0 or more
     * @param limit        1 or more
     */
    List<HistoryEntry> page(long afterVersion, int limit) {
        int from = (int) Math.min(afterVersion, size);
        int to = (int) Math.min((long) from + limit, size);
        return Collections.unmodifiableList(Arrays.asList(Arrays.copyOfRange(entries, from, to)));
    }

    @Override
    public HistoryEntry get(int index) {
        Objects.checkIndex(index, size);
        return entries[index];
    }

    @Override
    public int size() {
        return size;
    }

    /** The length of the array behind this version: what it costs in memory, for tests. */
    int capacity() {
        return entries.length;
    }
}

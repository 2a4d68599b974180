package io.casekit.store.memory;

import io.casekit.core.Case;
import io.casekit.core.CaseConflictException;
import io.casekit.core.CaseId;
import io.casekit.core.CaseNotFoundException;
import io.casekit.core.DuplicateCaseException;
import io.casekit.core.HistoryEntry;
import io.casekit.core.TenantId;
import io.casekit.core.spi.CaseStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A thread-safe {@link CaseStore} in memory. Find and update are constant time by (tenant, id);
 * the state of a case and its history are one immutable record swapped atomically, so no reader
 * ever sees one without the other. Cases and history entries are immutable values, so nothing a
 * caller holds can change what is stored. Nothing is persisted.
 */
public final class InMemoryCaseStore implements CaseStore {
    private record Key(TenantId tenant, CaseId id) {}

    /** A case and its history, replaced as a whole. The history is an immutable persistent list. */
    private record Stored(Case current, History history) {}

    private final ConcurrentHashMap<Key, Stored> cases = new ConcurrentHashMap<>();

    @Override
    public Optional<Case> find(TenantId tenant, CaseId id) {
        Stored stored = cases.get(new Key(tenant, id));
        return stored == null ? Optional.empty() : Optional.of(stored.current());
    }

    @Override
    public void insert(Case created, HistoryEntry creation) {
        CaseStore.checkInsert(created, creation);
        Stored previous = cases.putIfAbsent(new Key(created.tenant(), created.id()),
                new Stored(created, History.of(creation)));
        if (previous != null) {
            throw new DuplicateCaseException(created.id());
        }
    }

    @Override
    public void update(Case updated, long expectedVersion, HistoryEntry entry) {
        CaseStore.checkUpdate(updated, expectedVersion, entry);
        Key key = new Key(updated.tenant(), updated.id());
        Stored[] seen = new Stored[1];
        Stored result = cases.computeIfPresent(key, (k, stored) -> {
            seen[0] = stored;
            if (stored.current().version() != expectedVersion) {
                return stored;
            }
            return new Stored(updated, stored.history().append(entry));
        });
        if (result == null) {
            throw new CaseNotFoundException(updated.id());
        }
        if (result == seen[0]) {
            throw new CaseConflictException(updated.id(), expectedVersion, seen[0].current().version());
        }
    }

    @Override
    public List<HistoryEntry> history(TenantId tenant, CaseId id) {
        Stored stored = cases.get(new Key(tenant, id));
        return stored == null ? List.of() : stored.history().toList();
    }

    /** The number of cases stored, over all tenants. */
    public int size() {
        return cases.size();
    }
}

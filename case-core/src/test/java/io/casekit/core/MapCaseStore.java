package io.casekit.core;

import io.casekit.core.spi.CaseStore;
import io.casekit.core.spi.TemplateCatalog;
import io.casekit.core.template.CaseType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A minimal, synchronized store for the core's own tests. case-core can not depend on
 * case-store-memory (that module depends on case-core), so the core tests carry this one; the
 * contract kit holds the real stores to the same behaviour.
 */
public final class MapCaseStore implements CaseStore, TemplateCatalog {
    private record Key(TenantId tenant, String id) {}

    private final Map<Key, Case> cases = new HashMap<>();
    private final Map<Key, List<HistoryEntry>> histories = new HashMap<>();
    private final Map<Key, CaseType> types = new HashMap<>();
    private int writes;

    @Override
    public synchronized Optional<Case> find(TenantId tenant, CaseId id) {
        return Optional.ofNullable(cases.get(new Key(tenant, id.value())));
    }

    @Override
    public synchronized void insert(Case created, HistoryEntry creation) {
        CaseStore.checkInsert(created, creation);
        Key key = new Key(created.tenant(), created.id().value());
        if (cases.containsKey(key)) {
            throw new DuplicateCaseException(created.id());
        }
        cases.put(key, created);
        histories.put(key, new ArrayList<>(List.of(creation)));
        writes++;
    }

    @Override
    public synchronized void update(Case updated, long expectedVersion, HistoryEntry entry) {
        CaseStore.checkUpdate(updated, expectedVersion, entry);
        Key key = new Key(updated.tenant(), updated.id().value());
        Case stored = cases.get(key);
        if (stored == null) {
            throw new CaseNotFoundException(updated.id());
        }
        if (stored.version() != expectedVersion) {
            throw new CaseConflictException(updated.id(), expectedVersion, stored.version());
        }
        cases.put(key, updated);
        histories.get(key).add(entry);
        writes++;
    }

    @Override
    public synchronized boolean erase(TenantId tenant, CaseId id) {
        Key key = new Key(tenant, id.value());
        histories.remove(key);
        return cases.remove(key) != null;
    }

    @Override
    public synchronized List<HistoryEntry> history(TenantId tenant, CaseId id) {
        return List.copyOf(histories.getOrDefault(new Key(tenant, id.value()), List.of()));
    }

    @Override
    public synchronized Optional<CaseType> find(TenantId tenant, CaseTypeId id) {
        return Optional.ofNullable(types.get(new Key(tenant, id.value())));
    }

    @Override
    public synchronized List<CaseType> list(TenantId tenant) {
        return types.values().stream().filter(t -> t.tenant().equals(tenant)).toList();
    }

    @Override
    public synchronized void save(CaseType caseType) {
        types.put(new Key(caseType.tenant(), caseType.id().value()), caseType);
    }

    /** How many inserts and updates have been stored: a write a test did not expect shows here. */
    public synchronized int writes() {
        return writes;
    }
}

package io.casekit.store.memory;

import io.casekit.core.CaseTypeId;
import io.casekit.core.TenantId;
import io.casekit.core.spi.TemplateCatalog;
import io.casekit.core.template.CaseType;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A thread-safe {@link TemplateCatalog} in memory. Case types are immutable values. */
public final class InMemoryTemplateCatalog implements TemplateCatalog {
    private record Key(TenantId tenant, CaseTypeId id) {}

    private final ConcurrentHashMap<Key, CaseType> types = new ConcurrentHashMap<>();

    @Override
    public Optional<CaseType> find(TenantId tenant, CaseTypeId id) {
        return Optional.ofNullable(types.get(new Key(tenant, id)));
    }

    @Override
    public List<CaseType> list(TenantId tenant) {
        return types.values().stream()
                .filter(t -> t.tenant().equals(tenant))
                .sorted(Comparator.comparing(CaseType::id))
                .toList();
    }

    @Override
    public void save(CaseType caseType) {
        types.put(new Key(caseType.tenant(), caseType.id()), caseType);
    }
}

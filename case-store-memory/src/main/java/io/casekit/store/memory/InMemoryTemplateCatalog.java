package io.casekit.store.memory;

import io.casekit.core.CaseTypeId;
import io.casekit.core.TenantId;
import io.casekit.core.spi.TemplateCatalog;
import io.casekit.core.template.CaseType;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A {@link TemplateCatalog} in memory. Thread-safe; case types are immutable values, so nothing a
 * caller holds can change the catalog. Each tenant's types are kept sorted by id, so listing them
 * costs only that tenant's types.
 */
public final class InMemoryTemplateCatalog implements TemplateCatalog {
    private final ConcurrentHashMap<TenantId, ConcurrentSkipListMap<CaseTypeId, CaseType>> types =
            new ConcurrentHashMap<>();

    /** An empty catalog. */
    public InMemoryTemplateCatalog() {}

    @Override
    public Optional<CaseType> find(TenantId tenant, CaseTypeId id) {
        Objects.requireNonNull(id, "id");
        return Optional.ofNullable(typesOf(tenant).get(id));
    }

    @Override
    public List<CaseType> list(TenantId tenant) {
        return List.copyOf(typesOf(tenant).values());
    }

    @Override
    public void save(CaseType caseType) {
        types.computeIfAbsent(caseType.tenant(), tenant -> new ConcurrentSkipListMap<>())
                .put(caseType.id(), caseType);
    }

    private Map<CaseTypeId, CaseType> typesOf(TenantId tenant) {
        Map<CaseTypeId, CaseType> ofTenant = types.get(Objects.requireNonNull(tenant, "tenant"));
        return ofTenant == null ? Map.of() : ofTenant;
    }
}

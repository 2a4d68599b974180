package io.casekit.store.tck;

import io.casekit.core.CaseTypeId;
import io.casekit.core.TenantId;
import io.casekit.core.spi.TemplateCatalog;
import io.casekit.core.template.CaseType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A plain, correct catalog, and the mistakes a careless one makes, one at a time. */
final class FaultyCatalog implements TemplateCatalog {

    /** One mistake the catalog makes. */
    enum Fault {
        NONE,
        /** Types are found and listed across tenants. */
        IGNORES_TENANT,
        /** Types are listed in the order saved. */
        UNSORTED,
        /** Saving a type again keeps the first definition. */
        KEEPS_FIRST_DEFINITION
    }

    private final Fault fault;
    private final List<CaseType> types = new ArrayList<>();

    FaultyCatalog(Fault fault) {
        this.fault = fault;
    }

    @Override
    public synchronized Optional<CaseType> find(TenantId tenant, CaseTypeId id) {
        return types.stream().filter(t -> ofTenant(t, tenant) && t.id().equals(id)).findFirst();
    }

    @Override
    public synchronized List<CaseType> list(TenantId tenant) {
        List<CaseType> listed = new ArrayList<>(types.stream().filter(t -> ofTenant(t, tenant)).toList());
        if (fault != Fault.UNSORTED) {
            listed.sort(Comparator.comparing(CaseType::id));
        }
        return List.copyOf(listed);
    }

    @Override
    public synchronized void save(CaseType caseType) {
        boolean exists = types.stream().anyMatch(t -> t.tenant().equals(caseType.tenant()) && t.id().equals(caseType.id()));
        if (exists && fault == Fault.KEEPS_FIRST_DEFINITION) {
            return;
        }
        types.removeIf(t -> t.tenant().equals(caseType.tenant()) && t.id().equals(caseType.id()));
        types.add(caseType);
    }

    private boolean ofTenant(CaseType type, TenantId tenant) {
        return fault == Fault.IGNORES_TENANT || type.tenant().equals(tenant);
    }
}

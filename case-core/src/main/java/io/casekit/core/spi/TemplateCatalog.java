package io.casekit.core.spi;

import io.casekit.core.CaseTypeId;
import io.casekit.core.StorageUnavailableException;
import io.casekit.core.TenantId;
import io.casekit.core.template.CaseType;
import java.util.List;
import java.util.Optional;

/**
 * Where the case types of each tenant and their templates live. Thread-safe. A type can be
 * redefined (a field added or removed); cases keep the values of removed fields.
 */
public interface TemplateCatalog {

    /**
     * The case type with this id in this tenant.
     *
     * @throws StorageUnavailableException when the catalog fails
     */
    Optional<CaseType> find(TenantId tenant, CaseTypeId id);

    /**
     * The case types of a tenant, ordered by id.
     *
     * @throws StorageUnavailableException when the catalog fails
     */
    List<CaseType> list(TenantId tenant);

    /**
     * Defines a case type, or replaces the definition of the tenant's type with the same id.
     *
     * @throws StorageUnavailableException when the catalog fails; the previous definition stays
     */
    void save(CaseType caseType);
}

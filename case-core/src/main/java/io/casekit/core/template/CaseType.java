package io.casekit.core.template;

import io.casekit.core.CaseTypeId;
import io.casekit.core.CaseValidationException;
import io.casekit.core.TenantId;
import io.casekit.core.Violation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A case type of a tenant: its template (the extension fields its cases may carry) and its status
 * flow. The definition is checked when the object is built; a bad one is refused with a
 * {@link CaseValidationException} whose violations and message name the type and the field or
 * status.
 *
 * @param tenant     the tenant the type belongs to
 * @param id         the type's id, unique in its tenant
 * @param name       a name for people, not blank ({@link io.casekit.core.Blank}), at most 128 UTF-8 bytes
 * @param fields     the template's fields, in order, with distinct names
 * @param statusFlow the statuses its cases go through ({@link StatusFlow#DEFAULT} when the type defines none)
 */
public record CaseType(TenantId tenant, CaseTypeId id, String name, List<FieldDefinition> fields, StatusFlow statusFlow) {

    public CaseType {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(statusFlow, "statusFlow");
        fields = List.copyOf(fields);
        List<Violation> problems = TemplateDefinitionRules.check(id, name, fields, statusFlow);
        if (!problems.isEmpty()) {
            throw new CaseValidationException(problems);
        }
    }

    /** A case type with the {@link StatusFlow#DEFAULT} flow: one status, {@code Open}. */
    public CaseType(TenantId tenant, CaseTypeId id, String name, List<FieldDefinition> fields) {
        this(tenant, id, name, fields, StatusFlow.DEFAULT);
    }

    /** The field of this name, if the template declares one. */
    public Optional<FieldDefinition> field(String fieldName) {
        for (FieldDefinition f : fields) {
            if (f.name().equals(fieldName)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The fields by name, in template order. */
    public Map<String, FieldDefinition> fieldsByName() {
        Map<String, FieldDefinition> byName = new LinkedHashMap<>();
        for (FieldDefinition f : fields) {
            byName.put(f.name(), f);
        }
        return Collections.unmodifiableMap(byName);
    }
}

package io.casekit.store.tck;

import io.casekit.core.CaseTypeId;
import io.casekit.core.TenantId;
import io.casekit.core.template.CaseType;
import io.casekit.core.template.FieldDefinition;
import io.casekit.core.template.FieldType;
import java.math.BigDecimal;
import java.util.List;

/** Case types for the tests that go through the service. */
final class Types {
    private Types() {}

    /** The type {@link Cases#TYPE} with no extension fields. */
    static CaseType plain(TenantId tenant) {
        return new CaseType(tenant, Cases.TYPE, "Incident", List.of());
    }

    /** The type {@link Cases#TYPE} with the given fields. */
    static CaseType withFields(TenantId tenant, FieldDefinition... fields) {
        return new CaseType(tenant, Cases.TYPE, "Incident", List.of(fields));
    }

    /** A type with one field of every field type, every option of each set to an unusual value. */
    static CaseType everyFieldType(TenantId tenant, CaseTypeId id) {
        return new CaseType(tenant, id, "Incident – 事件 🔥", List.of(
                FieldDefinition.builder("text", FieldType.TEXT).required(true).maxBytes(100).build(),
                FieldDefinition.builder("area", FieldType.TEXTAREA).maxBytes(1_048_576).build(),
                FieldDefinition.builder("amount", FieldType.NUMBER).precision(38).scale(8)
                        .min(new BigDecimal("-1000.50")).max(new BigDecimal("99999.12345678")).build(),
                FieldDefinition.builder("day", FieldType.DATE).build(),
                FieldDefinition.builder("moment", FieldType.DATETIME).build(),
                FieldDefinition.builder("pick", FieldType.PICKLIST)
                        .options(List.of("Low", "low", "日本", "a,b", "\"q\"")).build(),
                FieldDefinition.builder("multi", FieldType.MULTI_PICKLIST)
                        .options(List.of("web", "e-mail, phone", "\"chat\"", "日本")).maxItems(3).build(),
                FieldDefinition.builder("flag", FieldType.CHECKBOX).build(),
                FieldDefinition.builder("phone", FieldType.PHONE).maxBytes(15).build(),
                FieldDefinition.builder("mail", FieldType.EMAIL).build(),
                FieldDefinition.builder("link", FieldType.URL).build(),
                FieldDefinition.builder("AICC__severity__CST", FieldType.TEXT).build()));
    }
}

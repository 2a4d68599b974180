package io.casekit.store.jdbc;

import io.casekit.core.CaseTypeId;
import io.casekit.core.TenantId;
import io.casekit.core.template.CaseType;
import io.casekit.core.template.FieldDefinition;
import io.casekit.core.template.FieldType;
import java.math.BigDecimal;
import java.util.List;

/** Case types for the tests. */
final class TemplateFixtures {
    private TemplateFixtures() {}

    /** The wire format's example type, with every kind of field and option. */
    static CaseType complaint(TenantId tenant) {
        return complaint(tenant, Fixtures.TYPE);
    }

    static CaseType complaint(TenantId tenant, CaseTypeId id) {
        return new CaseType(tenant, id, "Complaint — 投诉 🎫", List.of(
                FieldDefinition.builder("AICC__severity__CST", FieldType.PICKLIST).required(true)
                        .options(List.of("S1", "S2", "S3")).build(),
                FieldDefinition.builder("AICC__refund__CST", FieldType.NUMBER).precision(12).scale(2)
                        .min(new BigDecimal("0")).max(new BigDecimal("100000.00")).build(),
                FieldDefinition.builder("AICC__notes__CST", FieldType.TEXT).maxBytes(255).build(),
                FieldDefinition.builder("AICC__body__CST", FieldType.TEXTAREA).build(),
                FieldDefinition.builder("AICC__tags__CST", FieldType.MULTI_PICKLIST)
                        .options(List.of("vip", "legal", "a:b", "2:x")).maxItems(2).build(),
                FieldDefinition.builder("AICC__callback__CST", FieldType.CHECKBOX).build(),
                FieldDefinition.builder("AICC__born__CST", FieldType.DATE).build(),
                FieldDefinition.builder("AICC__call__CST", FieldType.DATETIME).build(),
                FieldDefinition.builder("AICC__phone__CST", FieldType.PHONE).maxBytes(16).build(),
                FieldDefinition.builder("AICC__mail__CST", FieldType.EMAIL).build(),
                FieldDefinition.builder("AICC__site__CST", FieldType.URL).build()));
    }

    /** A type whose template has one optional text field. */
    static CaseType simple(TenantId tenant, CaseTypeId id, String name) {
        return new CaseType(tenant, id, name, List.of(
                FieldDefinition.builder("AICC__notes__CST", FieldType.TEXT).build()));
    }
}

package io.casekit.spring.boot.autoconfigure;

import io.casekit.core.CaseDraft;
import io.casekit.core.CaseModification;
import io.casekit.core.CaseTypeId;
import io.casekit.core.TenantId;
import io.casekit.core.template.CaseType;
import io.casekit.core.template.FieldDefinition;
import io.casekit.core.template.FieldType;
import java.util.List;

/** The tenant, case type and requests of this module's tests. */
final class Samples {
    static final TenantId TENANT = TenantId.of("acme");
    static final CaseTypeId TYPE = CaseTypeId.of("ct000000000000000001");

    private Samples() {}

    static CaseType caseType() {
        return new CaseType(TENANT, TYPE, "Complaint", List.of(
                FieldDefinition.builder("AICC__severity__CST", FieldType.PICKLIST).options(List.of("S1", "S2")).build()));
    }

    static CaseDraft draft(String id) {
        return CaseDraft.builder(TYPE, "creator").id(id).title("new").description("d").contactId("contact").build();
    }

    static CaseModification retitle(String id, String title) {
        return CaseModification.builder(id, "operator").title(title).description("d").build();
    }
}

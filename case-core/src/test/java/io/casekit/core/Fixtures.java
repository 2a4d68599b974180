package io.casekit.core;

import io.casekit.core.service.CaseService;
import io.casekit.core.template.CaseType;
import io.casekit.core.template.FieldDefinition;
import io.casekit.core.template.FieldType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The seed's ids and a case type with one field of every type, shared by the core tests. */
public final class Fixtures {
    public static final TenantId TENANT = TenantId.of("t1");
    public static final TenantId OTHER_TENANT = TenantId.of("t2");
    public static final CaseTypeId TYPE = CaseTypeId.of("ct000000000000000001");
    public static final String SEED_CASE = "c6m800000142mS63Voa8";
    public static final String SEED_OPERATOR = "10gg0000013wljxK5XX6";
    public static final String SEED_CONTACT = "ciIy0000013w9aru7cDQ";
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

    private Fixtures() {}

    /** A template with every field type; the severity is required. */
    public static CaseType complaint(TenantId tenant) {
        return new CaseType(tenant, TYPE, "Complaint", List.of(
                FieldDefinition.builder("AICC__severity__CST", FieldType.PICKLIST).required(true)
                        .options(List.of("S1", "S2", "S3")).build(),
                FieldDefinition.builder("AICC__refund__CST", FieldType.NUMBER).precision(20).scale(2)
                        .min(new BigDecimal("0")).max(new BigDecimal("100000000000000000")).build(),
                FieldDefinition.builder("AICC__notes__CST", FieldType.TEXT).maxBytes(255).build(),
                FieldDefinition.builder("AICC__story__CST", FieldType.TEXTAREA).build(),
                FieldDefinition.builder("AICC__tags__CST", FieldType.MULTI_PICKLIST)
                        .options(List.of("vip", "legal", "press")).maxItems(2).build(),
                FieldDefinition.builder("AICC__callback__CST", FieldType.CHECKBOX).build(),
                FieldDefinition.builder("AICC__since__CST", FieldType.DATE).build(),
                FieldDefinition.builder("AICC__callAt__CST", FieldType.DATETIME).build(),
                FieldDefinition.builder("AICC__phone__CST", FieldType.PHONE).build(),
                FieldDefinition.builder("AICC__mail__CST", FieldType.EMAIL).build(),
                FieldDefinition.builder("AICC__link__CST", FieldType.URL).build()));
    }

    public static CaseService service(MapCaseStore store) {
        store.save(complaint(TENANT));
        store.save(complaint(OTHER_TENANT));
        return CaseService.builder(store, store).clock(CLOCK).build();
    }

    /** A draft with the seed's ids and every required field. */
    public static CaseDraft.Builder seedDraft() {
        return CaseDraft.builder(TYPE, SEED_OPERATOR).id(SEED_CASE).title("created").description("first")
                .contactId(SEED_CONTACT).extension("AICC__severity__CST", Value.text("S1"));
    }

    /** A modification of the seed case carrying its mandatory fields. */
    public static CaseModification.Builder modification() {
        return CaseModification.builder(SEED_CASE, SEED_OPERATOR).title("created").description("first");
    }
}

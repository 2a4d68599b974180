package io.casekit.bench;

import io.casekit.core.CaseDraft;
import io.casekit.core.CaseTypeId;
import io.casekit.core.TenantId;
import io.casekit.core.template.CaseType;
import io.casekit.core.template.FieldDefinition;
import io.casekit.core.template.FieldType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The tenant, case type, cases and request bodies the benchmarks share. */
final class Fixture {
    static final TenantId TENANT = TenantId.of("t1");
    static final CaseTypeId TYPE = CaseTypeId.of("ct000000000000000001");
    static final String OPERATOR = "10gg0000013wljxK5XX6";

    private Fixture() {}

    /** A template of ten TEXT fields, AICC__f0__CST to AICC__f9__CST. */
    static CaseType template() {
        List<FieldDefinition> fields = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            fields.add(FieldDefinition.builder("AICC__f" + i + "__CST", FieldType.TEXT).build());
        }
        return new CaseType(TENANT, TYPE, "Complaint", fields);
    }

    static CaseDraft draft(String id, String description) {
        return CaseDraft.builder(TYPE, OPERATOR).id(id).title("created").description(description)
                .contactId("ciIy0000013w9aru7cDQ").build();
    }

    /** The id of the n-th generated case: 20 characters. */
    static String caseId(long n) {
        return String.format("c%019d", n);
    }

    /**
     * {@code count} modify bodies for case {@code id}, each with another title, so that sent in
     * turn every one is an effective change (never a no-op).
     */
    static byte[][] modifyBodies(String id, int count) {
        byte[][] bodies = new byte[count][];
        for (int i = 0; i < count; i++) {
            bodies[i] = Requests.SEED.replace("c6m800000142mS63Voa8", id).replace("testOpenApi11", "title " + i)
                    .getBytes(StandardCharsets.UTF_8);
        }
        return bodies;
    }
}

package io.casekit.reliability;

import io.casekit.core.CaseDraft;
import io.casekit.core.CaseModification;
import io.casekit.core.CaseTypeId;
import io.casekit.core.TenantId;
import io.casekit.core.Value;
import io.casekit.core.template.CaseType;
import io.casekit.core.template.FieldDefinition;
import io.casekit.core.template.FieldType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** The tenant, case type and requests most tests share. */
final class Fixtures {
    static final TenantId TENANT = TenantId.of("t1");
    static final CaseTypeId TYPE = CaseTypeId.of("ct000000000000000001");
    static final String NOTES = "AICC__notes__CST";
    static final String BODY = "AICC__body__CST";
    static final String OPERATOR = "operator1";
    /** The exact body of every {@code 503001} answer. */
    static final String UNAVAILABLE_BODY =
            "{\"resCode\":\"503001\",\"resMsg\":\"Storage unavailable; the request can be retried\"}";
    static final String SUCCESS_BODY = "{\"resCode\":\"0\",\"resMsg\":\"Success\"}";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Fixtures() {}

    /** A case type whose template has a text and a text area field. */
    static CaseType caseType(TenantId tenant) {
        return new CaseType(tenant, TYPE, "Complaint", List.of(
                FieldDefinition.builder(NOTES, FieldType.TEXT).build(),
                FieldDefinition.builder(BODY, FieldType.TEXTAREA).build()));
    }

    static CaseDraft draft(String id) {
        return CaseDraft.builder(TYPE, OPERATOR).id(id).title("first title").description("first description")
                .contactId("contact1").build();
    }

    /** A modify that sets the title and the notes to {@code token}: an effective change unless already done. */
    static CaseModification change(String id, String token) {
        return CaseModification.builder(id, OPERATOR).title(token).description("first description")
                .extension(NOTES, Value.text(token)).build();
    }

    /** The same modify as {@link #change}, as the bytes of an AICC request body. */
    static byte[] changeBody(String id, String token) {
        Map<String, Object> caseInfo = new LinkedHashMap<>();
        caseInfo.put("id", id);
        caseInfo.put("title", token);
        caseInfo.put("description", "first description");
        caseInfo.put("creatorId", OPERATOR);
        caseInfo.put(NOTES, token);
        return body(caseInfo);
    }

    /** {@code {"caseInfo":{…}}} with these fields, in this order. */
    static byte[] body(Map<String, Object> caseInfo) {
        return JSON.writeValueAsBytes(Map.of("caseInfo", caseInfo));
    }

    static JsonMapper json() {
        return JSON;
    }
}

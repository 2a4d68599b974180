package io.casekit.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.Case;
import io.casekit.core.CaseId;
import io.casekit.core.CaseModification;
import io.casekit.core.CaseTypeId;
import io.casekit.core.InputValue;
import io.casekit.core.TenantId;
import io.casekit.core.Value;
import io.casekit.core.Violation;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A standard field sent back with the value the case holds is not judged; it stays in the change (a
 * no-op, written again on a re-apply) only when today's rules would accept it as a new value. The
 * rules of the unchanged fields are applied together; these tests pin that each field is still
 * decided on its own, in the request's order.
 */
class UnchangedStandardFieldsTest {
    private static final String OPERATOR = "10gg0000013wljxK5XX6";
    private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");

    /** A case whose stored values may break today's rules (written through the Java API before they were). */
    private static Case stored(String title, String contactPhone, String ownerId) {
        return Case.builder().tenant(TenantId.of("t1")).id(CaseId.of("c1")).typeId(CaseTypeId.of("ty"))
                .title(title).description("d").contactPhone(contactPhone).ownerId(ownerId)
                .version(1).createdBy(OPERATOR).createdAt(AT).updatedAt(AT).build();
    }

    private static ValidatedModification validate(Case current, Map<String, String> sent) {
        Map<String, InputValue> caseInfo = new LinkedHashMap<>();
        caseInfo.put("id", InputValue.text("c1"));
        caseInfo.put("creatorId", InputValue.text(OPERATOR));
        sent.forEach((k, v) -> caseInfo.put(k, InputValue.text(v)));
        return new RequestValidator().validate(CaseModification.of(caseInfo), Optional.empty(), Optional.of(current),
                Optional.empty());
    }

    @Test
    void unchangedValuesTodaysRulesAcceptStayInTheChangeInRequestOrder() {
        Case current = stored("title", "+86 151-5151-5152", "owner1");
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("ownerId", "owner1");
        sent.put("description", "new description");
        sent.put("title", "title");

        ValidatedModification result = validate(current, sent);

        assertThat(result.violations()).isEmpty();
        assertThat(result.changes().keySet()).containsExactly("ownerId", "description", "title");
        assertThat(result.changes().get("ownerId")).contains(Value.text("owner1"));
        assertThat(result.changes().get("title")).contains(Value.text("title"));
    }

    @Test
    void eachUnchangedValueTodaysRulesRefuseIsLeftOutAloneWithoutAViolation() {
        String longTitle = "t".repeat(129);
        String badPhone = "not a phone";
        Case current = stored(longTitle, badPhone, "owner1");
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("title", longTitle);
        sent.put("ownerId", "owner1");
        sent.put("contactPhone", badPhone);
        sent.put("description", "new description");

        ValidatedModification result = validate(current, sent);

        assertThat(result.violations()).isEmpty();
        assertThat(List.copyOf(result.changes().keySet())).containsExactly("ownerId", "description");
    }

    @Test
    void aNewValueIsStillJudgedNextToUnchangedOnes() {
        Case current = stored("t".repeat(129), "+86 151-5151-5152", "owner1");
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("title", "t".repeat(129));
        sent.put("contactPhone", "not a phone");

        ValidatedModification result = validate(current, sent);

        assertThat(result.violations()).extracting(Violation::path).containsExactly("/caseInfo/contactPhone");
    }
}

package io.casekit.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.Case;
import io.casekit.core.CaseId;
import io.casekit.core.CaseModification;
import io.casekit.core.CaseTypeId;
import io.casekit.core.InputValue;
import io.casekit.core.Priority;
import io.casekit.core.TenantId;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * The one validation of all unchanged standard fields ({@code dropRefusedUnchanged}) against the rule
 * it replaced, one {@code validateValue} per field: random cases whose stored texts break today's
 * rules or not, sent back unchanged in random order next to new values; the change keeps exactly the
 * unchanged fields the per-field rule accepts, in the request's order.
 */
class UnchangedStandardFieldsRandomTest {
    private static final String OPERATOR = "10gg0000013wljxK5XX6";
    private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");
    private static final List<String> TEXT_FIELDS = List.of("title", "description", "ownerId", "contactId", "contactPhone",
            "attachment");
    private static final List<String> CANDIDATES = List.of("ok1", "", " ", "a b", "x".repeat(129), "x".repeat(2_001),
            "\u0001", "line\nbreak", "+86 151-5151-5152", "not a phone", "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9",
            "owner_1", "12345678901234567890123", "\t");
    private static final Validator PER_FIELD = Validation.byProvider(HibernateValidator.class).configure()
            .ignoreXmlConfiguration().messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory()
            .getValidator();

    @Test
    void theChangeKeepsTheUnchangedFieldsThePerFieldRuleAcceptsInRequestOrder() {
        Random random = new Random(7);
        for (int run = 0; run < 500; run++) {
            Map<String, String> stored = new LinkedHashMap<>();
            for (String field : TEXT_FIELDS) {
                stored.put(field, CANDIDATES.get(random.nextInt(CANDIDATES.size())));
            }
            Case current = Case.builder().tenant(TenantId.of("t1")).id(CaseId.of("c1")).typeId(CaseTypeId.of("ty"))
                    .title(stored.get("title")).description(stored.get("description")).ownerId(stored.get("ownerId"))
                    .contactId(stored.get("contactId")).contactPhone(stored.get("contactPhone"))
                    .attachment(stored.get("attachment")).priority(Priority.HIGH)
                    .dueDate(LocalDateTime.of(2030, 1, 31, 9, 30)).version(1).createdBy(OPERATOR).createdAt(AT).updatedAt(AT).build();
            stored.put("priority", "High");
            stored.put("dueDate", "2030-01-31 09:30:00");
            List<String> order = new ArrayList<>(stored.keySet());
            Collections.shuffle(order, random);
            Map<String, InputValue> caseInfo = new LinkedHashMap<>();
            caseInfo.put("id", InputValue.text("c1"));
            caseInfo.put("creatorId", InputValue.text(OPERATOR));
            List<String> expected = new ArrayList<>();
            for (String field : order.subList(0, 1 + random.nextInt(order.size()))) {
                caseInfo.put(field, InputValue.text(stored.get(field)));
                if (PER_FIELD.validateValue(StandardFieldValues.class, field, stored.get(field)).isEmpty()) {
                    expected.add(field);
                }
            }

            ValidatedModification result = new RequestValidator().validate(CaseModification.of(caseInfo), Optional.empty(),
                    Optional.of(current), Optional.empty());

            assertThat(result.violations()).as("run %d %s", run, caseInfo).isEmpty();
            assertThat(List.copyOf(result.changes().keySet())).as("run %d %s", run, caseInfo).isEqualTo(expected);
            for (String field : expected) {
                assertThat(result.changes().get(field)).contains(current.value(field).orElseThrow());
            }
        }
    }
}

package io.casekit.core.service;

import static io.casekit.core.Fixtures.SEED_CASE;
import static io.casekit.core.Fixtures.SEED_OPERATOR;
import static io.casekit.core.Fixtures.TENANT;
import static io.casekit.core.Fixtures.TYPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.casekit.core.Case;
import io.casekit.core.CaseDraft;
import io.casekit.core.CaseId;
import io.casekit.core.CaseModification;
import io.casekit.core.CaseValidationException;
import io.casekit.core.FieldChange;
import io.casekit.core.Fixtures;
import io.casekit.core.InputValue;
import io.casekit.core.MapCaseStore;
import io.casekit.core.Priority;
import io.casekit.core.Violation;
import io.casekit.core.ViolationCode;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** domain-rules §8, "Java API vs wire": through Java, absent means unchanged for every field. */
class JavaApiModificationTest {
    private MapCaseStore store;
    private CaseService service;
    private Case created;

    @BeforeEach
    void createSeedCase() {
        store = new MapCaseStore();
        service = Fixtures.service(store);
        created = service.create(TENANT, Fixtures.seedDraft().build());
    }

    @Test
    void only_the_priority_can_be_changed_without_reading_title_and_description() {
        ModificationResult result = service.modify(TENANT,
                CaseModification.builder(created.id(), SEED_OPERATOR).priority(Priority.HIGH).build());
        assertThat(result.changes()).extracting(FieldChange::field).containsExactly("priority");
        assertThat(result.current().title()).isEqualTo(created.title());
        assertThat(result.current().description()).isEqualTo(created.description());
        assertThat(result.current().priority()).contains(Priority.HIGH);
    }

    @Test
    void mandatory_fields_still_can_not_be_cleared() {
        CaseValidationException e = org.junit.jupiter.api.Assertions.assertThrows(CaseValidationException.class,
                () -> service.modify(TENANT, CaseModification.builder(created.id(), SEED_OPERATOR)
                        .clear("title").set("description", InputValue.text("")).clear("AICC__severity__CST").build()));
        assertThat(e.violations()).extracting(Violation::path, Violation::code).containsExactly(
                tuple("/caseInfo/title", ViolationCode.REQUIRED),
                tuple("/caseInfo/description", ViolationCode.BLANK),
                tuple("/caseInfo/AICC__severity__CST", ViolationCode.REQUIRED));
        assertThat(service.get(TENANT, created.id())).isEqualTo(created);
    }

    @Test
    void the_aicc_request_still_needs_title_and_description() {
        CaseValidationException e = org.junit.jupiter.api.Assertions.assertThrows(CaseValidationException.class,
                () -> service.modify(TENANT, CaseModification.ofAiccRequest(Map.of("id", InputValue.text(SEED_CASE),
                        "creatorId", InputValue.text(SEED_OPERATOR), "priority", InputValue.text("High")))));
        assertThat(e.violations()).extracting(Violation::path, Violation::code).containsExactly(
                tuple("/caseInfo/title", ViolationCode.REQUIRED),
                tuple("/caseInfo/description", ViolationCode.REQUIRED));
        assertThat(CaseModification.ofAiccRequest(Map.of()).expectingVersion(3).aiccRequest()).isTrue();
    }

    @Test
    void builders_take_the_id_types_and_strings_alike() {
        assertThat(CaseModification.builder(CaseId.of(SEED_CASE), SEED_OPERATOR).title("t").build())
                .isEqualTo(CaseModification.builder(SEED_CASE, SEED_OPERATOR).title("t").build());
        assertThat(CaseDraft.builder(TYPE, SEED_OPERATOR).id(CaseId.of(SEED_CASE)).build())
                .isEqualTo(CaseDraft.builder(TYPE.value(), SEED_OPERATOR).id(SEED_CASE).build());
        assertThatThrownBy(() -> CaseModification.builder((CaseId) null, SEED_OPERATOR))
                .isInstanceOf(NullPointerException.class).hasMessage("caseId");
        assertThatThrownBy(() -> CaseDraft.builder((String) null, SEED_OPERATOR))
                .isInstanceOf(NullPointerException.class).hasMessage("type");
        // A text that is no case type is reported as a violation of the request, not thrown by the builder.
        CaseValidationException e = org.junit.jupiter.api.Assertions.assertThrows(CaseValidationException.class,
                () -> service.create(TENANT, CaseDraft.builder("no such type!", SEED_OPERATOR).title("t")
                        .description("d").contactId("c1").build()));
        assertThat(e.violations()).extracting(Violation::path).contains("/caseInfo/type");
    }
}

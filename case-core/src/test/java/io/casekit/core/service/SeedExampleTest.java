package io.casekit.core.service;

import static io.casekit.core.Fixtures.SEED_CASE;
import static io.casekit.core.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.Case;
import io.casekit.core.CaseId;
import io.casekit.core.CaseModification;
import io.casekit.core.Fixtures;
import io.casekit.core.InputValue;
import io.casekit.core.MapCaseStore;
import io.casekit.core.Value;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The seed's example request, built in Java, on a case created with the example's ids. */
class SeedExampleTest {
    private CaseService service;

    @BeforeEach
    void createSeedCase() {
        service = Fixtures.service(new MapCaseStore());
        service.create(TENANT, Fixtures.seedDraft().build());
    }

    private Case stored() {
        return service.get(TENANT, CaseId.of(SEED_CASE));
    }

    @Test
    void the_seed_example_succeeds_on_a_case_created_with_its_ids() {
        CaseModification seed = CaseModification.builder("c6m800000142mS63Voa8", "10gg0000013wljxK5XX6")
                .title("testOpenApi11").description("test111")
                .set("dueDate", InputValue.text("2023-06-20 00:00:00"))
                .ownerId("10gg0000012IpiXMqxzk").contactId("ciIy0000013w9aru7cDQ").contactPhone("15151515152")
                .build();
        var result = service.modify(TENANT, seed);
        Case after = stored();
        assertThat(result.noOp()).isFalse();
        assertThat(after.version()).isEqualTo(2);
        assertThat(after.title()).isEqualTo("testOpenApi11");
        assertThat(after.description()).isEqualTo("test111");
        assertThat(after.dueDate()).contains(LocalDateTime.of(2023, 6, 20, 0, 0));
        assertThat(after.ownerId()).contains("10gg0000012IpiXMqxzk");
        assertThat(after.contactId()).contains("ciIy0000013w9aru7cDQ");
        assertThat(after.contactPhone()).contains("15151515152");
        assertThat(after.createdBy()).isEqualTo("10gg0000013wljxK5XX6");
        assertThat(after.extensions()).containsEntry("AICC__severity__CST", Value.text("S1"));
        assertThat(service.modify(TENANT, seed).noOp()).isTrue();
        assertThat(Optional.of(after)).isEqualTo(service.find(TENANT, CaseId.of(SEED_CASE)));
    }
}

package io.casekit.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.Case;
import io.casekit.core.CaseDraft;
import io.casekit.core.CaseModification;
import io.casekit.core.CaseTypeId;
import io.casekit.core.Priority;
import io.casekit.core.TenantId;
import io.casekit.core.Value;
import io.casekit.core.service.CaseService;
import io.casekit.core.template.CaseType;
import io.casekit.core.template.FieldDefinition;
import io.casekit.core.template.FieldType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The quick start of the module's README, verbatim: it must compile and pass. */
class QuickStartTest {
    private static final TenantId TENANT = TenantId.of("acme");
    private static final CaseTypeId INCIDENT = CaseTypeId.of("incident");

    // A new store per test: JUnit creates a new instance of the class for each test.
    private final InMemoryTemplateCatalog catalog = new InMemoryTemplateCatalog();
    private final CaseService cases = CaseService.builder(new InMemoryCaseStore(), catalog)
            .clock(Clock.fixed(Instant.parse("2024-06-20T08:00:00Z"), ZoneOffset.UTC))
            .build();

    @BeforeEach
    void defineCaseTypes() {
        catalog.save(new CaseType(TENANT, INCIDENT, "Incident", List.of(
                FieldDefinition.builder("severity", FieldType.PICKLIST).options(List.of("S1", "S2")).build())));
    }

    @Test
    void anAgentEscalatesAnIncident() {
        Case created = cases.create(TENANT, CaseDraft.builder(INCIDENT, "agent-1")
                .title("Printer on fire").description("Floor 3").contactId("contact-1")
                .extension("severity", Value.text("S2")).build());

        cases.modify(TENANT, CaseModification.builder(created.id().value(), "agent-2")
                .title("Printer on fire").description("Floor 3")
                .priority(Priority.CRITICAL).extension("severity", Value.text("S1")).build());

        Case escalated = cases.get(TENANT, created.id());
        assertThat(escalated.priority()).contains(Priority.CRITICAL);
        assertThat(escalated.extensions()).containsEntry("severity", Value.text("S1"));
        assertThat(cases.history(TENANT, created.id())).hasSize(2);
    }
}

package io.casekit.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.Case;
import io.casekit.core.CaseDraft;
import io.casekit.core.CaseModification;
import io.casekit.core.CaseTypeId;
import io.casekit.core.HistoryEntry;
import io.casekit.core.Priority;
import io.casekit.core.TenantId;
import io.casekit.core.Value;
import io.casekit.core.query.CasePage;
import io.casekit.core.query.CaseQuery;
import io.casekit.core.query.Direction;
import io.casekit.core.query.SortKey;
import io.casekit.core.service.CaseService;
import io.casekit.core.service.ModificationResult;
import io.casekit.core.template.CaseType;
import io.casekit.core.template.FieldDefinition;
import io.casekit.core.template.FieldType;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Java example of the project's README, as written there: it must compile and do what it says. */
class ProjectReadmeExampleTest {
    @Test
    void defineCreateModify() {
        TenantId tenant = TenantId.of("t1");
        InMemoryCaseStore store = new InMemoryCaseStore();
        InMemoryTemplateCatalog catalog = new InMemoryTemplateCatalog();
        CaseService cases = CaseService.builder(store, catalog).build();

        CaseTypeId complaint = CaseTypeId.of("ct000000000000000001");
        catalog.save(new CaseType(tenant, complaint, "Complaint", List.of(
                FieldDefinition.builder("AICC__severity__CST", FieldType.PICKLIST)
                        .required(true).options(List.of("S1", "S2", "S3")).build())));

        Case created = cases.create(tenant, CaseDraft.builder(complaint, "10gg0000013wljxK5XX6")
                .id("c6m800000142mS63Voa8")
                .title("Refund not received").description("Ordered on 1 June")
                .contactId("ciIy0000013w9aru7cDQ")
                .extension("AICC__severity__CST", Value.text("S2"))
                .build());

        // Only what changes: every field left out stays as it is.
        ModificationResult result = cases.modify(tenant,
                CaseModification.builder(created.id(), "10gg0000013wljxK5XX6")
                        .dueDate(LocalDateTime.of(2023, 6, 20, 0, 0))
                        .priority(Priority.HIGH)
                        .clear("ownerId")
                        .build());

        assertThat(result.current().version()).isEqualTo(2);
        List<HistoryEntry> history = cases.history(tenant, created.id());
        assertThat(history).extracting(HistoryEntry::version).containsExactly(1L, 2L);
        assertThat(result.current().priority()).contains(Priority.HIGH);
        assertThat(result.current().dueDate()).contains(LocalDateTime.of(2023, 6, 20, 0, 0));
        assertThat(result.current().title()).isEqualTo("Refund not received");

        // Find: the tenant's complaints of severity S2, most urgent first, at most 50 a page.
        CaseQuery query = CaseQuery.builder()
                .type(complaint)
                .extensionIn("AICC__severity__CST", Value.text("S2"))
                .sort(SortKey.PRIORITY, Direction.DESC)
                .limit(50)
                .build();
        CasePage page = cases.query(tenant, query);        // the case above
        long total = cases.count(tenant, query);           // 1, exact
        if (page.hasNext()) {                              // the next page starts after this one's last case
            page = cases.query(tenant, query.after(page.next().get()));
        }
        assertThat(page.cases()).containsExactly(result.current());
        assertThat(total).isEqualTo(1);
    }
}

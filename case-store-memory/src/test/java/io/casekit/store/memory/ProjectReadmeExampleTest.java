package io.casekit.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.Case;
import io.casekit.core.CaseDraft;
import io.casekit.core.CaseId;
import io.casekit.core.CaseState;
import io.casekit.core.ChangeKind;
import io.casekit.core.CaseModification;
import io.casekit.core.CaseTypeId;
import io.casekit.core.HistoryEntry;
import io.casekit.core.Priority;
import io.casekit.core.TenantId;
import io.casekit.core.Value;
import io.casekit.core.query.CasePage;
import io.casekit.core.query.CaseStatistics;
import io.casekit.core.query.CaseQuery;
import io.casekit.core.query.Direction;
import io.casekit.core.query.SortKey;
import io.casekit.core.service.CaseService;
import io.casekit.core.service.ModificationResult;
import io.casekit.core.template.CaseType;
import io.casekit.core.template.FieldDefinition;
import io.casekit.core.template.FieldType;
import io.casekit.core.template.FlowStatus;
import io.casekit.core.template.StatusFlow;
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

    /** The README's lifecycle example, as written there, on a case of the strict "Ticket" type. */
    @Test
    void lifecycle() {
        TenantId tenant = TenantId.of("t1");
        InMemoryCaseStore store = new InMemoryCaseStore();
        InMemoryTemplateCatalog catalog = new InMemoryTemplateCatalog();
        CaseService cases = CaseService.builder(store, catalog).build();

        catalog.save(new CaseType(tenant, CaseTypeId.of("ct000000000000000002"), "Ticket", List.of(),
                StatusFlow.of(true,                                   // strict: only the next status
                        new FlowStatus("New", CaseState.PROCESSING),
                        new FlowStatus("Waiting for customer", CaseState.PENDING),
                        new FlowStatus("Solved", CaseState.COMPLETED))));
        CaseId id = cases.create(tenant, CaseDraft.builder("ct000000000000000002", "10gg0000013wljxK5XX6")
                .title("Refund not received").description("Ordered on 1 June").contactId("ciIy0000013w9aru7cDQ")
                .build()).id();
        assertThat(cases.get(tenant, id).status()).isEqualTo("New");

        cases.changeStatus(tenant, id, "10gg0000013wljxK5XX6", "Waiting for customer");
        cases.changeStatus(tenant, id, "10gg0000013wljxK5XX6", "Solved", "customer confirmed");
        cases.close(tenant, id, "10gg0000013wljxK5XX6", "Refund sent", "Resolved");   // from the last status only
        assertThat(cases.get(tenant, id).closedAt()).isPresent();
        cases.reopen(tenant, id, "10gg0000013wljxK5XX6", "Customer wrote again");     // closedAt cleared, reopened() true
        assertThat(cases.get(tenant, id).reopened()).isTrue();
        cases.cancel(tenant, id, "10gg0000013wljxK5XX6", "Opened twice");             // state Cancelled, status kept
        assertThat(cases.get(tenant, id).state()).isEqualTo(CaseState.CANCELLED);
        cases.resume(tenant, id, "10gg0000013wljxK5XX6", null);                       // back to its status's state
        assertThat(cases.get(tenant, id).state()).isEqualTo(CaseState.COMPLETED);
        cases.transfer(tenant, id, "10gg0000013wljxK5XX6", "owner2", "Night shift");
        assertThat(cases.history(tenant, id)).extracting(HistoryEntry::kind).containsExactly(ChangeKind.CREATE,
                ChangeKind.STATUS, ChangeKind.STATUS, ChangeKind.CLOSE, ChangeKind.REOPEN, ChangeKind.CANCEL,
                ChangeKind.RESUME, ChangeKind.TRANSFER);
        CaseStatistics today = cases.statistics(tenant);                              // counted by the store
        assertThat(today.newCases()).isEqualTo(1);
        assertThat(today.unfinishedCases()).isEqualTo(1);
        cases.erase(tenant, id, "10gg0000013wljxK5XX6");                              // case and history gone
        assertThat(cases.find(tenant, id)).isEmpty();
    }
}

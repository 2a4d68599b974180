package io.casekit.store.tck;

import static io.casekit.store.tck.Fixture.OTHER_TENANT;
import static io.casekit.store.tck.Fixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casekit.core.Case;
import io.casekit.core.CaseDraft;
import io.casekit.core.CaseId;
import io.casekit.core.CaseModification;
import io.casekit.core.CaseNotFoundException;
import io.casekit.core.HistoryEntry;
import io.casekit.core.service.CaseService;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The same id in two tenants is two cases, and no tenant can see, change or detect another's. */
abstract class TenantIsolationContract extends ContractSection {

    @Test
    @DisplayName("the same id in two tenants is two cases, neither a duplicate of the other")
    void sameIdInTwoTenantsIsTwoCases() {
        Case ours = Cases.insert(store(), Cases.titled(Cases.minimal(TENANT, "shared-id"), "Ours"));
        Case theirs = Cases.insert(store(), Cases.titled(Cases.full(OTHER_TENANT, "shared-id"), "Theirs"));

        assertThat(store().find(TENANT, ours.id())).contains(ours);
        assertThat(store().find(OTHER_TENANT, theirs.id())).contains(theirs);
        assertThat(store().history(TENANT, ours.id())).containsExactly(Cases.creation(ours));
        assertThat(store().history(OTHER_TENANT, theirs.id())).containsExactly(Cases.creation(theirs));
    }

    @Test
    @DisplayName("a case of another tenant is not found and has no history")
    void otherTenantsCaseIsInvisible() {
        Case ours = Cases.insert(store(), Cases.minimal(TENANT, "case-1"));

        assertThat(store().find(OTHER_TENANT, ours.id())).isEmpty();
        assertThat(store().history(OTHER_TENANT, ours.id())).isEmpty();
    }

    @Test
    @DisplayName("an update from another tenant is not found, says nothing of the case, and changes nothing")
    void otherTenantCannotUpdate() {
        Case ours = Cases.insert(store(), Cases.titled(Cases.minimal(TENANT, "case-1"), "Secret title"));
        Case theirs = Cases.minimal(OTHER_TENANT, "case-1");

        assertThatThrownBy(() -> Cases.retitle(theirs, "Hijacked").applyTo(store()))
                .isInstanceOfSatisfying(CaseNotFoundException.class, e -> {
                    assertThat(e.caseId()).isEqualTo(ours.id());
                    assertThat(e.getMessage()).doesNotContain(TENANT.value(), "Secret title");
                });
        assertThat(store().find(TENANT, ours.id())).contains(ours);
        assertThat(store().history(TENANT, ours.id())).containsExactly(Cases.creation(ours));
        assertThat(store().find(OTHER_TENANT, ours.id())).isEmpty();
    }

    @Test
    @DisplayName("versions and histories of two cases with the same id move apart")
    void updatesStayInTheirTenant() {
        Case ours = Cases.insert(store(), Cases.minimal(TENANT, "shared-id"));
        Case theirs = Cases.insert(store(), Cases.minimal(OTHER_TENANT, "shared-id"));

        Case ours2 = Cases.retitle(ours, "ours v2").applyTo(store());
        Case ours3 = Cases.retitle(ours2, "ours v3").applyTo(store());
        Case theirs2 = Cases.retitle(theirs, "theirs v2").applyTo(store());

        assertThat(store().find(TENANT, ours.id())).contains(ours3);
        assertThat(store().find(OTHER_TENANT, theirs.id())).contains(theirs2);
        List<HistoryEntry> ourHistory = store().history(TENANT, ours.id());
        List<HistoryEntry> theirHistory = store().history(OTHER_TENANT, theirs.id());
        assertThat(ourHistory).extracting(HistoryEntry::tenant).containsOnly(TENANT);
        assertThat(theirHistory).extracting(HistoryEntry::tenant).containsOnly(OTHER_TENANT);
        HistoryReplay.assertAgrees(ours3, ourHistory);
        HistoryReplay.assertAgrees(theirs2, theirHistory);
    }

    @Test
    @DisplayName("through the service, another tenant's case is simply not found")
    void serviceRevealsNothingOfOtherTenants() {
        catalog().save(Types.plain(TENANT));
        catalog().save(Types.plain(OTHER_TENANT));
        CaseService service = fixture().service();
        Case ours = service.create(TENANT, CaseDraft.builder(Cases.TYPE, "agent-1").id("case-1")
                .title("Ours").description("Only tenant A may see this.").contactId("contact-1").build());
        CaseModification hijack = CaseModification.builder("case-1", "intruder").title("Hijacked")
                .description("changed by tenant B").build();
        CaseId id = ours.id();

        assertThat(service.find(OTHER_TENANT, id)).isEmpty();
        assertThatThrownBy(() -> service.get(OTHER_TENANT, id)).isInstanceOf(CaseNotFoundException.class);
        assertThatThrownBy(() -> service.history(OTHER_TENANT, id)).isInstanceOf(CaseNotFoundException.class);
        assertThatThrownBy(() -> service.preview(OTHER_TENANT, hijack)).isInstanceOf(CaseNotFoundException.class);
        assertThatThrownBy(() -> service.modify(OTHER_TENANT, hijack)).isInstanceOf(CaseNotFoundException.class);
        assertThat(service.get(TENANT, id)).isEqualTo(ours);
        assertThat(service.history(TENANT, id)).hasSize(1);

        Case theirs = service.create(OTHER_TENANT, CaseDraft.builder(Cases.TYPE, "agent-9").id("case-1")
                .title("Theirs").description("Tenant B's own case-1.").contactId("contact-9").build());
        assertThat(service.get(OTHER_TENANT, id)).isEqualTo(theirs);
        assertThat(service.get(TENANT, id)).isEqualTo(ours);
    }
}

package io.casekit.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casekit.core.Case;
import io.casekit.core.CaseId;
import io.casekit.core.CaseTypeId;
import io.casekit.core.FieldChange;
import io.casekit.core.HistoryEntry;
import io.casekit.core.TenantId;
import io.casekit.core.Value;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the in-memory store promises beyond the contract kit. */
class InMemoryCaseStoreTest {
    private static final TenantId TENANT = TenantId.of("tenant-a");
    private static final Instant AT = Instant.parse("2024-06-20T08:00:00Z");

    private static Case newCase(TenantId tenant, String id) {
        return Case.builder().tenant(tenant).id(CaseId.of(id)).typeId(CaseTypeId.of("incident"))
                .title("Title").description("Description")
                .version(1).createdBy("agent-1").createdAt(AT).updatedAt(AT)
                .build();
    }

    private static HistoryEntry creation(Case c) {
        return new HistoryEntry(c.tenant(), c.id(), 1, AT, "agent-1", List.of(
                new FieldChange("title", Optional.empty(), Optional.of(Value.text(c.title()))),
                new FieldChange("description", Optional.empty(), Optional.of(Value.text(c.description())))));
    }

    @Test
    void sizeCountsTheCasesOfEveryTenant() {
        InMemoryCaseStore store = new InMemoryCaseStore();
        assertThat(store.size()).isZero();

        for (String id : List.of("a", "b")) {
            store.insert(newCase(TENANT, id), creation(newCase(TENANT, id)));
        }
        store.insert(newCase(TenantId.of("tenant-b"), "a"), creation(newCase(TenantId.of("tenant-b"), "a")));

        assertThat(store.size()).isEqualTo(3);
    }

    @Test
    void aLongHistoryIsReadWhole() {
        InMemoryCaseStore store = new InMemoryCaseStore();
        Case current = newCase(TENANT, "busy");
        store.insert(current, creation(current));
        for (int i = 2; i <= 5_000; i++) {
            Case next = current.with("title", Optional.of(Value.text("Title " + i))).withVersion(i, AT.plusMillis(i));
            store.update(next, current.version(), new HistoryEntry(TENANT, current.id(), i, AT.plusMillis(i), "agent-2",
                    List.of(new FieldChange("title", current.value("title"), next.value("title")))));
            current = next;
        }

        List<HistoryEntry> history = store.history(TENANT, current.id());

        assertThat(history).hasSize(5_000);
        assertThat(history.get(4_999).changes().get(0).newValue()).contains(Value.text("Title 5000"));
        assertThat(store.find(TENANT, current.id())).contains(current);
    }

    @Test
    void nullArgumentsAreRefused() {
        InMemoryCaseStore store = new InMemoryCaseStore();
        InMemoryTemplateCatalog catalog = new InMemoryTemplateCatalog();

        assertThatThrownBy(() -> store.find(null, CaseId.of("a"))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.history(TENANT, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> catalog.list(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> catalog.find(TENANT, null)).isInstanceOf(NullPointerException.class);
    }
}

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
import io.casekit.core.spi.CaseStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The store serves a page from its persistent history (History.page copies the slice only, see
 * HistoryTest), not through the SPI's default, which would read the whole history.
 */
class InMemoryHistoryPageTest {
    private static final TenantId TENANT = TenantId.of("tenant-a");
    private static final Instant AT = Instant.parse("2024-06-20T08:00:00Z");

    @Test
    void theStoreOverridesTheDefaultThatReadsEverything() throws NoSuchMethodException {
        assertThat(InMemoryCaseStore.class.getMethod("historyPage", TenantId.class, CaseId.class, long.class, int.class)
                .getDeclaringClass()).isEqualTo(InMemoryCaseStore.class);
    }

    @Test
    void aPageOfAHundredThousandEntriesIsTheSliceAsked() {
        InMemoryCaseStore store = new InMemoryCaseStore();
        Case current = Case.builder().tenant(TENANT).id(CaseId.of("busy")).typeId(CaseTypeId.of("incident"))
                .title("Title").description("Description")
                .version(1).createdBy("agent-1").createdAt(AT).updatedAt(AT)
                .build();
        store.insert(current, entry(current, 1));
        for (int i = 2; i <= 100_000; i++) {
            Case next = current.withVersion(i, AT.plusMillis(i));
            store.update(next, current.version(), entry(next, i));
            current = next;
        }

        List<HistoryEntry> page = store.historyPage(TENANT, current.id(), 99_995, 10);

        assertThat(page).extracting(HistoryEntry::version).containsExactly(99_996L, 99_997L, 99_998L, 99_999L, 100_000L);
        assertThat(store.historyPage(TENANT, current.id(), 0, 2)).containsExactly(entry(current, 1), entry(current, 2));
        assertThat(store.historyPage(TENANT, current.id(), 100_000, 10)).isEmpty();
        assertThat(store.historyPage(TenantId.of("tenant-b"), current.id(), 0, 10)).isEmpty();
        assertThatThrownBy(() -> store.historyPage(TENANT, CaseId.of("busy"), -1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.historyPage(TENANT, CaseId.of("busy"), 0, CaseStore.MAX_HISTORY_PAGE + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static HistoryEntry entry(Case c, long version) {
        return new HistoryEntry(TENANT, c.id(), version, AT.plusMillis(version), "agent-" + version,
                List.of(new FieldChange("title", Optional.empty(), Optional.of(Value.text("v" + version)))));
    }
}

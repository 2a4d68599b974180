package io.casekit.reliability;

import static io.casekit.reliability.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casekit.core.Case;
import io.casekit.core.CaseId;
import io.casekit.core.HistoryEntry;
import io.casekit.core.Value;
import io.casekit.core.service.CaseService;
import io.casekit.store.memory.InMemoryCaseStore;
import io.casekit.store.memory.InMemoryTemplateCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The loss check the other tests rely on finds each kind of loss it is meant to find. */
class HistoryReplayTest {
    private Case stored;
    private List<HistoryEntry> history;

    @BeforeEach
    void threeVersions() {
        InMemoryTemplateCatalog catalog = new InMemoryTemplateCatalog();
        catalog.save(Fixtures.caseType(TENANT));
        CaseService service = CaseService.builder(new InMemoryCaseStore(), catalog).build();
        service.create(TENANT, Fixtures.draft("c1"));
        service.modify(TENANT, Fixtures.change("c1", "second"));
        stored = service.modify(TENANT, Fixtures.change("c1", "third")).current();
        history = service.history(TENANT, CaseId.of("c1"));
    }

    @Test
    void aCaseAndItsFullHistoryPass() {
        assertThatCode(() -> HistoryReplay.assertReplaysTo(stored, history)).doesNotThrowAnyException();
    }

    @Test
    void aLostEntryIsFound() {
        List<HistoryEntry> lost = new ArrayList<>(history);
        lost.remove(1);
        assertThatThrownBy(() -> HistoryReplay.assertReplaysTo(stored, lost)).isInstanceOf(AssertionError.class);
    }

    @Test
    void aDuplicatedEntryIsFound() {
        List<HistoryEntry> doubled = new ArrayList<>(history);
        doubled.add(history.get(2));
        assertThatThrownBy(() -> HistoryReplay.assertReplaysTo(stored, doubled)).isInstanceOf(AssertionError.class);
    }

    @Test
    void aStateChangedWithoutItsEntryIsFound() {
        assertThatThrownBy(() -> HistoryReplay.assertReplaysTo(stored, history.subList(0, 2)))
                .isInstanceOf(AssertionError.class);
        Case changedBehindTheHistory = stored.with("title", Optional.of(Value.text("x")));
        assertThatThrownBy(() -> HistoryReplay.assertReplaysTo(changedBehindTheHistory, history))
                .isInstanceOf(AssertionError.class);
    }
}

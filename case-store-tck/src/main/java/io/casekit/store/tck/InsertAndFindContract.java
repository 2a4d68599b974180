package io.casekit.store.tck;

import static io.casekit.store.tck.Fixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casekit.core.Case;
import io.casekit.core.CaseException;
import io.casekit.core.CaseId;
import io.casekit.core.DuplicateCaseException;
import io.casekit.core.HistoryEntry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Insert, find, the missing case and the duplicate id. */
abstract class InsertAndFindContract extends ContractSection {

    @Test
    @DisplayName("an inserted case is found, with its creation as its history")
    void insertedCaseIsFound() {
        Case created = Cases.minimal(TENANT, "case-1");
        HistoryEntry creation = Cases.creation(created);

        store().insert(created, creation);

        assertThat(store().find(TENANT, created.id())).contains(created);
        assertThat(store().history(TENANT, created.id())).containsExactly(creation);
    }

    @Test
    @DisplayName("a case that was never inserted is not found and has no history")
    void missingCaseIsNotFound() {
        Cases.insert(store(), Cases.minimal(TENANT, "case-1"));

        assertThat(store().find(TENANT, CaseId.of("case-2"))).isEmpty();
        assertThat(store().history(TENANT, CaseId.of("case-2"))).isEmpty();
    }

    @Test
    @DisplayName("a second insert of an id fails as a duplicate and changes nothing")
    void duplicateIdIsRefused() {
        Case first = Cases.insert(store(), Cases.minimal(TENANT, "case-1"));
        Case second = Cases.full(TENANT, "case-1");

        assertThatThrownBy(() -> store().insert(second, Cases.creation(second)))
                .isInstanceOfSatisfying(DuplicateCaseException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CaseException.Kind.DUPLICATE);
                    assertThat(e.caseId()).isEqualTo(first.id());
                });
        assertThat(store().find(TENANT, first.id())).contains(first);
        assertThat(store().history(TENANT, first.id())).containsExactly(Cases.creation(first));
    }

    @Test
    @DisplayName("a duplicate insert fails even after the first case has changed")
    void duplicateOfChangedCaseIsRefused() {
        Case first = Cases.insert(store(), Cases.minimal(TENANT, "case-1"));
        Case changed = Cases.retitle(first, "Changed").applyTo(store());
        List<HistoryEntry> history = store().history(TENANT, first.id());

        assertThatThrownBy(() -> Cases.insert(store(), Cases.minimal(TENANT, "case-1")))
                .isInstanceOf(DuplicateCaseException.class);
        assertThat(store().find(TENANT, first.id())).contains(changed);
        assertThat(store().history(TENANT, first.id())).isEqualTo(history);
    }

    @Test
    @DisplayName("ids that differ only by letter case are two cases")
    void idsAreCaseSensitive() {
        Case lower = Cases.insert(store(), Cases.minimal(TENANT, "case-a"));
        Case upper = Cases.insert(store(), Cases.titled(Cases.minimal(TENANT, "CASE-A"), "upper"));

        assertThat(store().find(TENANT, CaseId.of("case-a"))).contains(lower);
        assertThat(store().find(TENANT, CaseId.of("CASE-A"))).contains(upper);
        assertThat(store().find(TENANT, CaseId.of("Case-A"))).isEmpty();
        assertThat(store().history(TENANT, CaseId.of("CASE-A"))).containsExactly(Cases.creation(upper));
    }

    @Test
    @DisplayName("an insert whose case and entry disagree is refused and stores nothing")
    void insertChecksItsArguments() {
        Case created = Cases.minimal(TENANT, "case-1");
        Case atVersion2 = created.withVersion(2, created.createdAt());
        HistoryEntry ofOtherCase = Cases.creation(Cases.minimal(TENANT, "case-2"));

        assertThatThrownBy(() -> store().insert(atVersion2, Cases.creation(created)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().insert(created, ofOtherCase))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store().find(TENANT, created.id())).isEmpty();
        assertThat(store().find(TENANT, CaseId.of("case-2"))).isEmpty();
        assertThat(store().history(TENANT, created.id())).isEmpty();
    }

    @Test
    @DisplayName("many cases are each found as they were inserted")
    void manyCasesStayApart() {
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Case c = i % 2 == 0 ? Cases.minimal(TENANT, "case-" + i) : Cases.full(TENANT, "case-" + i);
            cases.add(Cases.insert(store(), Cases.titled(c, "Case number " + i)));
        }

        for (Case c : cases) {
            assertThat(store().find(TENANT, c.id())).contains(c);
            assertThat(store().history(TENANT, c.id())).containsExactly(Cases.creation(c));
        }
    }
}

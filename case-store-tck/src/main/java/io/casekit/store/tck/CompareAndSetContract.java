package io.casekit.store.tck;

import static io.casekit.store.tck.Fixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casekit.core.Case;
import io.casekit.core.CaseConflictException;
import io.casekit.core.CaseException;
import io.casekit.core.CaseNotFoundException;
import io.casekit.core.HistoryEntry;
import io.casekit.core.Value;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Update is a compare-and-set on the version; a failed update writes nothing. */
abstract class CompareAndSetContract extends ContractSection {

    @Test
    @DisplayName("an update from the current version replaces the case and appends its entry")
    void updateFromCurrentVersion() {
        Case created = Cases.insert(store(), Cases.minimal(TENANT, "case-1"));
        Cases.Change change = Cases.retitle(created, "Printer fire put out");

        change.applyTo(store());

        assertThat(store().find(TENANT, created.id())).contains(change.updated());
        assertThat(store().find(TENANT, created.id())).get().extracting(Case::version).isEqualTo(2L);
        assertThat(store().history(TENANT, created.id())).containsExactly(Cases.creation(created), change.entry());
    }

    @Test
    @DisplayName("an update from a stale version is a conflict that names both versions and writes nothing")
    void staleVersionIsConflict() {
        Case v1 = Cases.insert(store(), Cases.minimal(TENANT, "case-1"));
        Case v2 = Cases.retitle(v1, "Second").applyTo(store());
        List<HistoryEntry> history = store().history(TENANT, v1.id());
        Cases.Change stale = Cases.retitle(v1, "Computed from version 1");

        assertThatThrownBy(() -> stale.applyTo(store()))
                .isInstanceOfSatisfying(CaseConflictException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CaseException.Kind.CONFLICT);
                    assertThat(e.caseId()).isEqualTo(v1.id());
                    assertThat(e.expectedVersion()).isEqualTo(1L);
                    assertThat(e.actualVersion()).hasValue(2L);
                });
        assertThat(store().find(TENANT, v1.id())).contains(v2);
        assertThat(store().history(TENANT, v1.id())).isEqualTo(history);
    }

    @Test
    @DisplayName("an update from a version the case never had is a conflict and writes nothing")
    void futureVersionIsConflict() {
        Case v1 = Cases.insert(store(), Cases.minimal(TENANT, "case-1"));
        Case v2 = Cases.retitle(v1, "Second").applyTo(store());
        Cases.Change fromVersion5 = Cases.retitle(v1.withVersion(5, v1.updatedAt()), "From the future");

        assertThatThrownBy(() -> fromVersion5.applyTo(store()))
                .isInstanceOfSatisfying(CaseConflictException.class, e -> {
                    assertThat(e.expectedVersion()).isEqualTo(5L);
                    assertThat(e.actualVersion()).hasValue(2L);
                });
        assertThat(store().find(TENANT, v1.id())).contains(v2);
        assertThat(store().history(TENANT, v1.id())).hasSize(2);
    }

    @Test
    @DisplayName("after a conflict, an update from the current version succeeds")
    void retryAfterConflict() {
        Case v1 = Cases.insert(store(), Cases.minimal(TENANT, "case-1"));
        Case v2 = Cases.retitle(v1, "Second").applyTo(store());
        assertThatThrownBy(() -> Cases.retitle(v1, "Lost").applyTo(store())).isInstanceOf(CaseConflictException.class);

        Case v3 = Cases.retitle(v2, "Third").applyTo(store());

        assertThat(store().find(TENANT, v1.id())).contains(v3);
        HistoryReplay.assertAgrees(v3, store().history(TENANT, v1.id()));
    }

    @Test
    @DisplayName("an update of a case that does not exist is not found and creates nothing")
    void updateOfMissingCase() {
        Case never = Cases.minimal(TENANT, "case-1");
        Cases.Change change = Cases.retitle(never, "Upserted?");

        assertThatThrownBy(() -> change.applyTo(store()))
                .isInstanceOfSatisfying(CaseNotFoundException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CaseException.Kind.NOT_FOUND);
                    assertThat(e.caseId()).isEqualTo(never.id());
                });
        assertThat(store().find(TENANT, never.id())).isEmpty();
        assertThat(store().history(TENANT, never.id())).isEmpty();
    }

    @Test
    @DisplayName("an update whose case, version and entry disagree is refused and writes nothing")
    void updateChecksItsArguments() {
        Case v1 = Cases.insert(store(), Cases.minimal(TENANT, "case-1"));
        Cases.Change good = Cases.retitle(v1, "Second");
        Case skipsAVersion = good.updated().withVersion(3, good.updated().updatedAt());
        HistoryEntry ofOtherCase = Cases.retitle(Cases.minimal(TENANT, "case-2"), "Second").entry();

        assertThatThrownBy(() -> store().update(skipsAVersion, 1, good.entry()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().update(good.updated(), 1, ofOtherCase))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().update(good.updated(), 2, good.entry()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store().find(TENANT, v1.id())).contains(v1);
        assertThat(store().history(TENANT, v1.id())).containsExactly(Cases.creation(v1));
    }

    @Test
    @DisplayName("an update may change, set and clear several fields at once")
    void updateOfSeveralFields() {
        Case v1 = Cases.insert(store(), Cases.full(TENANT, "case-1"));
        Map<String, Optional<Value>> values = new LinkedHashMap<>();
        values.put("title", Optional.of(Value.text("New title")));
        values.put("ownerId", Optional.empty());
        values.put("priority", Optional.of(Value.text("Low")));
        values.put("vip", Optional.empty());
        values.put("rate", Optional.of(Value.decimal(new BigDecimal("0.100"))));
        values.put("brand_new", Optional.of(Value.text("added")));
        Cases.Change change = Cases.change(v1, "agent-2", v1.updatedAt().plusSeconds(60), values);

        Case v2 = change.applyTo(store());

        assertThat(store().find(TENANT, v1.id())).contains(v2);
        assertThat(v2.ownerId()).isEmpty();
        assertThat(v2.extensions()).doesNotContainKey("vip").containsKey("brand_new");
        assertThat(store().history(TENANT, v1.id())).containsExactly(Cases.creation(v1), change.entry());
        HistoryReplay.assertAgrees(v2, store().history(TENANT, v1.id()));
    }
}

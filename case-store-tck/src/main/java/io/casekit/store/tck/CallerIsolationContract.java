package io.casekit.store.tck;

import static io.casekit.store.tck.Fixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.Case;
import io.casekit.core.CaseTypeId;
import io.casekit.core.FieldChange;
import io.casekit.core.HistoryEntry;
import io.casekit.core.TenantId;
import io.casekit.core.Value;
import io.casekit.core.template.CaseType;
import io.casekit.core.template.FieldDefinition;
import io.casekit.core.template.FieldType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Nothing a caller holds, passed in or got back, can change what is stored. An attempt to mutate a
 * returned value may fail with {@link UnsupportedOperationException} (the value is immutable) or
 * succeed on the caller's own copy; either way the store must not change.
 */
abstract class CallerIsolationContract extends ContractSection {

    @Test
    @DisplayName("changing the map and list a case was built from does not change the stored case")
    void inputsAreNotShared() {
        List<String> channels = new ArrayList<>(List.of("web", "phone"));
        Map<String, Value> extensions = new HashMap<>();
        extensions.put("channels", Value.textList(channels));
        extensions.put("severity", Value.text("S1"));
        Case c = Cases.minimal(TENANT, "case-1");
        Case created = c.toBuilder().extensions(extensions).build();
        List<FieldChange> changes = new ArrayList<>(Cases.creation(created).changes());
        store().insert(created, new HistoryEntry(TENANT, created.id(), 1, created.createdAt(), created.createdBy(),
                changes));

        channels.add("fax");
        extensions.put("severity", Value.text("S4"));
        extensions.put("injected", Value.bool(true));
        changes.clear();

        Case found = store().find(TENANT, created.id()).orElseThrow();
        assertThat(found.extensions()).containsOnlyKeys("channels", "severity")
                .containsEntry("channels", Value.textList(List.of("web", "phone")))
                .containsEntry("severity", Value.text("S1"));
        assertThat(store().history(TENANT, created.id())).containsExactly(Cases.creation(found));
    }

    @Test
    @DisplayName("changing a found case's maps and lists does not change the stored case")
    void foundCaseIsNotShared() {
        Case created = Cases.insert(store(), Cases.full(TENANT, "case-1"));
        Case found = store().find(TENANT, created.id()).orElseThrow();

        tryToMutate(() -> found.extensions().put("injected", Value.bool(true)));
        tryToMutate(() -> found.extensions().remove("vip"));
        tryToMutate(() -> found.extensions().clear());
        tryToMutate(() -> ((Value.TextList) found.extensions().get("channels")).values().add("fax"));

        assertThat(store().find(TENANT, created.id())).contains(created);
    }

    @Test
    @DisplayName("changing a returned history does not change the stored history")
    void returnedHistoryIsNotShared() {
        Case created = Cases.insert(store(), Cases.full(TENANT, "case-1"));
        Cases.Change change = Cases.retitle(created, "Second");
        change.applyTo(store());
        List<HistoryEntry> expected = List.of(Cases.creation(created), change.entry());
        List<HistoryEntry> history = store().history(TENANT, created.id());

        tryToMutate(() -> history.add(change.entry()));
        tryToMutate(() -> history.remove(0));
        tryToMutate(() -> history.set(0, change.entry()));
        tryToMutate(history::clear);
        tryToMutate(() -> history.get(0).changes().clear());
        tryToMutate(() -> history.get(1).changes().add(history.get(1).changes().get(0)));

        assertThat(store().history(TENANT, created.id())).isEqualTo(expected);
    }

    @Test
    @DisplayName("a case and a history read earlier stay as they were when the case changes")
    void readsAreSnapshots() {
        Case created = Cases.insert(store(), Cases.full(TENANT, "case-1"));
        Case found = store().find(TENANT, created.id()).orElseThrow();
        List<HistoryEntry> history = store().history(TENANT, created.id());

        Case changed = Cases.retitle(created, "Second").applyTo(store());
        Cases.retitle(changed, "Third").applyTo(store());

        assertThat(found).isEqualTo(created);
        assertThat(history).containsExactly(Cases.creation(created));
        assertThat(store().history(TENANT, created.id())).hasSize(3);
    }

    @Test
    @DisplayName("changing what the catalog returned, or the lists a type was built from, does not change the catalog")
    void catalogValuesAreNotShared() {
        TenantId tenant = TENANT;
        List<String> options = new ArrayList<>(List.of("Low", "High"));
        List<FieldDefinition> fields = new ArrayList<>(List.of(
                FieldDefinition.builder("level", FieldType.PICKLIST).options(options).build()));
        CaseType type = new CaseType(tenant, CaseTypeId.of("incident"), "Incident", fields);
        CaseType expected = new CaseType(tenant, CaseTypeId.of("incident"), "Incident", List.of(
                FieldDefinition.builder("level", FieldType.PICKLIST).options(List.of("Low", "High")).build()));
        catalog().save(type);

        options.add("Injected");
        fields.clear();
        List<CaseType> listed = catalog().list(tenant);
        CaseType found = catalog().find(tenant, type.id()).orElseThrow();
        tryToMutate(listed::clear);
        tryToMutate(() -> listed.add(expected));
        tryToMutate(() -> found.fields().clear());
        tryToMutate(() -> found.fields().get(0).options().add("Injected"));

        assertThat(catalog().find(tenant, type.id())).contains(expected);
        assertThat(catalog().list(tenant)).containsExactly(expected);
    }

    /** Runs a mutation of a value the caller holds; an immutable value may refuse it. */
    private static void tryToMutate(Runnable mutation) {
        try {
            mutation.run();
        } catch (UnsupportedOperationException immutable) {
            // The value refused to change: as good as a copy.
        }
    }
}

package io.casekit.store.tck;

import static io.casekit.store.tck.Fixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.Case;
import io.casekit.core.CaseDraft;
import io.casekit.core.CaseModification;
import io.casekit.core.FieldChange;
import io.casekit.core.HistoryEntry;
import io.casekit.core.Priority;
import io.casekit.core.Value;
import io.casekit.core.service.CaseService;
import io.casekit.core.service.ModificationResult;
import io.casekit.core.template.FieldDefinition;
import io.casekit.core.template.FieldType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One entry per effective change, in version order, in full, with the actor and time given. */
abstract class HistoryContract extends ContractSection {

    @Test
    @DisplayName("each update appends exactly its entry, and the history is returned in version order")
    void oneEntryPerChangeInVersionOrder() {
        Case c = Cases.insert(store(), Cases.full(TENANT, "case-1"));
        List<HistoryEntry> expected = new ArrayList<>(List.of(Cases.creation(c)));
        Instant at = c.updatedAt();
        List<Map<String, Optional<Value>>> steps = List.of(
                Map.of("title", Optional.of(Value.text("Second title"))),
                Map.of("ownerId", Optional.empty()),
                Map.of("dueDate", Optional.of(Value.dateTime(LocalDateTime.of(2030, 1, 1, 9, 30, 0)))),
                Map.of("amount", Optional.of(Value.decimal(new BigDecimal("-0.5")))),
                Map.of("channels", Optional.empty()),
                Map.of("ownerId", Optional.of(Value.text("owner_8"))),
                Map.of("priority", Optional.of(Value.text(Priority.LOW.wireName()))));
        for (Map<String, Optional<Value>> step : steps) {
            at = at.plusMillis(1001);
            Cases.Change change = Cases.change(c, "agent-" + c.version(), at, step);
            c = change.applyTo(store());
            expected.add(change.entry());
        }

        List<HistoryEntry> history = store().history(TENANT, c.id());

        assertThat(history).containsExactlyElementsOf(expected);
        assertThat(history).extracting(HistoryEntry::version).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(store().find(TENANT, c.id())).contains(c);
        HistoryReplay.assertAgrees(c, history);
    }

    @Test
    @DisplayName("actor and time of each entry are kept as given, even when the times go backwards")
    void actorAndTimeAsGiven() {
        Case c = Cases.insert(store(), Cases.minimal(TENANT, "case-1"));
        List<String> actors = List.of("agent-1", "Agent-1", "A_b-9", "abcdefghij0123456789", "9");
        List<Instant> times = List.of(Instant.parse("2024-06-20T08:00:00.999Z"), Instant.parse("2024-06-20T07:00:00.001Z"),
                Instant.parse("1969-12-31T23:59:59.999Z"), Instant.parse("2038-01-19T03:14:08.000Z"),
                Instant.parse("2100-02-28T23:59:59.500Z"));
        for (int i = 0; i < actors.size(); i++) {
            c = Cases.change(c, actors.get(i), times.get(i), "title", Optional.of(Value.text("Title " + i)))
                    .applyTo(store());
        }

        List<HistoryEntry> history = store().history(TENANT, c.id());

        assertThat(history.subList(1, history.size())).extracting(HistoryEntry::actor).containsExactlyElementsOf(actors);
        assertThat(history.subList(1, history.size())).extracting(HistoryEntry::at).containsExactlyElementsOf(times);
        assertThat(history.get(0).at()).isEqualTo(Cases.CREATED_AT);
        assertThat(store().find(TENANT, c.id())).get().extracting(Case::updatedAt).isEqualTo(times.get(4));
    }

    @Test
    @DisplayName("a 20,000-byte description is kept in full in the case and as old and new value")
    void largestDescriptionInFull() {
        String first = Texts.ofUtf8Bytes(20_000, "first ");
        String second = Texts.ofUtf8Bytes(20_000, "second ");
        Case c = Cases.insert(store(), Cases.minimal(TENANT, "case-1")
                .with("description", Optional.of(Value.text(first))));

        Case changed = Cases.change(c, "agent-2", c.updatedAt().plusSeconds(1), "description",
                Optional.of(Value.text(second))).applyTo(store());

        Case found = store().find(TENANT, c.id()).orElseThrow();
        assertThat(found.description().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(second.getBytes(StandardCharsets.UTF_8));
        FieldChange change = store().history(TENANT, c.id()).get(1).changes().get(0);
        assertThat(change.oldValue()).contains(Value.text(first));
        assertThat(change.newValue()).contains(Value.text(second));
        assertThat(found).isEqualTo(changed);
    }

    @Test
    @DisplayName("a 1 MiB text value, the largest a template allows, is kept in full")
    void largestExtensionValueInFull() {
        String first = Texts.ofUtf8Bytes(1_048_576, "first ");
        String second = Texts.ofUtf8Bytes(1_048_576, "second ");
        Case c = Cases.insert(store(), Cases.minimal(TENANT, "case-1").with("area", Optional.of(Value.text(first))));

        Case changed = Cases.change(c, "agent-2", c.updatedAt().plusSeconds(1), "area", Optional.of(Value.text(second)))
                .applyTo(store());

        assertThat(store().find(TENANT, c.id())).contains(changed);
        FieldChange change = store().history(TENANT, c.id()).get(1).changes().get(0);
        assertThat(change.oldValue()).contains(Value.text(first));
        assertThat(change.newValue()).contains(Value.text(second));
        assertThat(store().history(TENANT, c.id()).get(0).changes())
                .contains(new FieldChange("area", Optional.empty(), Optional.of(Value.text(first))));
    }

    @Test
    @DisplayName("through the service: one entry per effective change, none for a no-op, actor and clock time")
    void serviceWritesOneEntryPerEffectiveChange() {
        catalog().save(Types.withFields(TENANT, FieldDefinition.builder("notes", FieldType.TEXTAREA).build()));
        CaseService service = fixture().service();
        Case created = service.create(TENANT, CaseDraft.builder(Cases.TYPE, "agent-1").id("case-1").title("Title")
                .description("Description").contactId("contact-1").build());
        List<ModificationResult> results = new ArrayList<>();
        results.add(service.modify(TENANT, CaseModification.builder("case-1", "agent-2").title("Title 2")
                .description("Description").priority(Priority.HIGH).build()));
        results.add(service.modify(TENANT, CaseModification.builder("case-1", "agent-3").title("Title 2")
                .description("Description").priority(Priority.HIGH).build()));
        results.add(service.modify(TENANT, CaseModification.builder("case-1", "agent-4").title("Title 2")
                .description("Description").extension("notes", Value.text("a note")).clear("priority").build()));
        results.add(service.modify(TENANT, CaseModification.builder("case-1", "agent-5").title("Title 2")
                .description("Description").clear("ownerId").build()));

        List<HistoryEntry> history = service.history(TENANT, created.id());

        assertThat(results).extracting(ModificationResult::noOp).containsExactly(false, true, false, true);
        assertThat(history).extracting(HistoryEntry::version).containsExactly(1L, 2L, 3L);
        assertThat(history).extracting(HistoryEntry::actor).containsExactly("agent-1", "agent-2", "agent-4");
        assertThat(history.get(1).changes()).isEqualTo(results.get(0).changes());
        assertThat(history.get(2).changes()).isEqualTo(results.get(2).changes());
        assertThat(history.get(1).at()).isEqualTo(results.get(0).current().updatedAt()).isAfter(history.get(0).at());
        assertThat(history.get(2).at()).isEqualTo(results.get(2).current().updatedAt()).isAfter(history.get(1).at());
        Case stored = service.get(TENANT, created.id());
        assertThat(stored).isEqualTo(results.get(3).current());
        HistoryReplay.assertAgrees(stored, history);
    }

    @Test
    @DisplayName("the changes of one entry keep their order")
    void changesKeepTheirOrder() {
        Case c = Cases.insert(store(), Cases.full(TENANT, "case-1"));
        Map<String, Optional<Value>> values = new LinkedHashMap<>();
        values.put("zeta", Optional.of(Value.text("z")));
        values.put("title", Optional.of(Value.text("t")));
        values.put("amount", Optional.empty());
        values.put("alpha", Optional.of(Value.bool(false)));
        values.put("attachment", Optional.of(Value.text("a")));
        Cases.Change change = Cases.change(c, "agent-2", c.updatedAt().plusSeconds(1), values);

        change.applyTo(store());

        assertThat(store().history(TENANT, c.id()).get(1).changes()).extracting(FieldChange::field)
                .containsExactly("zeta", "title", "amount", "alpha", "attachment");
    }
}

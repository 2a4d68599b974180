package io.casekit.store.tck;

import static io.casekit.store.tck.Fixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casekit.core.Case;
import io.casekit.core.CaseDraft;
import io.casekit.core.CaseModification;
import io.casekit.core.CaseNotFoundException;
import io.casekit.core.FieldChange;
import io.casekit.core.HistoryEntry;
import io.casekit.core.Priority;
import io.casekit.core.TenantId;
import io.casekit.core.Value;
import io.casekit.core.service.CaseService;
import io.casekit.core.service.HistoryPage;
import io.casekit.core.service.ModificationResult;
import io.casekit.core.spi.CaseStore;
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
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * One entry per effective change, in version order, in full, with the actor and time given; read whole
 * or in pages ({@link CaseStore#historyPage}) that walk it with no gap or repeat.
 */
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
    /** A case with {@code versions} versions (a creation and retitles), in {@code tenant}. */
    private Case caseWithVersions(TenantId tenant, String id, int versions) {
        Case c = Cases.insert(store(), Cases.minimal(tenant, id));
        while (c.version() < versions) {
            c = Cases.retitle(c, "Title " + (c.version() + 1)).applyTo(store());
        }
        return c;
    }

    @Test
    @DisplayName("pages of any size walk the whole history in order, with no gap or repeat, full until the last")
    void pagesWalkTheWholeHistory() {
        Case c = caseWithVersions(TENANT, "case-1", 41);
        List<HistoryEntry> whole = store().history(TENANT, c.id());
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<Integer> sizes = new ArrayList<>(List.of(1, 2, 40, 41, 42, CaseStore.MAX_HISTORY_PAGE));
        for (int i = 0; i < 6; i++) {
            sizes.add(1 + random.nextInt(45));
        }

        for (int size : sizes) {
            String why = "page size " + size + " (sizes drawn with seed " + seed + ")";
            List<HistoryEntry> walked = new ArrayList<>();
            long after = 0;
            while (true) {
                List<HistoryEntry> page = store().historyPage(TENANT, c.id(), after, size);
                long position = after;
                // Checked on each page, so that a store that repeats its boundary fails instead of looping.
                assertThat(page).as(why + ", page after version " + after).hasSizeLessThanOrEqualTo(size)
                        .allSatisfy(e -> assertThat(e.version()).isGreaterThan(position));
                walked.addAll(page);
                if (page.size() < size) {
                    break;
                }
                after = page.get(page.size() - 1).version();
            }
            assertThat(walked).as(why).containsExactlyElementsOf(whole);
        }
        assertThat(whole).extracting(HistoryEntry::version).first().isEqualTo(1L);
        assertThat(whole).hasSize(41);
    }

    @Test
    @DisplayName("a page starts right after the version given, and is empty at or past the latest version")
    void pageBoundaries() {
        Case c = caseWithVersions(TENANT, "case-1", 12);
        List<HistoryEntry> whole = store().history(TENANT, c.id());

        assertThat(store().historyPage(TENANT, c.id(), 0, 1)).containsExactly(whole.get(0));
        assertThat(store().historyPage(TENANT, c.id(), 5, 3)).containsExactlyElementsOf(whole.subList(5, 8));
        assertThat(store().historyPage(TENANT, c.id(), 9, 3)).containsExactlyElementsOf(whole.subList(9, 12));
        assertThat(store().historyPage(TENANT, c.id(), 10, 3)).containsExactlyElementsOf(whole.subList(10, 12));
        assertThat(store().historyPage(TENANT, c.id(), 11, 5)).containsExactly(whole.get(11));
        assertThat(store().historyPage(TENANT, c.id(), 12, 5)).isEmpty();
        assertThat(store().historyPage(TENANT, c.id(), Long.MAX_VALUE, CaseStore.MAX_HISTORY_PAGE)).isEmpty();
        assertThat(store().historyPage(TENANT, Cases.minimal(TENANT, "no-such-case").id(), 0, 10)).isEmpty();
    }

    @Test
    @DisplayName("a page holds only the entries of the case in the tenant asked")
    void pagesStayInTheirTenant() {
        Case mine = caseWithVersions(TENANT, "case-1", 5);
        Case theirs = caseWithVersions(Fixture.OTHER_TENANT, "case-1", 3);
        caseWithVersions(TENANT, "case-2", 4);

        assertThat(store().historyPage(TENANT, mine.id(), 0, 10))
                .containsExactlyElementsOf(store().history(TENANT, mine.id()))
                .allSatisfy(e -> assertThat(e.tenant()).isEqualTo(TENANT))
                .allSatisfy(e -> assertThat(e.caseId()).isEqualTo(mine.id()));
        assertThat(store().historyPage(Fixture.OTHER_TENANT, theirs.id(), 0, 10)).hasSize(3)
                .allSatisfy(e -> assertThat(e.tenant()).isEqualTo(Fixture.OTHER_TENANT));
        assertThat(store().historyPage(Fixture.OTHER_TENANT, theirs.id(), 3, 10)).isEmpty();
        assertThat(store().historyPage(Fixture.OTHER_TENANT, Cases.minimal(TENANT, "case-2").id(), 0, 10)).isEmpty();
    }

    @Test
    @DisplayName("a negative position, or a limit outside 1 to 1,000, is an IllegalArgumentException")
    void badPageArgumentsAreRefused() {
        Case c = caseWithVersions(TENANT, "case-1", 3);

        for (long after : List.of(-1L, Long.MIN_VALUE)) {
            assertThatThrownBy(() -> store().historyPage(TENANT, c.id(), after, 10)).as("afterVersion %d", after)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        for (int limit : List.of(0, -1, CaseStore.MAX_HISTORY_PAGE + 1, Integer.MIN_VALUE, Integer.MAX_VALUE)) {
            assertThatThrownBy(() -> store().historyPage(TENANT, c.id(), 0, limit)).as("limit %d", limit)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(store().historyPage(TENANT, c.id(), 0, CaseStore.MAX_HISTORY_PAGE)).hasSize(3);
        assertThat(store().find(TENANT, c.id())).contains(c);
    }

    @Test
    @DisplayName("through the service: pages walk the history and say when more follow")
    void serviceWalksTheHistoryInPages() {
        Case c = caseWithVersions(TENANT, "case-1", 7);
        CaseService service = fixture().service();
        List<HistoryEntry> walked = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        HistoryPage page = service.historyPage(TENANT, c.id(), 0, 3);
        walked.addAll(page.entries());
        while (page.hasMore() && positions.size() < 10) {
            positions.add(page.nextAfterVersion().getAsLong());
            page = service.historyPage(TENANT, c.id(), page.nextAfterVersion().getAsLong(), 3);
            walked.addAll(page.entries());
        }

        assertThat(walked).containsExactlyElementsOf(store().history(TENANT, c.id()));
        assertThat(positions).containsExactly(3L, 6L);
        assertThatThrownBy(() -> service.historyPage(Fixture.OTHER_TENANT, c.id(), 0, 3))
                .isInstanceOf(CaseNotFoundException.class);
    }
}

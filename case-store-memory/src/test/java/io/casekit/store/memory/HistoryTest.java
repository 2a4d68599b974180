package io.casekit.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casekit.core.CaseId;
import io.casekit.core.FieldChange;
import io.casekit.core.HistoryEntry;
import io.casekit.core.TenantId;
import io.casekit.core.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The persistent history: every version keeps its entries, whatever is appended to which. */
class HistoryTest {

    private static HistoryEntry entry(long version) {
        return new HistoryEntry(TenantId.of("t"), CaseId.of("c"), version, Instant.EPOCH.plusSeconds(version), "agent",
                List.of(new FieldChange("title", Optional.empty(), Optional.of(Value.text("v" + version)))));
    }

    @Test
    void appendingLeavesTheEarlierVersionAsItWas() {
        History one = History.of(entry(1));
        History two = one.append(entry(2));
        History three = two.append(entry(3));

        assertThat(one).containsExactly(entry(1));
        assertThat(two).containsExactly(entry(1), entry(2));
        assertThat(three).containsExactly(entry(1), entry(2), entry(3));
    }

    @Test
    void appendingTwiceToOneVersionGivesTwoIndependentHistories() {
        History two = History.of(entry(1)).append(entry(2));

        History left = two.append(entry(30));
        History right = two.append(entry(31));

        assertThat(two).containsExactly(entry(1), entry(2));
        assertThat(left).containsExactly(entry(1), entry(2), entry(30));
        assertThat(right).containsExactly(entry(1), entry(2), entry(31));
    }

    @Test
    void aHistoryCannotBeChangedThroughTheList() {
        History history = History.of(entry(1)).append(entry(2));

        assertThatThrownBy(() -> history.add(entry(3))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> history.set(0, entry(3))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> history.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(history::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> history.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(history).containsExactly(entry(1), entry(2));
    }

    @Test
    void memoryStaysProportionalToTheEntries() {
        History history = History.of(entry(1));
        for (int version = 2; version <= 10_000; version++) {
            history = history.append(entry(version));
            assertThat(history.capacity()).isLessThanOrEqualTo(Math.max(4, 2 * history.size()));
        }
        assertThat(history).hasSize(10_000);
        assertThat(history.get(9_999)).isEqualTo(entry(10_000));
    }

    /**
     * Any sequence of appends, each onto any version made so far (the latest or a stale one), leaves
     * every version holding exactly the entries appended on the way to it.
     */
    @Property(tries = 200)
    void everyVersionKeepsItsEntries(@ForAll @Size(max = 60) List<@IntRange(min = 0, max = 1_000) Integer> choices) {
        List<History> versions = new ArrayList<>(List.of(History.of(entry(1))));
        List<List<HistoryEntry>> expected = new ArrayList<>(List.of(List.of(entry(1))));
        long next = 2;
        for (int choice : choices) {
            int base = choice % versions.size();
            HistoryEntry appended = entry(next++);
            versions.add(versions.get(base).append(appended));
            List<HistoryEntry> model = new ArrayList<>(expected.get(base));
            model.add(appended);
            expected.add(model);
        }

        for (int i = 0; i < versions.size(); i++) {
            assertThat(versions.get(i)).isEqualTo(expected.get(i));
        }
    }
    /**
     * A page is the slice after a version, of at most the limit, of this version only: an append made
     * onto this version later (which fills the shared array's next slot) is not in it.
     */
    @Property(tries = 200)
    void aPageIsTheSliceAfterAVersion(@ForAll @IntRange(min = 1, max = 300) int size,
                                      @ForAll @IntRange(min = 0, max = 320) int afterVersion,
                                      @ForAll @IntRange(min = 1, max = 50) int limit) {
        History history = History.of(entry(1));
        for (int version = 2; version <= size; version++) {
            history = history.append(entry(version));
        }
        history.append(entry(size + 1));

        List<HistoryEntry> expected = new ArrayList<>();
        for (long version = afterVersion + 1; version <= size && expected.size() < limit; version++) {
            expected.add(entry(version));
        }
        assertThat(history.page(afterVersion, limit)).isEqualTo(expected);
    }

    @Test
    void aPageOfALongHistoryHoldsOnlyThePageAndCannotBeChanged() {
        History history = History.of(entry(1));
        for (int version = 2; version <= 100_000; version++) {
            history = history.append(entry(version));
        }

        List<HistoryEntry> page = history.page(99_990, 1_000);

        assertThat(page).extracting(HistoryEntry::version).containsExactly(99_991L, 99_992L, 99_993L, 99_994L,
                99_995L, 99_996L, 99_997L, 99_998L, 99_999L, 100_000L);
        assertThat(history.page(50_000, 3)).containsExactly(entry(50_001), entry(50_002), entry(50_003));
        assertThat(history.page(100_000, 10)).isEmpty();
        assertThat(history.page(Long.MAX_VALUE, 10)).isEmpty();
        assertThatThrownBy(() -> page.set(0, entry(1))).isInstanceOf(UnsupportedOperationException.class);
    }
}

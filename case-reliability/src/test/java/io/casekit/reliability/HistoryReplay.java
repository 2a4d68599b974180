package io.casekit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.Case;
import io.casekit.core.FieldChange;
import io.casekit.core.HistoryEntry;
import io.casekit.core.StandardField;
import io.casekit.core.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The check that nothing was lost or written twice: a case's history has versions 1, 2, … n without
 * a gap, n is the case's version, every entry's old values are exactly the state the entries before
 * it produced, and replaying the history from nothing yields the stored case.
 */
final class HistoryReplay {
    private HistoryReplay() {}

    static void assertReplaysTo(Case stored, List<HistoryEntry> history) {
        assertThat(history).as("history of %s", stored.id()).isNotEmpty();
        Map<String, Value> state = new HashMap<>();
        for (int i = 0; i < history.size(); i++) {
            HistoryEntry entry = history.get(i);
            assertThat(entry.version()).as("version of history entry %d of %s", i, stored.id()).isEqualTo(i + 1L);
            for (FieldChange change : entry.changes()) {
                assertThat(change.oldValue()).as("old value of %s in version %d of %s", change.field(),
                        entry.version(), stored.id()).isEqualTo(Optional.ofNullable(state.get(change.field())));
                change.newValue().ifPresentOrElse(v -> state.put(change.field(), v), () -> state.remove(change.field()));
            }
        }
        assertThat(stored.version()).as("version of %s", stored.id()).isEqualTo(history.size());
        Set<String> fields = new TreeSet<>(state.keySet());
        fields.addAll(stored.extensions().keySet());
        for (StandardField f : StandardField.values()) {
            fields.add(f.wireName());
        }
        for (String field : fields) {
            assertThat(stored.value(field)).as("%s of %s replayed from its history", field, stored.id())
                    .isEqualTo(Optional.ofNullable(state.get(field)));
        }
    }
}

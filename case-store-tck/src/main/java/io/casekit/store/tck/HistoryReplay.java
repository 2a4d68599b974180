package io.casekit.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.Case;
import io.casekit.core.CaseState;
import io.casekit.core.ChangeKind;
import io.casekit.core.FieldChange;
import io.casekit.core.HistoryEntry;
import io.casekit.core.StandardField;
import io.casekit.core.Value;
import java.util.List;
import java.util.Optional;

/**
 * Rebuilds a case from its history alone, checking on the way that the history is whole: versions
 * 1, 2, 3… without a gap, a creation that sets the mandatory fields, and every change's old value
 * equal to the value the earlier entries left.
 */
final class HistoryReplay {
    private HistoryReplay() {}

    /**
     * Asserts that {@code history} is whole and that replaying it from nothing yields {@code stored}
     * exactly. The case's type is the one thing a history does not record; it is taken from
     * {@code stored}.
     */
    static void assertAgrees(Case stored, List<HistoryEntry> history) {
        assertThat(replay(stored, history))
                .as("case %s replayed from its %d history entries", stored.id(), history.size())
                .isEqualTo(stored);
    }

    /**
     * The case that {@code history} describes, replayed from nothing: the identity and type of
     * {@code identity}, then every change of every entry in order. Fails when the history is not whole.
     */
    static Case replay(Case identity, List<HistoryEntry> history) {
        assertThat(history).as("history of case %s", identity.id()).isNotEmpty();
        HistoryEntry creation = history.get(0);
        // Placeholders for the two mandatory fields, which the creation entry must set.
        Case replayed = Case.builder().tenant(identity.tenant()).id(identity.id()).typeId(identity.typeId())
                .title("").description("")
                .version(1).createdBy(creation.actor()).createdAt(creation.at()).updatedAt(creation.at())
                .build();
        assertThat(creation.changes()).extracting(FieldChange::field).as("fields set by the creation entry")
                .contains("title", "description");
        for (int i = 0; i < history.size(); i++) {
            HistoryEntry entry = history.get(i);
            assertThat(entry.version()).as("version of history entry %d", i).isEqualTo(i + 1L);
            assertThat(entry.tenant()).as("tenant of history entry %d", i).isEqualTo(identity.tenant());
            assertThat(entry.caseId()).as("case of history entry %d", i).isEqualTo(identity.id());
            for (FieldChange change : entry.changes()) {
                Optional<?> before = i == 0 ? Optional.empty() : replayed.value(change.field());
                assertThat(change.oldValue()).as("old value of %s in version %d", change.field(), entry.version())
                        .isEqualTo(before);
                replayed = apply(replayed, change);
            }
            // The closing time is the time of the close entry; a reopen clears it.
            if (entry.kind() == ChangeKind.CLOSE) {
                replayed = replayed.toBuilder().closedAt(entry.at()).build();
            } else if (entry.kind() == ChangeKind.REOPEN) {
                replayed = replayed.toBuilder().closedAt(Optional.empty()).build();
            }
            replayed = replayed.withVersion(entry.version(), entry.at());
        }
        return replayed;
    }

    /** One change: a field of the lifecycle through the builder, any other through {@link Case#with}. */
    private static Case apply(Case c, FieldChange change) {
        Optional<Value> value = change.newValue();
        return switch (change.field()) {
            case StandardField.STATUS -> c.toBuilder().status(text(change)).build();
            case StandardField.STATE -> c.toBuilder().state(CaseState.fromWireName(text(change)).orElseThrow(
                    () -> new AssertionError("an unknown state in " + change))).build();
            case StandardField.CLOSED_REASON -> c.toBuilder().closedReason(value.map(v -> ((Value.Text) v).value())).build();
            case StandardField.REOPENED -> c.toBuilder().reopened(value.map(v -> ((Value.Bool) v).value()).orElse(false)).build();
            // The closing time itself is the close entry's (see replay); the change says that it was closed.
            case StandardField.CLOSED -> c;
            default -> c.with(change.field(), value);
        };
    }

    private static String text(FieldChange change) {
        assertThat(change.newValue()).as("new value of %s", change.field()).isPresent();
        return ((Value.Text) change.newValue().get()).value();
    }
}

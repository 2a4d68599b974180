package io.casekit.example.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a request left in the store, judged from outside: a refused request left nothing (the
 * store's counts and the target case's read answer are the same bytes as before); an accepted one
 * stored exactly what it sent and nothing else.
 */
final class StoreChecks {
    /** Keys of a read case that no request sets directly. */
    private static final Set<String> MANAGED = Set.of("id", "type", "version", "createdBy", "createdAt", "updatedAt",
            "status", "state", "closedAt", "closedReason", "reopened");

    private final HostileHost host;
    private final Tally tally;
    private final String target;
    private @Nullable Snapshot current;

    /** Checks of requests to the case {@code target}; {@link #beforeRequest()} before each request. */
    StoreChecks(HostileHost host, Tally tally, String target) {
        this.host = host;
        this.tally = tally;
        this.target = target;
    }

    /**
     * Called before each request checked: the first time, takes what the store holds; later, what the
     * check of the previous request read is already that.
     */
    void beforeRequest() {
        if (current == null) {
            current = snapshot();
        }
    }

    private Snapshot before() {
        if (current == null) {
            throw new IllegalStateException("beforeRequest() was not called before the request");
        }
        return current;
    }

    /** The store's counts and the target case's read answer. */
    record Snapshot(HostileHost.Counts counts, Answer read) {
        JsonNode theCase() {
            return read.body().orElseThrow().get("result").get(0);
        }
    }

    private Snapshot snapshot() {
        return new Snapshot(host.counts(), host.read(target));
    }

    /** Takes what the store holds now as the state before the next request. */
    JsonNode refresh() {
        Snapshot now = snapshot();
        current = now;
        return now.theCase();
    }

    /** A refused request stored nothing: no case, no history entry, and the case reads the same bytes. */
    void assertNothingStored(String input) {
        Snapshot before = before();
        Snapshot after = snapshot();
        current = after;
        boolean same = after.counts().equals(before.counts()) && after.read().text().equals(before.read().text());
        if (!same) {
            tally.storedByRefused();
            fail("A refused request changed the store: %s%n counts %s -> %s%n case %s%n   -> %s", input,
                    before.counts(), after.counts(), before.read().text(), after.read().text());
        }
    }

    /**
     * An accepted modify of the target stored every value it sent (a clearing value as an absent
     * field), left every other field as it was, and made a new version with one history entry by its
     * operator exactly when a value changed.
     */
    void assertModifyStored(JsonNode caseInfo, String input) {
        Snapshot before = before();
        Snapshot after = snapshot();
        current = after;
        JsonNode old = before.theCase();
        JsonNode now = after.theCase();
        boolean changed = false;
        Set<String> sent = new HashSet<>();
        for (Map.Entry<String, JsonNode> member : caseInfo.properties()) {
            String key = member.getKey();
            sent.add(key);
            if (key.equals("id") || key.equals("creatorId")) {
                continue;
            }
            JsonNode expected = clears(member.getValue()) ? null : member.getValue();
            assertThat(same(expected, now.get(key))).as("%s: %s stored as %s (sent %s)", input, key, now.get(key), expected)
                    .isTrue();
            changed |= !same(expected, old.get(key));
        }
        for (Map.Entry<String, JsonNode> field : now.properties()) {
            String key = field.getKey();
            if (!sent.contains(key) && !key.equals("version") && !key.equals("updatedAt")) {
                assertThat(same(old.get(key), field.getValue())).as("%s: %s not sent, but changed from %s to %s", input, key,
                        old.get(key), field.getValue()).isTrue();
            }
        }
        for (Map.Entry<String, JsonNode> field : old.properties()) {
            assertThat(sent.contains(field.getKey()) || now.has(field.getKey()))
                    .as("%s: %s not sent, but gone", input, field.getKey()).isTrue();
        }
        long version = old.get("version").asLong();
        HostileHost.Counts expectedCounts = new HostileHost.Counts(before.counts().cases(),
                before.counts().historyEntries() + (changed ? 1 : 0));
        assertThat(after.counts()).as("%s: the store's counts (changed: %s)", input, changed).isEqualTo(expectedCounts);
        if (changed) {
            assertThat(now.get("version").asLong()).as("%s: the new version", input).isEqualTo(version + 1);
            JsonNode history = host.history(target);
            assertThat(history.size()).as("%s: history entries", input).isEqualTo((int) version + 1);
            assertThat(history.get(history.size() - 1).get("actor").stringValue()).as("%s: the actor", input)
                    .isEqualTo(caseInfo.get("creatorId").stringValue());
        } else {
            assertThat(after.read().text()).as("%s: a request that changes nothing changes nothing", input)
                    .isEqualTo(before.read().text());
        }
    }

    /** An accepted create stored one new case holding exactly what it sent, at version 1 with one history entry. */
    void assertCreateStored(Answer created, JsonNode caseInfo, String input) {
        Snapshot previous = before();
        HostileHost.Counts before = previous.counts();
        // Taken first, so that a failed check leaves the next request a true state to start from.
        Snapshot after = snapshot();
        current = after;
        String caseId = created.body().orElseThrow().get("result").get("caseId").stringValue();
        if (caseInfo.has("id")) {
            assertThat(caseId).as("%s: the id made", input).isEqualTo(caseInfo.get("id").stringValue());
        }
        JsonNode now = host.readCase(caseId);
        Set<String> sent = new HashSet<>();
        for (Map.Entry<String, JsonNode> member : caseInfo.properties()) {
            String key = member.getKey();
            sent.add(key);
            String storedAs = key.equals("creatorId") ? "createdBy" : key;
            JsonNode expected = clears(member.getValue()) ? null : member.getValue();
            assertThat(same(expected, now.get(storedAs))).as("%s: %s stored as %s (sent %s)", input, key,
                    now.get(storedAs), expected).isTrue();
        }
        for (Map.Entry<String, JsonNode> field : now.properties()) {
            assertThat(sent.contains(field.getKey()) || MANAGED.contains(field.getKey()))
                    .as("%s: %s stored but not sent", input, field.getKey()).isTrue();
        }
        assertThat(now.get("version").asLong()).as("%s: version", input).isEqualTo(1);
        assertThat(host.history(caseId).size()).as("%s: history entries", input).isEqualTo(1);
        assertThat(after.counts()).as("%s: the store's counts", input)
                .isEqualTo(new HostileHost.Counts(before.cases() + 1, before.historyEntries() + 1));
        assertThat(after.read().text()).as("%s: the other case", input).isEqualTo(previous.read().text());
    }

    /** Whether a sent value clears its field: {@code null}, {@code ""} or {@code []}. */
    static boolean clears(JsonNode value) {
        return value.isNull() || (value.isString() && value.stringValue().isEmpty()) || (value.isArray() && value.isEmpty());
    }

    /** Equal JSON values; numbers as exact decimals, scale included (12.50 is not 12.5). */
    static boolean same(@Nullable JsonNode a, @Nullable JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().equals(b.decimalValue());
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }
}

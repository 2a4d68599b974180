package io.casekit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Tries to break the sharing of extension maps between cases and builders ({@link SortedExtensions},
 * the builder's copy on write): long random sequences of builder calls against a model that copies
 * everything, every way to reach the map through its views, equality with other maps, and concurrent
 * reads.
 */
class CaseExtensionsSharingTest {
    private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");

    private static Case.Builder minimal() {
        return Case.builder().tenant(TenantId.of("t1")).id(CaseId.of("c1")).typeId(CaseTypeId.of("ty"))
                .title("t").description("d").version(1).createdBy("u").createdAt(AT).updatedAt(AT);
    }

    private static Value v(int i) {
        return Value.text("v" + i);
    }

    /**
     * Random interleavings of extension(), extensions(map), extensions(another case's map), build(),
     * toBuilder() and with(), on several builders at once; after every step each case built so far
     * still holds exactly the entries it was built with (a copy taken at build time).
     */
    @Test
    void noSequenceOfBuilderCallsChangesACaseBuiltBefore() {
        Random random = new Random(42);
        for (int run = 0; run < 300; run++) {
            List<Case.Builder> builders = new ArrayList<>(List.of(minimal(), minimal()));
            List<TreeMap<String, Value>> models = new ArrayList<>(List.of(new TreeMap<>(), new TreeMap<>()));
            List<Case> cases = new ArrayList<>();
            List<Map<String, Value>> expected = new ArrayList<>();
            for (int step = 0; step < 40; step++) {
                int b = random.nextInt(builders.size());
                Case.Builder builder = builders.get(b);
                TreeMap<String, Value> model = models.get(b);
                switch (random.nextInt(7)) {
                    case 0, 1 -> {
                        String name = "n" + random.nextInt(5);
                        Value value = v(random.nextInt(1000));
                        builder.extension(name, value);
                        model.put(name, value);
                    }
                    case 2 -> {
                        if (!cases.isEmpty()) {
                            Case from = cases.get(random.nextInt(cases.size()));
                            builder.extensions(from.extensions());
                            models.set(b, new TreeMap<>(from.extensions()));
                        }
                    }
                    case 3 -> {
                        Map<String, Value> passed = new HashMap<>();
                        passed.put("n" + random.nextInt(5), v(random.nextInt(1000)));
                        builder.extensions(passed);
                        models.set(b, new TreeMap<>(passed));
                        passed.put("later", v(-1)); // the caller changes its map afterwards
                    }
                    case 4 -> {
                        cases.add(builder.build());
                        expected.add(new TreeMap<>(model));
                    }
                    case 5 -> {
                        if (!cases.isEmpty()) {
                            Case from = cases.get(random.nextInt(cases.size()));
                            builders.add(from.toBuilder());
                            models.add(new TreeMap<>(from.extensions()));
                        }
                    }
                    default -> {
                        if (!cases.isEmpty()) {
                            Case from = cases.get(random.nextInt(cases.size()));
                            String name = "n" + random.nextInt(5);
                            Optional<Value> value = random.nextBoolean() ? Optional.empty() : Optional.of(v(random.nextInt(1000)));
                            Case changed = from.with(name, value);
                            TreeMap<String, Value> m = new TreeMap<>(from.extensions());
                            value.ifPresentOrElse(x -> m.put(name, x), () -> m.remove(name));
                            cases.add(changed);
                            expected.add(m);
                        }
                    }
                }
                for (int i = 0; i < cases.size(); i++) {
                    assertThat(cases.get(i).extensions()).as("run %d step %d case %d", run, step, i).isEqualTo(expected.get(i));
                    assertThat(List.copyOf(cases.get(i).extensions().keySet())).isEqualTo(List.copyOf(expected.get(i).keySet()));
                }
            }
        }
    }

    @Test
    void aCasesExtensionsPassedToAnotherBuilderThenChangedThereLeaveTheFirstCaseAsItWas() {
        Case first = minimal().extension("a", v(1)).extension("b", v(2)).build();
        Case.Builder other = minimal().extensions(first.extensions());
        other.extension("a", v(9)).extension("c", v(3));
        Case second = other.build();
        other.extensions(first.extensions()).extension("b", v(8));
        Case third = other.build();

        assertThat(first.extensions()).isEqualTo(Map.of("a", v(1), "b", v(2)));
        assertThat(second.extensions()).isEqualTo(Map.of("a", v(9), "b", v(2), "c", v(3)));
        assertThat(third.extensions()).isEqualTo(Map.of("a", v(1), "b", v(8)));
    }

    @Test
    void withChainsNeverChangeTheCasesTheyStartFrom() {
        Case c0 = minimal().extension("a", v(1)).build();
        Case c1 = c0.with("b", Optional.of(v(2)));
        Case c2 = c1.with("a", Optional.empty()).with("c", Optional.of(v(3)));
        Case c3 = c2.with("c", Optional.empty()).with("b", Optional.empty());
        Case c4 = c3.with("absent", Optional.empty());

        assertThat(c0.extensions()).isEqualTo(Map.of("a", v(1)));
        assertThat(c1.extensions()).isEqualTo(Map.of("a", v(1), "b", v(2)));
        assertThat(c2.extensions()).isEqualTo(Map.of("b", v(2), "c", v(3)));
        assertThat(c3.extensions()).isEmpty();
        assertThat(c4).isEqualTo(c3);
        assertThatThrownBy(() -> c0.with("status", Optional.of(v(1)))).isInstanceOf(IllegalArgumentException.class);
    }

    /** Every mutator reachable through the map and its views refuses, the map stays as it was. */
    @Test
    void noViewOfTheExtensionsChangesThem() {
        Case c = minimal().extension("b", v(2)).extension("a", v(1)).build();
        Map<String, Value> ext = c.extensions();
        List<Consumer<Map<String, Value>>> attempts = List.of(
                m -> m.keySet().remove("a"),
                m -> m.keySet().removeIf(k -> true),
                m -> m.keySet().retainAll(List.of()),
                m -> m.keySet().removeAll(List.of("a")),
                m -> m.keySet().clear(),
                m -> m.values().clear(),
                m -> m.values().remove(v(1)),
                m -> m.values().removeIf(x -> true),
                m -> m.entrySet().removeIf(e -> true),
                m -> m.entrySet().clear(),
                m -> m.entrySet().remove(m.entrySet().iterator().next()),
                m -> m.entrySet().add(Map.entry("z", v(0))),
                m -> m.entrySet().forEach(e -> e.setValue(v(0))),
                m -> m.entrySet().stream().forEach(e -> e.setValue(v(0))),
                m -> m.entrySet().spliterator().tryAdvance(e -> e.setValue(v(0))),
                m -> m.entrySet().toArray(new Map.Entry[0])[0].setValue(v(0)),
                m -> ((Map.Entry<String, Value>) m.entrySet().toArray()[0]).setValue(v(0)),
                m -> {
                    Iterator<String> i = m.keySet().iterator();
                    i.next();
                    i.remove();
                },
                m -> {
                    Iterator<Value> i = m.values().iterator();
                    i.next();
                    i.remove();
                },
                m -> {
                    Iterator<Map.Entry<String, Value>> i = m.entrySet().iterator();
                    i.next().setValue(v(0));
                },
                m -> m.put("c", v(3)),
                m -> m.putAll(Map.of("c", v(3))),
                m -> m.remove("a"),
                m -> m.remove("a", v(1)),
                m -> m.clear(),
                m -> m.replaceAll((k, x) -> v(0)),
                m -> m.replace("a", v(0)),
                m -> m.replace("a", v(1), v(0)),
                m -> m.putIfAbsent("c", v(3)),
                m -> m.computeIfAbsent("c", k -> v(3)),
                m -> m.computeIfPresent("a", (k, x) -> null),
                m -> m.computeIfPresent("a", (k, x) -> v(0)),
                m -> m.compute("a", (k, x) -> null),
                m -> m.merge("a", v(0), (x, y) -> null));
        for (int i = 0; i < attempts.size(); i++) {
            Consumer<Map<String, Value>> attempt = attempts.get(i);
            assertThatThrownBy(() -> attempt.accept(ext)).as("attempt %d", i).isInstanceOf(UnsupportedOperationException.class);
            assertThat(ext).isEqualTo(Map.of("a", v(1), "b", v(2)));
        }
        assertThat(c.toBuilder().build().extensions()).isEqualTo(Map.of("a", v(1), "b", v(2)));
    }

    /**
     * As an unmodifiable view of a TreeMap (what extensions() was before SortedExtensions), a mutator
     * refuses even when it would change nothing.
     */
    @Test
    void aMutatorThatWouldChangeNothingRefusesAsBefore() {
        Map<String, Value> before = Collections.unmodifiableMap(new TreeMap<>(Map.of("a", v(1))));
        Map<String, Value> now = minimal().extension("a", v(1)).build().extensions();
        List<Consumer<Map<String, Value>>> attempts = List.of(
                m -> m.remove("absent"),
                m -> m.remove("absent", v(1)),
                m -> m.remove("a", v(2)),
                m -> m.putIfAbsent("a", v(2)),
                m -> m.computeIfAbsent("a", k -> v(2)),
                m -> m.computeIfAbsent("x", k -> null),
                m -> m.computeIfPresent("absent", (k, x) -> null),
                m -> m.compute("absent", (k, x) -> null),
                m -> m.replace("absent", v(2)),
                m -> m.replace("a", v(9), v(2)),
                m -> m.putAll(Map.of()));
        for (int i = 0; i < attempts.size(); i++) {
            Consumer<Map<String, Value>> attempt = attempts.get(i);
            assertThatThrownBy(() -> attempt.accept(before)).as("before, attempt %d", i).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> attempt.accept(now)).as("now, attempt %d", i).isInstanceOf(UnsupportedOperationException.class);
        }
        Map<String, Value> empty = minimal().build().extensions();
        assertThatThrownBy(() -> empty.replaceAll((k, x) -> x)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void extensionsEqualAndHashLikeEveryMapOfTheSameEntries() {
        Case c = minimal().extension("b", v(2)).extension("a", v(1)).extension("", v(0)).build();
        Map<String, Value> ext = c.extensions();
        Map<String, Value> hash = new HashMap<>(Map.of("a", v(1), "b", v(2), "", v(0)));
        TreeMap<String, Value> reversed = new TreeMap<>(Collections.reverseOrder());
        reversed.putAll(hash);
        Map<String, Value> linked = new LinkedHashMap<>(reversed);
        for (Map<String, Value> other : List.of(hash, reversed, linked, Map.copyOf(hash), Collections.unmodifiableMap(hash))) {
            assertThat(ext.equals(other)).as(other.toString()).isTrue();
            assertThat(other.equals(ext)).as(other.toString()).isTrue();
            assertThat(ext.hashCode()).isEqualTo(other.hashCode());
        }
        assertThat(ext.toString()).isEqualTo(new TreeMap<>(hash).toString());
        assertThat(List.copyOf(ext.keySet())).containsExactly("", "a", "b");
        assertThat(List.copyOf(ext.values())).containsExactly(v(0), v(1), v(2));

        Map<String, Value> withNull = new HashMap<>(hash);
        withNull.remove("");
        withNull.put(null, v(0));
        assertThat(ext.equals(withNull)).isFalse();
        assertThat(withNull.equals(ext)).isFalse();
        Map<Object, Object> otherKeys = new HashMap<>(hash);
        otherKeys.remove("");
        otherKeys.put(1, v(0));
        assertThat(ext.equals(otherKeys)).isFalse();
        assertThat(otherKeys.equals(ext)).isFalse();
        Map<String, Value> nullValue = new HashMap<>(hash);
        nullValue.put("", null);
        assertThat(ext.equals(nullValue)).isFalse();
        assertThat(nullValue.equals(ext)).isFalse();

        Case same = minimal().extensions(linked).build();
        assertThat(same).isEqualTo(c).hasSameHashCodeAs(c);
        assertThat(minimal().build().extensions()).isEqualTo(Map.of()).hasSameHashCodeAs(Map.of());
    }

    /** The canonical constructor checks a map of the caller's, of any kind, as before. */
    @Test
    void theCanonicalConstructorChecksEveryMapItDidNotMake() {
        Case c = minimal().extension("a", v(1)).build();
        Map<String, Value> nullName = new HashMap<>();
        nullName.put(null, v(1));
        Map<String, Value> nullValue = new HashMap<>();
        nullValue.put("a", null);
        TreeMap<String, Value> nullValueSorted = new TreeMap<>();
        nullValueSorted.put("a", null);
        TreeMap<String, Value> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.put("Title", v(1));
        TreeMap<String, Value> reservedSorted = new TreeMap<>(Map.of("closedReason", v(1)));
        for (Map<String, Value> bad : List.of(nullName, nullValue, nullValueSorted, reservedSorted,
                Map.of("id", v(1)), Map.of("status", v(1)), Map.of("closed", v(1)))) {
            assertThatThrownBy(() -> canonical(c, bad)).as(String.valueOf(bad))
                    .isInstanceOfAny(NullPointerException.class, IllegalArgumentException.class);
        }
        // a name only case-insensitively equal to a reserved one is no reserved name
        assertThat(canonical(c, caseInsensitive).extensions()).containsOnlyKeys("Title");
        for (String reserved : List.of("title", "description", "ownerId", "priority", "dueDate", "contactId", "contactPhone",
                "attachment", "id", "type", "creatorId", "version", "createdBy", "createdAt", "updatedAt", "status", "state",
                "closedAt", "closedReason", "reopened", "closed")) {
            assertThat(StandardField.isReserved(reserved)).as(reserved).isTrue();
            assertThat(StandardField.isReserved(reserved + "x")).as(reserved).isFalse();
            assertThatThrownBy(() -> minimal().extension(reserved, v(1)).build()).isInstanceOf(IllegalArgumentException.class);
            if (StandardField.byName(reserved).isEmpty()) { // with() sets a standard field, refuses the other keys
                assertThatThrownBy(() -> c.with(reserved, Optional.of(v(1)))).isInstanceOf(IllegalArgumentException.class);
            }
        }
        assertThat(StandardField.isReserved("")).isFalse();
        assertThat(StandardField.isReserved("x".repeat(100))).isFalse();
    }

    /** A refused map leaves the builder as it was; a refused build leaves it reusable. */
    @Test
    void aRefusalLeavesTheBuilderAsItWas() {
        Case.Builder b = minimal().extension("a", v(1));
        Map<String, Value> withNull = new HashMap<>();
        withNull.put("z", null);
        assertThatThrownBy(() -> b.extensions(withNull)).isInstanceOf(NullPointerException.class);
        Case first = b.build();
        b.extension("title", v(2));
        assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class);
        b.extensions(first.extensions());
        Case second = b.extension("b", v(3)).build();
        assertThat(first.extensions()).isEqualTo(Map.of("a", v(1)));
        assertThat(second.extensions()).isEqualTo(Map.of("a", v(1), "b", v(3)));
    }

    /** Many threads read one case's extensions (and copy them into builders) while one keeps building. */
    @Test
    void concurrentReadsSeeTheSameEntries() throws Exception {
        Case.Builder shared = minimal();
        for (int i = 0; i < 200; i++) {
            shared.extension("n" + i, v(i));
        }
        Case c = shared.build();
        Map<String, Value> expected = new TreeMap<>(c.extensions());
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                results.add(pool.submit(() -> {
                    start.await();
                    boolean ok = true;
                    for (int round = 0; round < 2_000; round++) {
                        Case copy = c.toBuilder().extension("t" + id, v(round)).build();
                        ok &= copy.extensions().size() == 201 && c.extensions().equals(expected)
                                && c.with("n" + (round % 200), Optional.empty()).extensions().size() == 199
                                && c.extensions().get("n" + (round % 200)).equals(v(round % 200));
                    }
                    return ok;
                }));
            }
            start.countDown();
            for (int round = 0; round < 2_000; round++) {
                shared.extension("n" + (round % 200), v(-round)); // the builder c came from keeps changing
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get(60, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(c.extensions()).isEqualTo(expected);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Case canonical(Case c, Map<String, Value> extensions) {
        return new Case(c.tenant(), c.id(), c.typeId(), c.title(), c.description(), c.ownerId(), c.priority(), c.dueDate(),
                c.contactId(), c.contactPhone(), c.attachment(), extensions, c.version(), c.createdBy(), c.createdAt(),
                c.updatedAt(), c.status(), c.state(), c.closedAt(), c.closedReason(), c.reopened());
    }
}

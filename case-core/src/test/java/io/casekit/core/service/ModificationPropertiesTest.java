package io.casekit.core.service;

import static io.casekit.core.Fixtures.SEED_CASE;
import static io.casekit.core.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.Case;
import io.casekit.core.CaseId;
import io.casekit.core.CaseModification;
import io.casekit.core.CaseValidationException;
import io.casekit.core.FieldChange;
import io.casekit.core.Fixtures;
import io.casekit.core.HistoryEntry;
import io.casekit.core.InputValue;
import io.casekit.core.MapCaseStore;
import io.casekit.core.StandardField;
import io.casekit.core.Value;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of modify over random requests: idempotence, absent fields, refusals, history replay. */
class ModificationPropertiesTest {

    /** One request key and what is sent for it; values may be valid or not. */
    record Sent(String key, InputValue value) {}

    @Provide
    Arbitrary<List<Sent>> requests() {
        Arbitrary<Sent> one = Arbitraries.oneOf(
                texts().map(t -> new Sent("title", t)),
                texts().map(t -> new Sent("description", t)),
                optional(ids()).map(t -> new Sent("ownerId", t)),
                optional(Arbitraries.of("Low", "Medium", "High", "Critical", "low")).map(t -> new Sent("priority", t)),
                optional(Arbitraries.of("2023-06-20 00:00:00", "2024-02-29 12:00:00", "2023-02-29 00:00:00"))
                        .map(t -> new Sent("dueDate", t)),
                optional(ids()).map(t -> new Sent("contactId", t)),
                optional(Arbitraries.of("15151515152", "+1 (555) 010", "no phone")).map(t -> new Sent("contactPhone", t)),
                optional(Arbitraries.strings().ofMaxLength(30)).map(t -> new Sent("attachment", t)),
                Arbitraries.of("S1", "S2", "S3", "S9").map(t -> new Sent("AICC__severity__CST", InputValue.text(t))),
                Arbitraries.oneOf(Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("99999.99"))
                        .ofScale(2).map(InputValue::number), Arbitraries.just(InputValue.nullValue()),
                        Arbitraries.just(InputValue.text("12")))
                        .map(v -> new Sent("AICC__refund__CST", v)),
                Arbitraries.of("vip", "legal", "press").list().ofMaxSize(3)
                        .map(l -> new Sent("AICC__tags__CST", InputValue.array(l.stream().map(InputValue::text).toList()))),
                Arbitraries.of(InputValue.bool(true), InputValue.bool(false), InputValue.nullValue(),
                        InputValue.text("true")).map(v -> new Sent("AICC__callback__CST", v)),
                Arbitraries.just(new Sent("bogus", InputValue.text("x"))));
        return one.list().ofMaxSize(8);
    }

    private static Arbitrary<InputValue> texts() {
        return Arbitraries.oneOf(Arbitraries.strings().withCharRange('a', 'e').withChars('中', '😀', ' ', '\n')
                .ofMinLength(1).ofMaxLength(40), Arbitraries.of("", " ", "\u0000", "x".repeat(129)))
                .map(InputValue::text);
    }

    private static Arbitrary<String> ids() {
        return Arbitraries.strings().withCharRange('a', 'c').withChars('-', '_', '!').ofMinLength(1).ofMaxLength(22);
    }

    private static Arbitrary<InputValue> optional(Arbitrary<String> values) {
        return Arbitraries.oneOf(values.map(InputValue::text), Arbitraries.just(InputValue.nullValue()),
                Arbitraries.just(InputValue.text("")));
    }

    private static CaseModification modification(List<Sent> sent) {
        CaseModification.Builder b = CaseModification.builder(SEED_CASE, "actor1").title("base").description("base");
        for (Sent s : sent) {
            b.set(s.key(), s.value());
        }
        return b.build();
    }

    private static CaseService freshService(MapCaseStore store) {
        CaseService service = Fixtures.service(store);
        service.create(TENANT, Fixtures.seedDraft().build());
        return service;
    }

    private static Optional<Case> tryModify(CaseService service, CaseModification change) {
        try {
            return Optional.of(service.modify(TENANT, change).current());
        } catch (CaseValidationException e) {
            return Optional.empty();
        }
    }

    @Property(tries = 300)
    void applying_a_modification_twice_leaves_the_second_a_no_op(@ForAll("requests") List<Sent> first,
                                                                   @ForAll("requests") List<Sent> second) {
        MapCaseStore store = new MapCaseStore();
        CaseService service = freshService(store);
        tryModify(service, modification(first));
        CaseModification change = modification(second);
        if (tryModify(service, change).isPresent()) {
            int writes = store.writes();
            ModificationResult again = service.modify(TENANT, change);
            assertThat(again.noOp()).isTrue();
            assertThat(store.writes()).isEqualTo(writes);
        }
    }

    @Property(tries = 300)
    void fields_a_request_leaves_absent_never_change(@ForAll("requests") List<Sent> sent) {
        MapCaseStore store = new MapCaseStore();
        CaseService service = freshService(store);
        Case before = service.get(TENANT, CaseId.of(SEED_CASE));
        Optional<Case> after = tryModify(service, modification(sent));
        Set<String> sentKeys = new HashSet<>(List.of("title", "description"));
        sent.forEach(s -> sentKeys.add(s.key()));
        after.ifPresent(a -> {
            for (String field : allFields(before, a)) {
                if (!sentKeys.contains(field)) {
                    assertThat(a.value(field)).as(field).isEqualTo(before.value(field));
                }
            }
            assertThat(a.createdBy()).isEqualTo(before.createdBy());
            assertThat(a.createdAt()).isEqualTo(before.createdAt());
            assertThat(a.typeId()).isEqualTo(before.typeId());
        });
    }

    @Property(tries = 300)
    void a_refused_request_never_changes_the_stored_case(@ForAll("requests") List<Sent> sent) {
        MapCaseStore store = new MapCaseStore();
        CaseService service = freshService(store);
        Case before = service.get(TENANT, CaseId.of(SEED_CASE));
        int writes = store.writes();
        if (tryModify(service, modification(sent)).isEmpty()) {
            assertThat(service.get(TENANT, CaseId.of(SEED_CASE))).isEqualTo(before);
            assertThat(service.history(TENANT, CaseId.of(SEED_CASE))).hasSize(1);
            assertThat(store.writes()).isEqualTo(writes);
        }
    }

    @Property(tries = 200)
    void the_history_replayed_from_nothing_equals_the_current_case(
            @ForAll("requests") List<Sent> a, @ForAll("requests") List<Sent> b, @ForAll("requests") List<Sent> c) {
        MapCaseStore store = new MapCaseStore();
        CaseService service = freshService(store);
        for (List<Sent> sent : List.of(a, b, c)) {
            tryModify(service, modification(sent));
        }
        Case current = service.get(TENANT, CaseId.of(SEED_CASE));
        List<HistoryEntry> history = service.history(TENANT, CaseId.of(SEED_CASE));

        Map<String, Value> replayed = new HashMap<>();
        long version = 0;
        for (HistoryEntry entry : history) {
            assertThat(entry.version()).isEqualTo(++version);
            for (FieldChange change : entry.changes()) {
                assertThat(Optional.ofNullable(replayed.get(change.field()))).as("old value of " + change.field())
                        .isEqualTo(change.oldValue());
                change.newValue().ifPresentOrElse(v -> replayed.put(change.field(), v),
                        () -> replayed.remove(change.field()));
            }
        }
        assertThat(current.version()).isEqualTo(version);
        assertThat(current.updatedAt()).isEqualTo(history.get(history.size() - 1).at());
        for (String field : allFields(current, current)) {
            assertThat(Optional.ofNullable(replayed.get(field))).as(field).isEqualTo(current.value(field));
        }
        assertThat(replayed.keySet()).allSatisfy(field -> assertThat(current.value(field)).isPresent());
    }

    private static Set<String> allFields(Case x, Case y) {
        Set<String> fields = new HashSet<>();
        for (StandardField f : StandardField.values()) {
            fields.add(f.wireName());
        }
        fields.addAll(x.extensions().keySet());
        fields.addAll(y.extensions().keySet());
        return fields;
    }
}

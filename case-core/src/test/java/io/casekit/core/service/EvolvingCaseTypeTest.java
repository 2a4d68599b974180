package io.casekit.core.service;

import static io.casekit.core.Fixtures.SEED_CASE;
import static io.casekit.core.Fixtures.SEED_OPERATOR;
import static io.casekit.core.Fixtures.TENANT;
import static io.casekit.core.Fixtures.TYPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.casekit.core.Case;
import io.casekit.core.CaseDraft;
import io.casekit.core.CaseId;
import io.casekit.core.CaseModification;
import io.casekit.core.CaseValidationException;
import io.casekit.core.FieldChange;
import io.casekit.core.Fixtures;
import io.casekit.core.HistoryEntry;
import io.casekit.core.InputValue;
import io.casekit.core.MapCaseStore;
import io.casekit.core.Priority;
import io.casekit.core.StandardField;
import io.casekit.core.Value;
import io.casekit.core.ViolationCode;
import io.casekit.core.spi.CaseStore;
import io.casekit.core.template.CaseType;
import io.casekit.core.template.FieldDefinition;
import io.casekit.core.template.FieldType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * domain-rules §8, "evolving case types": a case whose type was narrowed after it was created can be
 * sent back as read (a no-op) and have only its title changed; what a request changes is judged by
 * the type as it is now.
 */
class EvolvingCaseTypeTest {

    /** What a later version of the type does to one field. */
    enum Narrowing { KEEP, REMOVE, NARROW, REQUIRE }

    /** The stored values of a case of the complaint type, every field set. */
    record Stored(String severity, BigDecimal refund, String notes, String story, List<String> tags,
                  boolean callback, LocalDate since, LocalDateTime callAt) {}

    @Provide
    Arbitrary<Stored> cases() {
        Arbitrary<String> severity = Arbitraries.of("S1", "S2", "S3");
        Arbitrary<BigDecimal> refund = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1000"))
                .ofScale(2);
        Arbitrary<String> notes = Arbitraries.strings().withCharRange('a', 'z').withChars('中', ' ').ofMinLength(2)
                .ofMaxLength(60);
        Arbitrary<String> story = Arbitraries.strings().withCharRange('a', 'z').withChars('\n', 'é', '中').ofMinLength(2)
                .ofMaxLength(200);
        Arbitrary<List<String>> tags = Arbitraries.of("vip", "legal", "press").list().uniqueElements().ofMinSize(1)
                .ofMaxSize(2);
        Arbitrary<LocalDate> since = Arbitraries.integers().between(0, 20_000).map(d -> LocalDate.of(1990, 1, 1).plusDays(d));
        Arbitrary<LocalDateTime> callAt = Arbitraries.longs().between(0, 2_000_000_000L)
                .map(s -> LocalDateTime.of(2000, 1, 1, 0, 0).plusSeconds(s));
        return Combinators.combine(severity, refund, notes, story, tags, Arbitraries.of(true, false), since, callAt)
                .as(Stored::new);
    }

    @Provide
    Arbitrary<List<Narrowing>> narrowings() {
        return Arbitraries.of(Narrowing.class).list().ofSize(Fixtures.complaint(TENANT).fields().size());
    }

    @Property(tries = 150)
    void a_case_of_a_narrowed_type_sent_back_as_read_is_a_no_op_and_only_its_title_can_change(
            @ForAll("cases") Stored values, @ForAll("narrowings") List<Narrowing> narrowing,
            @ForAll boolean addRequiredField, @ForAll boolean aiccRequest) {
        MapCaseStore store = new MapCaseStore();
        CaseService service = Fixtures.service(store);
        Case created = service.create(TENANT, draftOf(values).build());
        store.save(narrowed(created, narrowing, addRequiredField));
        int writes = store.writes();

        Map<String, InputValue> asRead = asRead(created);
        ModificationResult same = service.modify(TENANT, request(asRead, aiccRequest));
        assertThat(same.changes()).as("an unchanged round trip").isEmpty();
        assertThat(same.current()).isEqualTo(created);
        assertThat(store.writes()).isEqualTo(writes);

        Map<String, InputValue> retitled = new LinkedHashMap<>(asRead);
        retitled.put("title", InputValue.text("retitled after the type changed"));
        ModificationResult changed = service.modify(TENANT, request(retitled, aiccRequest));
        assertThat(changed.changes()).extracting(FieldChange::field).containsExactly("title");
        assertThat(changed.current().extensions()).isEqualTo(created.extensions());
        assertThat(changed.current().version()).isEqualTo(created.version() + 1);
    }

    @Test
    void what_a_request_changes_is_judged_by_the_type_as_it_is_now() {
        MapCaseStore store = new MapCaseStore();
        CaseService service = Fixtures.service(store);
        Stored values = new Stored("S2", new BigDecimal("12.50"), "a note of some length", "story", List.of("vip"),
                true, LocalDate.of(2020, 2, 29), LocalDateTime.of(2023, 6, 20, 0, 0));
        Case created = service.create(TENANT, draftOf(values).build());
        List<Narrowing> all = new ArrayList<>();
        Fixtures.complaint(TENANT).fields().forEach(f -> all.add(Narrowing.NARROW));
        store.save(narrowed(created, all, true));

        // Once the retired option is changed for another, it can not come back.
        service.modify(TENANT, CaseModification.builder(CaseId.of(SEED_CASE), SEED_OPERATOR)
                .extension("AICC__severity__CST", Value.text("S1")).build());
        assertThat(violations(service, Map.of("AICC__severity__CST", InputValue.text("S2"))))
                .as("a retired option, set again").containsExactly(tuple("/caseInfo/AICC__severity__CST", ViolationCode.INVALID_VALUE));
        assertThat(violations(service, Map.of("AICC__notes__CST", InputValue.text("another note"))))
                .as("a new text over the lowered limit").containsExactly(tuple("/caseInfo/AICC__notes__CST", ViolationCode.TOO_LONG));
        assertThat(violations(service, Map.of("AICC__callback__CST", InputValue.bool(false))))
                .as("a removed field, changed").containsExactly(tuple("/caseInfo/AICC__callback__CST", ViolationCode.UNKNOWN_FIELD));
        assertThat(violations(service, Map.of("AICC__callback__CST", InputValue.nullValue())))
                .as("a removed field, cleared").containsExactly(tuple("/caseInfo/AICC__callback__CST", ViolationCode.UNKNOWN_FIELD));
        assertThat(violations(service, Map.of("AICC__typo__CST", InputValue.nullValue())))
                .as("a key the case never had, sent as null").containsExactly(tuple("/caseInfo/AICC__typo__CST", ViolationCode.UNKNOWN_FIELD));
        assertThat(violations(service, Map.of("AICC__added__CST", InputValue.nullValue())))
                .as("a required field the type gained, cleared").containsExactly(tuple("/caseInfo/AICC__added__CST", ViolationCode.REQUIRED));
        assertThat(violations(service, Map.of("AICC__severity__CST", InputValue.nullValue())))
                .as("a required field cleared").containsExactly(tuple("/caseInfo/AICC__severity__CST", ViolationCode.REQUIRED));

        // Sent back as stored, even as an exact decimal of the same scale: unchanged, not judged.
        ModificationResult same = service.modify(TENANT, CaseModification.builder(CaseId.of(SEED_CASE), SEED_OPERATOR)
                .set("AICC__refund__CST", InputValue.number(new BigDecimal("12.50")))
                .set("AICC__since__CST", InputValue.text("2020-02-29"))
                .build());
        assertThat(same.changes()).isEmpty();
        // A different scale is another value, and so judged: the narrowed NUMBER refuses it.
        assertThat(violations(service, Map.of("AICC__refund__CST", InputValue.number(new BigDecimal("12.5")))))
                .containsExactly(tuple("/caseInfo/AICC__refund__CST", ViolationCode.OUT_OF_RANGE));
        // The required field the type gained does not block a modify that leaves it alone.
        assertThat(service.modify(TENANT, CaseModification.builder(CaseId.of(SEED_CASE), SEED_OPERATOR)
                .priority(Priority.HIGH).build()).changes()).extracting(FieldChange::field).containsExactly("priority");
    }

    @Test
    void a_value_the_type_no_longer_allows_is_never_written_back_over_a_concurrent_change() {
        MapCaseStore memory = new MapCaseStore();
        AtomicBoolean raced = new AtomicBoolean();
        CaseService[] concurrent = new CaseService[1];
        CaseStore racing = new DelegatingStore(memory) {
            @Override
            public void update(Case updated, long expectedVersion, HistoryEntry entry) {
                if (raced.compareAndSet(false, true)) {
                    concurrent[0].modify(TENANT, CaseModification.builder(SEED_CASE, "other")
                            .extension("AICC__severity__CST", Value.text("S9")).build());
                }
                super.update(updated, expectedVersion, entry);
            }
        };
        memory.save(Fixtures.complaint(TENANT));
        CaseService service = CaseService.builder(racing, memory).clock(Fixtures.CLOCK).build();
        concurrent[0] = CaseService.builder(memory, memory).clock(Fixtures.CLOCK).build();
        Case created = service.create(TENANT, Fixtures.seedDraft().build());
        List<Narrowing> onlySeverity = new ArrayList<>();
        Fixtures.complaint(TENANT).fields().forEach(f -> onlySeverity.add(
                f.name().equals("AICC__severity__CST") ? Narrowing.NARROW : Narrowing.KEEP));
        memory.save(narrowed(created, onlySeverity, false));

        // S1 is retired: sent back unchanged it is accepted, and the re-apply over the concurrent
        // change to S9 keeps S9 rather than writing the retired option back.
        ModificationResult result = service.modify(TENANT, CaseModification.builder(SEED_CASE, SEED_OPERATOR)
                .title("retitled").extension("AICC__severity__CST", Value.text("S1")).build());
        assertThat(raced).isTrue();
        assertThat(result.changes()).extracting(FieldChange::field).containsExactly("title");
        assertThat(result.current().extensions()).containsEntry("AICC__severity__CST", Value.text("S9"));
    }

    private static List<org.assertj.core.groups.Tuple> violations(CaseService service, Map<String, InputValue> fields) {
        CaseModification.Builder request = CaseModification.builder(CaseId.of(SEED_CASE), SEED_OPERATOR);
        fields.forEach(request::set);
        CaseValidationException e = org.junit.jupiter.api.Assertions.assertThrows(CaseValidationException.class,
                () -> service.modify(TENANT, request.build()));
        return e.violations().stream().map(v -> tuple(v.path(), v.code())).toList();
    }

    private static CaseModification request(Map<String, InputValue> caseInfo, boolean aiccRequest) {
        return aiccRequest ? CaseModification.ofAiccRequest(caseInfo) : CaseModification.of(caseInfo);
    }

    private static CaseDraft.Builder draftOf(Stored v) {
        return CaseDraft.builder(TYPE, SEED_OPERATOR).id(CaseId.of(SEED_CASE)).title("created").description("first")
                .contactId(Fixtures.SEED_CONTACT).priority(Priority.LOW).dueDate(LocalDateTime.of(2023, 6, 20, 0, 0))
                .ownerId("owner1").contactPhone("+86 151-5151-5152").attachment("file:1")
                .extension("AICC__severity__CST", Value.text(v.severity()))
                .extension("AICC__refund__CST", Value.decimal(v.refund()))
                .extension("AICC__notes__CST", Value.text(v.notes()))
                .extension("AICC__story__CST", Value.text(v.story()))
                .extension("AICC__tags__CST", Value.textList(v.tags()))
                .extension("AICC__callback__CST", Value.bool(v.callback()))
                .extension("AICC__since__CST", Value.date(v.since()))
                .extension("AICC__callAt__CST", Value.dateTime(v.callAt()))
                .extension("AICC__phone__CST", Value.text("+1 (555) 010-9999"))
                .extension("AICC__mail__CST", Value.text("someone@example.com"))
                .extension("AICC__link__CST", Value.text("https://example.com/case"));
    }

    /** The case as a client reads it and sends it back: every field with a value, and the operator. */
    private static Map<String, InputValue> asRead(Case c) {
        Map<String, InputValue> fields = new LinkedHashMap<>();
        fields.put(StandardField.ID, InputValue.text(c.id().value()));
        for (StandardField field : StandardField.values()) {
            c.value(field.wireName()).ifPresent(v -> fields.put(field.wireName(), InputValue.of(v)));
        }
        c.extensions().forEach((name, value) -> fields.put(name, InputValue.of(value)));
        fields.put(StandardField.CREATOR_ID, InputValue.text(SEED_OPERATOR));
        return fields;
    }

    /** The complaint type, each field changed as {@code narrowing} says so that its stored value no longer fits. */
    private static CaseType narrowed(Case c, List<Narrowing> narrowing, boolean addRequiredField) {
        List<FieldDefinition> fields = new ArrayList<>();
        List<FieldDefinition> original = Fixtures.complaint(TENANT).fields();
        for (int i = 0; i < original.size(); i++) {
            FieldDefinition f = original.get(i);
            Value stored = c.extensions().get(f.name());
            switch (narrowing.get(i)) {
                case KEEP -> fields.add(f);
                case REMOVE -> { }
                case REQUIRE -> fields.add(copy(f).required(true).build());
                case NARROW -> narrow(f, stored).ifPresent(fields::add);
            }
        }
        if (addRequiredField) {
            fields.add(FieldDefinition.builder("AICC__added__CST", FieldType.TEXT).required(true).build());
        }
        return new CaseType(TENANT, TYPE, "Complaint, later", fields);
    }

    /** The field narrowed so that {@code stored} is no longer allowed; removed where no rule can say so. */
    private static Optional<FieldDefinition> narrow(FieldDefinition f, Value stored) {
        return switch (f.type()) {
            case PICKLIST -> {
                List<String> options = new ArrayList<>(f.options());
                options.remove(((Value.Text) stored).value());
                options.add("S9");
                yield Optional.of(copy(f).options(options).build());
            }
            case MULTI_PICKLIST -> {
                List<String> options = new ArrayList<>(f.options());
                options.removeAll(((Value.TextList) stored).values());
                options.add("new");
                yield Optional.of(copy(f).options(options).maxItems(1).build());
            }
            case TEXT, TEXTAREA, PHONE -> Optional.of(copy(f).maxBytes(1).build());
            case NUMBER -> Optional.of(FieldDefinition.builder(f.name(), f.type()).required(f.required())
                    .precision(f.effectivePrecision()).scale(f.effectiveScale())
                    .min(((Value.Decimal) stored).value().add(BigDecimal.ONE)).build());
            default -> Optional.empty();
        };
    }

    private static FieldDefinition.Builder copy(FieldDefinition f) {
        FieldDefinition.Builder b = FieldDefinition.builder(f.name(), f.type()).required(f.required());
        f.maxBytes().ifPresent(b::maxBytes);
        f.precision().ifPresent(b::precision);
        f.scale().ifPresent(b::scale);
        f.min().ifPresent(b::min);
        f.max().ifPresent(b::max);
        if (!f.options().isEmpty()) {
            b.options(f.options());
        }
        f.maxItems().ifPresent(b::maxItems);
        return b;
    }
}

package io.casekit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link Case.Builder} and {@link Case#toBuilder()}: each setter sets its own component, and only it. */
class CaseBuilderTest {
    private static final Instant CREATED = Instant.parse("2026-11-27T10:00:00Z");
    private static final Instant UPDATED = Instant.parse("2026-11-28T11:30:00.250Z");
    private static final LocalDateTime DUE = LocalDateTime.of(2026, 12, 24, 18, 0, 0);

    /** A case with every component set, each to a value no other component of the test uses. */
    private static Case.Builder full() {
        return Case.builder()
                .tenant(TenantId.of("tenant-a"))
                .id(CaseId.of("case-a"))
                .typeId(CaseTypeId.of("type-a"))
                .title("title a")
                .description("description a")
                .ownerId("owner-a")
                .priority(Priority.HIGH)
                .dueDate(DUE)
                .contactId("contact-a")
                .contactPhone("+1 555 0100")
                .attachment("file:a")
                .extension("AICC__severity__CST", Value.text("S1"))
                .version(4)
                .createdBy("creator-a")
                .createdAt(CREATED)
                .updatedAt(UPDATED)
                .status("In progress")
                .state(CaseState.PENDING)
                .closedAt(UPDATED.plusSeconds(1))
                .closedReason("reason a");
    }

    /** One change made through one setter: the component it must change, and to what. */
    record Change(String setter, String component, UnaryOperator<Case.Builder> apply, Object expected) {
        @Override
        public String toString() {
            return setter;
        }
    }

    static List<Change> changes() {
        Map<String, Value> replaced = Map.of("AICC__refund__CST", Value.decimal(new BigDecimal("12.50")));
        Map<String, Value> added = new LinkedHashMap<>();
        added.put("AICC__severity__CST", Value.text("S1"));
        added.put("AICC__vip__CST", Value.bool(true));
        return List.of(
                new Change("tenant", "tenant", b -> b.tenant(TenantId.of("tenant-b")), TenantId.of("tenant-b")),
                new Change("id", "id", b -> b.id(CaseId.of("case-b")), CaseId.of("case-b")),
                new Change("typeId", "typeId", b -> b.typeId(CaseTypeId.of("type-b")), CaseTypeId.of("type-b")),
                new Change("title", "title", b -> b.title("title b"), "title b"),
                new Change("description", "description", b -> b.description("description b"), "description b"),
                new Change("ownerId(String)", "ownerId", b -> b.ownerId("owner-b"), Optional.of("owner-b")),
                new Change("ownerId(Optional)", "ownerId", b -> b.ownerId(Optional.of("owner-c")), Optional.of("owner-c")),
                new Change("ownerId(null)", "ownerId", b -> b.ownerId((String) null), Optional.empty()),
                new Change("ownerId(empty)", "ownerId", b -> b.ownerId(Optional.empty()), Optional.empty()),
                new Change("priority(Priority)", "priority", b -> b.priority(Priority.LOW), Optional.of(Priority.LOW)),
                new Change("priority(Optional)", "priority", b -> b.priority(Optional.of(Priority.CRITICAL)),
                        Optional.of(Priority.CRITICAL)),
                new Change("priority(null)", "priority", b -> b.priority((Priority) null), Optional.empty()),
                new Change("dueDate(LocalDateTime)", "dueDate", b -> b.dueDate(DUE.plusDays(1)), Optional.of(DUE.plusDays(1))),
                new Change("dueDate(Optional)", "dueDate", b -> b.dueDate(Optional.of(DUE.plusDays(2))),
                        Optional.of(DUE.plusDays(2))),
                new Change("dueDate(null)", "dueDate", b -> b.dueDate((LocalDateTime) null), Optional.empty()),
                new Change("contactId(String)", "contactId", b -> b.contactId("contact-b"), Optional.of("contact-b")),
                new Change("contactId(Optional)", "contactId", b -> b.contactId(Optional.of("contact-c")),
                        Optional.of("contact-c")),
                new Change("contactId(null)", "contactId", b -> b.contactId((String) null), Optional.empty()),
                new Change("contactPhone(String)", "contactPhone", b -> b.contactPhone("+1 555 0199"),
                        Optional.of("+1 555 0199")),
                new Change("contactPhone(Optional)", "contactPhone", b -> b.contactPhone(Optional.of("+1 555 0198")),
                        Optional.of("+1 555 0198")),
                new Change("contactPhone(null)", "contactPhone", b -> b.contactPhone((String) null), Optional.empty()),
                new Change("attachment(String)", "attachment", b -> b.attachment("file:b"), Optional.of("file:b")),
                new Change("attachment(Optional)", "attachment", b -> b.attachment(Optional.of("file:c")),
                        Optional.of("file:c")),
                new Change("attachment(null)", "attachment", b -> b.attachment((String) null), Optional.empty()),
                new Change("extensions", "extensions", b -> b.extensions(replaced), replaced),
                new Change("extensions(empty)", "extensions", b -> b.extensions(Map.of()), Map.of()),
                new Change("extension", "extensions", b -> b.extension("AICC__vip__CST", Value.bool(true)), added),
                new Change("version", "version", b -> b.version(5), 5L),
                new Change("createdBy", "createdBy", b -> b.createdBy("creator-b"), "creator-b"),
                new Change("createdAt", "createdAt", b -> b.createdAt(CREATED.minusSeconds(60)), CREATED.minusSeconds(60)),
                new Change("updatedAt", "updatedAt", b -> b.updatedAt(UPDATED.plusSeconds(60)), UPDATED.plusSeconds(60)),
                new Change("status", "status", b -> b.status("Waiting"), "Waiting"),
                new Change("state", "state", b -> b.state(CaseState.COMPLETED), CaseState.COMPLETED),
                new Change("closedAt(Instant)", "closedAt", b -> b.closedAt(UPDATED.plusSeconds(5)), Optional.of(UPDATED.plusSeconds(5))),
                new Change("closedAt(Optional)", "closedAt", b -> b.closedAt(Optional.of(UPDATED.plusSeconds(6))),
                        Optional.of(UPDATED.plusSeconds(6))),
                new Change("closedAt(null)", "closedAt", b -> b.closedAt((Instant) null), Optional.empty()),
                new Change("closedReason(String)", "closedReason", b -> b.closedReason("fixed"), Optional.of("fixed")),
                new Change("closedReason(Optional)", "closedReason", b -> b.closedReason(Optional.of("moved")),
                        Optional.of("moved")),
                new Change("closedReason(null)", "closedReason", b -> b.closedReason((String) null), Optional.empty()),
                new Change("reopened", "reopened", b -> b.reopened(true), true));
    }

    @Test
    void everySetterSetsTheComponentOfItsName() {
        Case c = full().build();

        assertThat(c.tenant()).isEqualTo(TenantId.of("tenant-a"));
        assertThat(c.id()).isEqualTo(CaseId.of("case-a"));
        assertThat(c.typeId()).isEqualTo(CaseTypeId.of("type-a"));
        assertThat(c.title()).isEqualTo("title a");
        assertThat(c.description()).isEqualTo("description a");
        assertThat(c.ownerId()).contains("owner-a");
        assertThat(c.priority()).contains(Priority.HIGH);
        assertThat(c.dueDate()).contains(DUE);
        assertThat(c.contactId()).contains("contact-a");
        assertThat(c.contactPhone()).contains("+1 555 0100");
        assertThat(c.attachment()).contains("file:a");
        assertThat(c.extensions()).containsExactly(Map.entry("AICC__severity__CST", Value.text("S1")));
        assertThat(c.version()).isEqualTo(4);
        assertThat(c.createdBy()).isEqualTo("creator-a");
        assertThat(c.createdAt()).isEqualTo(CREATED);
        assertThat(c.updatedAt()).isEqualTo(UPDATED);
        assertThat(c.status()).isEqualTo("In progress");
        assertThat(c.state()).isEqualTo(CaseState.PENDING);
        assertThat(c.closedAt()).contains(UPDATED.plusSeconds(1));
        assertThat(c.closedReason()).contains("reason a");
        assertThat(c.reopened()).isFalse();
    }

    @Test
    void theLifecycleDefaultsAreThoseOfANewCaseOfTheDefaultFlow() {
        Case c = minimal().build();

        assertThat(c.status()).isEqualTo(io.casekit.core.template.StatusFlow.DEFAULT.first().name()).isEqualTo("Open");
        assertThat(c.state()).isEqualTo(io.casekit.core.template.StatusFlow.DEFAULT.first().state())
                .isEqualTo(CaseState.PROCESSING);
        assertThat(c.closedAt()).isEmpty();
        assertThat(c.closedReason()).isEmpty();
        assertThat(c.reopened()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void aSetterChangesItsComponentAndNoOther(Change change) {
        Case base = full().build();

        Case changed = change.apply().apply(base.toBuilder()).build();

        assertThat(differingComponents(base, changed)).as("components changed by %s", change.setter())
                .containsExactly(change.component());
        assertThat(component(changed, change.component())).isEqualTo(change.expected());
    }

    @Test
    void everyComponentHasASetterUnderTest() {
        Set<String> components = Arrays.stream(Case.class.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toSet());

        assertThat(changes().stream().map(Change::component).collect(Collectors.toSet()))
                .isEqualTo(components);
    }

    @Test
    void toBuilderCopiesEveryComponent() {
        Case full = full().build();
        Case minimal = minimal().build();

        assertThat(full.toBuilder().build()).isEqualTo(full);
        assertThat(minimal.toBuilder().build()).isEqualTo(minimal);
    }

    @Test
    void optionalComponentsStartEmpty() {
        Case c = minimal().build();

        assertThat(c.ownerId()).isEmpty();
        assertThat(c.priority()).isEmpty();
        assertThat(c.dueDate()).isEmpty();
        assertThat(c.contactId()).isEmpty();
        assertThat(c.contactPhone()).isEmpty();
        assertThat(c.attachment()).isEmpty();
        assertThat(c.extensions()).isEmpty();
    }

    @Test
    void anEmptyBuilderNamesEveryRequiredComponent() {
        assertThatThrownBy(() -> Case.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("required components of a case not set: tenant, id, typeId, title, description, version, "
                        + "createdBy, createdAt, updatedAt");
    }

    static Stream<String> requiredComponents() {
        return REQUIRED.keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("requiredComponents")
    void aMissingRequiredComponentIsNamed(String missing) {
        Case.Builder b = Case.builder();
        REQUIRED.forEach((name, set) -> {
            if (!name.equals(missing)) {
                set.apply(b);
            }
        });

        assertThatThrownBy(b::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("required components of a case not set: " + missing);
    }

    @Test
    void severalMissingComponentsAreNamedInOneMessage() {
        Case.Builder b = Case.builder().tenant(TenantId.of("t")).typeId(CaseTypeId.of("ty")).title("t")
                .description("d").createdBy("me").createdAt(CREATED).ownerId("owner");

        assertThatThrownBy(b::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("required components of a case not set: id, version, updatedAt");
    }

    @Test
    void extensionAddsToTheExtensionsAndReplacesOneOfTheSameName() {
        Case c = minimal()
                .extensions(Map.of("a", Value.text("1"), "b", Value.text("2")))
                .extension("c", Value.text("3"))
                .extension("a", Value.text("replaced"))
                .build();

        assertThat(c.extensions()).containsExactly(Map.entry("a", Value.text("replaced")),
                Map.entry("b", Value.text("2")), Map.entry("c", Value.text("3")));
    }

    @Test
    void extensionsReplacesEveryExtensionSetBefore() {
        Case c = minimal().extension("a", Value.text("1")).extensions(Map.of("b", Value.text("2"))).build();

        assertThat(c.extensions()).containsExactly(Map.entry("b", Value.text("2")));
    }

    @Test
    void aReservedExtensionNameIsRefusedByBuild() {
        Case.Builder b = minimal().extension("title", Value.text("x"));

        assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("extension title has the name of a standard field");
        Case.Builder version = minimal().extension("version", Value.text("x"));
        assertThatThrownBy(version::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("extension version has the name of a standard field");
    }

    @Test
    void aVersionBelowOneIsRefusedByBuild() {
        assertThatThrownBy(() -> minimal().version(0).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("version must be at least 1, was 0");
        assertThatThrownBy(() -> minimal().version(-1).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("version must be at least 1, was -1");
    }

    @Test
    void aDueDateWithAFractionOfASecondIsRefusedByBuild() {
        Case.Builder b = minimal().dueDate(DUE.plusNanos(1_000_000));

        assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fraction of a second");
    }

    @Test
    void nullIsRefusedWhereItMeansNothing() {
        Case.Builder b = Case.builder();

        assertThatThrownBy(() -> b.title(null)).isInstanceOf(NullPointerException.class).hasMessage("title");
        assertThatThrownBy(() -> b.ownerId((Optional<String>) null)).isInstanceOf(NullPointerException.class)
                .hasMessage("ownerId");
        assertThatThrownBy(() -> b.extension("a", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("extension value");
        Map<String, Value> withNull = new HashMap<>();
        withNull.put("a", null);
        assertThatThrownBy(() -> b.extensions(withNull)).isInstanceOf(NullPointerException.class)
                .hasMessage("extension value");
    }

    @Test
    void aBuilderIsReusableAndItsCasesDoNotFollowItsLaterChanges() {
        Map<String, Value> extensions = new HashMap<>();
        extensions.put("a", Value.text("1"));
        Case.Builder b = minimal().extensions(extensions);
        extensions.put("b", Value.text("2"));

        Case first = b.build();
        Case second = b.title("second").extension("c", Value.text("3")).build();

        assertThat(first.title()).isEqualTo("title");
        assertThat(first.extensions()).containsOnlyKeys("a");
        assertThat(second.title()).isEqualTo("second");
        assertThat(second.extensions()).containsOnlyKeys("a", "c");
        assertThat(b.build()).isEqualTo(second);
    }

    @Test
    void changingACopysBuilderLeavesTheCaseAsItWas() {
        Case original = full().build();
        Case.Builder copy = original.toBuilder();

        copy.extension("AICC__vip__CST", Value.bool(true)).title("changed");

        assertThat(original).isEqualTo(full().build());
        assertThat(original.extensions()).containsOnlyKeys("AICC__severity__CST");
    }

    @Test
    void anotherCasesExtensionsTakenOverAreNotChangedThroughTheNewBuilder() {
        Case first = full().build();
        Case.Builder b = minimal().extensions(first.extensions());

        Case second = b.extension("AICC__vip__CST", Value.bool(true)).build();
        b.extensions(Map.of());
        Case third = b.build();

        assertThat(first.extensions()).containsOnlyKeys("AICC__severity__CST");
        assertThat(second.extensions()).containsOnlyKeys("AICC__severity__CST", "AICC__vip__CST");
        assertThat(third.extensions()).isEmpty();
    }

    @Test
    void aBuilderFromToBuilderBuildsCasesThatDoNotFollowItsLaterChanges() {
        Case.Builder b = full().build().toBuilder();
        Case same = b.build();

        b.extension("AICC__severity__CST", Value.text("S4"));
        Case changed = b.build();

        assertThat(same.extensions()).containsEntry("AICC__severity__CST", Value.text("S1"));
        assertThat(changed.extensions()).containsEntry("AICC__severity__CST", Value.text("S4"));
    }

    @Test
    void extensionsAreUnmodifiableDownToTheirEntriesSortedByNameAndEqualToAnyMapOfTheSameEntries() {
        Case c = minimal().extension("b", Value.text("2")).extension("a", Value.text("1")).build();
        Map<String, Value> extensions = c.extensions();

        assertThat(extensions.keySet()).containsExactly("a", "b");
        assertThat(extensions).isEqualTo(Map.of("a", Value.text("1"), "b", Value.text("2")))
                .hasSameHashCodeAs(Map.of("a", Value.text("1"), "b", Value.text("2")));
        assertThatThrownBy(() -> extensions.put("c", Value.text("3"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> extensions.remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> extensions.entrySet().iterator().next().setValue(Value.text("x")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> extensions.keySet().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(extensions.get(null)).isNull();
        assertThat(extensions.containsKey(null)).isFalse();
        assertThat(c.with("a", Optional.empty()).extensions()).containsOnlyKeys("b");
        assertThat(c.extensions()).containsOnlyKeys("a", "b");
    }

    @Test
    void theCanonicalConstructorChecksAMapItDidNotMake() {
        Case c = full().build();
        Map<String, Value> reserved = new HashMap<>(c.extensions());
        reserved.put("title", Value.text("x"));

        assertThatThrownBy(() -> new Case(c.tenant(), c.id(), c.typeId(), c.title(), c.description(), c.ownerId(),
                c.priority(), c.dueDate(), c.contactId(), c.contactPhone(), c.attachment(), reserved, c.version(),
                c.createdBy(), c.createdAt(), c.updatedAt(), c.status(), c.state(), c.closedAt(), c.closedReason(),
                c.reopened())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("title");
    }

    @Test
    void withVersionChangesOnlyTheVersionAndTheUpdateTime() {
        Case base = full().build();

        Case next = base.withVersion(5, UPDATED.plusSeconds(1));

        assertThat(differingComponents(base, next)).containsExactly("version", "updatedAt");
        assertThat(next.version()).isEqualTo(5);
        assertThat(next.updatedAt()).isEqualTo(UPDATED.plusSeconds(1));
    }

    private static final Map<String, UnaryOperator<Case.Builder>> REQUIRED = required();

    private static Map<String, UnaryOperator<Case.Builder>> required() {
        Map<String, UnaryOperator<Case.Builder>> setters = new LinkedHashMap<>();
        setters.put("tenant", b -> b.tenant(TenantId.of("t")));
        setters.put("id", b -> b.id(CaseId.of("c")));
        setters.put("typeId", b -> b.typeId(CaseTypeId.of("ty")));
        setters.put("title", b -> b.title("title"));
        setters.put("description", b -> b.description("description"));
        setters.put("version", b -> b.version(1));
        setters.put("createdBy", b -> b.createdBy("me"));
        setters.put("createdAt", b -> b.createdAt(CREATED));
        setters.put("updatedAt", b -> b.updatedAt(CREATED));
        return setters;
    }

    /** A builder with only the required components set. */
    private static Case.Builder minimal() {
        Case.Builder b = Case.builder();
        REQUIRED.values().forEach(set -> set.apply(b));
        return b;
    }

    private static List<String> differingComponents(Case a, Case b) {
        return Arrays.stream(Case.class.getRecordComponents()).map(RecordComponent::getName)
                .filter(name -> !component(a, name).equals(component(b, name)))
                .toList();
    }

    private static Object component(Case c, String name) {
        try {
            return Case.class.getMethod(name).invoke(c);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}

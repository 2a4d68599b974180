package io.casekit.reliability;

import io.casekit.store.tck.ForwardingCaseStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casekit.core.Case;
import io.casekit.core.CaseException;
import io.casekit.core.CaseId;
import io.casekit.core.CaseModification;
import io.casekit.core.CaseTypeId;
import io.casekit.core.CaseValidationException;
import io.casekit.core.TenantId;
import io.casekit.core.service.CaseIdGenerator;
import io.casekit.core.service.CaseService;
import io.casekit.core.spi.CaseStore;
import io.casekit.core.spi.TemplateCatalog;
import io.casekit.core.template.CaseType;
import io.casekit.core.template.FieldDefinition;
import io.casekit.core.template.FieldType;
import io.casekit.json.CaseEndpoints;
import io.casekit.json.EndpointResponse;
import io.casekit.store.jdbc.JdbcCaseStore;
import io.casekit.store.jdbc.JdbcTemplateCatalog;
import io.casekit.store.memory.InMemoryCaseStore;
import io.casekit.store.memory.InMemoryTemplateCatalog;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Two tenants whose case ids collide (each script starts with both creating case {@code c1}, and
 * their case types share an id but not a template) act in random interleavings: create, modify, read, history, preview and invalid requests. Each answer one
 * tenant gets when both share a store is byte for byte the answer it gets from a store that holds
 * only its own cases: so nothing the other tenant did or has can be read, changed or even detected,
 * and "exists in another tenant" is exactly "does not exist", by {@code resCode}, message and
 * history. Run on the in-memory store and on H2 through the JDBC store.
 */
class TenantIsolationTest {
    private static final TenantId A = TenantId.of("tenantA");
    private static final TenantId B = TenantId.of("tenantB");
    private static final CaseTypeId TYPE = Fixtures.TYPE;
    /** Ids both tenants use; {@code g1}, {@code g2} are the ids the service generates for each tenant. */
    private static final List<String> IDS = List.of("c1", "c2", "c3", "g1", "g2");
    /** An id no script ever creates, to compare "not found anywhere" with. */
    private static final String NEVER = "never1";
    private static final String NOTES = Fixtures.NOTES;
    /** Fields only one tenant's template has. */
    private static final String ONLY_A = "AICC__pick__CST";
    private static final String ONLY_B = "AICC__flag__CST";
    private static final Instant NOW = Instant.parse("2026-11-27T22:12:31.123Z");

    /** What the properties ran, for the figures. */
    private static final Tally TALLY = new Tally();
    private static final Map<String, TestDatabase> H2 = new ConcurrentHashMap<>();

    private static final class Tally {
        final AtomicInteger scripts = new AtomicInteger();
        final AtomicInteger actions = new AtomicInteger();
        final AtomicInteger differed = new AtomicInteger();
        /** Scripts at whose end both tenants held a case of the same id. */
        final AtomicInteger collided = new AtomicInteger();
    }

    /** One step of a script. */
    sealed interface Action {
        TenantId tenant();
    }

    record Create(TenantId tenant, Optional<String> id, String title, String notes) implements Action {}

    record Modify(TenantId tenant, String id, String title, Optional<String> notes, Optional<String> onlyField)
            implements Action {}

    record Read(TenantId tenant, String id) implements Action {}

    record History(TenantId tenant, String id) implements Action {}

    record Preview(TenantId tenant, String id, String title) implements Action {}

    record Invalid(TenantId tenant, String id, int kind) implements Action {}

    /** A service and its endpoints on one store: the shared one, or one that holds a single tenant. */
    private record World(CaseService service, CaseEndpoints endpoints) {
        static World on(CaseStore store, TemplateCatalog catalog) {
            catalog.save(caseTypeOf(A));
            catalog.save(caseTypeOf(B));
            Map<TenantId, AtomicInteger> generated = new ConcurrentHashMap<>();
            CaseIdGenerator ids = tenant -> CaseId.of("g" + generated.computeIfAbsent(tenant, t -> new AtomicInteger())
                    .incrementAndGet());
            CaseService service = CaseService.builder(store, catalog).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                    .idGenerator(ids).build();
            return new World(service, CaseEndpoints.of(service));
        }

        /** The whole answer, as the caller gets it. */
        String run(Action action) {
            if (action instanceof Create c) {
                return answer(endpoints.create(c.tenant(), Fixtures.body(createInfo(c))));
            }
            if (action instanceof Modify m) {
                return answer(endpoints.modify(m.tenant(), Fixtures.body(modifyInfo(m))));
            }
            if (action instanceof Read r) {
                return answer(endpoints.read(r.tenant(), r.id()));
            }
            if (action instanceof History h) {
                return answer(endpoints.history(h.tenant(), h.id()));
            }
            if (action instanceof Preview p) {
                return preview(p);
            }
            Invalid i = (Invalid) action;
            return answer(endpoints.modify(i.tenant(), invalidBody(i)));
        }

        private String preview(Preview p) {
            try {
                return "preview " + service.preview(p.tenant(), CaseModification.builder(p.id(), "op1").title(p.title())
                        .description("d").build());
            } catch (CaseValidationException e) {
                return e.kind() + " " + e.violations();
            } catch (CaseException e) {
                return e.kind() + " " + e.getMessage();
            }
        }
    }

    @Property(tries = 300)
    void aTenantGetsTheSameAnswersAsIfItWereAloneInMemory(@ForAll("scripts") List<Action> script) {
        check(script, () -> World.on(new InMemoryCaseStore(), new InMemoryTemplateCatalog()),
                () -> World.on(new InMemoryCaseStore(), new InMemoryTemplateCatalog()),
                () -> World.on(new InMemoryCaseStore(), new InMemoryTemplateCatalog()), TALLY);
    }

    @Property(tries = 100)
    void aTenantGetsTheSameAnswersAsIfItWereAloneInH2(@ForAll("scripts") List<Action> script) {
        check(script, () -> h2World("shared"), () -> h2World("aloneA"), () -> h2World("aloneB"), TALLY);
    }

    /** The property has teeth: a store that lets one tenant find another's case is caught. */
    @Example
    void aStoreThatLeaksAcrossTenantsIsCaught() {
        List<Action> script = List.of(new Create(A, Optional.of("c1"), "t1", "n1"), new Read(B, "c1"));
        Supplier<World> leaky = () -> World.on(new LeakyStore(new InMemoryCaseStore()), new InMemoryTemplateCatalog());
        Supplier<World> sound = () -> World.on(new InMemoryCaseStore(), new InMemoryTemplateCatalog());
        Tally tally = new Tally();
        assertThatThrownBy(() -> check(script, leaky, sound, sound, tally)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Read[tenant=tenantB, id=c1]");
        assertThat(tally.differed).hasValue(1);
    }

    /** Finds a case of the other tenant when the asked one has none: the bug the property is there to catch. */
    private static final class LeakyStore extends ForwardingCaseStore {
        LeakyStore(CaseStore delegate) {
            super(delegate);
        }

        @Override
        public Optional<Case> find(TenantId tenant, CaseId id) {
            return super.find(tenant, id).or(() -> super.find(tenant.equals(A) ? B : A, id));
        }
    }

    @AfterContainer
    static void closeAndReport() {
        H2.values().forEach(TestDatabase::close);
        H2.clear();
        Figures.record("isolation", List.of("scripts run: " + TALLY.scripts.get() + " (" + TALLY.collided.get()
                + " ended with both tenants holding a case of the same id), actions compared: " + TALLY.actions.get()
                + ", answers that differed from the tenant's alone: " + TALLY.differed.get()));
    }

    private static void check(List<Action> script, Supplier<World> sharedWorld, Supplier<World> aloneA,
                              Supplier<World> aloneB, Tally tally) {
        tally.scripts.incrementAndGet();
        World shared = sharedWorld.get();
        Map<TenantId, World> alone = Map.of(A, aloneA.get(), B, aloneB.get());
        for (int i = 0; i < script.size(); i++) {
            Action action = script.get(i);
            String answer = shared.run(action);
            String answerAlone = alone.get(action.tenant()).run(action);
            tally.actions.incrementAndGet();
            if (!answer.equals(answerAlone)) {
                tally.differed.incrementAndGet();
            }
            assertThat(answer).as("step %d, %s", i, action).isEqualTo(answerAlone);
        }
        if (IDS.stream().anyMatch(id -> shared.run(new Read(A, id)).startsWith("0 ")
                && shared.run(new Read(B, id)).startsWith("0 "))) {
            tally.collided.incrementAndGet();
        }
        for (TenantId tenant : List.of(A, B)) {
            for (String id : IDS) {
                for (Action look : List.of(new Read(tenant, id), new History(tenant, id))) {
                    assertThat(shared.run(look)).as("at the end, %s", look).isEqualTo(alone.get(tenant).run(look));
                }
                String read = shared.run(new Read(tenant, id));
                if (read.startsWith("404001")) {
                    // Absent in this tenant, whatever the other has: exactly as an id never used anywhere.
                    assertThat(read).isEqualTo(shared.run(new Read(tenant, NEVER)));
                    assertThat(shared.run(new History(tenant, id))).isEqualTo(shared.run(new History(tenant, NEVER)));
                    Modify modify = new Modify(tenant, id, "t", Optional.empty(), Optional.empty());
                    assertThat(shared.run(modify))
                            .isEqualTo(shared.run(new Modify(tenant, NEVER, "t", Optional.empty(), Optional.empty())));
                    assertThat(shared.run(new Preview(tenant, id, "t")).replace(id, NEVER))
                            .isEqualTo(shared.run(new Preview(tenant, NEVER, "t")));
                }
            }
        }
    }

    private static World h2World(String name) {
        TestDatabase db = H2.computeIfAbsent(name, n -> TestDatabase.open(TestDatabase.H2));
        db.deleteAll();
        return World.on(JdbcCaseStore.create(db.jdbi(), db.options()), JdbcTemplateCatalog.create(db.jdbi(), db.options()));
    }

    @Provide
    Arbitrary<List<Action>> scripts() {
        Arbitrary<TenantId> tenant = Arbitraries.of(A, B);
        Arbitrary<String> id = Arbitraries.of(IDS);
        Arbitrary<String> title = Arbitraries.of("t1", "t2", "it's \"quoted\"", "日本語 🎉");
        Arbitrary<String> notes = Arbitraries.of("n1", "n2", "more than ten bytes");
        Arbitrary<Action> create = Combinators.combine(tenant, Arbitraries.of("c1", "c2", "c3").optional(0.8), title, notes)
                .as(Create::new);
        Arbitrary<Action> modify = Combinators.combine(tenant, id, title, notes.optional(0.6),
                Arbitraries.of(ONLY_A, ONLY_B).optional(0.3)).as(Modify::new);
        Arbitrary<Action> read = Combinators.combine(tenant, id).as(Read::new);
        Arbitrary<Action> history = Combinators.combine(tenant, id).as(History::new);
        Arbitrary<Action> preview = Combinators.combine(tenant, id, title).as(Preview::new);
        Arbitrary<Action> invalid = Combinators.combine(tenant, id, Arbitraries.integers().between(0, 5)).as(Invalid::new);
        Arbitrary<List<Action>> rest = Arbitraries.frequencyOf(
                Tuple.of(3, create), Tuple.of(5, modify), Tuple.of(2, read),
                Tuple.of(2, history), Tuple.of(1, preview), Tuple.of(2, invalid))
                .list().ofMinSize(3).ofMaxSize(40);
        // Every script starts with both tenants creating a case of the same id, in either order.
        Arbitrary<List<Action>> collision = Combinators.combine(title, title, Arbitraries.of(true, false))
                .as((titleA, titleB, aFirst) -> {
                    Action a = new Create(A, Optional.of("c1"), titleA, "n1");
                    Action b = new Create(B, Optional.of("c1"), titleB, "n2");
                    return aFirst ? List.of(a, b) : List.of(b, a);
                });
        return Combinators.combine(collision, rest).as((first, then) -> {
            List<Action> script = new ArrayList<>(first);
            script.addAll(then);
            return script;
        });
    }

    /** Both tenants have a case type of the same id, with a different template each. */
    private static CaseType caseTypeOf(TenantId tenant) {
        List<FieldDefinition> fields = new ArrayList<>();
        if (tenant.equals(A)) {
            fields.add(FieldDefinition.builder(NOTES, FieldType.TEXT).build());
            fields.add(FieldDefinition.builder(ONLY_A, FieldType.PICKLIST).options(List.of("secret-of-a")).build());
        } else {
            fields.add(FieldDefinition.builder(NOTES, FieldType.TEXT).maxBytes(10).build());
            fields.add(FieldDefinition.builder(ONLY_B, FieldType.CHECKBOX).build());
        }
        return new CaseType(tenant, TYPE, "Type of " + tenant.value(), fields);
    }

    private static Map<String, Object> createInfo(Create c) {
        Map<String, Object> info = new LinkedHashMap<>();
        c.id().ifPresent(id -> info.put("id", id));
        info.put("title", c.title());
        info.put("description", "created by " + c.tenant().value());
        info.put("type", TYPE.value());
        info.put("contactId", "contact1");
        info.put("creatorId", "op1");
        info.put(NOTES, c.notes());
        return info;
    }

    private static Map<String, Object> modifyInfo(Modify m) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("id", m.id());
        info.put("title", m.title());
        info.put("description", "modified");
        info.put("creatorId", "op1");
        m.notes().ifPresent(n -> info.put(NOTES, n));
        m.onlyField().ifPresent(f -> info.put(f, f.equals(ONLY_A) ? (Object) "secret-of-a" : Boolean.TRUE));
        return info;
    }

    private static byte[] invalidBody(Invalid i) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("id", i.id());
        info.put("title", "t");
        info.put("description", "d");
        info.put("creatorId", "op1");
        switch (i.kind()) {
            case 0 -> {
                return ("{\"caseInfo\":{\"id\":\"" + i.id() + "\",").getBytes(StandardCharsets.UTF_8);
            }
            case 1 -> info.put("title", "é".repeat(65));
            case 2 -> info.put("id", i.id() + "'--");
            case 3 -> info.put("description", List.of("not", "text"));
            case 4 -> info.put("version", 1);
            default -> info.put(NOTES, 42);
        }
        return Fixtures.body(info);
    }

    private static String answer(EndpointResponse response) {
        return response.resCode().code() + " " + response.bodyText();
    }
}

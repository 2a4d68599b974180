package io.casekit.example.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.example.hostile.FuzzCase.BodyEdit;
import io.casekit.example.hostile.FuzzCase.Edit;
import io.casekit.example.hostile.FuzzField.JsonType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import tools.jackson.databind.JsonNode;

/**
 * A property-based fuzzer over real HTTP into a reference host on each store: valid create and
 * modify requests with their values swapped for other JSON types, keys sent twice, values at and
 * one past every limit, random Unicode (lone surrogates, controls, U+0000, raw or escaped), deep
 * nesting, unknown and read-only keys, other top-level shapes, cut or corrupted bytes, bodies at
 * and past the size limit, and refused headers. Every answer must be a defined {@code resCode}
 * (never {@code 500001}) and the one the product's rules give; a refused request must leave the
 * store as it was; an accepted one must have stored exactly what it sent.
 */
class HostileRequestFuzzTest {
    private static final int TRIES = 500;
    private static final Map<HostileStore, Run> RUNS = new EnumMap<>(HostileStore.class);

    /** The host of one store and the figures of its fuzzing. */
    private static final class Run {
        final HostileHost host;
        final Tally tally;
        final String target;
        final StoreChecks checks;

        Run(HostileStore store) {
            host = HostileHost.start(store);
            tally = new Tally(store, "fuzz");
            target = host.create(HostileCorpusTests.createBody(HostileHost.newCaseId()));
            checks = new StoreChecks(host, tally, target);
        }
    }

    @Property(tries = TRIES)
    @AddLifecycleHook(OnlyRequestedStores.class)
    void on_the_in_memory_store(@ForAll("requests") FuzzCase request) {
        send(HostileStore.MEMORY, request);
    }

    @Property(tries = TRIES)
    @AddLifecycleHook(OnlyRequestedStores.class)
    void on_h2(@ForAll("requests") FuzzCase request) {
        send(HostileStore.H2, request);
    }

    @Property(tries = TRIES)
    @AddLifecycleHook(OnlyRequestedStores.class)
    void on_postgresql(@ForAll("requests") FuzzCase request) {
        send(HostileStore.POSTGRESQL, request);
    }

    @Property(tries = TRIES)
    @AddLifecycleHook(OnlyRequestedStores.class)
    void on_mariadb(@ForAll("requests") FuzzCase request) {
        send(HostileStore.MARIADB, request);
    }

    @AfterContainer
    static void stopHosts() throws Exception {
        for (Run run : RUNS.values()) {
            System.out.println(run.tally.summary("tries=" + run.tally.requests()) + "; slowest in the host's log "
                    + run.host.slowestServerMillis() + " ms");
            run.host.close();
        }
        RUNS.clear();
    }

    private static void send(HostileStore store, FuzzCase request) {
        Run run = RUNS.computeIfAbsent(store, Run::new);
        FuzzCase.Built built = request.build(run.target, HostileHost::newCaseId);
        String input = Json.printable(built.description()) + "\n body: " + Json.preview(built.body());
        run.checks.beforeRequest();

        Answer answer = run.tally.record(run.host.post(built.endpoint(), built.body(), request.transport()), input);

        assertThat(built.expect().matches(answer)).as("%s%n expected %s, got %s", input, built.expect(), answer).isTrue();
        if (!answer.accepted()) {
            run.checks.assertNothingStored(input);
            return;
        }
        JsonNode caseInfo = HostileHost.READER.readTree(built.body()).get("caseInfo");
        if (built.endpoint().equals("case")) {
            run.checks.assertCreateStored(answer, caseInfo, input);
        } else {
            assertThat(caseInfo.get("id").stringValue()).as("%s: accepted for another case", input).isEqualTo(run.target);
            run.checks.assertModifyStored(caseInfo, input);
        }
    }

    /** Skips the properties of a database that {@code casekit.databases} does not list, saying so. */
    static final class OnlyRequestedStores implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            String label = context.label();
            for (HostileStore store : HostileStore.values()) {
                if (label.endsWith(store.key) && !store.requested()) {
                    return SkipResult.skip(store.skipReason());
                }
            }
            return SkipResult.doNotSkip();
        }
    }

    @Provide
    Arbitrary<FuzzCase> requests() {
        Arbitrary<FuzzCase.Seed> seeds = Arbitraries.of(FuzzCase.Seed.class);
        Arbitrary<List<Edit>> edits = Arbitraries.frequencyOf(
                Tuple.of(5, edit().list().ofSize(1)),
                Tuple.of(3, edit().list().ofSize(2)),
                Tuple.of(2, edit().list().ofSize(3)),
                Tuple.of(1, Arbitraries.just(List.<Edit>of())));
        Arbitrary<FuzzCase.Size> sizes = Arbitraries.frequency(
                Tuple.of(94, FuzzCase.Size.AS_WRITTEN), Tuple.of(3, FuzzCase.Size.AT_LIMIT), Tuple.of(3, FuzzCase.Size.PAST_LIMIT));
        Arbitrary<Transport> transports = Arbitraries.frequency(
                Tuple.of(80, Transport.DECLARED_LENGTH), Tuple.of(12, Transport.CHUNKED), Tuple.of(2, Transport.NO_TOKEN),
                Tuple.of(2, Transport.UNKNOWN_TOKEN), Tuple.of(1, Transport.TWO_TOKENS), Tuple.of(2, Transport.TEXT_PLAIN),
                Tuple.of(1, Transport.LATIN1));
        return Combinators.combine(seeds, edits, bodyEdit(), sizes, transports).as(FuzzCase::new);
    }

    private static Arbitrary<Edit> edit() {
        Arbitrary<Integer> keyPick = Arbitraries.integers().between(0, 1000);
        Arbitrary<JsonType> types = Arbitraries.of(JsonType.class);
        // Exactly at and one past the depth limit, or anywhere up to twice it.
        Arbitrary<Integer> depth = Arbitraries.oneOf(Arbitraries.of(VALUE_DEPTH_AT_LIMIT, VALUE_DEPTH_AT_LIMIT + 1),
                Arbitraries.integers().between(1, 2 * FuzzCase.MAX_DEPTH));
        return Arbitraries.frequencyOf(
                Tuple.of(3, Combinators.combine(keyPick, types).as(FuzzCase.SwapType::new)),
                Tuple.of(2, Combinators.combine(keyPick, Arbitraries.of(true, false), Arbitraries.of(true, false))
                        .as(FuzzCase.DuplicateKey::new)),
                Tuple.of(4, Combinators.combine(keyPick, Arbitraries.of(true, false), Arbitraries.integers().between(1, 4))
                        .as(FuzzCase.Boundary::new)),
                Tuple.of(5, Combinators.combine(keyPick, Arbitraries.integers().between(0, 1000)).as(FuzzCase.EdgeValue::new)),
                Tuple.of(6, Combinators.combine(keyPick, text(40), escapes()).as(FuzzCase.RandomText::new)),
                Tuple.of(2, Combinators.combine(text(30), escapes(), types).as(FuzzCase.UnknownKey::new)),
                Tuple.of(1, Arbitraries.of(true, false).map(FuzzCase.LongKey::new)),
                Tuple.of(1, Combinators.combine(Arbitraries.integers().between(0, 100), types).as(FuzzCase.ReadOnlyKey::new)),
                Tuple.of(2, keyPick.map(FuzzCase.Remove::new)),
                Tuple.of(2, Combinators.combine(keyPick, Arbitraries.of(true, false), depth, Arbitraries.of(true, false))
                        .as(FuzzCase.Nest::new)));
    }

    /** The nesting of a value that brings a request exactly to the depth limit: the top level and caseInfo are two. */
    private static final int VALUE_DEPTH_AT_LIMIT = FuzzCase.MAX_DEPTH - 2;

    private static Arbitrary<BodyEdit> bodyEdit() {
        return Arbitraries.frequencyOf(
                Tuple.of(85, Arbitraries.just(new FuzzCase.Unchanged())),
                Tuple.of(4, Arbitraries.doubles().between(0, 1).map(FuzzCase.Truncate::new)),
                Tuple.of(4, Combinators.combine(Arbitraries.integers().between(1, 4), Arbitraries.longs())
                        .as(FuzzCase.FlipBytes::new)),
                Tuple.of(3, Combinators.combine(Arbitraries.integers().between(0, 7), Arbitraries.doubles().between(0, 1))
                        .as(FuzzCase.BadBytes::new)),
                Tuple.of(4, Arbitraries.integers().between(0, 17).map(FuzzCase.Shape::new)));
    }

    private static Arbitrary<Json.Escape> escapes() {
        return Arbitraries.frequency(Tuple.of(6, Json.Escape.STANDARD), Tuple.of(2, Json.Escape.ASCII),
                Tuple.of(1, Json.Escape.RAW_CONTROLS), Tuple.of(1, Json.Escape.RAW_SURROGATES));
    }

    /**
     * Random text of at most {@code maxLength} characters: ASCII, spaces of every kind, C0 and C1
     * controls, lone surrogates, the rest of the BMP, astral characters, noncharacters, bidi
     * overrides, joiners and combining marks; sometimes spaces only.
     */
    private static Arbitrary<String> text(int maxLength) {
        Arbitrary<Integer> character = Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.integers().between(0x20, 0x7E)),
                Tuple.of(2, Arbitraries.of(0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x1680, 0x2007, 0x2028, 0x3000, 0x200B, 0xFEFF)),
                Tuple.of(2, Arbitraries.integers().between(0x00, 0x1F)),
                Tuple.of(1, Arbitraries.of(0x7F, 0x80, 0x85, 0x9F)),
                Tuple.of(1, Arbitraries.integers().between(0xD800, 0xDFFF)),
                Tuple.of(3, Arbitraries.integers().between(0xA1, 0xFFFD).filter(c -> c < 0xD800 || c > 0xDFFF)),
                Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10FFFF)),
                Tuple.of(1, Arbitraries.of(0xFFFE, 0xFFFF, 0xFDD0, 0x202E, 0x0301, 0x200D, 0x1F1E9)));
        Arbitrary<Integer> space = Arbitraries.of(0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x2028, 0x3000);
        return Arbitraries.frequencyOf(
                        Tuple.of(9, character.list().ofMaxSize(maxLength)),
                        Tuple.of(1, space.list().ofMinSize(1).ofMaxSize(4)))
                .map(HostileRequestFuzzTest::fromCodePoints);
    }

    /** The text of these code points; one in the surrogate range stands as that lone char. */
    private static String fromCodePoints(List<Integer> codePoints) {
        StringBuilder text = new StringBuilder();
        for (int cp : codePoints) {
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                text.append((char) cp);
            } else {
                text.appendCodePoint(cp);
            }
        }
        return text.toString();
    }
}

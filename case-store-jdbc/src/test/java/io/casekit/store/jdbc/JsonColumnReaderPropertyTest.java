package io.casekit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.FieldChange;
import io.casekit.core.Value;
import io.casekit.core.WireFormats;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link ValueColumns}' reading on {@link JsonColumnReader} against {@link JacksonValueColumnsOracle},
 * the reading on Jackson it replaced: random columns of every value kind, as Jackson writes them, as
 * PostgreSQL's {@code jsonb} gives them back, and with random whitespace and escapes, read back equal
 * by both; and the same columns after one random edit (or with a key twice), accepted with equal
 * results or refused by both.
 */
class JsonColumnReaderPropertyTest {
    /** What a read answers when it refuses the column. */
    static final String REFUSED = "refused";

    @Property
    void everyRenderingOfExtensionsReadsBackEqualByBoth(
            @ForAll("extensionMaps") Map<String, Value> extensions, @ForAll long seed) {
        Random random = new Random(seed);
        List<String> columns = List.of(ValueColumns.extensions(extensions),
                new Rendering(random, Rendering.JSONB, false).extensions(extensions, -1),
                new Rendering(random, Rendering.RANDOM, true).extensions(extensions, -1));
        for (String column : columns) {
            assertThat(ValueColumns.extensions(column)).as(column).isEqualTo(extensions);
            assertThat(JacksonValueColumnsOracle.extensions(column)).as(column).isEqualTo(extensions);
        }
    }

    @Property
    void everyRenderingOfChangesReadsBackEqualByBoth(@ForAll("changeLists") List<FieldChange> changes, @ForAll long seed) {
        Random random = new Random(seed);
        List<String> columns = List.of(ValueColumns.changes(changes),
                new Rendering(random, Rendering.JSONB, false).changes(changes, -1),
                new Rendering(random, Rendering.RANDOM, true).changes(changes, -1));
        for (String column : columns) {
            assertThat(ValueColumns.changes(column)).as(column).isEqualTo(changes);
            assertThat(JacksonValueColumnsOracle.changes(column)).as(column).isEqualTo(changes);
        }
    }

    @Property
    void anEditedExtensionsColumnIsReadAlikeByBoth(
            @ForAll("extensionMaps") Map<String, Value> extensions, @ForAll long seed) {
        Random random = new Random(seed);
        int duplicate = extensions.isEmpty() || random.nextInt(4) > 0 ? -1 : random.nextInt(extensions.size());
        String column = new Rendering(random, random.nextInt(3), random.nextBoolean()).extensions(extensions, duplicate);
        agreeOnBoth(column);
        for (int i = 0; i < EDITS_PER_COLUMN; i++) {
            agreeOnBoth(edit(column, random));
        }
    }

    @Property
    void anEditedChangesColumnIsReadAlikeByBoth(@ForAll("changeLists") List<FieldChange> changes, @ForAll long seed) {
        Random random = new Random(seed);
        int duplicate = changes.isEmpty() || random.nextInt(4) > 0 ? -1 : random.nextInt(changes.size());
        String column = new Rendering(random, random.nextInt(3), random.nextBoolean()).changes(changes, duplicate);
        agreeOnBoth(column);
        for (int i = 0; i < EDITS_PER_COLUMN; i++) {
            agreeOnBoth(edit(column, random));
        }
    }

    /**
     * Columns longer than 32,768 chars, which Jackson reads from a String in buffers of 4,000 chars: a
     * long text first puts a buffer boundary (at 36,000) at a random place in the other members, so that
     * Jackson's slow paths (a token split between two reads) are compared too.
     */
    @Property(tries = 300)
    void aLongColumnIsReadAlikeByBoth(@ForAll("extensionMaps") Map<String, Value> extensions, @ForAll long seed) {
        Assume.that(!extensions.isEmpty() && !extensions.containsKey(""));
        Random random = new Random(seed);
        String rest = new Rendering(random, Rendering.RANDOM, true).extensions(extensions, -1);
        rest = rest.substring(rest.indexOf('{') + 1);
        String head = "{\"\":\"";
        String padding = "p".repeat(36_000 - head.length() - 2 - random.nextInt(rest.length()));
        String column = head + padding + "\"," + rest;
        Map<String, Value> expected = new TreeMap<>(extensions);
        expected.put("", Value.text(padding));
        assertThat(ValueColumns.extensions(column)).isEqualTo(expected);
        assertThat(JacksonValueColumnsOracle.extensions(column)).isEqualTo(expected);
        for (int i = 0; i < EDITS_PER_COLUMN; i++) {
            String edited = new StringBuilder(head).append(padding).append("\",").append(edit(rest, random)).toString();
            agreeOnBoth(edited);
        }
    }

    /** Both readers accept {@code column} as extensions and as changes with equal results, or both refuse. */
    static void agreeOnBoth(String column) {
        assertThat(outcome(() -> ValueColumns.extensions(column))).as("extensions %s", column)
                .isEqualTo(outcome(() -> JacksonValueColumnsOracle.extensions(column)));
        assertThat(outcome(() -> ValueColumns.changes(column))).as("changes %s", column)
                .isEqualTo(outcome(() -> JacksonValueColumnsOracle.changes(column)));
    }

    /** The result of a read, or {@link #REFUSED}; any other exception fails the test. */
    static Object outcome(Supplier<?> read) {
        try {
            return read.get();
        } catch (MalformedColumnException e) {
            return REFUSED;
        }
    }

    private static final int EDITS_PER_COLUMN = 4;
    private static final String EDITS = "{}[]:,\"\\ tfn0-1eE.";
    private static final String STRUCTURE = "{}[]:,\"\\";
    private static final List<String> SURROGATE_ESCAPES = List.of("\\ud800", "\\uDBFF", "\\udc00", "\\uDFFF");

    /**
     * One random edit: a char deleted, or one of {@link #EDITS}, a control char or an escaped surrogate
     * inserted; half of them next to a structural char, where most edits make a difference.
     */
    static String edit(String column, Random random) {
        int at = random.nextInt(column.length() + 1);
        if (random.nextBoolean()) {
            for (int tries = 0; tries < 8 && at < column.length() && STRUCTURE.indexOf(column.charAt(at)) < 0; tries++) {
                at = random.nextInt(column.length());
            }
            at += at < column.length() && random.nextBoolean() ? 1 : 0;
        }
        StringBuilder edited = new StringBuilder(column);
        int kind = random.nextInt(8);
        if (at < column.length() && kind < 2) {
            return edited.deleteCharAt(at).toString();
        }
        if (kind == 2) {
            return edited.insert(at, SURROGATE_ESCAPES.get(random.nextInt(SURROGATE_ESCAPES.size()))).toString();
        }
        char inserted = kind == 3 ? (char) random.nextInt(0x20) : EDITS.charAt(random.nextInt(EDITS.length()));
        return edited.insert(at, inserted).toString();
    }

    /**
     * The JSON of extensions or changes written by hand: compact, as PostgreSQL's {@code jsonb} spaces
     * it, or with random whitespace between tokens; optionally with random escapes. In a property name
     * a surrogate is escaped only as a whole pair (Jackson refuses a lone escaped one there).
     */
    static final class Rendering {
        static final int COMPACT = 0;
        static final int JSONB = 1;
        static final int RANDOM = 2;
        private static final String WHITESPACE = " \t\n\r";

        private final Random random;
        private final int spacing;
        private final boolean escapes;
        private final StringBuilder out = new StringBuilder();

        Rendering(Random random, int spacing, boolean escapes) {
            this.random = random;
            this.spacing = spacing;
            this.escapes = escapes;
        }

        /** The extensions, in a random order; the member at {@code duplicate} (if not -1) twice. */
        String extensions(Map<String, Value> extensions, int duplicate) {
            List<Map.Entry<String, Value>> members = new ArrayList<>(extensions.entrySet());
            if (duplicate >= 0) {
                members.add(members.get(duplicate));
            }
            Collections.shuffle(members, random);
            space();
            out.append('{');
            for (int i = 0; i < members.size(); i++) {
                comma(i);
                member(members.get(i).getKey(), members.get(i).getValue());
            }
            space();
            out.append('}');
            space();
            return out.toString();
        }

        /** The changes, each with its keys in a random order; one key of the change at {@code duplicate} twice. */
        String changes(List<FieldChange> changes, int duplicate) {
            space();
            out.append('[');
            for (int i = 0; i < changes.size(); i++) {
                comma(i);
                FieldChange change = changes.get(i);
                List<String> keys = new ArrayList<>(List.of("field", "old", "new"));
                if (i == duplicate) {
                    keys.add(keys.get(random.nextInt(3)));
                }
                Collections.shuffle(keys, random);
                space();
                out.append('{');
                for (int k = 0; k < keys.size(); k++) {
                    comma(k);
                    switch (keys.get(k)) {
                        case "field" -> {
                            name("field");
                            space();
                            string(change.field(), false);
                        }
                        case "old" -> optional("old", change.oldValue());
                        default -> optional("new", change.newValue());
                    }
                }
                space();
                out.append('}');
            }
            space();
            out.append(']');
            space();
            return out.toString();
        }

        private void optional(String key, Optional<Value> value) {
            if (value.isPresent()) {
                member(key, value.get());
            } else {
                name(key);
                space();
                out.append("null");
            }
        }

        private void member(String name, Value value) {
            name(name);
            space();
            if (value instanceof Value.Text t) {
                string(t.value(), false);
            } else if (value instanceof Value.Bool b) {
                out.append(b.value());
            } else if (value instanceof Value.TextList l) {
                out.append('[');
                for (int i = 0; i < l.values().size(); i++) {
                    comma(i);
                    space();
                    string(l.values().get(i), false);
                }
                space();
                out.append(']');
            } else if (value instanceof Value.Decimal d) {
                tagged(ValueColumns.DECIMAL, d.value().toString());
            } else if (value instanceof Value.Date d) {
                tagged(ValueColumns.DATE, WireFormats.format(d.value()));
            } else if (value instanceof Value.DateTime d) {
                tagged(ValueColumns.DATE_TIME, WireFormats.format(d.value()));
            }
        }

        private void tagged(String kind, String text) {
            out.append('{');
            name(kind);
            space();
            string(text, false);
            space();
            out.append('}');
        }

        /** Whitespace, a name and its colon (and a jsonb space after it). */
        private void name(String name) {
            space();
            string(name, true);
            space();
            out.append(':');
            if (spacing == JSONB) {
                out.append(' ');
            }
        }

        private void comma(int index) {
            if (index > 0) {
                space();
                out.append(',');
                if (spacing == JSONB) {
                    out.append(' ');
                }
            }
        }

        private void space() {
            if (spacing == RANDOM) {
                for (int n = random.nextInt(4) == 0 ? random.nextInt(4) : 0; n > 0; n--) {
                    out.append(WHITESPACE.charAt(random.nextInt(WHITESPACE.length())));
                }
            }
        }

        private void string(String text, boolean name) {
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (name && pair) {
                    if (escapes && random.nextInt(3) == 0) {
                        unicode(c);
                        unicode(text.charAt(++i));
                    } else {
                        out.append(c).append(text.charAt(++i));
                    }
                } else if (name && Character.isSurrogate(c)) {
                    out.append(c);
                } else {
                    character(c);
                }
            }
            out.append('"');
        }

        private void character(char c) {
            boolean must = c == '"' || c == '\\' || c < ' ';
            if (escapes && (must || random.nextInt(5) == 0) && random.nextBoolean()) {
                unicode(c);
                return;
            }
            String shortForm = switch (c) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\b' -> "\\b";
                case '\f' -> "\\f";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                case '/' -> escapes && random.nextBoolean() ? "\\/" : "/";
                default -> null;
            };
            if (shortForm != null) {
                out.append(shortForm);
            } else if (must) {
                unicode(c);
            } else {
                out.append(c);
            }
        }

        /** {@code \}{@code uXXXX}, each hex digit in a random case. */
        private void unicode(char c) {
            out.append('\\').append('u');
            for (int shift = 12; shift >= 0; shift -= 4) {
                char digit = Character.forDigit(c >> shift & 0xF, 16);
                out.append(random.nextBoolean() ? Character.toUpperCase(digit) : digit);
            }
        }
    }

    /** The writer writes every column char for char as Jackson's generator did (stored rows, H2's LIKE texts). */
    @Property
    void theWriterWritesWhatJacksonWrote(@ForAll("extensionMaps") Map<String, Value> extensions,
                                         @ForAll("changeLists") List<FieldChange> changes) {
        assertThat(ValueColumns.extensions(extensions)).isEqualTo(JacksonValueColumnsOracle.extensionsText(extensions));
        assertThat(ValueColumns.changes(changes)).isEqualTo(JacksonValueColumnsOracle.changesText(changes));
    }

    /** Every char below U+0080, the surrogates' edges and the line separators, alone and among others. */
    @Example
    void theWriterEscapesEachCharAsJacksonDid() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            all.append(c);
            Map<String, Value> one = Map.of(String.valueOf(c), Value.text("a" + c + "b"));
            assertThat(ValueColumns.extensions(one)).as("U+%04X", (int) c)
                    .isEqualTo(JacksonValueColumnsOracle.extensionsText(one));
        }
        all.append("\u2028\u2029\ud800\udbff\udc00\udfff\ud83d\ude00\u00e9\uffff");
        Map<String, Value> every = Map.of(all.toString(), Value.textList(List.of(all.toString(), "")));
        assertThat(ValueColumns.extensions(every)).isEqualTo(JacksonValueColumnsOracle.extensionsText(every));
    }

    @Provide
    Arbitrary<Map<String, Value>> extensionMaps() {
        return ColumnArbitraries.extensionMaps(names(), values());
    }

    @Provide
    Arbitrary<List<FieldChange>> changeLists() {
        return ColumnArbitraries.changeLists(names(), values());
    }

    /** Names as hosts choose them, and any string: control chars, quotes, surrogates, the empty one. */
    private static Arbitrary<String> names() {
        return Arbitraries.oneOf(Arbitraries.strings().withCharRange('0', 'z').ofMinLength(1).ofMaxLength(12),
                anyText());
    }

    /** Any chars (lone surrogates and control chars included), the chars JSON escapes, and any code points. */
    private static Arbitrary<String> anyText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(20),
                Arbitraries.strings().withChars("\"\\/\b\f\n\r\t\u0000\u001f\u007f\u00e9\u2028\ufeff\ud800\udc00 ab")
                        .ofMaxLength(12),
                Arbitraries.integers().between(0, Character.MAX_CODE_POINT).list().ofMaxSize(6)
                        .map(points -> new String(points.stream().mapToInt(Integer::intValue).toArray(), 0, points.size())));
    }

    private static Arbitrary<Value> values() {
        return Arbitraries.oneOf(
                anyText().map(Value::text),
                Arbitraries.of(true, false).map(Value::bool),
                anyText().list().ofMaxSize(4).map(Value::textList),
                Combinators.combine(Arbitraries.bigIntegers().between(BigInteger.TEN.pow(40).negate(), BigInteger.TEN.pow(40)),
                        Arbitraries.integers().between(-400, 400)).as((unscaled, scale) -> Value.decimal(new BigDecimal(unscaled, scale))),
                Arbitraries.oneOf(Arbitraries.longs().between(-800_000, 3_000_000),
                                Arbitraries.longs().between(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay()))
                        .map(day -> Value.date(LocalDate.ofEpochDay(day))),
                Arbitraries.oneOf(Arbitraries.longs().between(-70_000_000_000L, 300_000_000_000L),
                                Arbitraries.longs().between(LocalDateTime.MIN.toEpochSecond(ZoneOffset.UTC),
                                        LocalDateTime.MAX.toEpochSecond(ZoneOffset.UTC)))
                        .map(s -> Value.dateTime(LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.UTC))));
    }
}

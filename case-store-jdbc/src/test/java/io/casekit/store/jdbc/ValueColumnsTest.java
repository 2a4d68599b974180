package io.casekit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casekit.core.FieldChange;
import io.casekit.core.Value;
import io.casekit.core.template.CaseType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.StreamReadConstraints;

class ValueColumnsTest {

    @Property
    void everyExtensionMapReadsBackEqual(@ForAll("extensionMaps") Map<String, Value> extensions) {
        String column = ValueColumns.extensions(extensions);
        assertThat(ValueColumns.extensions(column)).isEqualTo(extensions);
    }

    @Property
    void everyListOfChangesReadsBackEqual(@ForAll("changeLists") @Size(max = 5) List<FieldChange> changes) {
        String column = ValueColumns.changes(changes);
        assertThat(ValueColumns.changes(column)).isEqualTo(changes);
    }

    @Property
    void decimalsKeepTheirScale(@ForAll BigInteger unscaled, @ForAll int scale) {
        BigDecimal value = new BigDecimal(unscaled, scale % 400);
        Value read = ValueColumns.extensions(ValueColumns.extensions(Map.of("n", Value.decimal(value)))).get("n");
        assertThat(((Value.Decimal) read).value()).isEqualTo(value).hasScaleOf(value.scale());
    }

    @Test
    void theJsonIsTheDocumentedOne() {
        Map<String, Value> extensions = new LinkedHashMap<>();
        extensions.put("refund", Value.decimal(new BigDecimal("12.50")));
        extensions.put("tags", Value.textList(List.of("vip")));
        extensions.put("born", Value.date(LocalDate.of(2024, 2, 29)));
        extensions.put("call", Value.dateTime(LocalDateTime.of(2023, 6, 20, 0, 0)));
        extensions.put("ok", Value.bool(true));
        extensions.put("t", Value.text("a\"1\u00e9"));

        assertThat(ValueColumns.extensions(extensions)).isEqualTo("{\"refund\":{\"decimal\":\"12.50\"},"
                + "\"tags\":[\"vip\"],\"born\":{\"date\":\"2024-02-29\"},\"call\":{\"dateTime\":\"2023-06-20 00:00:00\"},"
                + "\"ok\":true,\"t\":\"a\\\"1\u00e9\"}");
        assertThat(ValueColumns.changes(List.of(new FieldChange("title", Optional.empty(), Optional.of(Value.text("x"))))))
                .isEqualTo("[{\"field\":\"title\",\"old\":null,\"new\":\"x\"}]");
        assertThat(ValueColumns.extensions(Map.of())).isEqualTo("{}");
    }

    @Test
    void whatADatabaseGivesBackWithOtherSpacingAndKeyOrderReadsBackEqual() {
        // PostgreSQL's jsonb answers with spaces after ':' and ',' and its own key order.
        String jsonb = "{\"ok\": true, \"tags\": [\"vip\"], \"refund\": {\"decimal\": \"12.50\"}}";
        assertThat(ValueColumns.extensions(jsonb)).isEqualTo(Map.of("ok", Value.bool(true),
                "tags", Value.textList(List.of("vip")), "refund", Value.decimal(new BigDecimal("12.50"))));
        assertThat(ValueColumns.changes("[{\"new\": \"x\", \"old\": null, \"field\": \"title\"}]"))
                .containsExactly(new FieldChange("title", Optional.empty(), Optional.of(Value.text("x"))));
    }

    @Test
    void datesOutsideFourDigitYearsReadBackEqual() {
        Map<String, Value> extensions = Map.of(
                "a", Value.date(LocalDate.of(10_000, 1, 1)),
                "b", Value.date(LocalDate.of(-5, 3, 1)),
                "c", Value.dateTime(LocalDateTime.of(0, 1, 1, 0, 0)),
                "d", Value.dateTime(LocalDateTime.of(123_456, 12, 31, 23, 59, 59)));
        assertThat(ValueColumns.extensions(ValueColumns.extensions(extensions))).isEqualTo(extensions);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{}", "[", "[{}]", "[{\"field\":\"title\",\"old\":null}]",
            "[{\"field\":\"title\",\"old\":null,\"new\":\"x\"}] []",
            "[{\"field\":\"title\",\"old\":\"x\",\"new\":\"x\"}]",
            "[{\"field\":\"title\",\"old\":null,\"new\":\"x\",\"extra\":1}]",
            "[{\"field\":\"title\",\"field\":\"t\",\"old\":null,\"new\":\"x\"}]",
            "[{\"field\":\"title\",\"old\":null,\"old\":\"y\",\"new\":\"x\"}]",
            "[{\"field\":\"title\",\"old\":null,\"new\":\"x\",\"new\":\"z\"}]",
            "[{\"field\":1,\"old\":null,\"new\":\"x\"}]",
            "[{\"field\":\"n\",\"old\":null,\"new\":12.5}]",
            "[{\"field\":\"n\",\"old\":null,\"new\":{\"decimal\":\"abc\"}}]",
            "[{\"field\":\"n\",\"old\":null,\"new\":{\"decimal\":12.5}}]",
            "[{\"field\":\"d\",\"old\":null,\"new\":{\"date\":\"2023-02-29\"}}]",
            "[{\"field\":\"d\",\"old\":null,\"new\":{\"dateTime\":\"2023-06-20T00:00:00\"}}]",
            "[{\"field\":\"d\",\"old\":null,\"new\":{\"time\":\"00:00:00\"}}]",
            "[{\"field\":\"d\",\"old\":null,\"new\":{\"date\":\"2023-02-28\",\"x\":\"y\"}}]",
            "[{\"field\":\"d\",\"old\":null,\"new\":{}}]",
            "[{\"field\":\"l\",\"old\":null,\"new\":[\"a\",1]}]"})
    void malformedChangesAreRefused(String column) {
        assertThatThrownBy(() -> ValueColumns.changes(column)).isInstanceOf(MalformedColumnException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "{\"a\":\"x\",\"a\":\"y\"}", "{\"a\":\"x\",\"b\":true,\"a\":{\"decimal\":\"1\"}}", "{\"a\":null}", "{\"a\":1}", "{} {}",
            "6:refundn5:12.50"})
    void malformedExtensionsAreRefused(String column) {
        assertThatThrownBy(() -> ValueColumns.extensions(column)).isInstanceOf(MalformedColumnException.class);
    }

    /** Each kind of invalid JSON, refused by the reader and by Jackson's, as extensions and as changes. */
    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n",
            // whitespace other than space, tab, LF, CR; a byte order mark
            "{\"a\":true}\f", "\u000b{}", "\u00a0{}", "{}\u0000", "{\"a\":\u2028true}", "\ufeff{}", "{}\ufeff",
            // control chars unescaped in a string or a name
            "{\"a\":\"SECRET\u0001\"}", "{\"a\":\"SECRET\n\"}", "{\"a\t\":true}", "{\"a\":[\"SECRET\u001f\"]}",
            // truncated
            "{", "{\"a\"", "{\"a\":", "{\"a\":\"SECRET", "{\"a\":\"SECRET\"", "{\"a\":\"SECRET\",", "{\"a\":\"\\u00e",
            "{\"a\":\"\\", "{\"a\":[", "{\"a\":[\"x\"", "{\"a\":{\"date\":\"2020-01-01\"", "{\"a\":tr", "[", "[{",
            "[{\"field\":\"f\",\"old\":null,\"new\":\"x\"}", "[{\"field\":\"f\",\"old\":nu",
            // bad literals
            "{\"a\":tru}", "{\"a\":True}", "{\"a\":TRUE}", "{\"a\":truee}", "{\"a\":true1}", "{\"a\":fals}", "{\"a\":falsey}",
            "[{\"field\":\"f\",\"old\":nul,\"new\":\"x\"}]", "[{\"field\":\"f\",\"old\":Null,\"new\":\"x\"}]",
            "[{\"field\":\"f\",\"old\":nulls,\"new\":\"x\"}]", "{\"a\":undefined}", "{\"a\":NaN}",
            // leading, trailing and missing commas, missing colons
            "{,\"a\":true}", "{\"a\":true,}", "{\"a\":[,\"x\"]}", "{\"a\":[\"x\",]}", "{\"a\":[\"x\" \"y\"]}",
            "{\"a\":{\"decimal\":\"1\",}}", "{\"a\":true,,\"b\":true}", "{\"a\":true \"b\":true}", "{\"a\" true}",
            "{\"a\"::true}", "[,{\"field\":\"f\",\"old\":null,\"new\":\"x\"}]", "[{\"field\":\"f\",\"old\":null,\"new\":\"x\"},]",
            "[{\"field\":\"f\",\"old\":null,\"new\":\"x\",}]", "[{\"field\":\"f\",\"old\":null,\"new\":\"x\"}{\"field\":\"g\",\"old\":null,\"new\":\"x\"}]",
            // single quotes, unquoted names, comments
            "{'a':true}", "{\"a\":'SECRET'}", "{a:true}", "{/*c*/\"a\":true}", "{\"a\":true}//c", "{\"a\":true}/*c*/",
            "#c\n{\"a\":true}", "{\"a\":true}#c",
            // escapes JSON does not have, short \\u escapes
            "{\"a\":\"\\x41\"}", "{\"a\":\"\\U00e9\"}", "{\"a\":\"\\u00g9\"}", "{\"a\":\"\\'\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"\\0\"}",
            "{\"a\":\"\\ \"}", "{\"\\x\":true}",
            // an escaped surrogate of a name that is not one of an escaped pair (Jackson refuses it there)
            "{\"\\ud800\":true}", "{\"\\udc00\":true}", "{\"\\ud800\\u0041\":true}", "{\"\\ud800x\":true}", "{\"\\udc00\\ud800\":true}",
            "{\"\\ud800\udc00\":true}", "{\"\ud800" + "\\udc00\":true}", "{\"a\":{\"\\ud800\":\"1\"}}",
            "[{\"\\udc00\":\"f\",\"old\":null,\"new\":\"x\"}]",
            // numbers and nulls where a value must be
            "{\"a\":1}", "{\"a\":-1}", "{\"a\":1.5e3}", "{\"a\":0}", "{\"a\":{\"decimal\":12.5}}", "{\"a\":[\"x\",1]}",
            "{\"a\":null}", "{\"a\":[null]}", "{\"a\":{\"date\":null}}", "[{\"field\":null,\"old\":null,\"new\":\"x\"}]",
            "[{\"field\":\"f\",\"old\":null,\"new\":[\"x\",null]}]", "[1]", "[null]", "[\"SECRET\"]", "[[]]", "{\"a\":[[\"x\"]]}",
            "{\"a\":{\"decimal\":{\"decimal\":\"1\"}}}", "{\"a\":{\"decimal\":[\"1\"]}}",
            // trailing content
            "{} x", "{}{}", "{}]", "{\"a\":true}}", "{}\"SECRET\"", "{} true", "[] []", "[]]", "[],",
            // repeated keys
            "{\"a\":\"x\",\"a\":\"x\"}", "{\"\\u0061\":\"x\",\"a\":\"y\"}", "[{\"field\":\"f\",\"old\":null,\"new\":\"x\",\"old\":null}]"})
    void invalidJsonIsRefusedAsExtensionsAndAsChangesLikeJacksonDid(String column) {
        for (Supplier<?> read : List.<Supplier<?>>of(() -> ValueColumns.extensions(column), () -> ValueColumns.changes(column),
                () -> JacksonValueColumnsOracle.extensions(column), () -> JacksonValueColumnsOracle.changes(column))) {
            assertThatThrownBy(read::get).isInstanceOf(MalformedColumnException.class);
        }
        for (Supplier<?> read : List.<Supplier<?>>of(() -> ValueColumns.extensions(column), () -> ValueColumns.changes(column))) {
            assertThatThrownBy(read::get).satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(120).doesNotContain("SECRET"));
        }
    }

    @Test
    void aNullColumnIsRefused() {
        assertThatThrownBy(() -> ValueColumns.extensions((String) null)).isInstanceOf(MalformedColumnException.class)
                .hasMessage("a JSON column is null");
        assertThatThrownBy(() -> ValueColumns.changes((String) null)).isInstanceOf(MalformedColumnException.class)
                .hasMessage("a JSON column is null");
    }

    @Test
    void everyJsonWhitespaceAndEscapeReadsLikeJacksonDid() {
        String column = " \t\r\n{ \"a\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\u00C9\\ud83c\\uDF89\" \n:\t\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\u00C9\" ,"
                + "\r\"b\":\r[ \"x\" , \"y\" ] , \"c\" : { \"decimal\" : \"1.50\" } ,\"d\":true,\"e\":false,\"f\":[ ] } \n";
        Map<String, Value> expected = Map.of("a\"\\/\b\f\n\r\t\u00e9\u00c9\ud83c\udf89", Value.text("\"\\/\b\f\n\r\t\u00e9\u00c9"),
                "b", Value.textList(List.of("x", "y")), "c", Value.decimal(new BigDecimal("1.50")),
                "d", Value.bool(true), "e", Value.bool(false), "f", Value.textList(List.of()));
        assertThat(ValueColumns.extensions(column)).isEqualTo(expected).isEqualTo(JacksonValueColumnsOracle.extensions(column));
        String changes = " [ { \"new\" : null , \"field\" : \"\\u0066\" , \"old\" : { \"date\" : \"2020-01-31\" } } ,"
                + "{\"field\":\"g\",\"old\":false,\"new\":true}\t]\r\n";
        assertThat(ValueColumns.changes(changes)).isEqualTo(JacksonValueColumnsOracle.changes(changes)).containsExactly(
                new FieldChange("f", Optional.of(Value.date(LocalDate.of(2020, 1, 31))), Optional.empty()),
                new FieldChange("g", Optional.of(Value.bool(false)), Optional.of(Value.bool(true))));
        assertThat(ValueColumns.changes(" [ ] ")).isEmpty();
        assertThat(ValueColumns.extensions("{ }")).isEmpty();
    }

    /** As Jackson did: surrogates are kept as they come in string values, and raw in names. */
    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":\"\\ud800\"}", "{\"a\":\"\\udc00x\"}", "{\"a\":\"\\ud800\\u0041\"}", "{\"a\":\"\\udc00\\ud800\"}",
            "{\"a\":[\"\\ud800\\ud800\\udc00\"]}", "{\"a\":\"\ud800\"}", "{\"\ud800\":true}", "{\"\udc00x\":true}",
            "{\"\\ud800\\udc00\":\"\\uDBFF\\uDFFF\"}", "{\"\ud800\udc00\":true}", "{\"a\":\"\u007f\u0080\ufeff\"}",
            "[{\"field\":\"\\udc00\",\"old\":null,\"new\":\"\\ud800\"}]"})
    void surrogatesAndOtherCharsReadLikeJacksonDid(String column) {
        JsonColumnReaderPropertyTest.agreeOnBoth(column);
        assertThat(JsonColumnReaderPropertyTest.outcome(() -> ValueColumns.extensions(column))
                .equals(JsonColumnReaderPropertyTest.REFUSED)
                && JsonColumnReaderPropertyTest.outcome(() -> ValueColumns.changes(column))
                .equals(JsonColumnReaderPropertyTest.REFUSED)).as("accepted one way").isFalse();
    }

    @Test
    void namesAndStringsAreBoundedAsJacksonBoundsThem() {
        assertThat(JsonColumnReader.MAX_NAME_LENGTH).isEqualTo(StreamReadConstraints.DEFAULT_MAX_NAME_LEN);
        assertThat(JsonColumnReader.MAX_STRING_LENGTH).isEqualTo(StreamReadConstraints.DEFAULT_MAX_STRING_LEN);
        for (String name : List.of("n".repeat(50_000), "\\u006e".repeat(50_000), "n".repeat(50_001), "\\u006e".repeat(50_001))) {
            JsonColumnReaderPropertyTest.agreeOnBoth("{\"" + name + "\":true}");
            JsonColumnReaderPropertyTest.agreeOnBoth("{\"a\":{\"" + name + "\":\"1\"}}");
        }
        assertThat(ValueColumns.extensions("{\"" + "n".repeat(50_000) + "\":true}")).hasSize(1);
        assertThatThrownBy(() -> ValueColumns.extensions("{\"" + "\\u006e".repeat(50_001) + "\":true}"))
                .isInstanceOf(MalformedColumnException.class);
        String longest = "s".repeat(JsonColumnReader.MAX_STRING_LENGTH);
        assertThat(ValueColumns.extensions("{\"a\":\"" + longest + "\"}")).hasSize(1);
        assertThatThrownBy(() -> ValueColumns.extensions("{\"a\":\"" + longest + "s\"}"))
                .isInstanceOf(MalformedColumnException.class);
        assertThatThrownBy(() -> ValueColumns.extensions("{\"a\":\"\\u0073" + longest + "\"}"))
                .isInstanceOf(MalformedColumnException.class);
    }

    @Provide
    Arbitrary<Map<String, Value>> extensionMaps() {
        return ColumnArbitraries.extensionMaps(names(), values());
    }

    @Provide
    Arbitrary<List<FieldChange>> changeLists() {
        return ColumnArbitraries.changeLists(names(), values());
    }

    private static Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange('0', 'z').ofMinLength(1).ofMaxLength(12);
    }

    /** Any string, digits, colons and surrogate pairs included. */
    private static Arbitrary<String> anyText() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars("0123456789:-snldtb🎉").ofMaxLength(20));
    }

    private static Arbitrary<Value> values() {
        return Arbitraries.oneOf(
                anyText().map(Value::text),
                Arbitraries.bigDecimals().ofScale(3).map(Value::decimal),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
                        .map(i -> Value.decimal(new BigDecimal(i, -7))),
                Arbitraries.longs().between(-200_000, 3_000_000).map(d -> Value.date(LocalDate.ofEpochDay(d))),
                Arbitraries.longs().between(-20_000_000_000L, 200_000_000_000L)
                        .map(s -> Value.dateTime(LocalDateTime.ofEpochSecond(s, 0, java.time.ZoneOffset.UTC))),
                Arbitraries.of(true, false).map(Value::bool),
                anyText().list().ofMaxSize(4).map(Value::textList));
    }
}

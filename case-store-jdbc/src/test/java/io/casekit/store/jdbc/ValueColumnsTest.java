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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @Provide
    Arbitrary<Map<String, Value>> extensionMaps() {
        return Arbitraries.maps(names(), values()).ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<FieldChange>> changeLists() {
        Arbitrary<Optional<Value>> optional = values().optional(0.7);
        return Combinators.combine(names(), optional, optional)
                .as((field, before, after) -> before.equals(after)
                        ? new FieldChange(field, Optional.empty(), Optional.of(Value.text("x")))
                        : new FieldChange(field, before, after))
                .list().ofMaxSize(5);
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

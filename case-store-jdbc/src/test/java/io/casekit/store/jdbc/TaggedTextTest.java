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

class TaggedTextTest {

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
    void theEncodingIsTheDocumentedOne() {
        Map<String, Value> extensions = new LinkedHashMap<>();
        extensions.put("refund", Value.decimal(new BigDecimal("12.50")));
        extensions.put("tags", Value.textList(List.of("vip")));
        extensions.put("born", Value.date(LocalDate.of(2024, 2, 29)));
        extensions.put("call", Value.dateTime(LocalDateTime.of(2023, 6, 20, 0, 0)));
        extensions.put("ok", Value.bool(true));
        extensions.put("t", Value.text("a:1"));

        assertThat(ValueColumns.extensions(extensions)).isEqualTo("6:refundn5:12.504:tagsl1:3:vip4:bornd10:2024-02-29"
                + "4:callt19:2023-06-20 00:00:002:okb11:ts3:a:1");
        assertThat(ValueColumns.changes(List.of(new FieldChange("title", Optional.empty(), Optional.of(Value.text("x"))))))
                .isEqualTo("5:title-s1:x");
    }

    @Test
    void datesOutsideFourDigitYearsReadBackEqual() {
        Map<String, Value> extensions = Map.of(
                "a", Value.date(LocalDate.of(10_000, 1, 1)),
                "b", Value.date(LocalDate.of(-5, 3, 1)),
                "c", Value.dateTime(LocalDateTime.of(0, 1, 1, 0, 0)),
                "d", Value.dateTime(LocalDateTime.of(123_456, 12, 31, 23, 59, 59)));
        assertThat(ValueColumns.extensions(ValueColumns.extensions(extensions))).isEqualTo(extensions);
        LocalDateTime far = LocalDateTime.of(10_000, 1, 1, 0, 0);
        assertThat(ValueColumns.dueDate(ValueColumns.dueDate(far))).isEqualTo(far);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5:title", "5:tit", "x:title-s1:x", "5:title-s1:xtrailing", "5:title-q1:x-",
            "5:title-s1:x-s1:x", "5:title--", "9999999999:x", "5:title-b2-", "5:title-n3:abc-",
            "5:title-d10:2023-02-29-", "5:title-t19:2023-06-20T00:00:00-", "5:title-l2:1:a-", ":title"})
    void malformedChangesAreRefused(String column) {
        assertThatThrownBy(() -> ValueColumns.changes(column)).isInstanceOf(TaggedText.MalformedException.class);
    }

    @Test
    void anExtensionStoredTwiceIsRefused() {
        assertThatThrownBy(() -> ValueColumns.extensions("1:as1:x1:as1:y"))
                .isInstanceOf(TaggedText.MalformedException.class);
    }

    @Test
    void templatesReadBackEqualWithUnsetOptionsStillUnset() {
        CaseType complaint = TemplateFixtures.complaint(Fixtures.TENANT);
        String column = TemplateColumns.fields(complaint.fields());
        assertThat(TemplateColumns.fields(column)).isEqualTo(complaint.fields());
        assertThat(TemplateColumns.fields(column).get(3).maxBytes()).isEmpty();
    }

    @Test
    void aTemplateWithAnUnknownFieldTypeIsRefused() {
        String column = TemplateColumns.fields(TemplateFixtures.simple(Fixtures.TENANT, Fixtures.TYPE, "n").fields())
                .replace("4:TEXT", "4:BLOB");
        assertThatThrownBy(() -> TemplateColumns.fields(column)).isInstanceOf(TaggedText.MalformedException.class);
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

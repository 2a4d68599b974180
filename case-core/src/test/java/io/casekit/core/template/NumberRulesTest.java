package io.casekit.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casekit.core.CaseTypeId;
import io.casekit.core.CaseValidationException;
import io.casekit.core.TenantId;
import io.casekit.core.Violation;
import io.casekit.core.ViolationCode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link NumberRules#fits} holds exactly what a SQL {@code DECIMAL(p, s)} holds (issue 12), checked
 * against a model of the column written here independently, and case type definitions accept every
 * {@code DECIMAL(p, s)} and judge {@code min} / {@code max} by the same rule.
 */
public class NumberRulesTest {
    private static final TenantId TENANT = TenantId.of("t1");

    /**
     * The column's rule: written with exactly {@code s} digits after the point without rounding,
     * the digits that remain (the unscaled value) number at most {@code p}.
     */
    public static boolean decimalColumnHolds(BigDecimal value, int p, int s) {
        BigDecimal written;
        try {
            written = value.setScale(s, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException needsRounding) {
            return false;
        }
        return written.unscaledValue().abs().compareTo(BigInteger.TEN.pow(p)) < 0;
    }

    /** A precision, a scale and a value near the edges of that {@code DECIMAL(p, s)}. */
    public record Sample(int precision, int scale, BigDecimal value) {}

    @Provide
    public static Arbitrary<Sample> samples() {
        return Arbitraries.integers().between(1, TemplateDefinitionRules.MAX_PRECISION).flatMap(p ->
                Arbitraries.integers().between(0, p).flatMap(s -> valuesAround(p, s).map(v -> new Sample(p, s, v))));
    }

    /** Values at and around the largest and smallest magnitudes of DECIMAL(p, s), zeros, and random ones. */
    static Arbitrary<BigDecimal> valuesAround(int p, int s) {
        BigDecimal largest = BigDecimal.ONE.scaleByPowerOfTen(p - s).subtract(BigDecimal.ONE.movePointLeft(s));
        BigDecimal step = BigDecimal.ONE.movePointLeft(s);
        List<BigDecimal> edges = new ArrayList<>(List.of(largest, largest.add(step), largest.add(step.movePointLeft(1)),
                step, step.movePointLeft(1), step.multiply(BigDecimal.valueOf(5)).movePointLeft(1),
                BigDecimal.ONE.scaleByPowerOfTen(p - s), new BigDecimal("0.99"), BigDecimal.ONE,
                BigDecimal.ZERO, new BigDecimal("0.000"), new BigDecimal("0E+5"), new BigDecimal("0E-40"),
                new BigDecimal("-0"), new BigDecimal("-0.0")));
        Arbitrary<BigDecimal> edge = Arbitraries.of(edges);
        Arbitrary<BigDecimal> random = Combinators.combine(
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(40).negate(), BigInteger.TEN.pow(40)),
                Arbitraries.integers().between(-45, 45)).as(BigDecimal::new);
        Arbitrary<BigDecimal> base = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, edge), net.jqwik.api.Tuple.of(1, random));
        // Each value also with trailing zeros added (same number, larger scale) and with its sign turned.
        return Combinators.combine(base, Arbitraries.integers().between(0, 3), Arbitraries.of(true, false))
                .as((v, zeros, negate) -> {
                    BigDecimal padded = v.setScale(v.scale() + zeros, RoundingMode.UNNECESSARY);
                    return negate ? padded.negate() : padded;
                });
    }

    @Property(tries = 5000)
    void fits_agrees_with_the_decimal_column(@ForAll("samples") Sample sample) {
        assertThat(NumberRules.fits(sample.value(), sample.precision(), sample.scale()))
                .as("%s in DECIMAL(%d, %d)", sample.value(), sample.precision(), sample.scale())
                .isEqualTo(decimalColumnHolds(sample.value(), sample.precision(), sample.scale()));
    }

    @ParameterizedTest(name = "{0} in DECIMAL({1}, {2}) -> {3}")
    @CsvSource({
            "0, 2, 2, true", "0.0, 2, 2, true", "0E+5, 2, 2, true", "-0, 2, 2, true", "0E-9, 1, 0, true",
            "0.99, 2, 2, true", "-0.99, 2, 2, true", "1, 2, 2, false", "1.00, 2, 2, false", "0.999, 2, 2, false",
            "0.990, 2, 2, true", "0.5, 1, 1, true", "9, 1, 0, true", "10, 1, 0, false", "0.5, 1, 0, false",
            "5.0, 1, 0, true", "5.000, 1, 0, true", "1E+3, 4, 0, true", "1E+4, 4, 0, false",
            "1.500, 3, 2, true", "1.505, 3, 2, false", "999.99, 5, 2, true", "1000.00, 5, 2, false",
            "99999999999999999999999999999999999999, 38, 0, true",
            "100000000000000000000000000000000000000, 38, 0, false",
            "0.99999999999999999999999999999999999999, 38, 38, true",
            "0.000000000000000000000000000000000000001, 38, 38, false",
            "0.000000000000000000000000000000000000010, 38, 38, true",
            "1E-2147483647, 38, 38, false", "1E+2147483647, 38, 0, false",
            // Zeros beyond the scale bound the wire reads numbers with (NumberRules.MAX_SCALE) do not fit.
            "0E-10000, 1, 1, true", "0E+10000, 1, 0, true", "0E-10001, 1, 1, false", "0E+10001, 1, 0, false",
            "0E-2147483647, 1, 1, false", "1.0E-9990, 38, 38, false"})
    void the_edges(String value, int p, int s, boolean holds) {
        assertThat(NumberRules.fits(new BigDecimal(value), p, s)).isEqualTo(holds);
        if (new BigDecimal(value).scale() > -1000 && new BigDecimal(value).scale() < 1000) {
            assertThat(decimalColumnHolds(new BigDecimal(value), p, s)).as("the model").isEqualTo(holds);
        }
    }

    @Test
    void a_precision_or_scale_no_decimal_has_is_an_error_of_the_caller() {
        assertThatThrownBy(() -> NumberRules.fits(BigDecimal.ONE, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NumberRules.fits(BigDecimal.ONE, 2, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NumberRules.fits(BigDecimal.ONE, 2, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static CaseType numberType(int p, int s, BigDecimal min, BigDecimal max) {
        FieldDefinition.Builder field = FieldDefinition.builder("AICC__n__CST", FieldType.NUMBER).precision(p).scale(s);
        if (min != null) {
            field.min(min);
        }
        if (max != null) {
            field.max(max);
        }
        return new CaseType(TENANT, CaseTypeId.of("ct1"), "Numbers", List.of(field.build()));
    }

    @Property(tries = 300)
    void every_decimal_p_s_is_a_valid_definition_with_its_own_extremes_and_zero_as_bounds(
            @ForAll("precisionAndScale") int[] ps) {
        int p = ps[0];
        int s = ps[1];
        BigDecimal largest = BigDecimal.ONE.scaleByPowerOfTen(p - s).subtract(BigDecimal.ONE.movePointLeft(s));
        assertThat(numberType(p, s, largest.negate(), largest).field("AICC__n__CST").orElseThrow().effectiveScale())
                .isEqualTo(s);
        numberType(p, s, BigDecimal.ZERO, largest);
        numberType(p, s, largest.negate(), new BigDecimal("0E+3"));
        numberType(p, s, null, null);
    }

    @Provide
    Arbitrary<int[]> precisionAndScale() {
        return Arbitraries.integers().between(1, TemplateDefinitionRules.MAX_PRECISION)
                .flatMap(p -> Arbitraries.integers().between(0, p).map(s -> new int[] {p, s}))
                .edgeCases(config -> config.add(new int[] {1, 0}).add(new int[] {1, 1}).add(new int[] {38, 38})
                        .add(new int[] {38, 0}));
    }

    @Property(tries = 1000)
    void a_bound_is_accepted_exactly_when_the_column_holds_it(@ForAll("samples") Sample sample) {
        boolean holds = decimalColumnHolds(sample.value(), sample.precision(), sample.scale());
        for (String bound : List.of("min", "max")) {
            BigDecimal min = bound.equals("min") ? sample.value() : null;
            BigDecimal max = bound.equals("max") ? sample.value() : null;
            if (holds) {
                numberType(sample.precision(), sample.scale(), min, max);
            } else {
                CaseValidationException e = org.junit.jupiter.api.Assertions.assertThrows(
                        CaseValidationException.class,
                        () -> numberType(sample.precision(), sample.scale(), min, max));
                assertThat(e.violations()).extracting(Violation::path, Violation::code)
                        .containsExactly(org.assertj.core.api.Assertions.tuple("/fields/0/" + bound,
                                ViolationCode.OUT_OF_RANGE));
            }
        }
    }

    @Test
    void what_was_refused_before_is_accepted() {
        // DECIMAL(2, 2) with min 0: zero did not fit a scale equal to the precision.
        numberType(2, 2, new BigDecimal("0"), new BigDecimal("0.99"));
        numberType(2, 2, new BigDecimal("-0.99"), new BigDecimal("0E+7"));
        numberType(1, 1, new BigDecimal("0"), new BigDecimal("0.9"));
        numberType(5, 2, new BigDecimal("1.500"), new BigDecimal("999.990"));
    }

    @Test
    void a_scale_above_the_default_precision_says_so() {
        CaseValidationException e = org.junit.jupiter.api.Assertions.assertThrows(CaseValidationException.class,
                () -> new CaseType(TENANT, CaseTypeId.of("ct1"), "Numbers", List.of(
                        FieldDefinition.builder("AICC__n__CST", FieldType.NUMBER).scale(19).build())));
        assertThat(e.getMessage()).contains("scale 19 is not between 0 and the precision 18 (the default precision)");
    }
}

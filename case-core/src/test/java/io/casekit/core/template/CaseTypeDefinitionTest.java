package io.casekit.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.casekit.core.CaseTypeId;
import io.casekit.core.CaseValidationException;
import io.casekit.core.TenantId;
import io.casekit.core.Violation;
import io.casekit.core.ViolationCode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A bad template definition is refused when built, with messages naming the type and the field. */
class CaseTypeDefinitionTest {
    private static final TenantId TENANT = TenantId.of("t1");
    private static final CaseTypeId TYPE = CaseTypeId.of("ct1");

    private static CaseValidationException refused(FieldDefinition... fields) {
        return org.junit.jupiter.api.Assertions.assertThrows(CaseValidationException.class,
                () -> new CaseType(TENANT, TYPE, "Complaint", List.of(fields)));
    }

    @Test
    void the_documented_example_is_accepted_with_its_defaults() {
        CaseType type = new CaseType(TENANT, TYPE, "Complaint", List.of(
                FieldDefinition.builder("AICC__severity__CST", FieldType.PICKLIST).required(true)
                        .options(List.of("S1", "S2", "S3")).build(),
                FieldDefinition.builder("AICC__refund__CST", FieldType.NUMBER).precision(12).scale(2)
                        .min(new BigDecimal("0")).max(new BigDecimal("100000")).build(),
                FieldDefinition.builder("AICC__notes__CST", FieldType.TEXT).maxBytes(255).build(),
                FieldDefinition.builder("AICC__tags__CST", FieldType.MULTI_PICKLIST).options(List.of("vip", "legal"))
                        .maxItems(2).build(),
                FieldDefinition.builder("AICC__callback__CST", FieldType.CHECKBOX).build(),
                FieldDefinition.builder("AICC__story__CST", FieldType.TEXTAREA).build()));
        assertThat(type.field("AICC__story__CST").orElseThrow().effectiveMaxBytes()).isEqualTo(32_000);
        assertThat(type.field("AICC__notes__CST").orElseThrow().effectiveMaxBytes()).isEqualTo(255);
        assertThat(type.field("AICC__tags__CST").orElseThrow().effectiveMaxItems()).isEqualTo(2);
        assertThat(type.fieldsByName()).containsOnlyKeys("AICC__severity__CST", "AICC__refund__CST",
                "AICC__notes__CST", "AICC__tags__CST", "AICC__callback__CST", "AICC__story__CST");
    }

    @Test
    void a_duplicate_field_name_is_refused_naming_type_and_field() {
        CaseValidationException e = refused(FieldDefinition.builder("AICC__a__CST", FieldType.TEXT).build(),
                FieldDefinition.builder("AICC__a__CST", FieldType.NUMBER).build());
        assertThat(e.violations()).extracting(Violation::path, Violation::code)
                .containsExactly(tuple("/fields/1/name", ViolationCode.DUPLICATE_ITEM));
        assertThat(e.getMessage()).contains("case type ct1").contains("'AICC__a__CST'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1abc", "_abc", "a-b", "a b", "é", ""})
    void a_bad_field_name_is_refused(String name) {
        assertThat(refused(FieldDefinition.builder(name, FieldType.TEXT).build()).violations())
                .extracting(Violation::code).containsExactly(ViolationCode.INVALID_FORMAT);
    }

    @Test
    void names_of_up_to_63_characters_are_accepted() {
        new CaseType(TENANT, TYPE, "T", List.of(FieldDefinition.builder("a".repeat(63), FieldType.TEXT).build()));
        refused(FieldDefinition.builder("a".repeat(64), FieldType.TEXT).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"title", "id", "type", "version", "creatorId", "createdAt"})
    void a_standard_field_name_can_not_be_an_extension(String name) {
        assertThat(refused(FieldDefinition.builder(name, FieldType.TEXT).build()).violations())
                .extracting(Violation::code).containsExactly(ViolationCode.INVALID_VALUE);
    }

    @Test
    void min_above_max_is_refused() {
        CaseValidationException e = refused(FieldDefinition.builder("AICC__n__CST", FieldType.NUMBER).scale(2)
                .min(new BigDecimal("5")).max(new BigDecimal("1")).build());
        assertThat(e.violations()).extracting(Violation::path).containsExactly("/fields/0/min");
        assertThat(e.getMessage()).contains("min 5 is greater than max 1");
    }

    @Test
    void bounds_must_fit_precision_and_scale() {
        refused(FieldDefinition.builder("AICC__n__CST", FieldType.NUMBER).precision(3).scale(1)
                .max(new BigDecimal("100")).build());
        refused(FieldDefinition.builder("AICC__n__CST", FieldType.NUMBER).precision(3).scale(1)
                .min(new BigDecimal("0.05")).build());
        refused(FieldDefinition.builder("AICC__n__CST", FieldType.NUMBER).precision(3).scale(4).build());
        refused(FieldDefinition.builder("AICC__n__CST", FieldType.NUMBER).precision(0).build());
        refused(FieldDefinition.builder("AICC__n__CST", FieldType.NUMBER).precision(39).build());
    }

    @Test
    void a_picklist_needs_distinct_options() {
        assertThat(refused(FieldDefinition.builder("AICC__p__CST", FieldType.PICKLIST).build()).violations())
                .extracting(Violation::code).containsExactly(ViolationCode.REQUIRED);
        assertThat(refused(FieldDefinition.builder("AICC__p__CST", FieldType.MULTI_PICKLIST)
                .options(List.of("a", "a")).build()).violations())
                .extracting(Violation::code).containsExactly(ViolationCode.DUPLICATE_ITEM);
        assertThat(refused(FieldDefinition.builder("AICC__p__CST", FieldType.PICKLIST)
                .options(List.of("a", "")).build()).violations())
                .extracting(Violation::code).containsExactly(ViolationCode.BLANK);
        assertThat(refused(FieldDefinition.builder("AICC__p__CST", FieldType.PICKLIST)
                .options(List.of("a", "b\u0001")).build()).violations())
                .extracting(Violation::code).containsExactly(ViolationCode.INVALID_VALUE);
    }

    @Test
    void max_items_lies_between_one_and_the_number_of_options() {
        refused(FieldDefinition.builder("AICC__m__CST", FieldType.MULTI_PICKLIST).options(List.of("a", "b"))
                .maxItems(3).build());
        refused(FieldDefinition.builder("AICC__m__CST", FieldType.MULTI_PICKLIST).options(List.of("a", "b"))
                .maxItems(0).build());
    }

    @Test
    void an_option_that_does_not_apply_to_the_type_is_refused() {
        assertThat(refused(FieldDefinition.builder("AICC__c__CST", FieldType.CHECKBOX).maxBytes(3).build(),
                FieldDefinition.builder("AICC__t__CST", FieldType.TEXT).options(List.of("x")).build(),
                FieldDefinition.builder("AICC__d__CST", FieldType.DATE).precision(3).build()).violations())
                .extracting(Violation::path).containsExactly("/fields/0/maxBytes", "/fields/1/options",
                        "/fields/2/precision");
    }

    @Test
    void max_bytes_must_be_positive_and_bounded() {
        refused(FieldDefinition.builder("AICC__t__CST", FieldType.TEXT).maxBytes(0).build());
        refused(FieldDefinition.builder("AICC__t__CST", FieldType.TEXTAREA).maxBytes(2_000_000).build());
    }

    @Test
    void every_problem_is_reported_at_once() {
        CaseValidationException e = org.junit.jupiter.api.Assertions.assertThrows(CaseValidationException.class,
                () -> new CaseType(TENANT, TYPE, " ", List.of(
                        FieldDefinition.builder("bad name", FieldType.TEXT).build(),
                        FieldDefinition.builder("AICC__p__CST", FieldType.PICKLIST).build())));
        assertThat(e.violations()).extracting(Violation::path)
                .containsExactly("/name", "/fields/0/name", "/fields/1/options");
    }

    @Test
    void number_rules_follow_sql_decimal() {
        assertThat(NumberRules.fits(new BigDecimal("999.99"), 5, 2)).isTrue();
        assertThat(NumberRules.fits(new BigDecimal("1000.00"), 5, 2)).isFalse();
        assertThat(NumberRules.fits(new BigDecimal("1.001"), 5, 2)).isFalse();
        assertThat(NumberRules.fits(new BigDecimal("1.50"), 5, 2)).isTrue();
        assertThat(NumberRules.fits(new BigDecimal("1E+3"), 4, 0)).isTrue();
        assertThat(NumberRules.fits(new BigDecimal("1E+4"), 4, 0)).isFalse();
        assertThat(NumberRules.fits(new BigDecimal("0.05"), 1, 1)).isFalse();
        assertThat(NumberRules.fits(new BigDecimal("-0.5"), 1, 1)).isTrue();
        assertThat(NumberRules.fits(new BigDecimal("1E+2147483647"), 38, 0)).isFalse();
        assertThat(NumberRules.fits(new BigDecimal("1E-2147483647"), 38, 38)).isFalse();
    }

    @Test
    void an_invalid_type_id_is_refused_when_built() {
        assertThatThrownBy(() -> CaseTypeId.of("has space")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CaseTypeId.of("x".repeat(21))).isInstanceOf(IllegalArgumentException.class);
    }
}

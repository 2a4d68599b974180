package io.casekit.core.validation;

import static io.casekit.core.Fixtures.SEED_CASE;
import static io.casekit.core.Fixtures.TENANT;
import static io.casekit.core.Fixtures.TYPE;
import static io.casekit.core.Fixtures.modification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.casekit.core.Case;
import io.casekit.core.CaseDraft;
import io.casekit.core.CaseId;
import io.casekit.core.CaseValidationException;
import io.casekit.core.Fixtures;
import io.casekit.core.InputValue;
import io.casekit.core.MapCaseStore;
import io.casekit.core.Value;
import io.casekit.core.Violation;
import io.casekit.core.ViolationCode;
import io.casekit.core.service.CaseService;
import io.casekit.core.template.CaseType;
import io.casekit.core.template.FieldDefinition;
import io.casekit.core.template.FieldType;
import io.casekit.core.template.NumberRulesTest;
import io.casekit.core.template.NumberRulesTest.Sample;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** NUMBER and URL extension values in requests (issue 12): what a DECIMAL and RFC 3986 allow, through the service. */
class NumberAndUrlFieldsTest {
    private static final String NUMBER = "AICC__n__CST";
    private static final String LINK = "AICC__link__CST";

    private MapCaseStore store;
    private CaseService service;

    private void seedCaseWithNumberField(int precision, int scale) {
        store = new MapCaseStore();
        service = Fixtures.service(store);
        store.save(new CaseType(TENANT, TYPE, "Complaint", List.of(
                FieldDefinition.builder("AICC__severity__CST", FieldType.PICKLIST).options(List.of("S1")).build(),
                FieldDefinition.builder(NUMBER, FieldType.NUMBER).precision(precision).scale(scale).build(),
                FieldDefinition.builder(LINK, FieldType.URL).build())));
        service.create(TENANT, Fixtures.seedDraft().build());
    }

    private Case stored() {
        return service.get(TENANT, CaseId.of(SEED_CASE));
    }

    @Provide
    Arbitrary<Sample> samples() {
        return NumberRulesTest.samples();
    }

    @Property(tries = 400)
    void a_number_is_accepted_exactly_when_a_decimal_column_holds_it(@ForAll("samples") Sample sample) {
        seedCaseWithNumberField(sample.precision(), sample.scale());
        Case before = stored();
        var change = modification().set(NUMBER, InputValue.number(sample.value())).build();
        if (NumberRulesTest.decimalColumnHolds(sample.value(), sample.precision(), sample.scale())) {
            service.modify(TENANT, change);
            // Kept as sent: the scale too, never rounded or normalised.
            assertThat(stored().extensions().get(NUMBER)).isEqualTo(Value.decimal(sample.value()));
        } else {
            CaseValidationException e = org.junit.jupiter.api.Assertions.assertThrows(CaseValidationException.class,
                    () -> service.modify(TENANT, change));
            assertThat(e.violations()).extracting(Violation::path, Violation::code)
                    .containsExactly(tuple("/caseInfo/" + NUMBER, ViolationCode.OUT_OF_RANGE));
            assertThat(stored()).isEqualTo(before);
        }
    }

    @ParameterizedTest(name = "{0} in DECIMAL({1}, {2}): {3}")
    @CsvSource(delimiter = '|', value = {
            "1 | 2 | 2 | a number between -1 and 1 (exclusive) with at most 2 digits after the point",
            "0.05 | 1 | 1 | a number between -1 and 1 (exclusive) with at most 1 digit after the point",
            "10 | 1 | 0 | a whole number of at most 1 digit before the point",
            "1000.5 | 5 | 0 | a whole number of at most 5 digits before the point",
            "1000.123 | 5 | 2 | a number of at most 3 digits before the point and 2 after it"})
    void the_range_of_a_refusal_says_what_the_column_holds(String value, int p, int s, String range) {
        seedCaseWithNumberField(p, s);
        CaseValidationException e = org.junit.jupiter.api.Assertions.assertThrows(CaseValidationException.class,
                () -> service.modify(TENANT, modification().set(NUMBER, InputValue.number(new BigDecimal(value))).build()));
        assertThat(e.violations().get(0).params()).containsEntry("range", range);
        assertThat(e.violations().get(0).message()).isEqualTo(NUMBER + " must be " + range);
    }

    @ParameterizedTest(name = "{0} in DECIMAL({1}, {2})")
    @CsvSource({"0, 2, 2", "0E+5, 2, 2", "-0, 2, 2", "0.99, 2, 2", "-0.99, 2, 2", "0.5, 1, 1", "9, 1, 0",
            "5.0, 1, 0", "1.500, 3, 2", "0E-3, 38, 38", "99999999999999999999999999999999999999, 38, 0"})
    void zero_and_the_edges_are_accepted_at_create_and_at_modify(String value, int p, int s) {
        seedCaseWithNumberField(p, s);
        BigDecimal number = new BigDecimal(value);
        service.modify(TENANT, modification().set(NUMBER, InputValue.number(number)).build());
        assertThat(stored().extensions().get(NUMBER)).isEqualTo(Value.decimal(number));
        Case created = service.create(TENANT, CaseDraft.builder(TYPE, "op").title("t").description("d")
                .contactId("c").extension(NUMBER, Value.decimal(number)).build());
        assertThat(created.extensions().get(NUMBER)).isEqualTo(Value.decimal(number));
    }

    @ParameterizedTest(name = "{0} in DECIMAL({1}, {2})")
    @CsvSource({"1, 2, 2", "-1.00, 2, 2", "0.999, 2, 2", "10, 1, 0", "0.5, 1, 0", "1.505, 3, 2", "0.05, 1, 1"})
    void what_a_decimal_does_not_hold_is_out_of_range(String value, int p, int s) {
        seedCaseWithNumberField(p, s);
        CaseValidationException e = org.junit.jupiter.api.Assertions.assertThrows(CaseValidationException.class,
                () -> service.modify(TENANT, modification().set(NUMBER, InputValue.number(new BigDecimal(value)))
                        .build()));
        assertThat(e.violations()).extracting(Violation::code).containsExactly(ViolationCode.OUT_OF_RANGE);
        assertThat(e.violations().get(0).params()).containsEntry("precision", (long) p).containsEntry("scale", (long) s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://my_host/", "http://a~b.example/", "http://%41.example/", "http://a!$&'()*+,;=b/",
            "https://[2001:db8::7]:8443/x?y#z", "http://[v1.fe80::a+en1]/", "http://user:pw@under_score.example:/"})
    void a_url_rfc_3986_allows_is_stored_exactly(String url) {
        seedCaseWithNumberField(18, 0);
        service.modify(TENANT, modification().set(LINK, InputValue.text(url)).build());
        assertThat(stored().extensions().get(LINK)).isEqualTo(Value.text(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http:/x", "ftp://example.com", "http://", "http://:80/", "http://a b/", "http://a/%zz",
            "http://exa[mple/", "https://example.com/café", "httpſ://example.com", "http://[fe80::1%25eth0]/"})
    void a_url_rfc_3986_or_rfc_9110_refuses_is_invalid_format(String url) {
        seedCaseWithNumberField(18, 0);
        Case before = stored();
        CaseValidationException e = org.junit.jupiter.api.Assertions.assertThrows(CaseValidationException.class,
                () -> service.modify(TENANT, modification().set(LINK, InputValue.text(url)).build()));
        assertThat(e.violations()).extracting(Violation::path, Violation::code, Violation::params)
                .containsExactly(tuple("/caseInfo/" + LINK, ViolationCode.INVALID_FORMAT,
                        Map.of("format", HttpUrl.FORMAT)));
        assertThat(stored()).isEqualTo(before);
    }
}

package io.casekit.json;

import static io.casekit.json.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.casekit.core.CaseValidationException;
import io.casekit.core.Value;
import io.casekit.core.Violation;
import io.casekit.core.ViolationCode;
import io.casekit.core.template.CaseType;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12's rules over the wire: blank as Unicode means it, NUMBER as a SQL DECIMAL holds it (in case
 * type documents and in requests), URL by RFC 3986. The document loader has no rules of its own for
 * these; this proves the core's reach it unchanged.
 */
class WireRulesTest {
    private final CaseJson json = CaseJson.create();

    private static String numberType(String number) {
        return "{\"caseTypes\":[{\"tenant\":\"t1\",\"id\":\"ct000000000000000001\",\"name\":\"Complaint\",\"fields\":["
                + "{\"name\":\"AICC__severity__CST\",\"type\":\"PICKLIST\",\"options\":[\"S1\"]},"
                + "{\"name\":\"AICC__n__CST\",\"type\":\"NUMBER\"," + number + "},"
                + "{\"name\":\"AICC__link__CST\",\"type\":\"URL\"}]}]}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"precision\":2,\"scale\":2,\"min\":\"0\",\"max\":\"0.99\"",
            "\"precision\":2,\"scale\":2,\"min\":-0.99,\"max\":0", "\"precision\":1,\"scale\":1,\"min\":\"-0\"",
            "\"precision\":1,\"scale\":0,\"min\":\"0E+5\",\"max\":9", "\"precision\":38,\"scale\":38,\"max\":\"0E-3\"",
            "\"precision\":3,\"scale\":2,\"min\":\"1.500\",\"max\":\"9.990\"", "\"precision\":38,\"scale\":0"})
    void a_document_may_define_any_decimal_with_bounds_it_holds(String number) {
        List<CaseType> types = json.readCaseTypes(utf8(numberType(number)));
        assertThat(json.readCaseTypes(json.writeCaseTypes(types))).isEqualTo(types);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"precision\":2,\"scale\":2,\"max\":\"1\"", "\"precision\":1,\"scale\":0,\"min\":\"0.5\"",
            "\"precision\":3,\"scale\":2,\"max\":\"1.505\""})
    void a_bound_the_decimal_does_not_hold_is_out_of_range(String number) {
        CaseValidationException e = org.junit.jupiter.api.Assertions.assertThrows(CaseValidationException.class,
                () -> json.readCaseTypes(utf8(numberType(number))));
        assertThat(e.violations()).extracting(Violation::code).containsExactly(ViolationCode.OUT_OF_RANGE);
        assertThat(e.violations().get(0).path()).matches("/caseTypes/0/fields/1/(min|max)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u00a0", "\\u200b", "\\ufeff", "\\u3000\\u2060", " "})
    void a_document_with_a_blank_name_or_option_is_refused(String blank) {
        String document = "{\"caseTypes\":[{\"tenant\":\"t1\",\"id\":\"ct1\",\"name\":\"" + blank + "\",\"fields\":["
                + "{\"name\":\"AICC__p__CST\",\"type\":\"PICKLIST\",\"options\":[\"a\",\"" + blank + "\"]}]}]}";
        CaseValidationException e = org.junit.jupiter.api.Assertions.assertThrows(CaseValidationException.class,
                () -> json.readCaseTypes(utf8(document)));
        assertThat(e.violations()).extracting(Violation::path, Violation::code).containsExactly(
                tuple("/caseTypes/0/name", ViolationCode.BLANK),
                tuple("/caseTypes/0/fields/0/options/1", ViolationCode.BLANK));
    }

    private static Fixtures.World worldWith(String number) {
        Fixtures.World world = new Fixtures.World();
        CaseJson.create().readCaseTypes(utf8(numberType(number))).forEach(world.catalog::save);
        world.create("""
                {"caseInfo":{"id":"c6m800000142mS63Voa8","title":"t","description":"d","type":"ct000000000000000001",
                 "contactId":"ciIy0000013w9aru7cDQ","creatorId":"10gg0000013wljxK5XX6"}}""");
        return world;
    }

    private static String modify(String members) {
        return "{\"caseInfo\":{\"id\":\"c6m800000142mS63Voa8\",\"title\":\"t\",\"description\":\"d\","
                + "\"creatorId\":\"10gg0000013wljxK5XX6\"," + members + "}}";
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0|0", "0.0|0.0", "-0|0", "0E+5|0E+5", "0.99|0.99", "-0.99|-0.99",
            "0.990|0.990"})
    void a_request_may_set_zero_and_the_edges_of_decimal_2_2(String sent, String kept) {
        Fixtures.World world = worldWith("\"precision\":2,\"scale\":2");
        EndpointResponse response = world.modify(modify("\"AICC__n__CST\":" + sent));
        assertThat(response.bodyText()).isEqualTo("{\"resCode\":\"0\",\"resMsg\":\"Success\"}");
        assertThat(world.seedCase().extensions().get("AICC__n__CST")).isEqualTo(Value.decimal(new BigDecimal(kept)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "1.00", "0.999", "-1"})
    void a_request_beyond_decimal_2_2_is_out_of_range(String sent) {
        Fixtures.World world = worldWith("\"precision\":2,\"scale\":2");
        EndpointResponse response = world.modify(modify("\"AICC__n__CST\":" + sent));
        assertThat(response.resCode()).isEqualTo(ResCode.VALIDATION_FAILED);
        assertThat(response.bodyText()).contains("\"code\":\"out_of_range\"").contains("/caseInfo/AICC__n__CST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://my_host/", "http://a~b.example/", "http://%41.example/", "http://a!$&'()*+,;=b/",
            "http://[::1]:8080/"})
    void a_request_may_set_a_url_whose_host_rfc_3986_allows(String url) {
        Fixtures.World world = worldWith("\"precision\":2,\"scale\":2");
        EndpointResponse response = world.modify(modify("\"AICC__link__CST\":\"" + url + "\""));
        assertThat(response.bodyText()).isEqualTo("{\"resCode\":\"0\",\"resMsg\":\"Success\"}");
        assertThat(world.seedCase().extensions().get("AICC__link__CST")).isEqualTo(Value.text(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u00a0", "\\u200b", "\\u2007\\u202f", "\\ufeff"})
    void a_title_of_white_space_or_invisible_characters_is_blank_over_the_wire(String blank) {
        Fixtures.World world = new Fixtures.World().withSeedCase();
        EndpointResponse response = world.modify("{\"caseInfo\":{\"id\":\"c6m800000142mS63Voa8\",\"title\":\"" + blank
                + "\",\"description\":\"" + blank + "\",\"creatorId\":\"10gg0000013wljxK5XX6\"}}");
        assertThat(response.resCode()).isEqualTo(ResCode.VALIDATION_FAILED);
        assertThat(response.bodyText())
                .contains("{\"path\":\"/caseInfo/title\",\"code\":\"blank\"")
                .contains("{\"path\":\"/caseInfo/description\",\"code\":\"blank\"");
        assertThat(world.seedCase().title()).isEqualTo("first title");
    }
}

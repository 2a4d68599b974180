package io.casekit.json;

import static io.casekit.json.Fixtures.SEED_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.service.CaseServiceOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every violation code of wire-format §3 reaches the wire, with its path; several are all reported. */
class ViolationCodeTest {
    private static final Pattern ERROR = Pattern.compile("\\{\"path\":\"([^\"]*)\",\"code\":\"([a-z_]+)\"");

    /** A modify of the seed case with these extra members of caseInfo (and the mandatory ones unless overridden). */
    private static String modify(String members) {
        StringBuilder body = new StringBuilder("{\"caseInfo\":{\"id\":\"" + SEED_ID + "\"");
        if (!members.contains("\"title\"")) {
            body.append(",\"title\":\"t\"");
        }
        if (!members.contains("\"description\"")) {
            body.append(",\"description\":\"d\"");
        }
        if (!members.contains("\"creatorId\"")) {
            body.append(",\"creatorId\":\"u1\"");
        }
        if (!members.isEmpty()) {
            body.append(',').append(members);
        }
        return body.append("}}").toString();
    }

    /** The (path, code) pairs of a 400002 body, in order. */
    private static List<String> errors(EndpointResponse response) {
        assertThat(response.resCode()).as(response.bodyText()).isEqualTo(ResCode.VALIDATION_FAILED);
        List<String> found = new ArrayList<>();
        Matcher m = ERROR.matcher(response.bodyText());
        while (m.find()) {
            found.add(m.group(1) + " " + m.group(2));
        }
        return found;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            required           | `"title":null`                                   | /caseInfo/title
            blank              | `"description":"   "`                             | /caseInfo/description
            invalid_characters | `"title":"a\\u0000b"`                            | /caseInfo/title
            invalid_characters | `"title":"lone \\ud800 surrogate"`               | /caseInfo/title
            invalid_format     | `"dueDate":"2023-02-29 00:00:00"`                | /caseInfo/dueDate
            invalid_format     | `"contactPhone":"call me"`                       | /caseInfo/contactPhone
            invalid_value      | `"priority":"low"`                               | /caseInfo/priority
            invalid_value      | `"AICC__severity__CST":"S9"`                     | /caseInfo/AICC__severity__CST
            invalid_type       | `"title":12`                                     | /caseInfo/title
            invalid_type       | `"AICC__callback__CST":"true"`                   | /caseInfo/AICC__callback__CST
            invalid_type       | `"AICC__refund__CST":"12"`                       | /caseInfo/AICC__refund__CST
            invalid_type       | `"AICC__notes__CST":{"a":1}`                     | /caseInfo/AICC__notes__CST
            invalid_type       | `"AICC__tags__CST":[["vip"]]`                    | /caseInfo/AICC__tags__CST/0
            unknown_field      | `"AICC__nope__CST":"x"`                          | /caseInfo/AICC__nope__CST
            unknown_field      | `"a/b~c":"x"`                                    | /caseInfo/a~1b~0c
            read_only          | `"version":3`                                    | /caseInfo/version
            read_only          | `"type":"ct000000000000000001"`                  | /caseInfo/type
            out_of_range       | `"AICC__refund__CST":100000.01`                  | /caseInfo/AICC__refund__CST
            out_of_range       | `"AICC__refund__CST":1e400`                      | /caseInfo/AICC__refund__CST
            out_of_range       | `"AICC__refund__CST":0.001`                      | /caseInfo/AICC__refund__CST
            too_many_items     | `"AICC__tags__CST":["vip","legal","press"]`      | /caseInfo/AICC__tags__CST
            duplicate_item     | `"AICC__tags__CST":["vip","vip"]`                | /caseInfo/AICC__tags__CST/1
            """)
    void each_violation_code_reaches_the_wire_with_its_path(String code, String member, String path) {
        Fixtures.World world = new Fixtures.World().withSeedCase();

        EndpointResponse response = world.modify(modify(member));

        assertThat(errors(response)).contains(path + " " + code);
        assertThat(world.seedCase().version()).isEqualTo(1);
    }

    @Test
    void too_long_counts_utf8_bytes_and_reports_the_figures() {
        Fixtures.World world = new Fixtures.World().withSeedCase();
        String title = "中".repeat(43) + "ab"; // 43 × 3 + 2 = 131 bytes in 45 characters

        EndpointResponse response = world.modify(modify("\"title\":\"" + title + "\""));

        assertThat(response.bodyText()).contains("{\"path\":\"/caseInfo/title\",\"code\":\"too_long\","
                + "\"message\":\"title is 131 bytes, at most 128 allowed\",\"params\":{\"actualBytes\":131,\"maxBytes\":128}}");
    }

    @Test
    void in_past_is_reported_when_the_host_asks_for_future_due_dates() {
        Fixtures.World world = Fixtures.World.withOptions(CaseServiceOptions.defaults().withDueDateNotInPast(true));
        world.withSeedCase();

        EndpointResponse response = world.modify(Fixtures.SEED_REQUEST);

        assertThat(errors(response)).containsExactly("/caseInfo/dueDate in_past");
        assertThat(response.bodyText()).contains("\"params\":{", "\"now\":\"2026-11-27 22:12:31\"");
        assertThat(world.seedCase().version()).isEqualTo(1);
    }

    @Test
    void a_create_without_the_mandatory_fields_reports_each_as_required() {
        Fixtures.World world = new Fixtures.World();

        EndpointResponse response = world.create("{\"caseInfo\":{\"title\":\"t\"}}");

        assertThat(errors(response)).contains("/caseInfo/description required", "/caseInfo/type required",
                "/caseInfo/contactId required", "/caseInfo/creatorId required");
        assertThat(world.memory.size()).isZero();
    }

    @Test
    void several_violations_in_one_request_are_all_reported_in_request_order() {
        Fixtures.World world = new Fixtures.World().withSeedCase();

        EndpointResponse response = world.modify("{\"caseInfo\":{\"id\":\"" + SEED_ID + "\",\"title\":\"   \","
                + "\"description\":42,\"creatorId\":\"u1\",\"priority\":\"urgent\",\"dueDate\":\"2023-06-20T00:00:00\","
                + "\"AICC__refund__CST\":\"12\",\"AICC__tags__CST\":[\"vip\",\"vip\",\"nope\"],\"createdAt\":\"x\","
                + "\"surprise\":true}}");

        assertThat(errors(response)).containsExactly(
                "/caseInfo/title blank",
                "/caseInfo/description invalid_type",
                "/caseInfo/priority invalid_value",
                "/caseInfo/dueDate invalid_format",
                "/caseInfo/AICC__refund__CST invalid_type",
                "/caseInfo/AICC__tags__CST too_many_items",
                "/caseInfo/AICC__tags__CST/1 duplicate_item",
                "/caseInfo/AICC__tags__CST/2 invalid_value",
                "/caseInfo/createdAt read_only",
                "/caseInfo/surprise unknown_field");
        assertThat(world.seedCase().version()).isEqualTo(1);
        assertThat(world.seedHistory()).hasSize(1);
    }

    @Test
    void the_allowed_values_are_listed_in_the_params() {
        Fixtures.World world = new Fixtures.World().withSeedCase();

        EndpointResponse response = world.modify(modify("\"priority\":\"low\""));

        assertThat(response.bodyText()).contains("\"code\":\"invalid_value\"",
                "\"params\":{\"allowed\":[\"Low\",\"Medium\",\"High\",\"Critical\"]}");
    }
}

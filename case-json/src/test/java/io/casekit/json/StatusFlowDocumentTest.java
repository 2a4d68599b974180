package io.casekit.json;

import static io.casekit.json.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.CaseState;
import io.casekit.core.CaseValidationException;
import io.casekit.core.Violation;
import io.casekit.core.ViolationCode;
import io.casekit.core.template.CaseType;
import io.casekit.core.template.FlowStatus;
import io.casekit.core.template.StatusFlow;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The optional {@code statusFlow} of a case type document: read, written back, and every malformed one refused. */
class StatusFlowDocumentTest {
    private final CaseJson json = CaseJson.create();

    private static String withFlow(String flow) {
        return "{\"caseTypes\":[{\"tenant\":\"t1\",\"id\":\"ct1\",\"name\":\"Complaint\",\"fields\":[],\"statusFlow\":"
                + flow + "}]}";
    }

    private List<Violation> problems(String document) {
        try {
            json.readCaseTypes(utf8(document));
        } catch (CaseValidationException e) {
            return e.violations();
        }
        throw new AssertionError("accepted: " + document);
    }

    @Test
    void a_flow_is_read_in_order_with_its_states_and_strict_order() {
        List<CaseType> types = json.readCaseTypes(utf8(withFlow("""
                {"strictOrder":true,"statuses":[{"name":"New","state":"Processing"},
                 {"name":"Waiting for customer","state":"Pending"},{"name":"Solved","state":"Completed"}]}""")));

        assertThat(types).hasSize(1);
        assertThat(types.get(0).statusFlow()).isEqualTo(StatusFlow.of(true,
                new FlowStatus("New", CaseState.PROCESSING), new FlowStatus("Waiting for customer", CaseState.PENDING),
                new FlowStatus("Solved", CaseState.COMPLETED)));
    }

    @Test
    void strict_order_is_off_when_left_out_and_a_type_without_a_flow_has_the_default_one() {
        CaseType withoutStrict = json.readCaseTypes(utf8(withFlow("{\"statuses\":[{\"name\":\"A\",\"state\":\"Pending\"}]}"))).get(0);
        CaseType withoutFlow = json.readCaseTypes(utf8(
                "{\"caseTypes\":[{\"tenant\":\"t1\",\"id\":\"ct1\",\"name\":\"Complaint\",\"fields\":[]}]}")).get(0);

        assertThat(withoutStrict.statusFlow()).isEqualTo(StatusFlow.of(false, new FlowStatus("A", CaseState.PENDING)));
        assertThat(withoutFlow.statusFlow()).isEqualTo(StatusFlow.DEFAULT);
    }

    @Test
    void a_flow_is_written_and_read_back_and_the_default_flow_is_not_written() {
        String document = withFlow("""
                {"strictOrder":true,"statuses":[{"name":"New","state":"Processing"},{"name":"Done","state":"Completed"}]}""");
        List<CaseType> types = json.readCaseTypes(utf8(document));

        String written = new String(json.writeCaseTypes(types), StandardCharsets.UTF_8);

        assertThat(written).isEqualTo("{\"caseTypes\":[{\"tenant\":\"t1\",\"id\":\"ct1\",\"name\":\"Complaint\","
                + "\"fields\":[],\"statusFlow\":{\"strictOrder\":true,\"statuses\":[{\"name\":\"New\",\"state\":\"Processing\"},"
                + "{\"name\":\"Done\",\"state\":\"Completed\"}]}}]}");
        assertThat(json.readCaseTypes(utf8(written))).isEqualTo(types);
        assertThat(new String(json.writeCaseTypes(Fixtures.caseTypes()), StandardCharsets.UTF_8)).doesNotContain("statusFlow");
    }

    @Test
    void a_flow_without_statuses_is_refused_naming_the_type() {
        List<Violation> problems = problems(withFlow("{\"strictOrder\":false,\"statuses\":[]}"));

        assertThat(problems).extracting(Violation::path, Violation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/caseTypes/0/statusFlow/statuses", ViolationCode.REQUIRED));
        assertThat(problems.get(0).message()).contains("case type ct1");
    }

    @Test
    void a_duplicate_status_is_refused_naming_the_type_and_the_status() {
        List<Violation> problems = problems(withFlow("""
                {"statuses":[{"name":"New","state":"Processing"},{"name":"New","state":"Pending"}]}"""));

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).path()).isEqualTo("/caseTypes/0/statusFlow/statuses/1/name");
        assertThat(problems.get(0).code()).isEqualTo(ViolationCode.DUPLICATE_ITEM);
        assertThat(problems.get(0).message()).contains("case type ct1").contains("'New'");
        assertThat(problems.get(0).params()).containsEntry("caseType", "ct1");
    }

    @Test
    void a_cancelled_status_and_a_blank_or_long_name_are_refused_by_the_type_rules() {
        List<Violation> problems = problems(withFlow("{\"statuses\":[{\"name\":\"Dropped\",\"state\":\"Cancelled\"},"
                + "{\"name\":\" \",\"state\":\"Pending\"},{\"name\":\"" + "x".repeat(65) + "\",\"state\":\"Pending\"}]}"));

        assertThat(problems).extracting(Violation::path, Violation::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/caseTypes/0/statusFlow/statuses/0/state", ViolationCode.INVALID_VALUE),
                org.assertj.core.groups.Tuple.tuple("/caseTypes/0/statusFlow/statuses/1/name", ViolationCode.BLANK),
                org.assertj.core.groups.Tuple.tuple("/caseTypes/0/statusFlow/statuses/2/name", ViolationCode.INVALID_VALUE));
        assertThat(problems.get(0).message()).contains("case type ct1").contains("'Dropped'");
    }

    @Test
    void json_faults_of_a_flow_are_each_reported_naming_the_type_and_the_status() {
        List<Violation> problems = problems(withFlow("""
                {"strictOrder":"yes","order":1,"statuses":[{"name":"New","state":"Open"},{"name":7,"state":"Pending"},
                 {"name":"Done","state":"Completed","colour":"green"},"Closed",{"state":"Pending"}]}"""));

        assertThat(problems).extracting(Violation::path, Violation::code).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("/caseTypes/0/statusFlow/order", ViolationCode.UNKNOWN_FIELD),
                org.assertj.core.groups.Tuple.tuple("/caseTypes/0/statusFlow/strictOrder", ViolationCode.INVALID_TYPE),
                org.assertj.core.groups.Tuple.tuple("/caseTypes/0/statusFlow/statuses/0/state", ViolationCode.INVALID_VALUE),
                org.assertj.core.groups.Tuple.tuple("/caseTypes/0/statusFlow/statuses/1/name", ViolationCode.INVALID_TYPE),
                org.assertj.core.groups.Tuple.tuple("/caseTypes/0/statusFlow/statuses/2/colour", ViolationCode.UNKNOWN_FIELD),
                org.assertj.core.groups.Tuple.tuple("/caseTypes/0/statusFlow/statuses/3", ViolationCode.INVALID_TYPE),
                org.assertj.core.groups.Tuple.tuple("/caseTypes/0/statusFlow/statuses/4/name", ViolationCode.REQUIRED));
        Violation state = problems.stream().filter(v -> v.path().endsWith("/0/state")).findFirst().orElseThrow();
        assertThat(state.message()).contains("case type ct1").contains("status 'New'").contains("'Open'");
        assertThat(state.params()).containsEntry("allowed", List.of("Processing", "Pending", "Completed"));
    }

    @Test
    void a_flow_that_is_no_object_or_has_no_statuses_array_is_refused() {
        assertThat(problems(withFlow("[]"))).extracting(Violation::path, Violation::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/caseTypes/0/statusFlow", ViolationCode.INVALID_TYPE));
        assertThat(problems(withFlow("{\"strictOrder\":true}"))).extracting(Violation::path, Violation::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/caseTypes/0/statusFlow/statuses", ViolationCode.REQUIRED));
        assertThat(problems(withFlow("{\"statuses\":{}}"))).extracting(Violation::path, Violation::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/caseTypes/0/statusFlow/statuses", ViolationCode.INVALID_TYPE));
    }
}

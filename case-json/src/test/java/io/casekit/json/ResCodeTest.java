package io.casekit.json;

import io.casekit.store.tck.ForwardingCaseStore;

import static io.casekit.json.Fixtures.SEED_CREATE;
import static io.casekit.json.Fixtures.SEED_ID;
import static io.casekit.json.Fixtures.SEED_REQUEST;
import static io.casekit.json.Fixtures.TENANT;
import static io.casekit.json.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.Case;
import io.casekit.core.CaseConflictException;
import io.casekit.core.CaseId;
import io.casekit.core.HistoryEntry;
import io.casekit.core.StorageUnavailableException;
import io.casekit.core.TenantId;
import io.casekit.core.service.AuthorizationPolicy;
import io.casekit.core.service.AuthorizationRequest;
import io.casekit.core.spi.CaseStore;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Every resCode of wire-format §3, each from the failure that causes it. */
class ResCodeTest {

    @Test
    void malformed_json_is_400001_and_changes_nothing() {
        Fixtures.World world = new Fixtures.World().withSeedCase();

        EndpointResponse response = world.modify("{\"caseInfo\":{\"id\":\"" + SEED_ID + "\",\"title\":}}");

        assertThat(response.httpStatus()).isEqualTo(400);
        assertThat(response.bodyText()).startsWith("{\"resCode\":\"400001\",\"resMsg\":\"Malformed request: not well-formed JSON at line 1, column ");
        assertThat(world.seedCase().version()).isEqualTo(1);
    }

    @Test
    void a_wrong_top_level_shape_is_400001() {
        Fixtures.World world = new Fixtures.World().withSeedCase();

        assertThat(world.modify("[]").bodyText()).isEqualTo("{\"resCode\":\"400001\",\"resMsg\":\"Malformed request: "
                + "the top level must be a JSON object with the single key caseInfo\"}");
        assertThat(world.modify("{}").bodyText()).contains("400001", "the top-level object is empty");
        assertThat(world.modify("{\"id\":\"x\"}").bodyText()).contains("400001", "the single key caseInfo");
        assertThat(world.modify("{\"caseInfo\":[]}").bodyText()).contains("400001", "caseInfo must be a JSON object");
        assertThat(world.modify("{\"caseInfo\":{},\"version\":3}").bodyText()).contains("400001", "not another key");
        assertThat(world.modify("{\"caseInfo\":{}} {}").bodyText()).contains("400001", "data after the end");
        assertThat(world.seedCase().version()).isEqualTo(1);
    }

    @Test
    void a_duplicate_key_is_400001() {
        Fixtures.World world = new Fixtures.World().withSeedCase();

        EndpointResponse response = world.modify("{\"caseInfo\":{\"id\":\"" + SEED_ID
                + "\",\"title\":\"a\",\"title\":\"b\",\"description\":\"d\",\"creatorId\":\"u1\"}}");

        assertThat(response.resCode()).isEqualTo(ResCode.MALFORMED_REQUEST);
        assertThat(response.bodyText()).contains("Duplicate");
        assertThat(world.seedCase().title()).isEqualTo("first title");
    }

    @Test
    void a_validation_failure_is_400002_with_the_violations() {
        Fixtures.World world = new Fixtures.World().withSeedCase();

        EndpointResponse response = world.modify("{\"caseInfo\":{\"id\":\"" + SEED_ID
                + "\",\"title\":\"\",\"description\":\"d\",\"creatorId\":\"u1\"}}");

        assertThat(response.httpStatus()).isEqualTo(400);
        assertThat(response.bodyText()).isEqualTo("{\"resCode\":\"400002\",\"resMsg\":\"Validation failed\",\"errorCount\":1,"
                + "\"errors\":[{\"path\":\"/caseInfo/title\",\"code\":\"blank\",\"message\":\"title must not be blank\",\"params\":{}}]}");
    }

    @Test
    void the_host_codes_have_their_envelopes() {
        assertThat(EndpointResponse.of(ResCode.UNAUTHORIZED).bodyText())
                .isEqualTo("{\"resCode\":\"401001\",\"resMsg\":\"Missing or unknown access token\"}");
        assertThat(EndpointResponse.of(ResCode.UNAUTHORIZED).httpStatus()).isEqualTo(401);
        assertThat(EndpointResponse.of(ResCode.UNSUPPORTED_MEDIA_TYPE).bodyText())
                .isEqualTo("{\"resCode\":\"415001\",\"resMsg\":\"Content-Type must be application/json in UTF-8\"}");
        assertThat(EndpointResponse.of(ResCode.UNSUPPORTED_MEDIA_TYPE).httpStatus()).isEqualTo(415);
    }

    @Test
    void a_refusal_of_the_policy_is_403001_with_its_reason_and_changes_nothing() {
        Fixtures.World world = Fixtures.World.withPolicy(
                request -> request.operation() == AuthorizationRequest.Operation.MODIFY
                        ? AuthorizationPolicy.Decision.refuse("only the owner may change it")
                        : AuthorizationPolicy.Decision.allow());
        world.withSeedCase();

        EndpointResponse response = world.modify(SEED_REQUEST);

        assertThat(response.httpStatus()).isEqualTo(403);
        assertThat(response.bodyText()).isEqualTo(
                "{\"resCode\":\"403001\",\"resMsg\":\"Refused: only the owner may change it\"}");
        assertThat(world.seedCase().version()).isEqualTo(1);
    }

    @Test
    void an_unknown_case_is_404001_for_modify_read_and_history() {
        Fixtures.World world = new Fixtures.World();

        assertThat(world.modify(SEED_REQUEST).bodyText()).isEqualTo("{\"resCode\":\"404001\",\"resMsg\":\"Case not found\"}");
        assertThat(world.endpoints.read(TENANT, SEED_ID).httpStatus()).isEqualTo(404);
        assertThat(world.endpoints.history(TENANT, SEED_ID).resCode()).isEqualTo(ResCode.NOT_FOUND);
        assertThat(world.memory.size()).isZero();
    }

    @Test
    void a_case_of_another_tenant_is_404001() {
        Fixtures.World world = new Fixtures.World().withSeedCase();
        TenantId other = TenantId.of("t2");

        assertThat(world.endpoints.modify(other, utf8(SEED_REQUEST)).resCode()).isEqualTo(ResCode.NOT_FOUND);
        assertThat(world.endpoints.read(other, SEED_ID).resCode()).isEqualTo(ResCode.NOT_FOUND);
        assertThat(world.endpoints.history(other, SEED_ID).resCode()).isEqualTo(ResCode.NOT_FOUND);
        assertThat(world.seedCase().version()).isEqualTo(1);
    }

    @Test
    void a_path_id_that_no_case_can_have_is_404001() {
        Fixtures.World world = new Fixtures.World();

        assertThat(world.endpoints.read(TENANT, "../etc/passwd").bodyText())
                .isEqualTo("{\"resCode\":\"404001\",\"resMsg\":\"Case not found\"}");
        assertThat(world.endpoints.history(TENANT, "x".repeat(21)).resCode()).isEqualTo(ResCode.NOT_FOUND);
        assertThat(world.endpoints.read(TENANT, "").resCode()).isEqualTo(ResCode.NOT_FOUND);
    }

    @Test
    void a_modify_that_kept_losing_the_race_is_409001_saying_so_with_its_reapplies() {
        Fixtures.World world = Fixtures.World.withStore(store -> new ForwardingCaseStore(store) {
            @Override
            public void update(Case updated, long expectedVersion, HistoryEntry entry) {
                throw new CaseConflictException(updated.id(), expectedVersion, expectedVersion + 1);
            }
        });
        world.withSeedCase();

        EndpointResponse response = world.modify(SEED_REQUEST);

        assertThat(response.httpStatus()).isEqualTo(409);
        assertThat(response.bodyText()).isEqualTo("{\"resCode\":\"409001\",\"resMsg\":\"Version conflict\",\"errors\":["
                + "{\"path\":\"/caseInfo/id\",\"code\":\"conflict\",\"message\":\"the case kept changing concurrently; "
                + "gave up after 0 re-applies; the request can be retried\","
                + "\"params\":{\"actualVersion\":2,\"expectedVersion\":1,\"reapplies\":0}}]}");
    }

    @Test
    void a_concurrent_abort_is_409001_with_the_expected_version_only() {
        Fixtures.World world = Fixtures.World.withStore(store -> new ForwardingCaseStore(store) {
            @Override
            public void update(Case updated, long expectedVersion, HistoryEntry entry) {
                throw new CaseConflictException(updated.id(), expectedVersion,
                        new IllegalStateException("ERROR: could not serialize access (SQLState 40001)"));
            }
        });
        world.withSeedCase();

        EndpointResponse response = world.modify(SEED_REQUEST);

        assertThat(response.resCode()).isEqualTo(ResCode.VERSION_CONFLICT);
        assertThat(response.bodyText()).contains("\"params\":{\"expectedVersion\":1,\"reapplies\":0}").doesNotContain("SQLState");
    }

    @Test
    void creating_an_id_the_tenant_has_is_409002() {
        Fixtures.World world = new Fixtures.World().withSeedCase();

        EndpointResponse response = world.create(SEED_CREATE);

        assertThat(response.httpStatus()).isEqualTo(409);
        assertThat(response.bodyText()).isEqualTo("{\"resCode\":\"409002\",\"resMsg\":\"Case already exists\"}");
        assertThat(world.memory.size()).isEqualTo(1);
    }

    @Test
    void a_body_over_the_limit_is_413001() {
        Fixtures.World world = new Fixtures.World().withSeedCase();
        byte[] body = new byte[JsonLimits.DEFAULT_MAX_DOCUMENT_BYTES + 1];
        Arrays.fill(body, (byte) ' ');

        EndpointResponse response = world.endpoints.modify(TENANT, body);

        assertThat(response.httpStatus()).isEqualTo(413);
        assertThat(response.bodyText()).isEqualTo("{\"resCode\":\"413001\",\"resMsg\":\"Request body is 1048577 bytes, "
                + "at most 1048576 allowed\"}");
    }

    @Test
    void the_body_limit_is_configurable_and_a_body_at_the_limit_is_read() {
        Fixtures.World world = new Fixtures.World().withSeedCase();
        byte[] seed = utf8(SEED_REQUEST);
        CaseEndpoints exact = CaseEndpoints.of(world.service, CaseJson.create(JsonLimits.defaults()
                .withMaxDocumentBytes(seed.length)));
        CaseEndpoints smaller = CaseEndpoints.of(world.service, CaseJson.create(JsonLimits.defaults()
                .withMaxDocumentBytes(seed.length - 1)));

        assertThat(smaller.modify(TENANT, seed).resCode()).isEqualTo(ResCode.BODY_TOO_LARGE);
        assertThat(exact.modify(TENANT, seed).resCode()).isEqualTo(ResCode.SUCCESS);
    }

    @Test
    void an_unexpected_failure_is_500001_without_any_detail() {
        Fixtures.World world = Fixtures.World.withStore(store -> new ForwardingCaseStore(store) {
            @Override
            public Optional<Case> find(TenantId tenant, CaseId id) {
                throw new IllegalStateException("SELECT * FROM cases WHERE secret = 'x'");
            }
        });

        for (Supplier<EndpointResponse> call : List.<Supplier<EndpointResponse>>of(
                () -> world.modify(SEED_REQUEST),
                () -> world.endpoints.read(TENANT, SEED_ID))) {
            EndpointResponse response = call.get();
            assertThat(response.httpStatus()).isEqualTo(500);
            assertThat(response.bodyText()).isEqualTo("{\"resCode\":\"500001\",\"resMsg\":\"Internal error\"}");
        }
    }

    @Test
    void an_unavailable_store_is_503001_without_its_detail() {
        Fixtures.World world = Fixtures.World.withStore(store -> new ForwardingCaseStore(store) {
            @Override
            public List<HistoryEntry> history(TenantId tenant, CaseId id) {
                throw new StorageUnavailableException("the case store failed",
                        new IllegalStateException("Connection refused: db.internal:5432"));
            }
        });

        EndpointResponse response = world.endpoints.history(TENANT, SEED_ID);

        assertThat(response.httpStatus()).isEqualTo(503);
        assertThat(response.bodyText()).isEqualTo(
                "{\"resCode\":\"503001\",\"resMsg\":\"Storage unavailable; the request can be retried\"}");
    }

    @Test
    void every_kind_of_the_core_has_a_code_whose_first_digits_are_its_status() {
        for (io.casekit.core.CaseException.Kind kind : io.casekit.core.CaseException.Kind.values()) {
            ResCode code = ResCode.of(kind);
            assertThat(code.code()).startsWith(String.valueOf(code.httpStatus()));
        }
        for (ResCode code : ResCode.values()) {
            if (code != ResCode.SUCCESS) {
                assertThat(code.code()).hasSize(6).startsWith(String.valueOf(code.httpStatus()));
            }
        }
    }
}

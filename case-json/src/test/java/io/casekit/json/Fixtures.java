package io.casekit.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.Case;
import io.casekit.core.CaseId;
import io.casekit.core.HistoryEntry;
import io.casekit.core.TenantId;
import io.casekit.core.service.AuthorizationPolicy;
import io.casekit.core.service.CaseService;
import io.casekit.core.service.CaseServiceOptions;
import io.casekit.core.spi.CaseStore;
import io.casekit.core.template.CaseType;
import io.casekit.store.memory.InMemoryCaseStore;
import io.casekit.store.memory.InMemoryTemplateCatalog;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;

/** A tenant, the case type of wire-format §4 and a service on the in-memory store, for the tests. */
final class Fixtures {
    static final TenantId TENANT = TenantId.of("t1");
    static final String TYPE_ID = "ct000000000000000001";
    static final String SEED_ID = "c6m800000142mS63Voa8";
    static final Instant NOW = Instant.parse("2026-11-27T22:12:31Z");

    /** The seed's example request, verbatim (seed-modify-case.txt). */
    static final String SEED_REQUEST = "{ \"caseInfo\":{ \"id\":\"c6m800000142mS63Voa8\", \"title\":\"testOpenApi11\", "
            + "\"description\":\"test111\", \"dueDate\":\"2023-06-20 00:00:00\", \"ownerId\":\"10gg0000012IpiXMqxzk\", "
            + "\"contactId\":\"ciIy0000013w9aru7cDQ\", \"creatorId\": \"10gg0000013wljxK5XX6\", "
            + "\"contactPhone\": \"15151515152\" } }";

    /**
     * The case type of wire-format §4, with a third tag option so that {@code maxItems} can be
     * exceeded by distinct valid tags.
     */
    static final String TYPE_DOCUMENT = """
            {"caseTypes":[{"tenant":"t1","id":"ct000000000000000001","name":"Complaint","fields":[
              {"name":"AICC__severity__CST","type":"PICKLIST","required":true,"options":["S1","S2","S3"]},
              {"name":"AICC__refund__CST","type":"NUMBER","precision":12,"scale":2,"min":"0","max":"100000"},
              {"name":"AICC__notes__CST","type":"TEXT","maxBytes":255},
              {"name":"AICC__tags__CST","type":"MULTI_PICKLIST","options":["vip","legal","press"],"maxItems":2},
              {"name":"AICC__callback__CST","type":"CHECKBOX"}]}]}
            """;

    /** A create request for the seed's case, as a host importing it would send. */
    static final String SEED_CREATE = """
            {"caseInfo":{"id":"c6m800000142mS63Voa8","title":"first title","description":"first description",
             "type":"ct000000000000000001","contactId":"ciIy0000013w9aru7cDQ","creatorId":"10gg0000013wljxK5XX6",
             "AICC__severity__CST":"S2"}}
            """;

    private Fixtures() {}

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static List<CaseType> caseTypes() {
        return CaseJson.create().readCaseTypes(utf8(TYPE_DOCUMENT));
    }

    /** A service, its store and endpoints; built fresh for each test. */
    static final class World {
        final InMemoryCaseStore memory = new InMemoryCaseStore();
        final InMemoryTemplateCatalog catalog = new InMemoryTemplateCatalog();
        final CaseService service;
        final CaseEndpoints endpoints;

        World() {
            this(b -> b, memory -> memory);
        }

        World(UnaryOperator<CaseService.Builder> configure, UnaryOperator<CaseStore> wrapStore) {
            caseTypes().forEach(catalog::save);
            service = configure.apply(CaseService.builder(wrapStore.apply(memory), catalog)
                    .clock(Clock.fixed(NOW, ZoneOffset.UTC))).build();
            endpoints = CaseEndpoints.of(service);
        }

        static World withPolicy(AuthorizationPolicy policy) {
            return new World(b -> b.policy(policy), s -> s);
        }

        static World withOptions(CaseServiceOptions options) {
            return new World(b -> b.options(options), s -> s);
        }

        static World withStore(UnaryOperator<CaseStore> wrapStore) {
            return new World(b -> b.options(CaseServiceOptions.defaults().withMaxReapplies(0)), wrapStore);
        }

        /** Creates the seed's case through the create endpoint. */
        World withSeedCase() {
            EndpointResponse created = endpoints.create(TENANT, utf8(SEED_CREATE));
            assertThat(created.bodyText()).isEqualTo(
                    "{\"resCode\":\"0\",\"resMsg\":\"Success\",\"result\":{\"caseId\":\"" + SEED_ID + "\"}}");
            return this;
        }

        Case seedCase() {
            return service.get(TENANT, CaseId.of(SEED_ID));
        }

        List<HistoryEntry> seedHistory() {
            return service.history(TENANT, CaseId.of(SEED_ID));
        }

        EndpointResponse modify(String body) {
            return endpoints.modify(TENANT, utf8(body));
        }

        EndpointResponse create(String body) {
            return endpoints.create(TENANT, utf8(body));
        }
    }
}

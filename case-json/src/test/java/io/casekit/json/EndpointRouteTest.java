package io.casekit.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The routing rule of every host (moved from case-example's Route, with its tests). */
class EndpointRouteTest {
    private static final String BASE = EndpointRoute.BASE_PATH;

    @Test
    void theFiveEndpoints() {
        assertThat(EndpointRoute.of("POST", BASE + "case")).isEqualTo(new EndpointRoute.Create());
        assertThat(EndpointRoute.of("POST", BASE + "case/list")).isEqualTo(new EndpointRoute.List());
        assertThat(EndpointRoute.of("POST", BASE + "case/modify")).isEqualTo(new EndpointRoute.Modify());
        assertThat(EndpointRoute.of("GET", BASE + "case/c6m800000142mS63Voa8")).isEqualTo(new EndpointRoute.Read("c6m800000142mS63Voa8"));
        assertThat(EndpointRoute.of("GET", BASE + "case/c6m800000142mS63Voa8/history"))
                .isEqualTo(new EndpointRoute.History("c6m800000142mS63Voa8"));
        assertThat(EndpointRoute.of("GET", BASE + "case/modify")).isEqualTo(new EndpointRoute.Read("modify"));
        assertThat(EndpointRoute.of("GET", BASE + "case/modify/history")).isEqualTo(new EndpointRoute.History("modify"));
    }

    @Test
    void theLifecycleCallsTakeOnlyPostAndTheStatisticsOnlyGet() {
        for (EndpointRoute.Call call : EndpointRoute.Call.values()) {
            assertThat(EndpointRoute.of("POST", BASE + call.path())).as(call.path()).isEqualTo(new EndpointRoute.Lifecycle(call));
            assertThat(new EndpointRoute.Lifecycle(call).takesBody()).isTrue();
            for (String method : new String[] {"GET", "HEAD", "PUT", "DELETE", "post"}) {
                assertThat(EndpointRoute.of(method, BASE + call.path())).as(method + " " + call.path())
                        .isEqualTo(new EndpointRoute.WrongMethod("POST"));
            }
        }
        assertThat(EndpointRoute.of("POST", BASE + "status/update")).isEqualTo(new EndpointRoute.Lifecycle(EndpointRoute.Call.STATUS_UPDATE));
        assertThat(EndpointRoute.of("POST", BASE + "close")).isEqualTo(new EndpointRoute.Lifecycle(EndpointRoute.Call.CLOSE));
        assertThat(EndpointRoute.of("POST", BASE + "case/cancel")).isEqualTo(new EndpointRoute.Lifecycle(EndpointRoute.Call.CANCEL));
        assertThat(EndpointRoute.of("POST", BASE + "case/transfer")).isEqualTo(new EndpointRoute.Lifecycle(EndpointRoute.Call.TRANSFER));
        assertThat(EndpointRoute.of("POST", BASE + "case/resume")).isEqualTo(new EndpointRoute.Lifecycle(EndpointRoute.Call.RESUME));
        assertThat(EndpointRoute.of("POST", BASE + "case/reopen")).isEqualTo(new EndpointRoute.Lifecycle(EndpointRoute.Call.REOPEN));
        assertThat(EndpointRoute.of("POST", BASE + "case/erase")).isEqualTo(new EndpointRoute.Lifecycle(EndpointRoute.Call.ERASE));
        assertThat(EndpointRoute.of("GET", BASE + "statistics/case/current")).isEqualTo(new EndpointRoute.Statistics());
        assertThat(new EndpointRoute.Statistics().takesBody()).isFalse();
        assertThat(EndpointRoute.of("POST", BASE + "statistics/case/current")).isEqualTo(new EndpointRoute.WrongMethod("GET"));
        // The history of a case named like a call still reads; nothing else under those paths routes.
        assertThat(EndpointRoute.of("GET", BASE + "case/cancel/history")).isEqualTo(new EndpointRoute.History("cancel"));
        for (String path : new String[] {"status", "status/update/x", "close/x", "statistics", "statistics/case",
                "statistics/case/report", "statistics/case/current/x", "status//update"}) {
            assertThat(EndpointRoute.of("POST", BASE + path)).as(path).isEqualTo(new EndpointRoute.NoSuchEndpoint());
            assertThat(EndpointRoute.of("GET", BASE + path)).as(path).isEqualTo(new EndpointRoute.NoSuchEndpoint());
        }
    }

    @Test
    void onlyCreateModifyAndListTakeABody() {
        assertThat(new EndpointRoute.Create().takesBody()).isTrue();
        assertThat(new EndpointRoute.List().takesBody()).isTrue();
        assertThat(new EndpointRoute.Modify().takesBody()).isTrue();
        assertThat(new EndpointRoute.Read("x").takesBody()).isFalse();
        assertThat(new EndpointRoute.History("x").takesBody()).isFalse();
    }

    @Test
    void aKnownPathWithAnotherMethodSaysWhichItTakes() {
        assertThat(EndpointRoute.of("GET", BASE + "case")).isEqualTo(new EndpointRoute.WrongMethod("POST"));
        assertThat(EndpointRoute.of("PUT", BASE + "case/modify")).isEqualTo(new EndpointRoute.WrongMethod("GET, POST"));
        assertThat(EndpointRoute.of("POST", BASE + "case/x")).isEqualTo(new EndpointRoute.WrongMethod("GET"));
        assertThat(EndpointRoute.of("DELETE", BASE + "case/x/history")).isEqualTo(new EndpointRoute.WrongMethod("GET"));
        assertThat(EndpointRoute.of("get", BASE + "case/x")).isEqualTo(new EndpointRoute.WrongMethod("GET"));
    }

    @Test
    void caseListTakesOnlyPostAndIsNeverReadAsACaseNamedList() {
        for (String method : new String[] {"GET", "HEAD", "PUT", "DELETE", "PATCH", "post"}) {
            assertThat(EndpointRoute.of(method, BASE + "case/list")).as(method).isEqualTo(new EndpointRoute.WrongMethod("POST"));
        }
        assertThat(EndpointRoute.of("GET", BASE + "case/list/history")).isEqualTo(new EndpointRoute.History("list"));
        assertThat(EndpointRoute.of("POST", BASE + "case/list/x")).isEqualTo(new EndpointRoute.NoSuchEndpoint());
        assertThat(EndpointRoute.of("POST", BASE + "case/lists")).isEqualTo(new EndpointRoute.WrongMethod("GET"));
    }

    @Test
    void anyOtherPathIsNoEndpoint() {
        for (String path : new String[] {"", "/", BASE, BASE + "cases", BASE + "case/", BASE + "case//history",
                BASE + "case/x/", BASE + "case/x/history/", BASE + "case/x/y", BASE + "case/x/history/y",
                "/service/AICC__Case/1.0.0/openapi", "/service/aicc__case/1.0.0/openapi/case", "/x" + BASE + "case"}) {
            assertThat(EndpointRoute.of("GET", path)).as(path).isEqualTo(new EndpointRoute.NoSuchEndpoint());
        }
    }

    @Test
    void theHostAnswersAreTheEnvelopeWithTheHostsOwnCodes() {
        assertThat(new String(new EndpointRoute.NoSuchEndpoint().body(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("{\"resCode\":\"404000\",\"resMsg\":\"No such endpoint\"}");
        assertThat(new String(new EndpointRoute.WrongMethod("GET").body(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("{\"resCode\":\"405000\",\"resMsg\":\"Method not allowed\"}");
        assertThat(EndpointRoute.NoSuchEndpoint.HTTP_STATUS).isEqualTo(404);
        assertThat(EndpointRoute.WrongMethod.HTTP_STATUS).isEqualTo(405);
        assertThat(new EndpointRoute.NoSuchEndpoint().isEndpoint()).isFalse();
        assertThat(new EndpointRoute.WrongMethod("GET").isEndpoint()).isFalse();
        assertThat(new EndpointRoute.Read("x").isEndpoint()).isTrue();
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedWithTheLengthAndTheLimit() {
        CaseEndpoints endpoints = CaseEndpoints.of(new Fixtures.World().service,
                CaseJson.create(JsonLimits.defaults().withMaxDocumentBytes(100)));

        assertThat(endpoints.refuseDeclaredLength(100)).isEmpty();
        assertThat(endpoints.refuseDeclaredLength(0)).isEmpty();
        EndpointResponse refused = endpoints.refuseDeclaredLength(101).orElseThrow();
        assertThat(refused.httpStatus()).isEqualTo(413);
        assertThat(refused.bodyText())
                .isEqualTo("{\"resCode\":\"413001\",\"resMsg\":\"Request body is 101 bytes, at most 100 allowed\"}");
        // The same answer as the same body read whole.
        assertThat(refused.bodyText()).isEqualTo(endpoints.modify(Fixtures.TENANT, new byte[101]).bodyText());
    }
}

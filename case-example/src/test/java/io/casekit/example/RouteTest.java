package io.casekit.example;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouteTest {
    private static final String BASE = Route.BASE_PATH;

    @Test
    void theFiveEndpoints() {
        assertThat(Route.of("POST", BASE + "case")).isEqualTo(new Route.Create());
        assertThat(Route.of("POST", BASE + "case/list")).isEqualTo(new Route.List());
        assertThat(Route.of("POST", BASE + "case/modify")).isEqualTo(new Route.Modify());
        assertThat(Route.of("GET", BASE + "case/c6m800000142mS63Voa8")).isEqualTo(new Route.Read("c6m800000142mS63Voa8"));
        assertThat(Route.of("GET", BASE + "case/c6m800000142mS63Voa8/history"))
                .isEqualTo(new Route.History("c6m800000142mS63Voa8"));
        assertThat(Route.of("GET", BASE + "case/modify")).isEqualTo(new Route.Read("modify"));
        assertThat(Route.of("GET", BASE + "case/modify/history")).isEqualTo(new Route.History("modify"));
    }

    @Test
    void theLifecycleCallsTakeOnlyPostAndTheStatisticsOnlyGet() {
        for (Route.Call call : Route.Call.values()) {
            assertThat(Route.of("POST", BASE + call.path())).as(call.path()).isEqualTo(new Route.Lifecycle(call));
            assertThat(new Route.Lifecycle(call).takesBody()).isTrue();
            for (String method : new String[] {"GET", "HEAD", "PUT", "DELETE", "post"}) {
                assertThat(Route.of(method, BASE + call.path())).as(method + " " + call.path())
                        .isEqualTo(new Route.WrongMethod("POST"));
            }
        }
        assertThat(Route.of("POST", BASE + "status/update")).isEqualTo(new Route.Lifecycle(Route.Call.STATUS_UPDATE));
        assertThat(Route.of("POST", BASE + "close")).isEqualTo(new Route.Lifecycle(Route.Call.CLOSE));
        assertThat(Route.of("POST", BASE + "case/cancel")).isEqualTo(new Route.Lifecycle(Route.Call.CANCEL));
        assertThat(Route.of("POST", BASE + "case/transfer")).isEqualTo(new Route.Lifecycle(Route.Call.TRANSFER));
        assertThat(Route.of("POST", BASE + "case/resume")).isEqualTo(new Route.Lifecycle(Route.Call.RESUME));
        assertThat(Route.of("POST", BASE + "case/reopen")).isEqualTo(new Route.Lifecycle(Route.Call.REOPEN));
        assertThat(Route.of("POST", BASE + "case/erase")).isEqualTo(new Route.Lifecycle(Route.Call.ERASE));
        assertThat(Route.of("GET", BASE + "statistics/case/current")).isEqualTo(new Route.Statistics());
        assertThat(new Route.Statistics().takesBody()).isFalse();
        assertThat(Route.of("POST", BASE + "statistics/case/current")).isEqualTo(new Route.WrongMethod("GET"));
        // The history of a case named like a call still reads; nothing else under those paths routes.
        assertThat(Route.of("GET", BASE + "case/cancel/history")).isEqualTo(new Route.History("cancel"));
        for (String path : new String[] {"status", "status/update/x", "close/x", "statistics", "statistics/case",
                "statistics/case/report", "statistics/case/current/x", "status//update"}) {
            assertThat(Route.of("POST", BASE + path)).as(path).isEqualTo(new Route.NoSuchEndpoint());
            assertThat(Route.of("GET", BASE + path)).as(path).isEqualTo(new Route.NoSuchEndpoint());
        }
    }

    @Test
    void onlyCreateModifyAndListTakeABody() {
        assertThat(new Route.Create().takesBody()).isTrue();
        assertThat(new Route.List().takesBody()).isTrue();
        assertThat(new Route.Modify().takesBody()).isTrue();
        assertThat(new Route.Read("x").takesBody()).isFalse();
        assertThat(new Route.History("x").takesBody()).isFalse();
    }

    @Test
    void aKnownPathWithAnotherMethodSaysWhichItTakes() {
        assertThat(Route.of("GET", BASE + "case")).isEqualTo(new Route.WrongMethod("POST"));
        assertThat(Route.of("PUT", BASE + "case/modify")).isEqualTo(new Route.WrongMethod("GET, POST"));
        assertThat(Route.of("POST", BASE + "case/x")).isEqualTo(new Route.WrongMethod("GET"));
        assertThat(Route.of("DELETE", BASE + "case/x/history")).isEqualTo(new Route.WrongMethod("GET"));
        assertThat(Route.of("get", BASE + "case/x")).isEqualTo(new Route.WrongMethod("GET"));
    }

    @Test
    void caseListTakesOnlyPostAndIsNeverReadAsACaseNamedList() {
        for (String method : new String[] {"GET", "HEAD", "PUT", "DELETE", "PATCH", "post"}) {
            assertThat(Route.of(method, BASE + "case/list")).as(method).isEqualTo(new Route.WrongMethod("POST"));
        }
        assertThat(Route.of("GET", BASE + "case/list/history")).isEqualTo(new Route.History("list"));
        assertThat(Route.of("POST", BASE + "case/list/x")).isEqualTo(new Route.NoSuchEndpoint());
        assertThat(Route.of("POST", BASE + "case/lists")).isEqualTo(new Route.WrongMethod("GET"));
    }

    @Test
    void theOpenApiDocumentIsGetBesideTheBasePathAndTakesNoBody() {
        assertThat(Route.of("GET", "/service/AICC__Case/1.0.0/openapi.json")).isEqualTo(new Route.OpenApi());
        assertThat(new Route.OpenApi().takesBody()).isFalse();
        for (String method : new String[] {"POST", "HEAD", "PUT", "DELETE", "get"}) {
            assertThat(Route.of(method, "/service/AICC__Case/1.0.0/openapi.json")).as(method).isEqualTo(new Route.WrongMethod("GET"));
        }
        for (String path : new String[] {BASE + "openapi.json", "/service/AICC__Case/1.0.0/openapi.json/",
                "/service/AICC__Case/1.0.0/openapi.yaml", "/openapi.json"}) {
            assertThat(Route.of("GET", path)).as(path).isEqualTo(new Route.NoSuchEndpoint());
        }
    }

    @Test
    void anyOtherPathIsNoEndpoint() {
        for (String path : new String[] {"", "/", BASE, BASE + "cases", BASE + "case/", BASE + "case//history",
                BASE + "case/x/", BASE + "case/x/history/", BASE + "case/x/y", BASE + "case/x/history/y",
                "/service/AICC__Case/1.0.0/openapi", "/service/aicc__case/1.0.0/openapi/case", "/x" + BASE + "case"}) {
            assertThat(Route.of("GET", path)).as(path).isEqualTo(new Route.NoSuchEndpoint());
        }
    }
}

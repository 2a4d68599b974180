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
    void anyOtherPathIsNoEndpoint() {
        for (String path : new String[] {"", "/", BASE, BASE + "cases", BASE + "case/", BASE + "case//history",
                BASE + "case/x/", BASE + "case/x/history/", BASE + "case/x/y", BASE + "case/x/history/y",
                "/service/AICC__Case/1.0.0/openapi", "/service/aicc__case/1.0.0/openapi/case", "/x" + BASE + "case"}) {
            assertThat(Route.of("GET", path)).as(path).isEqualTo(new Route.NoSuchEndpoint());
        }
    }
}

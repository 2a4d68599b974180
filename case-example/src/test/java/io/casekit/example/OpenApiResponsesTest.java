package io.casekit.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.service.CaseService;
import io.casekit.json.EndpointRoute;
import io.casekit.json.OpenApiConformance;
import java.io.IOException;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The reference host's real answers checked against case-json's OpenAPI document
 * ({@link OpenApiConformance}: every endpoint's success and errors), and the document's operations
 * are exactly the host's routes.
 */
class OpenApiResponsesTest extends OpenApiConformance {

    @Override
    protected Host start(CaseService service) throws IOException {
        LoopbackHost host = new LoopbackHost(service);
        return new Host() {
            @Override
            public URI base() {
                return host.uri("");
            }

            @Override
            public String token() {
                return host.token;
            }

            @Override
            public void close() {
                host.close();
            }
        };
    }

    @Test
    void theDocumentsOperationsAreExactlyTheRoutesOfTheHost() {
        Set<Class<?>> routed = new HashSet<>();
        Set<EndpointRoute.Call> calls = new HashSet<>();
        DOCUMENT.path("paths").properties().forEach(entry -> {
            String path = fullPath(entry.getKey(), entry.getValue()).replace("{id}", "c6m800000142mS63Voa8");
            for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")) {
                EndpointRoute route = EndpointRoute.of(method, path);
                if (entry.getValue().has(method.toLowerCase(Locale.ROOT))) {
                    assertThat(route).as(method + " " + path).isNotInstanceOfAny(EndpointRoute.WrongMethod.class, EndpointRoute.NoSuchEndpoint.class);
                    routed.add(route.getClass());
                    if (route instanceof EndpointRoute.Lifecycle lifecycle) {
                        calls.add(lifecycle.call());
                    }
                } else if (templateOf(method, path).isPresent()) {
                    // The path is also one of GET case/{id}: GET case/modify reads the case "modify",
                    // GET case/list and the other calls under case/ take only POST.
                    assertThat(route).as(method + " " + path).isInstanceOfAny(EndpointRoute.Read.class, EndpointRoute.WrongMethod.class);
                } else {
                    assertThat(route).as(method + " " + path).isInstanceOf(EndpointRoute.WrongMethod.class);
                }
            }
        });
        Set<Class<?>> endpoints = new HashSet<>(List.of(EndpointRoute.class.getPermittedSubclasses()));
        endpoints.removeAll(List.of(EndpointRoute.WrongMethod.class, EndpointRoute.NoSuchEndpoint.class));
        assertThat(routed).isEqualTo(endpoints);
        assertThat(calls).containsExactlyInAnyOrder(EndpointRoute.Call.values());
    }
}

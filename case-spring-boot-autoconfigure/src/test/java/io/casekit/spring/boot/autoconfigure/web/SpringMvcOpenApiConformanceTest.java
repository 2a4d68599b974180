package io.casekit.spring.boot.autoconfigure.web;

import io.casekit.core.TenantId;
import io.casekit.core.service.CaseService;
import io.casekit.json.EndpointRoute;
import io.casekit.json.OpenApiConformance;
import java.net.URI;
import java.util.Optional;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The Spring MVC endpoints' real answers, on a real port, checked against case-json's OpenAPI
 * document by the same requests as the reference host's ({@link OpenApiConformance}): every
 * endpoint's success, the OpenAPI document itself, and the representative errors.
 */
class SpringMvcOpenApiConformanceTest extends OpenApiConformance {
    private static final String TOKEN = "acme-conformance-token";

    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Host {
        @Bean
        TenantResolver tenantResolver() {
            return token -> token.equals(TOKEN) ? Optional.of(TenantId.of("acme")) : Optional.empty();
        }
    }

    @Override
    protected OpenApiConformance.Host start(CaseService service) {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(Host.class).web(WebApplicationType.SERVLET)
                .initializers(context -> context.getBeanFactory().registerSingleton("caseService", service))
                .properties("server.port=0", "server.address=127.0.0.1", "casekit.web.enabled=true",
                        "spring.autoconfigure.exclude="
                                + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
                .run();
        URI base = URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port")
                + EndpointRoute.BASE_PATH);
        return new OpenApiConformance.Host() {
            @Override
            public URI base() {
                return base;
            }

            @Override
            public String token() {
                return TOKEN;
            }

            @Override
            public void close() {
                app.close();
            }
        };
    }
}

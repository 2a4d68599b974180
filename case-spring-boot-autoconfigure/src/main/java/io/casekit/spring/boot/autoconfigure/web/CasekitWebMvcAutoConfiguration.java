package io.casekit.spring.boot.autoconfigure.web;

import io.casekit.core.TenantId;
import io.casekit.core.service.CaseService;
import io.casekit.json.CaseEndpoints;
import io.casekit.json.CaseJson;
import io.casekit.json.EndpointRoute;
import io.casekit.spring.boot.autoconfigure.CasekitAutoConfiguration;
import io.casekit.spring.boot.autoconfigure.CasekitJacksonAutoConfiguration;
import java.util.Optional;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The AICC case endpoints on Spring MVC, under {@link EndpointRoute#BASE_PATH} (after the servlet
 * context path, if any): the same paths, methods, statuses, {@code resCode}s, body limit
 * ({@code casekit.json.max-document-bytes}), Content-Type rule and response bytes as the reference
 * host (case-example), from the same rules in case-json ({@link EndpointRoute},
 * {@link io.casekit.json.ContentTypes}, {@link CaseEndpoints}). Every request under the base path is
 * answered with the AICC envelope, an unknown path ({@code 404000}) and a wrong method
 * ({@code 405000}) included, never with Spring's error page.
 *
 * <p>Active when {@code casekit.web.enabled=true} (off by default: a library does not open
 * endpoints a host did not ask for), in a servlet web application with Spring MVC, when the context
 * has a {@link CaseService}. The tenant of a request is the one the host's {@link TenantResolver}
 * bean gives for its {@code access-token}; with no single such bean every request is answered
 * {@code 401001}, and a WARN at start-up says why.
 *
 * <p>Beans, each backing off when the host defines its own: {@link CaseEndpoints} (on the
 * {@code CaseService} and the {@link CaseJson} of {@link CasekitJacksonAutoConfiguration}), and the
 * {@link RouterFunction} {@code casekitCaseEndpointsRoute} (by name) that routes
 * {@code BASE_PATH/**} to the handler.
 */
@AutoConfiguration(after = {CasekitAutoConfiguration.class, CasekitJacksonAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({RouterFunction.class, CaseEndpoints.class})
@ConditionalOnProperty(prefix = "casekit.web", name = "enabled", havingValue = "true")
@ConditionalOnBean(CaseService.class)
public class CasekitWebMvcAutoConfiguration {
    private static final Log LOG = LogFactory.getLog(CasekitWebMvcAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    CaseEndpoints casekitCaseEndpoints(CaseService service, ObjectProvider<CaseJson> json) {
        return CaseEndpoints.of(service, json.getIfAvailable(CaseJson::create));
    }

    @Bean
    @ConditionalOnMissingBean(name = "casekitCaseEndpointsRoute")
    RouterFunction<ServerResponse> casekitCaseEndpointsRoute(CaseEndpoints endpoints,
            ObjectProvider<TenantResolver> resolvers) {
        TenantResolver resolver = resolvers.getIfUnique();
        if (resolver == null) {
            long count = resolvers.stream().count();
            LOG.warn("casekit.web.enabled is true but the context has "
                    + (count == 0 ? "no TenantResolver bean" : count + " TenantResolver beans, none primary")
                    + ": every request to the casekit endpoints under " + EndpointRoute.BASE_PATH
                    + " is refused with 401001 until the host defines exactly one");
            resolver = token -> Optional.<TenantId>empty();
        }
        return RouterFunctions.route(RequestPredicates.path(EndpointRoute.BASE_PATH + "**"),
                new CaseEndpointsHandler(endpoints, resolver));
    }
}

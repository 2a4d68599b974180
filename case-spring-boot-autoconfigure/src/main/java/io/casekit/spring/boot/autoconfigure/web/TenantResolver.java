package io.casekit.spring.boot.autoconfigure.web;

import io.casekit.core.TenantId;
import java.util.Optional;

/**
 * Which tenant a request's {@code access-token} opens: the host's authentication of the AICC
 * endpoints on Spring MVC ({@link CasekitWebMvcAutoConfiguration}). The host defines exactly one
 * bean of this type; the tenant of a request comes from its token and from nothing else. With no
 * such bean (or several, none primary) every request is refused with {@code 401001} (our decision:
 * a library never opens case data to an unauthenticated caller).
 *
 * <pre>{@code
 * @Bean
 * TenantResolver tenantResolver(MyTokenStore tokens) {
 *     return token -> tokens.find(token).map(grant -> TenantId.of(grant.tenant()));
 * }
 * }</pre>
 *
 * <p>Called once per request that has a route and exactly one {@code access-token} header, before
 * anything else of it is checked or read, on the servlet container's request threads, concurrently:
 * an implementation must be thread-safe. It should compare tokens in constant time (for instance
 * through digests and {@link java.security.MessageDigest#isEqual}), as the reference host does.
 */
@FunctionalInterface
public interface TenantResolver {

    /**
     * The tenant this token opens.
     *
     * @param accessToken the {@code access-token} header's value exactly as sent (not trimmed; it
     *                    may be empty); never null
     * @return the tenant; empty when the token opens none (unknown, expired, revoked), which is
     *         answered {@code 401} {@code 401001} with {@code WWW-Authenticate: access-token}; never
     *         null
     * @throws RuntimeException when the tenant can not be found out (e.g. the token store is down):
     *         answered {@code 500} {@code 500001} ({@code {"resCode":"500001","resMsg":"Internal
     *         error"}}), nothing of the exception in the answer; the exception goes to the log at
     *         ERROR
     */
    Optional<TenantId> resolve(String accessToken);
}

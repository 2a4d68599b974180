/**
 * The AICC case endpoints on Spring MVC ({@link io.casekit.spring.boot.autoconfigure.web.CasekitWebMvcAutoConfiguration},
 * switched on by {@code casekit.web.enabled=true}), with the host's
 * {@link io.casekit.spring.boot.autoconfigure.web.TenantResolver} naming the tenant of each request.
 */
@NullMarked
package io.casekit.spring.boot.autoconfigure.web;

import org.jspecify.annotations.NullMarked;

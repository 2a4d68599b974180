/**
 * The AICC wire mapping of casekit on Jackson 3: {@link io.casekit.json.CaseEndpoints} turns the
 * bytes of an AICC request into a casekit call and its outcome into the exact AICC response;
 * {@link io.casekit.json.CaseJson} reads the request and case type documents strictly and within
 * {@link io.casekit.json.JsonLimits}; {@link io.casekit.json.CasekitModule} gives a host's own
 * Jackson mapper casekit's types; {@link io.casekit.json.OpenApiDocument} is the OpenAPI 3.1.0
 * document of the endpoints, for a host to serve. Nothing here changes Jackson's global defaults.
 *
 * <p>Every type here is immutable and thread-safe. No method accepts or returns {@code null}.
 */
@NullMarked
package io.casekit.json;

import org.jspecify.annotations.NullMarked;

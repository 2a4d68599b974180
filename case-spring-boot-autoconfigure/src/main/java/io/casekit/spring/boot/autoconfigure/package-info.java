/**
 * Spring Boot 4 auto-configuration of casekit. Hosts add {@code case-spring-boot-starter} and get,
 * each bean backing off when they define their own: the JDBC store and catalog on the host's
 * {@code DataSource} inside its Spring transactions ({@link io.casekit.spring.boot.autoconfigure.CasekitJdbcAutoConfiguration}),
 * the {@code CaseService} ({@link io.casekit.spring.boot.autoconfigure.CasekitAutoConfiguration}),
 * the AICC wire's Jackson module ({@link io.casekit.spring.boot.autoconfigure.CasekitJacksonAutoConfiguration}),
 * Micrometer observations and meters of the service ({@link io.casekit.spring.boot.autoconfigure.CasekitObservationAutoConfiguration}),
 * and Actuator's health and info contributions ({@link io.casekit.spring.boot.autoconfigure.CasekitHealthAutoConfiguration},
 * {@link io.casekit.spring.boot.autoconfigure.CasekitInfoAutoConfiguration}).
 * Properties: {@link io.casekit.spring.boot.autoconfigure.CasekitProperties}.
 */
@NullMarked
package io.casekit.spring.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;

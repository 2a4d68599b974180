/**
 * Spring Boot 4 auto-configuration of casekit. Hosts add {@code case-spring-boot-starter} and get,
 * each bean backing off when they define their own: the JDBC store and catalog on the host's
 * {@code DataSource} inside its Spring transactions ({@link io.casekit.spring.boot.autoconfigure.CasekitJdbcAutoConfiguration}),
 * the {@code CaseService} ({@link io.casekit.spring.boot.autoconfigure.CasekitAutoConfiguration}),
 * and the AICC wire's Jackson module ({@link io.casekit.spring.boot.autoconfigure.CasekitJacksonAutoConfiguration}).
 * Properties: {@link io.casekit.spring.boot.autoconfigure.CasekitProperties}.
 */
@NullMarked
package io.casekit.spring.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;

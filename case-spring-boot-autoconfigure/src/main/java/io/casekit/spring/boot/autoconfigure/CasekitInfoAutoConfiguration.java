package io.casekit.spring.boot.autoconfigure;

import io.casekit.json.CasekitModule;
import io.casekit.store.jdbc.JdbcSchema;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@link CasekitInfoContributor}: casekit's versions in Actuator's info endpoint. Active when the
 * host has {@code spring-boot-actuator}; backs off when the host defines a
 * {@code CasekitInfoContributor} of its own.
 */
@AutoConfiguration
@ConditionalOnClass({InfoContributor.class, CasekitModule.class, JdbcSchema.class})
public class CasekitInfoAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CasekitInfoContributor casekitInfoContributor() {
        return new CasekitInfoContributor();
    }
}

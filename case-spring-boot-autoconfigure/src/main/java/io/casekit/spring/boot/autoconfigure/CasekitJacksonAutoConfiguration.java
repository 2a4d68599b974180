package io.casekit.spring.boot.autoconfigure;

import io.casekit.json.CaseJson;
import io.casekit.json.CasekitModule;
import io.casekit.json.JsonLimits;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/**
 * The AICC wire. {@link CasekitModule} as a bean: Boot's {@code JacksonAutoConfiguration} registers
 * every {@code JacksonModule} bean with the {@code JsonMapper} it builds, so the host's mapper
 * writes and reads casekit's types (cases, history entries, violations, case types) as the AICC wire
 * does, and nothing else about that mapper changes: the module only adds serializers for casekit's
 * own types and sets no feature. {@link CaseJson}: the request reader of the endpoints, with
 * {@code casekit.json.*} limits. Each backs off when the host defines its own.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass({JsonMapper.class, CasekitModule.class})
@EnableConfigurationProperties(CasekitProperties.class)
public class CasekitJacksonAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CasekitModule casekitModule() {
        return new CasekitModule();
    }

    @Bean
    @ConditionalOnMissingBean
    CaseJson caseJson(CasekitProperties properties) {
        return CaseJson.create(JsonLimits.defaults()
                .withMaxDocumentBytes(properties.getJson().getMaxDocumentBytes())
                .withMaxNestingDepth(properties.getJson().getMaxNestingDepth()));
    }
}

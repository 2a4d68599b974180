package io.casekit.spring.example;

import io.casekit.core.spi.TemplateCatalog;
import io.casekit.json.CaseJson;
import io.casekit.spring.boot.autoconfigure.web.TenantResolver;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot application serving the AICC case endpoints with case-spring-boot-starter: the
 * starter gives the JDBC store on Boot's {@code DataSource}, the {@code CaseService} and, with
 * {@code casekit.web.enabled=true}, the endpoints; this class adds what only a host can know: which
 * token opens which tenant ({@link SampleTokenResolver}) and the case types to serve
 * ({@link SampleCaseTypes}). Configured in {@code application.properties} and the {@code sample.*}
 * properties ({@link SampleProperties}).
 */
@SpringBootApplication
@EnableConfigurationProperties(SampleProperties.class)
public class SampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }

    @Bean
    TenantResolver tenantResolver(SampleProperties properties) {
        return new SampleTokenResolver(properties.tokens());
    }

    @Bean
    SampleCaseTypes sampleCaseTypes(SampleProperties properties, CaseJson json, TemplateCatalog catalog) {
        return new SampleCaseTypes(properties.caseTypes(), json, catalog);
    }
}

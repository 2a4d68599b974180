package io.casekit.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Boot's "APPLICATION FAILED TO START" report for a {@link CasekitSchemaException}: what the check
 * found, and the three ways a Boot host gets the tables right. Registered in
 * {@code META-INF/spring.factories}.
 */
class CasekitSchemaFailureAnalyzer extends AbstractFailureAnalyzer<CasekitSchemaException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, CasekitSchemaException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Let casekit create or upgrade its tables at start-up with the property casekit.jdbc.schema=create; "
                        + "or apply casekit's scripts with Flyway before it starts (spring.flyway.locations="
                        + "classpath:io/casekit/store/jdbc/schema/{vendor}, spring.flyway.placeholders.prefix="
                        + cause.tablePrefix() + ", spring.flyway.table=casekit_flyway_history: see "
                        + "case-spring-boot-autoconfigure's README, \"With Flyway\"); or, if the tables exist under "
                        + "another prefix, set casekit.jdbc.table-prefix to it. Unset, casekit.jdbc.schema is "
                        + "validate on any database that is not embedded.",
                cause);
    }
}

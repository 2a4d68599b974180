package io.casekit.store.jdbc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The store builds on the core's domain and SPI, Jdbi, Caffeine (the template cache) and the JDK: no JSON, no driver, no pool. */
@AnalyzeClasses(packages = "io.casekit.store.jdbc", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule dependsOnlyOnTheCoreJdbiJacksonCoreCaffeineAndTheJdk = classes().that().resideInAPackage("io.casekit.store.jdbc")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.casekit.store.jdbc", "io.casekit.core",
                    "io.casekit.core.spi", "io.casekit.core.template", "io.casekit.core.query", "org.jdbi.v3.core..",
                    "org.jspecify..", "com.github.benmanes.caffeine.cache..", "tools.jackson.core..",
                    "java..", "javax.sql..");

    @ArchTest
    static final ArchRule usesNoServiceOrValidationInternals = noClasses().that().resideInAPackage("io.casekit.store.jdbc")
            .should().dependOnClassesThat().resideInAnyPackage("io.casekit.core.service..", "io.casekit.core.validation..",
                    "tools.jackson.databind..", "com.fasterxml..", "org.h2..", "org.postgresql..", "org.mariadb..", "com.zaxxer..");
}

package io.casekit.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of case-core, checked on its compiled classes. */
@AnalyzeClasses(packages = "io.casekit.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule no_json_sql_or_jdbi_in_the_core = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("tools.jackson..", "com.fasterxml..", "org.jdbi..", "java.sql..", "javax.sql..");

    @ArchTest
    static final ArchRule no_package_cycles = slices().matching("io.casekit.core.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule the_spi_depends_on_the_domain_only = classes().that().resideInAPackage("io.casekit.core.spi")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("io.casekit.core", "io.casekit.core.template", "io.casekit.core.query", "io.casekit.core.spi", "java..",
                    "org.jspecify..");

    @ArchTest
    static final ArchRule the_domain_depends_on_no_other_casekit_package = noClasses().that()
            .resideInAPackage("io.casekit.core").should().dependOnClassesThat()
            .resideInAnyPackage("io.casekit.core.template..", "io.casekit.core.validation..",
                    "io.casekit.core.spi..", "io.casekit.core.service..");

    /** Queries are domain values: the SPI hands them to stores, so they never reach into the service. */
    @ArchTest
    static final ArchRule queries_depend_on_the_domain_only = noClasses().that()
            .resideInAPackage("io.casekit.core.query").should().dependOnClassesThat()
            .resideInAnyPackage("io.casekit.core.validation..", "io.casekit.core.spi..", "io.casekit.core.service..");

    @ArchTest
    static final ArchRule templates_depend_on_the_domain_only = noClasses().that()
            .resideInAPackage("io.casekit.core.template").should().dependOnClassesThat()
            .resideInAnyPackage("io.casekit.core.validation..", "io.casekit.core.spi..", "io.casekit.core.service..");

    @ArchTest
    static final ArchRule validation_knows_no_store = noClasses().that()
            .resideInAPackage("io.casekit.core.validation").should().dependOnClassesThat()
            .resideInAnyPackage("io.casekit.core.spi..", "io.casekit.core.service..");

    @ArchTest
    static final ArchRule nothing_reads_the_default_zone_or_locale = noClasses().should()
            .callMethod(java.time.ZoneId.class, "systemDefault")
            .orShould().callMethod(java.util.Locale.class, "getDefault")
            .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
            .orShould().callMethod(java.time.LocalDateTime.class, "now");
}

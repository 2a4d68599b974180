package io.casekit.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * What the README promises about names holds: run through the JUnit Platform as Surefire and IDEs
 * run it, each section is a container named {@code <store test class> › <section>}, each test
 * carries its sentence, and every section reports tests, never zero (a skipped part of the contract
 * is a skipped test with its reason, not a container that vanishes from Surefire's counts).
 */
class SectionNamesTest {

    /** The sections in the order of {@link CaseStoreContract}, as JUnit names them for a store's test class. */
    private static final List<String> SECTIONS = List.of("insert and find", "tenant isolation", "compare and set",
            "history", "exact round trips", "naughty strings", "isolation from callers", "concurrency", "sessions",
            "lifecycle", "template catalogs");

    @Test
    void sectionsAreNamedAfterTheStoreTestClassAndNoneIsEmpty() {
        Run run = run();

        assertThat(run.roots).containsExactly("FaultyStoreContract");
        assertThat(run.testsBySection.keySet()).containsExactlyInAnyOrderElementsOf(
                SECTIONS.stream().map(s -> "FaultyStoreContract › " + s).toList());
        assertThat(run.testsBySection).allSatisfy((section, tests) -> assertThat(tests).as(section).isPositive());
        // Surefire names the same tests by class and method: the nested class of the kit, the test's method.
        assertThat(run.surefireClassNames).allMatch(name -> name.startsWith(CaseStoreContract.class.getName() + "$"));
        assertThat(run.containersNotSuccessful).isEmpty();
    }

    @Test
    void testsCarryTheirSentenceAndDynamicTestsTheirOwnName() {
        Run run = run();

        assertThat(run.testNames).contains(
                "FaultyStoreContract › compare and set › an update from a stale version is a conflict that names"
                        + " both versions and writes nothing",
                "FaultyStoreContract › naughty strings › generated naughty strings are kept byte for byte in every"
                        + " field that takes them › [4-byte UTF-8] only 4-byte characters (40 bytes)",
                "FaultyStoreContract › naughty strings › generated naughty strings are kept byte for byte in every"
                        + " field that takes them › [exact UTF-8 byte limits] 128 bytes ending on a 4-byte character"
                        + " (128 bytes)",
                "FaultyStoreContract › naughty strings › the Big List of Naughty Strings (external corpus, when"
                        + " casekit.corpora provides it) › external corpus not available: SKIPPED");
        assertThat(run.testNames).noneMatch(name -> name.endsWith("()"));
    }

    /**
     * Surefire's default report does not use display names: it lists a test under the class of its
     * source, the kit's section class, and by its legacy reporting name, which for a test method is
     * the method and for a dynamic test the factory method and an index, {@code generatedNaughtyStrings()[42]}.
     */
    @Test
    void surefireSeesSectionClassesAndMethodNames() {
        Run run = run();

        assertThat(run.legacyNames).contains("staleVersionIsConflict()", "largestDescriptionInFull()");
        assertThat(run.legacyNames).filteredOn(name -> !name.endsWith("()")).isNotEmpty()
                .allMatch(name -> name.matches("(generatedNaughtyStrings|corpusNaughtyStrings|refusedStrings)\\(\\)\\[\\d+]"));
    }

    private record Run(List<String> roots, Map<String, Integer> testsBySection, List<String> testNames,
                       List<String> surefireClassNames, List<String> legacyNames, List<String> containersNotSuccessful) {}

    /** The kit on a correct store, without the corpus; each test's display name with those of its containers. */
    private static Run run() {
        String corpora = System.getProperty(NaughtyStringCorpus.CORPORA_PROPERTY);
        FaultyStoreContract.storeFault = FaultyStore.Fault.NONE;
        FaultyStoreContract.catalogFault = FaultyCatalog.Fault.NONE;
        Run result = new Run(new ArrayList<>(), new LinkedHashMap<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>());
        try {
            System.clearProperty(NaughtyStringCorpus.CORPORA_PROPERTY);
            LauncherFactory.create().execute(request().selectors(selectClass(FaultyStoreContract.class)).build(),
                    new TestExecutionListener() {
                        private TestPlan plan;

                        @Override
                        public void testPlanExecutionStarted(TestPlan testPlan) {
                            plan = testPlan;
                            for (TestIdentifier engine : plan.getRoots()) {
                                plan.getChildren(engine).forEach(root -> result.roots().add(root.getDisplayName()));
                            }
                        }

                        @Override
                        public void executionFinished(TestIdentifier id, TestExecutionResult outcome) {
                            if (!id.isTest()) {
                                if (id.getSource().orElse(null) instanceof ClassSource c
                                        && c.getJavaClass().getEnclosingClass() == CaseStoreContract.class) {
                                    result.testsBySection().putIfAbsent(id.getDisplayName(), 0);
                                }
                                if (outcome.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                                    result.containersNotSuccessful().add(id.getDisplayName() + ": " + outcome);
                                }
                                return;
                            }
                            List<String> path = new ArrayList<>();
                            for (Optional<TestIdentifier> at = Optional.of(id); at.isPresent(); at = plan.getParent(at.get())) {
                                if (at.get().getParentIdObject().isPresent()) {
                                    path.add(0, at.get().getDisplayName());
                                }
                            }
                            // path: store class, section, [factory,] test
                            result.testNames().add(String.join(" › ", path.subList(1, path.size())));
                            result.testsBySection().merge(path.get(1), 1, Integer::sum);
                            result.legacyNames().add(id.getLegacyReportingName());
                            for (Optional<TestIdentifier> at = Optional.of(id); at.isPresent(); at = plan.getParent(at.get())) {
                                if (at.get().getSource().orElse(null) instanceof MethodSource m) {
                                    result.surefireClassNames().add(m.getClassName());
                                    break;
                                }
                            }
                        }
                    });
        } finally {
            if (corpora != null) {
                System.setProperty(NaughtyStringCorpus.CORPORA_PROPERTY, corpora);
            }
        }
        return result;
    }
}

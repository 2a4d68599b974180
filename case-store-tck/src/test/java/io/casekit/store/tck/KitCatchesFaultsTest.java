package io.casekit.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The kit's own test: it runs the whole kit against a plain correct store, which must pass, and
 * against stores with one typical mistake each, which the tests named for that mistake must catch.
 */
class KitCatchesFaultsTest {

    /** For each fault, tests that must fail because of it (others may fail too). */
    private static final Map<FaultyStore.Fault, Set<String>> CAUGHT_BY = Map.ofEntries(
            Map.entry(FaultyStore.Fault.NO_COMPARE_AND_SET, Set.of("staleVersionIsConflict", "oneWinnerPerVersion")),
            Map.entry(FaultyStore.Fault.RACY_COMPARE_AND_SET, Set.of("noLostUpdateThroughTheService")),
            Map.entry(FaultyStore.Fault.CONFLICT_WITHOUT_VERSION, Set.of("staleVersionIsConflict")),
            Map.entry(FaultyStore.Fault.IGNORES_TENANT, Set.of("sameIdInTwoTenantsIsTwoCases",
                    "otherTenantsCaseIsInvisible", "otherTenantCannotUpdate", "serviceRevealsNothingOfOtherTenants")),
            Map.entry(FaultyStore.Fault.CASE_INSENSITIVE_IDS, Set.of("idsAreCaseSensitive")),
            Map.entry(FaultyStore.Fault.UPSERTS, Set.of("updateOfMissingCase")),
            Map.entry(FaultyStore.Fault.DUPLICATE_REPLACES, Set.of("duplicateIdIsRefused", "oneWinnerPerId")),
            Map.entry(FaultyStore.Fault.FORGETS_HISTORY, Set.of("oneEntryPerChangeInVersionOrder",
                    "noLostUpdateThroughTheService")),
            Map.entry(FaultyStore.Fault.HISTORY_AFTER_STATE, Set.of("noLostUpdateThroughTheService")),
            Map.entry(FaultyStore.Fault.SHARES_HISTORY_LIST, Set.of("returnedHistoryIsNotShared", "readsAreSnapshots")),
            Map.entry(FaultyStore.Fault.LOSES_CHANGE_ORDER, Set.of("changesKeepTheirOrder")),
            Map.entry(FaultyStore.Fault.TRUNCATES_LONG_TEXT, Set.of("largestDescriptionInFull",
                    "largestExtensionValueInFull", "generatedNaughtyStrings")),
            Map.entry(FaultyStore.Fault.TRIMS_TEXT, Set.of("stringsByteForByte", "everyFieldRoundTrips",
                    "generatedNaughtyStrings")),
            Map.entry(FaultyStore.Fault.NORMALISES_TEXT, Set.of("stringsByteForByte", "generatedNaughtyStrings")),
            Map.entry(FaultyStore.Fault.DECOMPOSES_TEXT, Set.of("generatedNaughtyStrings")),
            Map.entry(FaultyStore.Fault.DROPS_4_BYTE_CHARACTERS, Set.of("generatedNaughtyStrings")),
            Map.entry(FaultyStore.Fault.STRIPS_INVISIBLE_CHARACTERS, Set.of("generatedNaughtyStrings")),
            Map.entry(FaultyStore.Fault.ESCAPES_MARKUP, Set.of("generatedNaughtyStrings")),
            Map.entry(FaultyStore.Fault.CONVERTS_LINE_BREAKS, Set.of("generatedNaughtyStrings")),
            Map.entry(FaultyStore.Fault.DROPS_DECIMAL_SCALE, Set.of("decimalsAreExact", "everyFieldRoundTrips")),
            Map.entry(FaultyStore.Fault.DECIMALS_THROUGH_DOUBLE, Set.of("decimalsAreExact")),
            Map.entry(FaultyStore.Fault.DATE_TIMES_THROUGH_DEFAULT_ZONE, Set.of("timesIgnoreTheDefaultZone")),
            Map.entry(FaultyStore.Fault.INSTANTS_TO_SECONDS, Set.of("actorAndTimeAsGiven")),
            Map.entry(FaultyStore.Fault.SESSION_SKIPS_WORK, Set.of("workRunsOnceAndItsResultIsReturned")),
            Map.entry(FaultyStore.Fault.SESSION_SWALLOWS_FAILURES, Set.of("failurePassesThroughAndWritesStay")),
            Map.entry(FaultyStore.Fault.SESSION_UNDOES_WRITES_ON_FAILURE, Set.of("failurePassesThroughAndWritesStay")),
            Map.entry(FaultyStore.Fault.DROPS_AFTER_COMMIT, Set.of("afterCommitRunsAtOnceOutsideATransaction")),
            Map.entry(FaultyStore.Fault.REPEATS_AFTER_COMMIT, Set.of("afterCommitRunsAtOnceOutsideATransaction")),
            Map.entry(FaultyStore.Fault.PAGE_REPEATS_BOUNDARY, Set.of("pagesWalkTheWholeHistory", "pageBoundaries",
                    "serviceWalksTheHistoryInPages")),
            Map.entry(FaultyStore.Fault.PAGE_SKIPS_BOUNDARY, Set.of("pagesWalkTheWholeHistory", "pageBoundaries",
                    "serviceWalksTheHistoryInPages")),
            Map.entry(FaultyStore.Fault.PAGE_EXCEEDS_LIMIT, Set.of("pagesWalkTheWholeHistory", "pageBoundaries")),
            Map.entry(FaultyStore.Fault.PAGE_UNCHECKED_ARGUMENTS, Set.of("badPageArgumentsAreRefused")),
            Map.entry(FaultyStore.Fault.ERASE_KEEPS_HISTORY, Set.of("erase")),
            Map.entry(FaultyStore.Fault.ERASE_IGNORES_TENANT, Set.of("erase")),
            Map.entry(FaultyStore.Fault.DROPS_KIND_AND_REMARK, Set.of("strictFlow", "closeAndReopen", "transfer",
                    "lifecycleFieldsRoundTrip")));

    private static final Map<FaultyCatalog.Fault, Set<String>> CATALOG_CAUGHT_BY = Map.of(
            FaultyCatalog.Fault.IGNORES_TENANT, Set.of("typesArePerTenant"),
            FaultyCatalog.Fault.UNSORTED, Set.of("typesAreListedById"),
            FaultyCatalog.Fault.KEEPS_FIRST_DEFINITION, Set.of("redefinitionReplaces"));

    @Test
    void correctStorePassesTheKit() {
        Results results = run(FaultyStore.Fault.NONE, FaultyCatalog.Fault.NONE, selectClass(FaultyStoreContract.class),
                Optional.empty());

        assertThat(results.failed()).isEmpty();
        // Without the corpus, its one placeholder test is the only thing skipped, and it says why.
        assertThat(results.skipped()).containsOnlyKeys("corpusNaughtyStrings");
        assertThat(results.skipped().get("corpusNaughtyStrings")).contains("casekit.corpora not set");
        assertThat(results.containersNotSuccessful()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = FaultyStore.Fault.class, names = {"NONE", "RACY_COMPARE_AND_SET", "HISTORY_AFTER_STATE"},
            mode = EnumSource.Mode.EXCLUDE)
    void kitCatchesStoreFault(FaultyStore.Fault fault) {
        assertThat(failedTests(fault, FaultyCatalog.Fault.NONE, selectClass(FaultyStoreContract.class)))
                .containsAll(CAUGHT_BY.get(fault));
    }

    /**
     * A race is caught when the threads happen to interleave in the window the fault leaves open:
     * very likely in one run, not certain. So the concurrency tests get up to three runs to catch it.
     */
    @ParameterizedTest
    @EnumSource(value = FaultyStore.Fault.class, names = {"RACY_COMPARE_AND_SET", "HISTORY_AFTER_STATE"})
    void kitCatchesRace(FaultyStore.Fault fault) {
        DiscoverySelector concurrency = selectNestedClass(List.of(FaultyStoreContract.class),
                CaseStoreContract.Concurrency.class);
        Set<String> failed = Set.of();
        for (int run = 0; run < 3 && !failed.containsAll(CAUGHT_BY.get(fault)); run++) {
            failed = failedTests(fault, FaultyCatalog.Fault.NONE, concurrency);
        }
        assertThat(failed).containsAll(CAUGHT_BY.get(fault));
    }

    @ParameterizedTest
    @EnumSource(value = FaultyCatalog.Fault.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void kitCatchesCatalogFault(FaultyCatalog.Fault fault) {
        assertThat(failedTests(FaultyStore.Fault.NONE, fault, selectClass(FaultyStoreContract.class)))
                .containsAll(CATALOG_CAUGHT_BY.get(fault));
    }

    @Test
    void corpusIsSkippedAsATestWithItsReasonWhenTheFileIsMissing() {
        Results results = run(FaultyStore.Fault.NONE, FaultyCatalog.Fault.NONE, naughtyStrings(),
                Optional.of("no/such/folder"));

        assertThat(results.skipped()).containsOnlyKeys("corpusNaughtyStrings");
        assertThat(results.skipped().get("corpusNaughtyStrings"))
                .contains("file not found at " + Path.of("no/such/folder").resolve(NaughtyStringCorpus.FILE)
                        .toAbsolutePath().normalize().toString());
        // Surefire reports skipped tests but silently drops an aborted container: it must be a test.
        assertThat(results.containersNotSuccessful()).isEmpty();
        assertThat(results.failed()).isEmpty();
        assertThat(results.succeeded()).containsKeys("generatedNaughtyStrings", "refusedStrings");
    }

    @Test
    void corpusAddsItsEntriesWhenPresent(@TempDir Path corpora) throws IOException {
        List<String> entries = List.of("plain", "e\u0301 decomposed", "\uFEFF'; DROP TABLE cases; --", "");
        Path file = corpora.resolve(NaughtyStringCorpus.FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, entries.stream()
                .map(e -> "\"" + Base64.getEncoder().encodeToString(e.getBytes(StandardCharsets.UTF_8)) + "\"")
                .collect(Collectors.joining(",\n  ", "[\n  ", "\n]\n")), StandardCharsets.US_ASCII);

        Results correct = run(FaultyStore.Fault.NONE, FaultyCatalog.Fault.NONE, naughtyStrings(),
                Optional.of(corpora.toString()));
        Results normalising = run(FaultyStore.Fault.NORMALISES_TEXT, FaultyCatalog.Fault.NONE, naughtyStrings(),
                Optional.of(corpora.toString()));

        assertThat(correct.failed()).isEmpty();
        assertThat(correct.succeeded().get("corpusNaughtyStrings")).as("entries run").isEqualTo(3);
        assertThat(correct.skipped()).containsOnlyKeys("corpusNaughtyStrings");
        assertThat(correct.skipped().get("corpusNaughtyStrings")).contains("empty string");
        assertThat(normalising.failed()).contains("corpusNaughtyStrings");
    }

    private static DiscoverySelector naughtyStrings() {
        return selectNestedClass(List.of(FaultyStoreContract.class), CaseStoreContract.NaughtyStrings.class);
    }

    /**
     * Runs the kit on the faulty store and catalog, without the corpus (so a fault caught here is
     * caught by the generated strings), and returns the names of the test methods that failed.
     */
    private static Set<String> failedTests(FaultyStore.Fault storeFault, FaultyCatalog.Fault catalogFault,
                                           DiscoverySelector tests) {
        Set<String> failed = run(storeFault, catalogFault, tests, Optional.empty()).failed();
        System.out.println("Faults " + storeFault + "/" + catalogFault + " failed: " + failed);
        return failed;
    }

    /**
     * What a run of the kit did, by test method (a factory's dynamic tests count under its name):
     * those with a failed test, the reason of each skipped one, how many succeeded, and the
     * containers (classes, factories) that did not end successfully.
     */
    private record Results(Set<String> failed, Map<String, String> skipped, Map<String, Integer> succeeded,
                           List<String> containersNotSuccessful) {}

    /** Runs the kit with the corpora property set to {@code corpora}, or cleared, and puts it back after. */
    static Results run(FaultyStore.Fault storeFault, FaultyCatalog.Fault catalogFault, DiscoverySelector tests,
                       Optional<String> corpora) {
        String before = System.getProperty(NaughtyStringCorpus.CORPORA_PROPERTY);
        FaultyStoreContract.storeFault = storeFault;
        FaultyStoreContract.catalogFault = catalogFault;
        Results results = new Results(new TreeSet<>(), new TreeMap<>(), new TreeMap<>(), new ArrayList<>());
        try {
            corpora.ifPresentOrElse(c -> System.setProperty(NaughtyStringCorpus.CORPORA_PROPERTY, c),
                    () -> System.clearProperty(NaughtyStringCorpus.CORPORA_PROPERTY));
            LauncherFactory.create().execute(request().selectors(tests).build(), new TestExecutionListener() {
                private TestPlan plan;

                @Override
                public void testPlanExecutionStarted(TestPlan testPlan) {
                    plan = testPlan;
                }

                @Override
                public void executionSkipped(TestIdentifier id, String reason) {
                    if (!id.isTest()) {
                        results.containersNotSuccessful().add(id.getDisplayName() + ": skipped, " + reason);
                    }
                }

                @Override
                public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                    if (!id.isTest()) {
                        if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                            results.containersNotSuccessful().add(id.getDisplayName() + ": " + result);
                        }
                        return;
                    }
                    String name = methodName(plan, id).orElse(id.getDisplayName());
                    switch (result.getStatus()) {
                        case FAILED -> results.failed().add(name);
                        case ABORTED -> results.skipped().put(name,
                                result.getThrowable().map(Throwable::getMessage).orElse(""));
                        case SUCCESSFUL -> results.succeeded().merge(name, 1, Integer::sum);
                    }
                }
            });
        } finally {
            FaultyStoreContract.storeFault = FaultyStore.Fault.NONE;
            FaultyStoreContract.catalogFault = FaultyCatalog.Fault.NONE;
            if (before == null) {
                System.clearProperty(NaughtyStringCorpus.CORPORA_PROPERTY);
            } else {
                System.setProperty(NaughtyStringCorpus.CORPORA_PROPERTY, before);
            }
        }
        return results;
    }

    /** The test method of a test, or of the factory that made it. */
    static Optional<String> methodName(TestPlan plan, TestIdentifier id) {
        for (Optional<TestIdentifier> at = Optional.of(id); at.isPresent(); at = plan.getParent(at.get())) {
            if (at.get().getSource().orElse(null) instanceof MethodSource method) {
                return Optional.of(method.getMethodName());
            }
        }
        return Optional.empty();
    }
}

package io.casekit.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The query section's own test: a correct query store passes it, and a store with one typical mistake
 * fails the tests named for that mistake.
 */
@ResourceLock("FaultyQueryContract.fault")
class KitCatchesQueryFaultsTest {

    private static final Map<FaultyQueryStore.Fault, Set<String>> CAUGHT_BY = Map.of(
            FaultyQueryStore.Fault.IGNORES_TENANT, Set.of("otherTenantsCasesNeverShow", "pagesAndCountsMatchTheModel"),
            FaultyQueryStore.Fault.SKIPS_TIES_AT_PAGE_BOUNDARY, Set.of("tiesAtAPageBoundary", "pagesAndCountsMatchTheModel"),
            FaultyQueryStore.Fault.LIKE_WILDCARDS, Set.of("likeCharactersMatchOnlyThemselves"),
            FaultyQueryStore.Fault.PRIORITY_BY_NAME, Set.of("emptyValuesSortLast", "pagesAndCountsMatchTheModel"),
            FaultyQueryStore.Fault.EMPTY_FIRST, Set.of("emptyValuesSortLast", "pagesAndCountsMatchTheModel"));

    @Test
    void correctStorePassesTheQuerySection() {
        Results r = run(FaultyQueryStore.Fault.NONE);
        assertThat(r.failed).isEmpty();
        assertThat(r.succeeded).containsExactlyInAnyOrder("pagesAndCountsMatchTheModel", "otherTenantsCasesNeverShow",
                "likeCharactersMatchOnlyThemselves", "tiesAtAPageBoundary", "emptyValuesSortLast", "extensionTypes",
                "pagingWhileOthersWrite");
    }

    @ParameterizedTest
    @EnumSource(value = FaultyQueryStore.Fault.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void kitCatchesQueryFault(FaultyQueryStore.Fault fault) {
        assertThat(run(fault).failed).containsAll(CAUGHT_BY.get(fault));
    }

    private record Results(Set<String> succeeded, Set<String> failed) {}

    private static Results run(FaultyQueryStore.Fault fault) {
        FaultyQueryContract.fault = fault;
        Set<String> succeeded = new TreeSet<>();
        Set<String> failed = new TreeSet<>();
        try {
            LauncherFactory.create().execute(request().selectors(selectClass(FaultyQueryContract.class)).build(),
                    new TestExecutionListener() {
                        @Override
                        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                            // A jqwik property is one test however many tries it makes.
                            if (id.isTest() && id.getSource().orElse(null) instanceof MethodSource m) {
                                String name = m.getMethodName();
                                if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                                    succeeded.add(name);
                                } else {
                                    failed.add(name);
                                }
                            }
                        }
                    });
        } finally {
            FaultyQueryContract.fault = FaultyQueryStore.Fault.NONE;
        }
        succeeded.removeAll(failed);
        return new Results(succeeded, failed);
    }
}

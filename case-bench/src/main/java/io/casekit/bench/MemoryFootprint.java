package io.casekit.bench;

import io.casekit.core.service.CaseService;
import io.casekit.store.memory.InMemoryCaseStore;
import io.casekit.store.memory.InMemoryTemplateCatalog;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Benchmark 3's memory part: how many bytes of heap a case takes in the memory store. Stores
 * {@code n} cases (default 1,000,000) with distinct 1 KiB descriptions through the service, then
 * reports the heap in use after a full collection, less the heap in use before, per case. Run it
 * with the heap the target names: {@code java -Xmx2g -cp benchmarks.jar io.casekit.bench.MemoryFootprint}.
 */
public final class MemoryFootprint {
    private MemoryFootprint() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        InMemoryCaseStore store = new InMemoryCaseStore();
        InMemoryTemplateCatalog catalog = new InMemoryTemplateCatalog();
        catalog.save(Fixture.template());
        CaseService service = CaseService.builder(store, catalog).build();
        long before = usedAfterGc(memory);
        String kib = "d".repeat(1024 - 8);
        for (int i = 0; i < n; i++) {
            // Distinct texts: no two cases share a description's characters.
            service.create(Fixture.TENANT, Fixture.draft(Fixture.caseId(i), String.format("%08d", i) + kib));
        }
        long after = usedAfterGc(memory);
        long perCase = (after - before) / n;
        System.out.printf("cases: %d, heap max: %d MiB, heap used by the store: %d MiB, bytes per case: %d%n",
                store.size(), Runtime.getRuntime().maxMemory() >> 20, (after - before) >> 20, perCase);
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}

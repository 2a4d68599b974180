package io.casekit.bench;

import io.casekit.core.service.CaseService;
import io.casekit.json.CaseEndpoints;
import io.casekit.json.EndpointResponse;
import io.casekit.json.ResCode;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 2 on the memory store: request bytes to response bytes through {@link CaseEndpoints},
 * every call a change. It has no hand-written JDBC counterpart, so its figure stands alone, beside
 * {@link ModifyEndToEndBenchmark}'s per database.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class ModifyInMemoryBenchmark {
    private static final int BODIES = 1024;

    private CaseEndpoints endpoints;
    private byte[][] bodies;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        BenchDatabase database = BenchDatabase.open("memory", 1);
        database.catalog.save(Fixture.template());
        CaseService service = CaseService.builder(database.store, database.catalog).build();
        service.create(Fixture.TENANT, Fixture.draft(Fixture.caseId(1), "first"));
        endpoints = CaseEndpoints.of(service);
        bodies = Fixture.modifyBodies(Fixture.caseId(1), BODIES);
    }

    @Benchmark
    public byte[] casekit() {
        next = (next + 1) % BODIES;
        EndpointResponse response = endpoints.modify(Fixture.TENANT, bodies[next]);
        if (response.resCode() != ResCode.SUCCESS) {
            throw new IllegalStateException(response.bodyText());
        }
        return response.body();
    }
}

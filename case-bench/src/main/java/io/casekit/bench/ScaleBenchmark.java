package io.casekit.bench;

import io.casekit.core.service.CaseService;
import io.casekit.json.CaseEndpoints;
import io.casekit.json.EndpointResponse;
import io.casekit.json.ResCode;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 3: the cost of a modify of a random case among 10,000 and among 1,000,000 stored
 * cases. The cases are created once per trial (through the store for the memory store, copied in
 * SQL from one case created through the store for the databases); every call then changes the
 * title of a randomly chosen one.
 *
 * <p>H2 runs with a page cache of 1 GiB ({@code ;CACHE_SIZE=1048576}, in a 4 GiB heap) instead of
 * its default 16 MiB, which holds a small part of a million cases: a database is given a cache for
 * its working set, as PostgreSQL has its shared buffers and the operating system's file cache.
 * {@code -Dcasekit.bench.h2settings=} runs it with H2's defaults; the trial prints H2's cache hit
 * ratio and file reads either way.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@State(Scope.Benchmark)
public class ScaleBenchmark {
    private static final int BODIES = 4096;
    /** H2's page cache for this benchmark, in KiB: 1 GiB. */
    static final String H2_CACHE = ";CACHE_SIZE=1048576";

    @Param({"10000", "1000000"})
    public int cases;

    @Param({"memory", "h2", "postgresql"})
    public String store;

    private BenchDatabase database;
    private CaseEndpoints endpoints;
    /** For each step, the case it changes, and the body that sets title A or title B on it. */
    private int[] caseOfStep;
    private byte[][] titleA;
    private byte[][] titleB;
    /** Which cases now have title A: each step sends the other title, so every call is a change. */
    private java.util.BitSet hasTitleA;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        database = BenchDatabase.open(store, 4, H2_CACHE);
        database.catalog.save(Fixture.template());
        CaseService service = CaseService.builder(database.store, database.catalog).build();
        if (database.dataSource == null) {
            for (int i = 0; i < cases; i++) {
                service.create(Fixture.TENANT, Fixture.draft(Fixture.caseId(i), "description " + i));
            }
        } else {
            service.create(Fixture.TENANT, Fixture.draft(Fixture.caseId(0), "description 0"));
            copyCase(cases);
        }
        endpoints = CaseEndpoints.of(service);
        SplittableRandom random = new SplittableRandom(42);
        caseOfStep = new int[BODIES];
        titleA = new byte[BODIES][];
        titleB = new byte[BODIES][];
        for (int i = 0; i < BODIES; i++) {
            caseOfStep[i] = random.nextInt(cases);
            byte[][] two = Fixture.modifyBodies(Fixture.caseId(caseOfStep[i]), 2);
            titleA[i] = two[0];
            titleB[i] = two[1];
        }
        hasTitleA = new java.util.BitSet(cases);
    }

    /** Copies case 0 and its creation entry to cases 1 … n-1, in SQL, as a bulk load would. */
    private void copyCase(int n) {
        String p = database.prefix;
        String series;
        String newId;
        if (store.equals("postgresql")) {
            series = "generate_series(1, " + (n - 1) + ") AS g(x)";
            newId = "'c' || lpad(g.x::text, 19, '0')";
        } else {
            series = "SYSTEM_RANGE(1, " + (n - 1) + ") AS g";
            newId = "'c' || LPAD(CAST(g.X AS VARCHAR), 19, '0')";
        }
        Jdbi.create(database.dataSource).useHandle(h -> {
            // Every column but the generated priority_rank (schema version 3) and the copied id.
            h.execute("INSERT INTO " + p + "case (tenant, id, type_id, version, title, description, owner_id,"
                    + " priority, due_date, contact_id, contact_phone, attachment, extensions, created_by, created_at,"
                    + " updated_at, title_folded, status, state, closed_at, closed_reason, reopened)"
                    + " SELECT c.tenant, " + newId + ", c.type_id, c.version, c.title, c.description,"
                    + " c.owner_id, c.priority, c.due_date, c.contact_id, c.contact_phone, c.attachment, c.extensions,"
                    + " c.created_by, c.created_at, c.updated_at, c.title_folded, c.status, c.state, c.closed_at,"
                    + " c.closed_reason, c.reopened FROM " + p + "case c, " + series);
            h.execute("INSERT INTO " + p + "case_history (tenant, case_id, version, changed_at, actor, changes, kind,"
                    + " remark) SELECT c.tenant, " + newId + ", c.version, c.changed_at, c.actor, c.changes, c.kind,"
                    + " c.remark FROM " + p + "case_history c, " + series);
            if (store.equals("postgresql")) {
                h.execute("ANALYZE " + p + "case");
                h.execute("ANALYZE " + p + "case_history");
            }
        });
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (store.equals("h2")) {
            printH2Cache();
        }
        database.close();
    }

    /**
     * H2's own figures of its page cache and file reads over the trial, the measured reason of any
     * growth from 10,000 to 1,000,000 cases (printed with the trial's output).
     */
    private void printH2Cache() {
        StringBuilder line = new StringBuilder("H2 after the trial:");
        Jdbi.create(database.dataSource).useHandle(h -> h.createQuery("SELECT SETTING_NAME, SETTING_VALUE FROM"
                        + " INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME IN ('info.CACHE_MAX_SIZE', 'info.CACHE_SIZE',"
                        + " 'info.CACHE_HIT_RATIO', 'info.FILE_READ', 'info.FILE_SIZE') ORDER BY SETTING_NAME")
                .map((rs, ctx) -> rs.getString(1) + "=" + rs.getString(2))
                .forEach(setting -> line.append(' ').append(setting)));
        System.out.println(line);
    }

    @Benchmark
    public byte[] modifyRandomCase() {
        next = (next + 1) % BODIES;
        int changed = caseOfStep[next];
        boolean a = hasTitleA.get(changed);
        hasTitleA.flip(changed);
        EndpointResponse response = endpoints.modify(Fixture.TENANT, a ? titleB[next] : titleA[next]);
        if (response.resCode() != ResCode.SUCCESS) {
            throw new IllegalStateException(response.bodyText());
        }
        return response.body();
    }
}

package io.casekit.bench;

import io.casekit.bench.baseline.HandWrittenCaseQueries;
import io.casekit.core.Value;
import io.casekit.core.query.CaseFilter;
import io.casekit.core.query.CasePage;
import io.casekit.core.query.CaseQuery;
import io.casekit.core.query.Direction;
import io.casekit.core.query.SortKey;
import io.casekit.core.service.CaseService;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;
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
 * Benchmark 5: the first page ({@value #LIMIT} cases) of two queries of tenant {@code t1}, through
 * {@link CaseService#query} (full {@code Case} objects), against the same page by a hand-written
 * JDBC query on the same tables in the same run ({@link HandWrittenCaseQueries}), in two forms:
 * {@code handWritten…} keeps the extensions column as JSON text, {@code handWrittenDecoded…} also
 * decodes it with Jackson into plain values, as a host that uses them must (casekit's page returns
 * them typed). docs/benchmarks.md §5 says which one the target is judged against, and why.
 * The queries:
 *
 * <ul>
 *   <li>{@code ownerByDueDate}: the cases of one owner by due date ascending, empty due dates last
 *       (owners {@code u…0} to {@code u…3} in turn, the four with the most cases);</li>
 *   <li>{@code severity}: the cases whose PICKLIST extension {@value QueryData#SEVERITY} is one
 *       value (a quarter of them), in the default order (oldest first): {@code S1} to {@code S4} in
 *       turn.</li>
 * </ul>
 *
 * <p>Each call asks for other values than the call before: H2 returns the previous result of a
 * statement again, without running it, when its parameters are the same and no table changed
 * ({@code OPTIMIZE_REUSE_RESULTS}), which would measure its result cache, not the query.
 *
 * <p>The stored cases are described in {@link QueryData}: five tenants, about 1,000 owners, 20 %
 * empty due dates, made once per run and per size and kept between the trials. H2 runs with the 1 GiB
 * page cache of {@link ScaleBenchmark}. Setup checks that every page is full and that every side
 * returns the same cases in the same order (and, decoded, the same extension names per case).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@State(Scope.Benchmark)
public class QueryBenchmark {
    static final int LIMIT = 50;
    private static final int OWNERS_QUERIED = 4;
    private static final String[] SEVERITIES = {"S1", "S2", "S3", "S4"};

    @Param({"10000", "1000000"})
    public int cases;

    @Param({"h2", "postgresql"})
    public String store;

    private BenchDatabase database;
    private CaseService service;
    private HandWrittenCaseQueries handWritten;
    private HandWrittenCaseQueries handWrittenDecoded;
    private CaseQuery[] byOwner;
    private CaseQuery[] severity;
    private int next;
    private int nextSeverity;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        database = QueryData.open(store, cases, 4, ScaleBenchmark.H2_CACHE);
        service = CaseService.builder(database.store, database.catalog).build();
        JsonMapper mapper = JsonMapper.builder().build();
        handWritten = new HandWrittenCaseQueries(database.dataSource, store, database.prefix, false, mapper);
        handWrittenDecoded = new HandWrittenCaseQueries(database.dataSource, store, database.prefix, true, mapper);
        byOwner = new CaseQuery[OWNERS_QUERIED];
        for (int i = 0; i < OWNERS_QUERIED; i++) {
            byOwner[i] = CaseQuery.builder().in(CaseFilter.Party.OWNER_ID, QueryData.owner(i))
                    .sort(SortKey.DUE_DATE, Direction.ASC).limit(LIMIT).build();
        }
        severity = new CaseQuery[SEVERITIES.length];
        for (int i = 0; i < SEVERITIES.length; i++) {
            severity[i] = CaseQuery.builder().type(Fixture.TYPE)
                    .extensionIn(QueryData.SEVERITY, new Value.Text(SEVERITIES[i])).limit(LIMIT).build();
        }
        for (HandWrittenCaseQueries side : List.of(handWritten, handWrittenDecoded)) {
            for (int i = 0; i < OWNERS_QUERIED; i++) {
                same("owner " + QueryData.owner(i), service.query(QueryData.TENANT, byOwner[i]),
                        side.ownerByDueDate(QueryData.TENANT.value(), QueryData.owner(i), LIMIT));
            }
            for (int i = 0; i < SEVERITIES.length; i++) {
                same("severity " + SEVERITIES[i], service.query(QueryData.TENANT, severity[i]),
                        side.extensionEquals(QueryData.TENANT.value(), Fixture.TYPE.value(), QueryData.SEVERITY,
                                SEVERITIES[i], LIMIT));
            }
        }
    }

    /**
     * Both sides must read the same full page, or the comparison means nothing: the same cases in
     * the same order and, where the hand-written side decodes them, the same extension names per case.
     */
    private static void same(String what, CasePage casekit, HandWrittenCaseQueries.Page handWritten) {
        List<String> a = casekit.cases().stream().map(c -> c.id().value()).toList();
        List<String> b = handWritten.rows().stream().map(r -> r.id).toList();
        if (a.size() != LIMIT || !a.equals(b) || casekit.hasNext() != handWritten.more()) {
            throw new IllegalStateException(what + ": casekit read " + a.size() + " cases " + a + " (next: "
                    + casekit.hasNext() + "), the hand-written query " + b.size() + " " + b + " (more: "
                    + handWritten.more() + "); both must read the same full page");
        }
        for (int i = 0; i < a.size(); i++) {
            Map<String, Object> decoded = handWritten.rows().get(i).extensionValues;
            if (decoded != null && !decoded.keySet().equals(casekit.cases().get(i).extensions().keySet())) {
                throw new IllegalStateException(what + ": case " + a.get(i) + " has other extensions on each side");
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        database.close();
    }

    private int nextOwner() {
        next = (next + 1) % OWNERS_QUERIED;
        return next;
    }

    private int nextSeverity() {
        nextSeverity = (nextSeverity + 1) % SEVERITIES.length;
        return nextSeverity;
    }

    @Benchmark
    public CasePage casekitOwnerByDueDate() {
        return service.query(QueryData.TENANT, byOwner[nextOwner()]);
    }

    @Benchmark
    public HandWrittenCaseQueries.Page handWrittenOwnerByDueDate() throws SQLException {
        return handWritten.ownerByDueDate(QueryData.TENANT.value(), QueryData.owner(nextOwner()), LIMIT);
    }

    @Benchmark
    public HandWrittenCaseQueries.Page handWrittenDecodedOwnerByDueDate() throws SQLException {
        return handWrittenDecoded.ownerByDueDate(QueryData.TENANT.value(), QueryData.owner(nextOwner()), LIMIT);
    }

    @Benchmark
    public CasePage casekitSeverity() {
        return service.query(QueryData.TENANT, severity[nextSeverity()]);
    }

    @Benchmark
    public HandWrittenCaseQueries.Page handWrittenSeverity() throws SQLException {
        return handWritten.extensionEquals(QueryData.TENANT.value(), Fixture.TYPE.value(), QueryData.SEVERITY,
                SEVERITIES[nextSeverity()], LIMIT);
    }

    @Benchmark
    public HandWrittenCaseQueries.Page handWrittenDecodedSeverity() throws SQLException {
        return handWrittenDecoded.extensionEquals(QueryData.TENANT.value(), Fixture.TYPE.value(), QueryData.SEVERITY,
                SEVERITIES[nextSeverity()], LIMIT);
    }
}

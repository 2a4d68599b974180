package io.casekit.bench;

import io.casekit.bench.baseline.HandWrittenJdbcModify;
import io.casekit.core.service.CaseService;
import io.casekit.json.CaseEndpoints;
import io.casekit.json.EndpointResponse;
import io.casekit.json.ResCode;
import io.casekit.store.jdbc.JdbcSchema;
import io.casekit.store.jdbc.JdbcStoreOptions;
import jakarta.validation.Validation;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark 2: a modify, request bytes to response bytes, through {@link CaseEndpoints} on each
 * store, against a hand-written JDBC read-modify-write with the same history insert on the same
 * database and pool. Every call changes the title, so every call writes.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class ModifyEndToEndBenchmark {
    private static final int BODIES = 1024;

    /** The memory store has no JDBC counterpart: {@link ModifyInMemoryBenchmark} measures it alone. */
    @Param({"h2", "postgresql", "mariadb"})
    public String store;

    private BenchDatabase database;
    private CaseEndpoints endpoints;
    private HandWrittenJdbcModify handWritten;
    private byte[][] bodies;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        database = BenchDatabase.open(store, 4);
        database.catalog.save(Fixture.template());
        CaseService service = CaseService.builder(database.store, database.catalog).build();
        service.create(Fixture.TENANT, Fixture.draft(Fixture.caseId(1), "first"));
        endpoints = CaseEndpoints.of(service);
        bodies = Fixture.modifyBodies(Fixture.caseId(1), BODIES);
        String prefix = database.prefix + "hw_";
        JdbcStoreOptions options = JdbcStoreOptions.defaults().withTablePrefix(prefix);
        Jdbi jdbi = Jdbi.create(database.dataSource);
        JdbcSchema.create(jdbi, options);
        // The hand-written side starts from a row like the one casekit created.
        // Named columns: schema version 3 has a generated one (priority_rank), which takes no value.
        String columns = "tenant, id, type_id, version, title, description, owner_id, priority, due_date, contact_id,"
                + " contact_phone, attachment, extensions, created_by, created_at, updated_at, title_folded,"
                + " status, state, closed_at, closed_reason, reopened";
        jdbi.useHandle(h -> h.execute("INSERT INTO " + prefix + "case (" + columns + ") SELECT " + columns + " FROM "
                + database.prefix + "case"));
        handWritten = new HandWrittenJdbcModify(database.dataSource, store, prefix, JsonMapper.builder().build(),
                Validation.byProvider(HibernateValidator.class).configure()
                        .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory()
                        .getValidator());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Jdbi.create(database.dataSource).useHandle(h -> {
            h.execute("DROP TABLE IF EXISTS " + database.prefix + "hw_case_history");
            h.execute("DROP TABLE IF EXISTS " + database.prefix + "hw_case");
            h.execute("DROP TABLE IF EXISTS " + database.prefix + "hw_case_type");
            h.execute("DROP TABLE IF EXISTS " + database.prefix + "hw_schema_version");
        });
        database.close();
    }

    private byte[] nextBody() {
        next = (next + 1) % BODIES;
        return bodies[next];
    }

    @Benchmark
    public byte[] casekit() {
        EndpointResponse response = endpoints.modify(Fixture.TENANT, nextBody());
        if (response.resCode() != ResCode.SUCCESS) {
            throw new IllegalStateException(response.bodyText());
        }
        return response.body();
    }

    @Benchmark
    public byte[] handWritten() throws SQLException {
        return handWritten.modify(Fixture.TENANT.value(), nextBody());
    }
}

package io.casekit.bench;

import io.casekit.core.CaseDraft;
import io.casekit.core.Priority;
import io.casekit.core.TenantId;
import io.casekit.core.Value;
import io.casekit.core.service.CaseService;
import io.casekit.core.template.CaseType;
import io.casekit.core.template.FieldDefinition;
import io.casekit.core.template.FieldType;
import io.casekit.store.jdbc.JdbcSchema;
import io.casekit.store.jdbc.JdbcStoreOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * The stored cases {@link QueryBenchmark} reads, made once and kept for the trials of one run.
 *
 * <p><b>What is stored.</b> {@code cases} cases of five tenants: {@code t1} holds 70 % of them,
 * {@code t2} to {@code t5} 7.5 % each. Each case is a copy of one of {@value #SEEDS} seed cases
 * (case {@code g} copies seed {@code g mod 80}), which were created through the service, so every
 * column the store writes (and any column it derives from title, priority or extensions) is the
 * store's own. The seeds differ in tenant, title, priority (none, Low, Medium, High, Critical) and
 * the extension fields of the case type {@link #template}: {@value #SEVERITY} (PICKLIST S1 to S4,
 * spread evenly), a TEXT region, a NUMBER amount and a CHECKBOX. SQL then sets, per case number
 * {@code g}: the id {@code c} + {@code g} in 19 digits; the owner, one of {@value #OWNERS}, drawn
 * with a skew ({@code floor(1000 r²)} for a hash {@code r} of {@code g} in [0, 1), so owner
 * {@code u…0} holds 3.2 % of the cases, owner {@code u…3} 0.85 %, the median owner 0.03 %); a due
 * date, empty for 20 % of the cases, else a minute of 2027; and {@code createdAt = updatedAt} =
 * 2026-01-01T00:00:00Z + {@code g} seconds, so cases are stored in the order of creation. Each case
 * has its creation history entry, a copy of its seed's (whose changes name the seed's owner and due
 * date, not the copy's: queries never read history).
 *
 * <p><b>Kept.</b> Making a million cases takes a minute or two, and JMH runs each benchmark method
 * and parameter set in a fork of its own; so the tables (prefix {@code bq<cases>_}, H2 in
 * {@code <java.io.tmpdir>/casekit-bench-query}) stay after a trial, with a row that describes what
 * was filled (the number of cases, the schema version and a digest of the classes that decide what
 * is stored: casekit's core, the JDBC store and this class). A trial reuses them only when that row
 * matches exactly, else drops and fills them again. {@code java -cp benchmarks.jar io.casekit.bench.QueryData
 * drop} drops them ({@code run.sh} does at its end). Queries do not change them.
 */
final class QueryData {
    static final int SEEDS = 80;
    static final int OWNERS = 1000;
    static final String SEVERITY = "AICC__severity__CST";
    static final String REGION = "AICC__region__CST";
    static final String AMOUNT = "AICC__amount__CST";
    static final String VIP = "AICC__vip__CST";
    /** The tenant the benchmark queries: 70 % of the cases. */
    static final TenantId TENANT = TenantId.of("t1");
    /** Changed whenever what is filled changes, so that kept tables of an older fill are not reused. */
    private static final int FILL_VERSION = 1;
    private static final Path H2_FOLDER = Path.of(System.getProperty("java.io.tmpdir"), "casekit-bench-query");

    private QueryData() {}

    /** The case type of every stored case, in {@code tenant}. */
    static CaseType template(TenantId tenant) {
        return new CaseType(tenant, Fixture.TYPE, "Complaint", List.of(
                FieldDefinition.builder(SEVERITY, FieldType.PICKLIST).options(List.of("S1", "S2", "S3", "S4")).build(),
                FieldDefinition.builder(REGION, FieldType.TEXT).build(),
                FieldDefinition.builder(AMOUNT, FieldType.NUMBER).precision(10).scale(2).build(),
                FieldDefinition.builder(VIP, FieldType.CHECKBOX).build()));
    }

    /** The owner id of owner number {@code n} (0 holds the most cases). */
    static String owner(int n) {
        return String.format("u%019d", n);
    }

    /**
     * The store of {@code cases} cases in the tables of prefix {@code bq<cases>_}: the kept ones when
     * they were filled by this jar, else filled now (and analysed).
     */
    static BenchDatabase open(String store, int cases, int poolSize, String h2Settings) {
        if (!store.equals("h2") && !store.equals("postgresql")) {
            throw new IllegalArgumentException("the query data is made for h2 and postgresql, not " + store);
        }
        if (cases < SEEDS) {
            throw new IllegalArgumentException("at least " + SEEDS + " cases");
        }
        String prefix = "bq" + cases + "_";
        try {
            Files.createDirectories(H2_FOLDER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BenchDatabase database = BenchDatabase.openKept(store, poolSize, h2Settings, prefix, H2_FOLDER);
        String descriptor = "fill " + FILL_VERSION + ", cases " + cases + ", schema " + JdbcSchema.VERSION
                + ", code " + codeStamp();
        if (descriptor.equals(storedDescriptor(database))) {
            System.out.println("Query data: reusing " + prefix + "* (" + descriptor + ")");
            return database;
        }
        long start = System.nanoTime();
        drop(database.dataSource, prefix);
        Jdbi jdbi = Jdbi.create(database.dataSource);
        JdbcSchema.create(jdbi, JdbcStoreOptions.defaults().withTablePrefix(prefix));
        fill(database, cases);
        jdbi.useHandle(h -> {
            h.execute("CREATE TABLE " + prefix + "bench_fill (descriptor VARCHAR(400) NOT NULL)");
            h.execute("INSERT INTO " + prefix + "bench_fill (descriptor) VALUES (?)", descriptor);
        });
        System.out.printf(Locale.ROOT, "Query data: filled %s* with %,d cases in %.1f s (%s)%n", prefix, cases,
                (System.nanoTime() - start) / 1e9, descriptor);
        return database;
    }

    private static String storedDescriptor(BenchDatabase database) {
        try (Connection c = database.dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT descriptor FROM " + database.prefix + "bench_fill")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            return null; // no such table: nothing kept
        }
    }

    /**
     * A digest of the classes that decide what is stored: casekit's core and JDBC store and this
     * class, as found in the jar (or class folders) this class was loaded from.
     */
    private static String codeStamp() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Path code = Path.of(QueryData.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(code)) {
                // Run from class folders (an IDE): the folder's classes of this module only.
                return "classes-" + Files.getLastModifiedTime(code).toMillis();
            }
            try (ZipFile jar = new ZipFile(code.toFile())) {
                List<? extends ZipEntry> entries = jar.stream()
                        .filter(e -> e.getName().startsWith("io/casekit/core/")
                                || e.getName().startsWith("io/casekit/store/jdbc/")
                                || e.getName().startsWith("io/casekit/bench/QueryData"))
                        .sorted(Comparator.comparing(ZipEntry::getName)).toList();
                for (ZipEntry e : entries) {
                    digest.update(e.getName().getBytes(StandardCharsets.UTF_8));
                    try (InputStream in = jar.getInputStream(e)) {
                        digest.update(in.readAllBytes());
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (IOException | URISyntaxException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot stamp the benchmark's code", e);
        }
    }

    private static void fill(BenchDatabase database, int cases) {
        String p = database.prefix;
        boolean pg = database.name.equals("postgresql");
        for (int t = 1; t <= 5; t++) {
            database.catalog.save(template(TenantId.of("t" + t)));
        }
        CaseService service = CaseService.builder(database.store, database.catalog).build();
        for (int k = 0; k < SEEDS; k++) {
            service.create(tenantOfSeed(k), seed(k));
        }
        Jdbi jdbi = Jdbi.create(database.dataSource);
        String seedNumber = "CAST(SUBSTRING(%s, 2) AS BIGINT)";
        jdbi.useHandle(h -> {
            String g = String.format(seedNumber, "id");
            h.execute("UPDATE " + p + "case SET owner_id = " + ownerSql(g) + ", due_date = " + dueSql(g, pg)
                    + ", created_at = " + createdSql(g, pg) + ", updated_at = " + createdSql(g, pg));
            String hg = String.format(seedNumber, "case_id");
            h.execute("UPDATE " + p + "case_history SET changed_at = " + createdSql(hg, pg));

            long blocks = (cases + SEEDS - 1) / SEEDS;
            // H2 copies in statements of some 20,000 rows, so that no statement's undo log grows with
            // the table (not measured against one statement); PostgreSQL takes one statement per table.
            long chunk = pg ? blocks : 250;
            Map<String, String> caseColumns = Map.of("id", idSql("x.g"), "owner_id", ownerSql("x.g"),
                    "due_date", dueSql("x.g", pg), "created_at", createdSql("x.g", pg),
                    "updated_at", createdSql("x.g", pg));
            Map<String, String> historyColumns = Map.of("case_id", idSql("x.g"), "changed_at", createdSql("x.g", pg));
            List<String> caseTable = columns(database.dataSource, p + "case");
            List<String> historyTable = columns(database.dataSource, p + "case_history");
            for (long from = 1; from < blocks; from += chunk) {
                long to = Math.min(blocks - 1, from + chunk - 1);
                String series = pg ? "(SELECT n FROM generate_series(" + from + ", " + to + ") AS t(n)) b"
                        : "(SELECT X AS n FROM SYSTEM_RANGE(" + from + ", " + to + ")) b";
                h.execute(copy(p + "case", caseTable, "s.id", caseColumns, series, cases));
                h.execute(copy(p + "case_history", historyTable, "s.case_id", historyColumns, series, cases));
            }
        });
        analyze(database, pg);
    }

    /**
     * {@code INSERT … SELECT} of every seed row to the case numbers {@code b * 80 + seed} below
     * {@code cases}, for the blocks {@code b} of the series, in the order of the case number; {@code replaced} gives the SQL of the columns
     * that differ from the seed's, every other column is copied.
     */
    private static String copy(String table, List<String> columns, String seedId, Map<String, String> replaced,
                               String series, int cases) {
        String select = columns.stream()
                .map(c -> replaced.getOrDefault(c.toLowerCase(Locale.ROOT), "x." + c))
                .collect(Collectors.joining(", "));
        String seedNumber = "CAST(SUBSTRING(" + seedId + ", 2) AS BIGINT)";
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + select
                + " FROM (SELECT s.*, b.n * " + SEEDS + " + " + seedNumber + " AS g FROM " + table + " s CROSS JOIN "
                + series + " WHERE " + seedNumber + " < " + SEEDS + ") x WHERE x.g < " + cases + " ORDER BY x.g";
    }

    /** The columns of the table a row is inserted with: all but generated ones (such as priority_rank). */
    private static List<String> columns(DataSource dataSource, String table) {
        try (Connection c = dataSource.getConnection()) {
            for (String name : new String[] {table.toLowerCase(Locale.ROOT), table.toUpperCase(Locale.ROOT)}) {
                List<String> columns = new ArrayList<>();
                try (ResultSet rs = c.getMetaData().getColumns(null, null, name, "%")) {
                    while (rs.next()) {
                        if (!"YES".equals(rs.getString("IS_GENERATEDCOLUMN"))) {
                            columns.add(rs.getString("COLUMN_NAME"));
                        }
                    }
                }
                if (!columns.isEmpty()) {
                    return columns;
                }
            }
            throw new IllegalStateException("no columns found for " + table);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the columns of " + table, e);
        }
    }

    private static void analyze(BenchDatabase database, boolean pg) {
        Jdbi.create(database.dataSource).useHandle(h -> {
            for (String table : new String[] {"case", "case_history"}) {
                // PostgreSQL: VACUUM too, as autovacuum would have by the time a table is queried (hint
                // bits and visibility map set, so the measured reads do not write).
                h.execute((pg ? "VACUUM ANALYZE " : "ANALYZE TABLE ") + database.prefix + table);
            }
        });
    }

    private static String idSql(String g) {
        return "'c' || LPAD(CAST(" + g + " AS VARCHAR), 19, '0')";
    }

    /** floor(1000 r²) for r = the top 16 bits of a multiplicative hash of g, over 2^16. */
    private static String ownerSql(String g) {
        String r16 = "(MOD(" + g + " * 2654435761, 4294967296) / 65536)";
        return "'u' || LPAD(CAST(" + r16 + " * " + r16 + " * " + OWNERS + " / 4294967296 AS VARCHAR), 19, '0')";
    }

    /** Empty for one case in five, else a minute of 2027. */
    private static String dueSql(String g, boolean pg) {
        String minutes = "MOD(" + g + " * 7919, 525600)";
        String due = pg ? "TIMESTAMP '2027-01-01 00:00:00' + " + minutes + " * INTERVAL '1 minute'"
                : "DATEADD(MINUTE, " + minutes + ", TIMESTAMP '2027-01-01 00:00:00')";
        return "CASE WHEN MOD(MOD(" + g + " * 40503, 100003), 5) = 0 THEN NULL ELSE " + due + " END";
    }

    private static String createdSql(String g, boolean pg) {
        return pg ? "TIMESTAMPTZ '2026-01-01 00:00:00+00' + " + g + " * INTERVAL '1 second'"
                : "DATEADD(SECOND, " + g + ", TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00')";
    }

    private static TenantId tenantOfSeed(int k) {
        return TenantId.of(k < 56 ? "t1" : "t" + (2 + (k - 56) / 6));
    }

    private static CaseDraft seed(int k) {
        CaseDraft.Builder draft = CaseDraft.builder(Fixture.TYPE, Fixture.OPERATOR).id(Fixture.caseId(k))
                .title("Complaint " + k + ": parcel not delivered").description("seed case " + k)
                .contactId("ciIy0000013w9aru7cDQ").contactPhone("15151515152")
                .extension(SEVERITY, new Value.Text("S" + (k % 4 + 1)))
                .extension(REGION, new Value.Text("region " + k % 3))
                .extension(AMOUNT, new Value.Decimal(BigDecimal.valueOf(k * 125L, 2)))
                .extension(VIP, new Value.Bool(k % 7 == 0));
        if (k % 5 < 4) {
            draft.priority(Priority.values()[k % 5]);
        }
        return draft.build();
    }

    /** Drops every kept table of the query data (prefix {@code bq}) and the H2 folder. */
    static void dropKept(String postgresqlUrl) throws SQLException {
        try (var pool = BenchDatabase.pool(postgresqlUrl, 1)) {
            List<String> prefixes = new ArrayList<>();
            try (Connection c = pool.getConnection();
                 ResultSet rs = c.getMetaData().getTables(null, null, "bq%_bench_fill", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME");
                    prefixes.add(table.substring(0, table.length() - "bench_fill".length()));
                }
            }
            for (String prefix : prefixes) {
                drop(pool, prefix);
                System.out.println("dropped " + prefix + "* on PostgreSQL");
            }
        }
        if (Files.exists(H2_FOLDER)) {
            try (Stream<Path> files = Files.walk(H2_FOLDER)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.out.println("deleted " + H2_FOLDER);
        }
    }

    private static void drop(DataSource dataSource, String prefix) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : new String[] {"bench_fill", "case_history", "case", "case_type", "schema_version"}) {
                s.execute("DROP TABLE IF EXISTS " + prefix + table);
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop the tables " + prefix + "*", e);
        }
    }

    /** {@code drop}: drops the kept query tables on PostgreSQL ({@code casekit.bench.postgresql}) and H2. */
    public static void main(String[] args) throws SQLException {
        if (args.length != 1 || !args[0].equals("drop")) {
            System.err.println("usage: java -cp benchmarks.jar io.casekit.bench.QueryData drop");
            System.exit(2);
        }
        dropKept(BenchDatabase.POSTGRESQL);
    }
}

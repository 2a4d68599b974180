package io.casekit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.CaseTypeId;
import io.casekit.core.TenantId;
import io.casekit.core.Value;
import io.casekit.core.query.CaseFilter;
import io.casekit.core.query.CasePage;
import io.casekit.core.query.CaseQuery;
import io.casekit.core.query.Direction;
import io.casekit.core.query.SortKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With 20,000 cases, H2 answers the first page of the store's own statements for the common sorts by
 * walking an index in order and stopping after the page: shown by {@code EXPLAIN ANALYZE} of the SQL
 * and parameters the store runs ({@link JdbcCaseStore#pageStatement}), whose plan says
 * {@code index sorted} and counts the rows read ({@code scanCount}), never by timing. Without the
 * index columns in the ORDER BY (docs/benchmarks.md, section 5), H2 reads every matching row and
 * sorts them: thousands of rows here.
 */
class H2QueryPlanTest {
    @RegisterExtension
    static final Databases DATABASES = Databases.only(TestDatabase.H2);

    private static final int CASES = 20_000;
    private static final TenantId TENANT = TenantId.of("t0");
    /** The page size plus the one row that tells whether a next page exists, and some slack for H2's count. */
    private static final int PAGE_READ = 60;

    private TestDatabase db;

    /** One INSERT ... SELECT; {@link Databases} empties the tables after each test, so each test fills. */
    private void fill() {
        db = DATABASES.get(TestDatabase.H2);
        String table = db.prefix + "case";
        // 2 tenants, 20 owners per tenant (1 in 10 cases without owner), 3 types, due dates with 1 in 7
        // empty, severity S1 in 1 of 4 cases of a tenant, creation one minute apart.
        db.jdbi.useHandle(h -> {
            h.execute("INSERT INTO " + table + " (tenant, id, type_id, version, title, description, owner_id, priority,"
                    + " due_date, contact_id, contact_phone, attachment, extensions, created_by, created_at, updated_at,"
                    + " title_folded, status, state, reopened)"
                    + " SELECT 't' || MOD(X, 2), 'c' || X, 'type' || MOD(X, 3), 1, 'Case ' || X, 'description ' || X,"
                    + " CASE WHEN MOD(X, 10) = 0 THEN NULL ELSE 'owner' || MOD(X, 40) END,"
                    + " CASE WHEN MOD(X, 5) = 0 THEN NULL ELSE 'High' END,"
                    + " CASE WHEN MOD(X, 7) = 0 THEN NULL ELSE TIMESTAMP '2026-01-01 00:00:00' + MOD(X, 1000) * INTERVAL '1' HOUR END,"
                    + " 'contact' || MOD(X, 500), NULL, NULL,"
                    + " CASE WHEN MOD(X, 8) = 0 THEN '{\"severity\":\"S1\"}' ELSE '{\"severity\":\"S3\"}' END,"
                    + " 'agent', TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' + X * INTERVAL '1' MINUTE,"
                    + " TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' + X * INTERVAL '1' MINUTE, 'case ' || X,"
                    + " CASE WHEN MOD(X, 10) = 0 THEN 'Waiting' ELSE 'Open' END,"
                    + " CASE WHEN MOD(X, 10) = 0 THEN 'Pending' ELSE 'Processing' END, FALSE"
                    + " FROM SYSTEM_RANGE(1, " + CASES + ")");
            h.execute("ANALYZE");
        });
    }

    @Test
    void theQueueOfAnOwnerByDueDateWalksTheOwnerIndexInOrder() throws Exception {
        fill();
        CaseQuery queue = CaseQuery.builder().in(CaseFilter.Party.OWNER_ID, "owner2")
                .sort(SortKey.DUE_DATE, Direction.ASC).limit(50).build();

        String plan = plan(queue);

        assertThat(plan).contains(db.prefix.toUpperCase() + "CASE_OWNER_DUE").contains("index sorted");
        assertThat(scanCount(plan)).as("rows read, plan %s", plan).isLessThanOrEqualTo(PAGE_READ);
        CasePage page = db.store().page(TENANT, queue);
        assertThat(page.cases()).hasSize(50).allSatisfy(c -> assertThat(c.ownerId()).contains("owner2"));
        assertThat(page.next()).isPresent();
    }

    @Test
    void anExtensionEqualityOfATypeWalksTheTypeIndexInCreationOrder() throws Exception {
        fill();
        CaseQuery severe = CaseQuery.builder().type(CaseTypeId.of("type1"))
                .extensionIn("severity", Value.text("S1")).limit(50).build();

        String plan = plan(severe);

        assertThat(plan).contains(db.prefix.toUpperCase() + "CASE_TYPE_CREATED").contains("index sorted");
        // One case in four matches: about 4 × 51 rows are read, not the 3,333 of the type.
        assertThat(scanCount(plan)).as("rows read, plan %s", plan).isLessThanOrEqualTo(4 * PAGE_READ);
    }

    /** One state (status) of ten, in the default order: the index of schema version 4, walked in order. */
    @Test
    void aStateOrStatusFilterWalksItsIndexInCreationOrder() throws Exception {
        fill();
        CaseQuery pending = CaseQuery.builder().filter(new CaseFilter.StateIn(java.util.Set.of(io.casekit.core.CaseState.PENDING)))
                .limit(50).build();
        String plan = plan(pending);
        assertThat(plan).contains(db.prefix.toUpperCase() + "CASE_STATE").contains("index sorted");
        assertThat(scanCount(plan)).as("rows read, plan %s", plan).isLessThanOrEqualTo(PAGE_READ);
        assertThat(db.store().page(TENANT, pending).cases()).hasSize(50)
                .allSatisfy(c -> assertThat(c.state()).isEqualTo(io.casekit.core.CaseState.PENDING));

        CaseQuery waiting = CaseQuery.builder().filter(new CaseFilter.StatusIn(java.util.Set.of("Waiting"))).limit(50).build();
        plan = plan(waiting);
        assertThat(plan).contains(db.prefix.toUpperCase() + "CASE_STATUS").contains("index sorted");
        assertThat(scanCount(plan)).as("rows read, plan %s", plan).isLessThanOrEqualTo(PAGE_READ);
        assertThat(db.store().page(TENANT, waiting).cases()).hasSize(50)
                .allSatisfy(c -> assertThat(c.status()).isEqualTo("Waiting"));
    }

    @Test
    void theDueDateOrderOfATenantWalksTheDueIndexInOrder() throws Exception {
        fill();
        CaseQuery due = CaseQuery.builder().sort(SortKey.DUE_DATE, Direction.ASC).limit(50).build();

        String plan = plan(due);

        assertThat(plan).contains(db.prefix.toUpperCase() + "CASE_DUE").contains("index sorted");
        assertThat(scanCount(plan)).as("rows read, plan %s", plan).isLessThanOrEqualTo(PAGE_READ);
    }

    /**
     * Later pages of the default order (creation time, a column that is never empty) start where the
     * previous page ended: H2 seeks the index to the keyset position, {@code (created_at, id) > (?, ?)}.
     * (After a position in an order by a key that may be empty, due date or priority, the condition
     * reads {@code OR due_date IS NULL} and H2 walks the index from its start: documented in
     * docs/benchmarks.md, section 5.)
     */
    @Test
    void laterPagesOfTheDefaultOrderReadOnlyTheirRows() throws Exception {
        fill();
        CaseQuery all = CaseQuery.builder().limit(50).build();
        CaseQuery query = all;
        for (int page = 1; page <= 6; page++) {
            query = all.after(db.store().page(TENANT, query).next().orElseThrow());
        }

        String plan = plan(query);

        assertThat(plan).contains(db.prefix.toUpperCase() + "CASE_CREATED").contains("index sorted");
        assertThat(scanCount(plan)).as("rows read for the 7th page, plan %s", plan).isLessThanOrEqualTo(PAGE_READ);
    }

    /** The largest {@code scanCount} of the plan's tables. */
    private static int scanCount(String plan) {
        Matcher m = Pattern.compile("scanCount: (\\d+)").matcher(plan);
        int max = -1;
        while (m.find()) {
            max = Math.max(max, Integer.parseInt(m.group(1)));
        }
        assertThat(max).as("a scanCount in %s", plan).isNotNegative();
        return max;
    }

    /** {@code EXPLAIN ANALYZE} of the statement the store runs for the query, with its parameters. */
    private String plan(CaseQuery query) throws Exception {
        CaseQuerySql.Bound statement = db.store().pageStatement(TENANT, query);
        return db.jdbi.withHandle(h -> {
            Connection c = h.getConnection();
            try (PreparedStatement explain = c.prepareStatement("EXPLAIN ANALYZE " + statement.sql)) {
                statement.bind(explain);
                try (ResultSet rs = explain.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }
}

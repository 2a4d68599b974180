package io.casekit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.CaseTypeId;
import io.casekit.core.TenantId;
import io.casekit.core.Value;
import io.casekit.core.query.CaseFilter;
import io.casekit.core.query.CaseQuery;
import io.casekit.core.query.Direction;
import io.casekit.core.query.SortKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * With 100,000 cases in five tenants (a realistic spread of owners, types, priorities, due dates and
 * extension values, then ANALYZE), PostgreSQL answers the store's own statements through indexes,
 * never a sequential scan of the case table: shown by {@code EXPLAIN (FORMAT JSON)} of the SQL and
 * parameters the store runs ({@link JdbcCaseStore#pageStatement}), never by timing. Runs when
 * {@code casekit.databases} lists PostgreSQL and fails when it is down.
 */
class PostgreSqlQueryPlanTest {
    @RegisterExtension
    static final Databases DATABASES = Databases.only(TestDatabase.POSTGRESQL);

    private static final int CASES = 100_000;
    private static final TenantId TENANT = TenantId.of("t0");

    private TestDatabase db;

    /** Every test: {@link Databases} empties the tables after each. */
    @BeforeEach
    void fill() {
        db = DATABASES.get(TestDatabase.POSTGRESQL);
        String table = db.prefix + "case";
        // One INSERT ... SELECT over generate_series: 5 tenants, 200 owners (each in one tenant, 1 in
        // 10 cases without owner), 3 types, priorities with 1 in 5 empty, due dates over 6 weeks with
        // 1 in 7 empty, severity S1 in 1 of 1,000 cases, S2 in 1 of 10, else S3.
        db.jdbi.useHandle(h -> {
            h.execute("INSERT INTO " + table + " (tenant, id, type_id, version, title, description, owner_id, priority,"
                    + " due_date, contact_id, contact_phone, attachment, extensions, created_by, created_at, updated_at,"
                    + " title_folded, status, state, reopened)"
                    + " SELECT 't' || (g % 5), 'c' || g, 'type' || (g % 3), 1, 'Case ' || g, 'description ' || g,"
                    + " CASE WHEN g % 10 = 0 THEN NULL ELSE 'owner' || (g % 200) END,"
                    + " CASE WHEN g % 5 = 0 THEN NULL ELSE (ARRAY['Low', 'Medium', 'High', 'Critical'])[g % 4 + 1] END,"
                    + " CASE WHEN g % 7 = 0 THEN NULL ELSE TIMESTAMP '2026-01-01 00:00:00' + (g % 1000) * INTERVAL '1 hour' END,"
                    + " 'contact' || (g % 5000), NULL, NULL,"
                    + " jsonb_build_object('severity', CASE WHEN g % 1000 = 0 THEN 'S1' WHEN g % 10 = 0 THEN 'S2' ELSE 'S3' END,"
                    + "   'channel', (ARRAY['phone', 'mail', 'web'])[g % 3 + 1],"
                    + "   'amount', jsonb_build_object('decimal', ((g % 10000) / 100.0)::text),"
                    + "   'tags', CASE WHEN g % 4 = 0 THEN jsonb_build_array('vip') ELSE jsonb_build_array() END),"
                    + " 'agent' || (g % 50),"
                    + " TIMESTAMPTZ '2026-01-01 00:00:00+00' + g * INTERVAL '1 minute',"
                    + " TIMESTAMPTZ '2026-01-01 00:00:00+00' + g * INTERVAL '1 minute',"
                    + " 'case ' || g, 'Open', 'Processing', FALSE"
                    + " FROM generate_series(1, " + CASES + ") AS g");
            h.execute("ANALYZE " + table);
        });
    }

    /** The queue: an owner's cases by due date, first page (and the next); the owner-and-due-date index serves filter and order. */
    @Test
    void theQueueOfAnOwnerByDueDateReadsAnIndexInOrder() throws Exception {
        CaseQuery queue = CaseQuery.builder().in(CaseFilter.Party.OWNER_ID, "owner5")
                .sort(SortKey.DUE_DATE, Direction.ASC).limit(50).build();

        List<Map<String, Object>> nodes = plan(queue);

        assertNoSequentialScanOfTheCaseTable(nodes);
        assertThat(indexesUsed(nodes)).as("plan %s", nodes).containsExactly(db.prefix + "case_owner_due");
        assertThat(nodeTypes(nodes)).as("no sort: the index gives the order").doesNotContain("Sort", "Incremental Sort");
        io.casekit.core.query.CasePage first = db.store().page(TENANT, queue);
        assertThat(first.cases()).hasSize(50);

        // The next page: the keyset condition is a filter on the same ordered index walk.
        List<Map<String, Object>> next = plan(queue.after(first.next().orElseThrow()));
        assertNoSequentialScanOfTheCaseTable(next);
        assertThat(indexesUsed(next)).as("plan %s", next).containsExactly(db.prefix + "case_owner_due");
    }

    /** {@code severity = 'S1'}: jsonb containment, served by the GIN index on extensions. */
    @Test
    void anExtensionEqualityUsesTheGinIndex() throws Exception {
        CaseQuery severe = CaseQuery.builder().type(CaseTypeId.of("type1"))
                .extensionIn("severity", Value.text("S1")).build();

        List<Map<String, Object>> nodes = plan(severe);

        assertNoSequentialScanOfTheCaseTable(nodes);
        assertThat(indexesUsed(nodes)).as("plan %s", nodes).contains(db.prefix + "case_extensions");
        long expected = java.util.stream.IntStream.rangeClosed(1, CASES).filter(g -> g % 1000 == 0 && g % 3 == 1).count();
        assertThat(expected).isPositive();
        assertThat(db.store().count(TENANT, severe)).isEqualTo(expected);
    }

    private void assertNoSequentialScanOfTheCaseTable(List<Map<String, Object>> nodes) {
        assertThat(nodes).as("the plan's nodes").isNotEmpty();
        assertThat(nodes).filteredOn(n -> "Seq Scan".equals(n.get("Node Type")))
                .as("sequential scans in %s", nodes).isEmpty();
        assertThat(nodes).filteredOn(n -> (db.prefix + "case").equals(n.get("Relation Name")))
                .as("the case table is read").isNotEmpty();
    }

    /** Every node of the plan of {@code EXPLAIN (FORMAT JSON)} of the statement the store runs for the query. */
    private List<Map<String, Object>> plan(CaseQuery query) throws Exception {
        CaseQuerySql.Bound statement = db.store().pageStatement(TENANT, query);
        String json = db.jdbi.withHandle(h -> {
            Connection c = h.getConnection();
            try (PreparedStatement explain = c.prepareStatement("EXPLAIN (FORMAT JSON) " + statement.sql)) {
                statement.bind(explain);
                try (ResultSet rs = explain.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
        List<Map<String, Object>> nodes = new ArrayList<>();
        try (JsonParser p = JsonFactory.builder().build().createParser(ObjectReadContext.empty(), json)) {
            collect(read(p, p.nextToken()), nodes);
        }
        return nodes;
    }

    private static List<String> nodeTypes(List<Map<String, Object>> nodes) {
        return nodes.stream().map(n -> String.valueOf(n.get("Node Type"))).toList();
    }

    private static List<String> indexesUsed(List<Map<String, Object>> nodes) {
        return nodes.stream().filter(n -> n.containsKey("Index Name")).map(n -> (String) n.get("Index Name")).distinct().toList();
    }

    /** Collects every object that has a "Node Type", depth first. */
    @SuppressWarnings("unchecked")
    private static void collect(Object json, List<Map<String, Object>> nodes) {
        if (json instanceof Map<?, ?> map) {
            if (map.containsKey("Node Type")) {
                Map<String, Object> node = new LinkedHashMap<>((Map<String, Object>) map);
                node.remove("Plans");
                nodes.add(node);
            }
            map.values().forEach(v -> collect(v, nodes));
        } else if (json instanceof List<?> list) {
            list.forEach(v -> collect(v, nodes));
        }
    }

    private static Object read(JsonParser p, JsonToken t) {
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    map.put(name, read(p, p.nextToken()));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    list.add(read(p, e));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getString();
            default:
                return p.getString();
        }
    }
}

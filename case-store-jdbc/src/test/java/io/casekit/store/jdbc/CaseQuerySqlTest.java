package io.casekit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.CaseId;
import io.casekit.core.Priority;
import io.casekit.core.TenantId;
import io.casekit.core.Value;
import io.casekit.core.query.CaseFilter;
import io.casekit.core.query.CaseQuery;
import io.casekit.core.query.CaseSort;
import io.casekit.core.query.Direction;
import io.casekit.core.query.PagePosition;
import io.casekit.core.query.SortKey;
import io.casekit.core.query.SortValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The statements of queries, without a database: the text depends only on the query's shape (so a
 * driver can cache it), every value is a parameter, and the table prefix is the only text besides
 * the library's own.
 */
class CaseQuerySqlTest {

    private static CaseQuerySql sql(JdbcDialect dialect) {
        return new CaseQuerySql(new Statements("myapp_", dialect), dialect, new TimeColumns(dialect));
    }

    private static CaseQuery query(String text, String owner, String severity, String tag, String amount, LocalDate day,
                                   PagePosition after) {
        return CaseQuery.builder().type("ticket").in(CaseFilter.Party.OWNER_ID, owner, owner + "x")
                .titleContains(text).priorityIn(Priority.HIGH)
                .dueDate(LocalDateTime.of(2026, 1, 1, 0, 0), null)
                .time(CaseFilter.Time.UPDATED_AT, Instant.parse("2026-01-01T00:00:00Z"), null)
                .extensionIn("severity", Value.text(severity)).extensionIn("vip", Value.bool(true))
                .extensionContainsAny("tags", tag).extensionRange("amount", Value.decimal(new BigDecimal(amount)), null)
                .extensionRange("since", Value.date(day), Value.date(day.plusDays(3)))
                .extensionPresent("note", false)
                .sort(SortKey.DUE_DATE, Direction.DESC).after(after).limit(10).build();
    }

    @ParameterizedTest
    @EnumSource(JdbcDialect.class)
    void theTextDependsOnlyOnTheShapeAndEveryValueIsAParameter(JdbcDialect dialect) {
        CaseSort sort = new CaseSort(SortKey.DUE_DATE, Direction.DESC);
        CaseQuery one = query("50%_off", "alice", "S1", "vip", "1.50", LocalDate.of(2026, 2, 1),
                new PagePosition(sort, Optional.of(new SortValue.Due(LocalDateTime.of(2026, 3, 1, 0, 0))), CaseId.of("c1")));
        CaseQuery two = query("zq'; DROP TABLE x; --", "bob", "S2", "legal", "99", LocalDate.of(2027, 5, 5),
                new PagePosition(sort, Optional.of(new SortValue.Due(LocalDateTime.of(2027, 1, 1, 0, 0))), CaseId.of("c9")));
        TenantId tenant = TenantId.of("t1");

        CaseQuerySql.Bound a = sql(dialect).page(tenant, one);
        CaseQuerySql.Bound b = sql(dialect).page(tenant, two);

        assertThat(a.sql).isEqualTo(b.sql);
        assertThat(a.values).isNotEqualTo(b.values).hasSameSizeAs(b.values)
                .hasSize((int) a.sql.chars().filter(c -> c == '?').count()
                        - (dialect == JdbcDialect.POSTGRESQL ? 2 : 0)); // ?? is PostgreSQL's key-existence operator
        assertThat(b.sql).doesNotContain("zq", "DROP", "bob", "S2", "legal", "99", "2027", "c9", "t1")
                .contains("FROM myapp_case");
        assertThat(b.values).contains("bob", "c9", "t1", 11);
        assertThat(sql(dialect).count(tenant, one).sql).isEqualTo(sql(dialect).count(tenant, two).sql)
                .doesNotContain("LIMIT", "ORDER BY");
    }

    @ParameterizedTest
    @EnumSource(JdbcDialect.class)
    void anEmptyPositionAndAnotherNumberOfValuesAreAnotherShape(JdbcDialect dialect) {
        CaseSort sort = new CaseSort(SortKey.PRIORITY, Direction.ASC);
        CaseQuery empty = CaseQuery.builder().sort(SortKey.PRIORITY, Direction.ASC)
                .after(new PagePosition(sort, Optional.empty(), CaseId.of("c1"))).build();
        CaseQuery valued = CaseQuery.builder().sort(SortKey.PRIORITY, Direction.ASC)
                .after(new PagePosition(sort, Optional.of(new SortValue.Severity(Priority.LOW)), CaseId.of("c1"))).build();
        TenantId tenant = TenantId.of("t1");

        assertThat(sql(dialect).page(tenant, empty).sql).contains("priority_rank IS NULL AND id > ?");
        assertThat(sql(dialect).page(tenant, valued).sql).contains("(priority_rank, id) > (?, ?) OR priority_rank IS NULL");
        assertThat(sql(dialect).page(tenant, valued).values).contains(1);
        assertThat(sql(dialect).page(tenant, CaseQuery.builder().idIn(CaseId.of("a")).build()).sql)
                .isNotEqualTo(sql(dialect).page(tenant, CaseQuery.builder().idIn(CaseId.of("a"), CaseId.of("b")).build()).sql);
    }

    @ParameterizedTest
    @EnumSource(JdbcDialect.class)
    void likeCharactersAreEscaped(JdbcDialect dialect) {
        CaseQuerySql.Bound bound = sql(dialect).page(TenantId.of("t1"), CaseQuery.builder().titleContains("A!%_\\B").build());

        assertThat(bound.values).contains("%a!!!%!_\\b%");
    }
}

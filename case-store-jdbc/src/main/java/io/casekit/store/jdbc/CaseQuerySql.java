package io.casekit.store.jdbc;

import io.casekit.core.CaseId;
import io.casekit.core.CaseState;
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
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The SQL of {@link io.casekit.core.spi.CaseQueries} for one dialect: one place per concept (the
 * filters, the sort, the keyset condition, the JSON of extension fields). Every value is a bound
 * parameter; the text depends only on the query's shape (which filters, how many values each, the
 * sort, whether a position is present and empty), so that a driver can cache the statements.
 *
 * <p>The meaning is that of {@link CaseFilter#test} and {@link CaseSort}, on every dialect:
 * <ul>
 *   <li>title contains: {@code title_folded LIKE ? ESCAPE '!'}, the needle folded with
 *       {@link CaseFilter.TitleContains#fold} and {@code !}, {@code %}, {@code _} escaped;
 *       {@code title_folded} is written by the store with the same folding;</li>
 *   <li>priority: by {@code priority_rank} (1 Low to 4 Critical, a generated column);</li>
 *   <li>title order: by code point (PostgreSQL {@code COLLATE "C"}, MariaDB's
 *       {@code utf8mb4_nopad_bin} column, H2 the UTF-8 bytes {@code CAST(title AS VARBINARY)});</li>
 *   <li>empty {@code dueDate} and {@code priority} last in both directions ({@code NULLS LAST}; on
 *       MariaDB, which has no such clause, {@code col IS NULL} first in the order);</li>
 *   <li>extension fields: PostgreSQL {@code jsonb} containment and key existence, MariaDB's JSON
 *       functions, H2 the Java functions of {@link H2Functions}.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
final class CaseQuerySql {
    /** The field names the rules allow; the only text of a query that reaches a JSON path. */
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,62}");
    /** The escape character of LIKE patterns: not the backslash, which MariaDB's literals treat specially. */
    private static final char ESCAPE = '!';

    /** Sets one parameter. */
    @FunctionalInterface
    interface Param {
        void set(PreparedStatement statement, int position) throws SQLException;
    }

    /** A statement and its parameters, in order. */
    static final class Bound {
        final String sql;
        private final List<Param> params;
        /** The parameter values, for tests and logs; instants and due dates as Java values. */
        final List<Object> values;

        private Bound(String sql, List<Param> params, List<Object> values) {
            this.sql = sql;
            this.params = List.copyOf(params);
            this.values = Collections.unmodifiableList(new ArrayList<>(values));
        }

        void bind(PreparedStatement statement) throws SQLException {
            for (int i = 0; i < params.size(); i++) {
                params.get(i).set(statement, i + 1);
            }
        }

        @Override
        public String toString() {
            return sql + " " + values;
        }
    }

    private final JdbcDialect dialect;
    private final String caseTable;
    /** The prefix of H2's function aliases: the table prefix. */
    private final String functions;
    private final TimeColumns time;

    CaseQuerySql(Statements statements, JdbcDialect dialect, TimeColumns time) {
        this.dialect = dialect;
        this.caseTable = statements.caseTable;
        this.functions = statements.prefix;
        this.time = time;
    }

    /**
     * {@code SELECT <case columns> ... WHERE tenant = ? AND <filters> AND <after the position>
     * ORDER BY <sort> LIMIT <limit + 1>}: the one row beyond the limit tells that a next page exists.
     *
     * @throws IllegalArgumentException when an extension filter names a field no rule allows
     */
    Bound page(TenantId tenant, CaseQuery query) {
        Builder b = new Builder();
        b.sql.append("SELECT ").append(Statements.CASE_COLUMNS).append(" FROM ").append(caseTable);
        where(b, tenant, query);
        query.after().ifPresent(position -> {
            b.sql.append(" AND ");
            after(b, position);
        });
        b.sql.append(" ORDER BY ");
        order(b, query);
        b.sql.append(" LIMIT ?");
        int limit = query.limit() + 1;
        b.param(limit, (s, i) -> s.setInt(i, limit));
        return b.build();
    }

    /**
     * {@code SELECT COUNT(*) ... WHERE tenant = ? AND <filters>}: sort, limit and position ignored.
     *
     * @throws IllegalArgumentException when an extension filter names a field no rule allows
     */
    Bound count(TenantId tenant, CaseQuery query) {
        Builder b = new Builder();
        b.sql.append("SELECT COUNT(*) FROM ").append(caseTable);
        where(b, tenant, query);
        return b.build();
    }

    private void where(Builder b, TenantId tenant, CaseQuery query) {
        b.sql.append(" WHERE tenant = ?");
        b.text(tenant.value());
        for (CaseFilter filter : query.filters()) {
            b.sql.append(" AND ");
            filter(b, filter);
        }
    }

    // --- filters --------------------------------------------------------------------------------

    private void filter(Builder b, CaseFilter filter) {
        if (filter instanceof CaseFilter.IdIn f) {
            in(b, "id", f.ids().stream().map(CaseId::value).toList());
        } else if (filter instanceof CaseFilter.TypeIs f) {
            b.sql.append("type_id = ?");
            b.text(f.type().value());
        } else if (filter instanceof CaseFilter.PartyIn f) {
            in(b, partyColumn(f.field()), f.values());
        } else if (filter instanceof CaseFilter.PartyEmpty f) {
            b.sql.append(partyColumn(f.field())).append(" IS NULL");
        } else if (filter instanceof CaseFilter.ContactPhoneIs f) {
            b.sql.append("contact_phone = ?");
            b.text(f.phone());
        } else if (filter instanceof CaseFilter.ClosedIs f) {
            b.sql.append(f.closed() ? "closed_at IS NOT NULL" : "closed_at IS NULL");
        } else if (filter instanceof CaseFilter.StatusIn f) {
            in(b, "status", f.values());
        } else if (filter instanceof CaseFilter.StateIn f) {
            in(b, "state", f.values().stream().map(CaseState::wireName).toList());
        } else if (filter instanceof CaseFilter.PriorityIn f) {
            b.sql.append("priority_rank IN (");
            int n = 0;
            for (Priority p : f.values()) {
                b.sql.append(n++ == 0 ? "?" : ", ?");
                int rank = rank(p);
                b.param(rank, (s, i) -> s.setInt(i, rank));
            }
            b.sql.append(')');
        } else if (filter instanceof CaseFilter.DueDateIn f) {
            range(b, "due_date", f.from().map(d -> dueDate(b, d)), f.to().map(d -> dueDate(b, d)));
        } else if (filter instanceof CaseFilter.DueDateEmpty) {
            b.sql.append("due_date IS NULL");
        } else if (filter instanceof CaseFilter.TimeIn f) {
            String column = f.field() == CaseFilter.Time.CREATED_AT ? "created_at" : "updated_at";
            range(b, column, f.from().map(t -> instant(b, t)), f.to().map(t -> instant(b, t)));
        } else if (filter instanceof CaseFilter.TitleContains f) {
            b.sql.append("title_folded LIKE ? ESCAPE '").append(ESCAPE).append('\'');
            b.text("%" + escapeLike(CaseFilter.TitleContains.fold(f.text())) + "%");
        } else if (filter instanceof CaseFilter.ExtensionIn f) {
            extensionIn(b, field(f.field()), f.values());
        } else if (filter instanceof CaseFilter.ExtensionContainsAny f) {
            extensionContainsAny(b, field(f.field()), f.values());
        } else if (filter instanceof CaseFilter.ExtensionRange f) {
            extensionRange(b, field(f.field()), f.from(), f.to());
        } else if (filter instanceof CaseFilter.ExtensionPresent f) {
            extensionPresent(b, field(f.field()), f.present());
        } else {
            throw new IllegalArgumentException("the JDBC store does not know the filter " + filter.getClass());
        }
    }

    private static String partyColumn(CaseFilter.Party party) {
        return switch (party) {
            case OWNER_ID -> "owner_id";
            case CONTACT_ID -> "contact_id";
            case CREATED_BY -> "created_by";
        };
    }

    /** {@code column IN (?, ...)}; {@code 1 = 0} for no values, which match no case (SQL has no empty list). */
    private static void in(Builder b, String column, Collection<String> values) {
        if (values.isEmpty()) {
            b.sql.append("1 = 0");
            return;
        }
        b.sql.append(column).append(" IN (");
        int n = 0;
        for (String v : values) {
            b.sql.append(n++ == 0 ? "?" : ", ?");
            b.text(v);
        }
        b.sql.append(')');
    }

    /**
     * {@code from <= column < to}; {@code TRUE} when both ends are open (the service refuses such a
     * filter for no range, but the meaning is "any value", and an empty one fails the comparison).
     */
    private static void range(Builder b, String column, Optional<String> from, Optional<String> to) {
        if (from.isEmpty() && to.isEmpty()) {
            b.sql.append(column).append(" IS NOT NULL");
            return;
        }
        from.ifPresent(p -> b.sql.append(column).append(" >= ").append(p));
        if (from.isPresent() && to.isPresent()) {
            b.sql.append(" AND ");
        }
        to.ifPresent(p -> b.sql.append(column).append(" < ").append(p));
    }

    /** Adds a due date parameter; returns its placeholder. Called in the order of the text. */
    private String dueDate(Builder b, LocalDateTime d) {
        b.param(d, (s, i) -> s.setObject(i, d));
        return "?";
    }

    private String instant(Builder b, Instant t) {
        b.param(t, (s, i) -> time.setInstant(s, i, t));
        return "?";
    }

    static String escapeLike(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ESCAPE || c == '%' || c == '_') {
                out.append(ESCAPE);
            }
            out.append(c);
        }
        return out.toString();
    }

    // --- extension fields -----------------------------------------------------------------------

    /** Checks a field name against the rules' pattern, before it goes into any JSON path. */
    private static String field(String name) {
        if (!FIELD_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("An extension field name is a letter, then letters, digits or "
                    + "underscores, at most 63 characters; the query names another");
        }
        return name;
    }

    /** MariaDB's JSON path of a field checked by {@link #field}, optionally one key deeper. */
    private static String path(String field, String key) {
        return "$.\"" + field + "\"" + (key.isEmpty() ? "" : "." + key);
    }

    /** The JSON of one field and value, as the column holds it: {@code {"field": value}}. */
    private static String json(String field, Value value) {
        return ValueColumns.extensions(Map.of(field, value));
    }

    private void extensionIn(Builder b, String field, Set<Value> values) {
        List<Value> texts = values.stream().filter(Value.Text.class::isInstance).toList();
        List<Value> bools = values.stream().filter(Value.Bool.class::isInstance).toList();
        if (texts.size() + bools.size() != values.size()) {
            throw new IllegalArgumentException("an equality filter on an extension field takes texts and booleans only");
        }
        switch (dialect) {
            case POSTGRESQL -> {
                // Containment of {"field": value}: exact and typed ("true" is not true), index-backed by GIN.
                b.sql.append('(');
                int n = 0;
                for (Value v : values) {
                    b.sql.append(n++ == 0 ? "" : " OR ").append("extensions @> CAST(? AS JSONB)");
                    b.text(json(field, v));
                }
                b.sql.append(')');
            }
            case MARIADB -> {
                // JSON_CONTAINS compares typed JSON values; a list would contain a scalar, hence the type check.
                b.sql.append("(JSON_TYPE(JSON_EXTRACT(extensions, ?)) IN ('STRING', 'BOOLEAN') AND (");
                b.text(path(field, ""));
                int n = 0;
                for (Value v : values) {
                    b.sql.append(n++ == 0 ? "" : " OR ").append("JSON_CONTAINS(extensions, ?, ?)");
                    b.text(scalarJson(v));
                    b.text(path(field, ""));
                }
                b.sql.append("))");
            }
            case H2 -> {
                // A cheap necessary condition first: the column's text holds "field":value exactly as the
                // store writes it (ValueColumns, compact JSON), for one of the values; then the exact test
                // through the Java function, which a LIKE alone is not (the text could sit in a list).
                b.sql.append('(');
                int n = 0;
                for (Value v : values) {
                    b.sql.append(n++ == 0 ? "(" : " OR ").append("extensions LIKE ? ESCAPE '").append(ESCAPE).append('\'');
                    String member = json(field, v);
                    b.text("%" + escapeLike(member.substring(1, member.length() - 1)) + "%");
                }
                b.sql.append(") AND (");
                if (!texts.isEmpty()) {
                    b.sql.append(functions).append("ext_text(extensions, ?) IN (");
                    b.text(field);
                    for (int i = 0; i < texts.size(); i++) {
                        b.sql.append(i == 0 ? "?" : ", ?");
                        b.text(((Value.Text) texts.get(i)).value());
                    }
                    b.sql.append(')');
                }
                if (!bools.isEmpty()) {
                    b.sql.append(texts.isEmpty() ? "" : " OR ").append(functions).append("ext_bool(extensions, ?) IN (");
                    b.text(field);
                    for (int i = 0; i < bools.size(); i++) {
                        b.sql.append(i == 0 ? "?" : ", ?");
                        boolean v = ((Value.Bool) bools.get(i)).value();
                        b.param(v, (s, p) -> s.setBoolean(p, v));
                    }
                    b.sql.append(')');
                }
                b.sql.append("))");
            }
        }
    }

    /** The JSON of a text or boolean value alone: {@code "S1"}, {@code true}. */
    private static String scalarJson(Value v) {
        String object = json("v", v);
        // {"v":<value>}: the value is what lies between the first colon and the closing brace.
        return object.substring(object.indexOf(':') + 1, object.length() - 1);
    }

    private void extensionContainsAny(Builder b, String field, Set<String> values) {
        switch (dialect) {
            case POSTGRESQL -> {
                // {"field": ["x"]} is contained exactly when the stored list holds "x".
                b.sql.append('(');
                int n = 0;
                for (String v : values) {
                    b.sql.append(n++ == 0 ? "" : " OR ").append("extensions @> CAST(? AS JSONB)");
                    b.text(json(field, new Value.TextList(List.of(v))));
                }
                b.sql.append(')');
            }
            case MARIADB -> {
                b.sql.append("(JSON_TYPE(JSON_EXTRACT(extensions, ?)) = 'ARRAY' AND (");
                b.text(path(field, ""));
                int n = 0;
                for (String v : values) {
                    b.sql.append(n++ == 0 ? "" : " OR ").append("JSON_CONTAINS(extensions, ?, ?)");
                    b.text(scalarJson(new Value.Text(v)));
                    b.text(path(field, ""));
                }
                b.sql.append("))");
            }
            case H2 -> {
                b.sql.append(functions).append("ext_has_any(extensions, ?, ?)");
                b.text(field);
                b.text(json("any", new Value.TextList(List.copyOf(values))));
            }
        }
    }

    private void extensionRange(Builder b, String field, Optional<Value> from, Optional<Value> to) {
        if (from.isEmpty() && to.isEmpty()) {
            // Both bounds open: the field has a value, as CaseFilter.ExtensionRange#test reads it.
            extensionPresent(b, field, true);
            return;
        }
        Value kind = from.or(() -> to).orElseThrow();
        if (from.isPresent() && to.isPresent() && from.get().getClass() != to.get().getClass()) {
            throw new IllegalArgumentException("the bounds of a range filter are of different kinds");
        }
        String key;
        String h2Function;
        String pgType;
        String mariaType;
        if (kind instanceof Value.Decimal) {
            key = ValueColumns.DECIMAL;
            h2Function = "ext_decimal";
            pgType = "NUMERIC";
            mariaType = "DECIMAL(65, 30)";
        } else if (kind instanceof Value.Date) {
            key = ValueColumns.DATE;
            h2Function = "ext_date";
            pgType = "DATE";
            mariaType = "DATE";
        } else if (kind instanceof Value.DateTime) {
            key = ValueColumns.DATE_TIME;
            h2Function = "ext_date_time";
            pgType = "TIMESTAMP";
            mariaType = "DATETIME";
        } else {
            throw new IllegalArgumentException("a range filter on an extension field takes numbers, dates or date-times");
        }
        // The value of the field when it is of the bound's kind, else NULL, which no comparison matches.
        String value = switch (dialect) {
            case POSTGRESQL -> {
                b.text(field);
                yield "CAST(extensions -> ? ->> '" + key + "' AS " + pgType + ")";
            }
            case MARIADB -> {
                b.text(path(field, key));
                yield "CAST(JSON_VALUE(extensions, ?) AS " + mariaType + ")";
            }
            case H2 -> {
                b.text(field);
                yield functions + h2Function + "(extensions, ?)";
            }
        };
        // The value expression is repeated for a second bound, with its own parameter.
        Optional<Value> second = from.isPresent() ? to : Optional.empty();
        b.sql.append('(');
        if (from.isPresent()) {
            b.sql.append(value).append(" >= ?");
            rangeBound(b, from.get());
        } else {
            b.sql.append(value).append(" < ?");
            rangeBound(b, to.orElseThrow());
        }
        if (second.isPresent()) {
            b.sql.append(" AND ");
            switch (dialect) {
                case POSTGRESQL, H2 -> b.text(field);
                case MARIADB -> b.text(path(field, key));
            }
            b.sql.append(value).append(" < ?");
            rangeBound(b, second.get());
        }
        b.sql.append(')');
    }

    private static void rangeBound(Builder b, Value bound) {
        if (bound instanceof Value.Decimal d) {
            BigDecimal v = d.value();
            b.param(v, (s, i) -> s.setBigDecimal(i, v));
        } else if (bound instanceof Value.Date d) {
            LocalDate v = d.value();
            b.param(v, (s, i) -> s.setObject(i, v));
        } else if (bound instanceof Value.DateTime d) {
            LocalDateTime v = d.value();
            b.param(v, (s, i) -> s.setObject(i, v));
        }
    }

    private void extensionPresent(Builder b, String field, boolean present) {
        b.sql.append(present ? "" : "NOT ");
        switch (dialect) {
            // ?? is the driver's escape of the jsonb key-existence operator ?, which the GIN index serves.
            case POSTGRESQL -> b.sql.append("(extensions ?? ?)");
            case MARIADB -> b.sql.append("JSON_CONTAINS_PATH(extensions, 'one', ?)");
            case H2 -> b.sql.append(functions).append("ext_present(extensions, ?)");
        }
        b.text(dialect == JdbcDialect.MARIADB ? path(field, "") : field);
    }

    // --- order and position ---------------------------------------------------------------------

    /** The SQL expression a sort key orders by. */
    private String sortExpression(SortKey key) {
        return switch (key) {
            case CREATED_AT -> "created_at";
            case UPDATED_AT -> "updated_at";
            case DUE_DATE -> "due_date";
            case PRIORITY -> "priority_rank";
            case TITLE -> switch (dialect) {
                case POSTGRESQL -> "title COLLATE \"C\"";
                case MARIADB -> "title";
                case H2 -> "CAST(title AS VARBINARY)";
            };
        };
    }

    private static boolean nullable(SortKey key) {
        return key == SortKey.DUE_DATE || key == SortKey.PRIORITY;
    }

    private void order(Builder b, CaseQuery query) {
        CaseSort sort = query.sort();
        String dir = sort.direction() == Direction.ASC ? " ASC" : " DESC";
        if (dialect == JdbcDialect.H2) {
            for (String column : h2IndexPrefix(query)) {
                b.sql.append(column).append(dir).append(", ");
            }
        }
        String expression = sortExpression(sort.key());
        if (!nullable(sort.key())) {
            b.sql.append(expression).append(dir);
        } else if (dialect == JdbcDialect.MARIADB) {
            b.sql.append(expression).append(" IS NULL, ").append(expression).append(dir);
        } else {
            b.sql.append(expression).append(dir).append(" NULLS LAST");
        }
        b.sql.append(", id").append(dir);
    }

    /**
     * H2 only: the columns the WHERE fixes to one value and that lead an index of schema version 3
     * before the sort key, in the index's order. H2 2.x walks an index in order (and stops after the
     * limit) only when the ORDER BY names the index's leading columns too, even those the WHERE
     * fixes; without them it reads every matching row and sorts (measured: docs/benchmarks.md,
     * section 5). Naming a column fixed to one value changes no order. PostgreSQL and MariaDB drop
     * such columns themselves, so their ORDER BY does not name them.
     */
    private static List<String> h2IndexPrefix(CaseQuery query) {
        List<String> prefix = new ArrayList<>(2);
        prefix.add("tenant");
        SortKey key = query.sort().key();
        if (key == SortKey.DUE_DATE && fixesParty(query, CaseFilter.Party.OWNER_ID)) {
            prefix.add("owner_id"); // case_owner_due (tenant, owner_id, due_date NULLS LAST, id)
        } else if (key == SortKey.CREATED_AT && query.filters().stream().anyMatch(CaseFilter.TypeIs.class::isInstance)) {
            prefix.add("type_id"); // case_type_created (tenant, type_id, created_at, id)
        } else if (key == SortKey.CREATED_AT && fixesParty(query, CaseFilter.Party.CONTACT_ID)) {
            prefix.add("contact_id"); // case_contact (tenant, contact_id, created_at, id)
        } else if (key == SortKey.CREATED_AT && query.filters().stream().anyMatch(f ->
                f instanceof CaseFilter.StateIn in && in.values().size() == 1)) {
            prefix.add("state"); // case_state (tenant, state, created_at, id), schema version 4
        } else if (key == SortKey.CREATED_AT && query.filters().stream().anyMatch(f ->
                f instanceof CaseFilter.StatusIn in && in.values().size() == 1)) {
            prefix.add("status"); // case_status (tenant, status, created_at, id), schema version 4
        }
        return prefix;
    }

    /** Whether the query keeps only cases whose party field has one given value. */
    private static boolean fixesParty(CaseQuery query, CaseFilter.Party party) {
        return query.filters().stream().anyMatch(f ->
                f instanceof CaseFilter.PartyIn in && in.field() == party && in.values().size() == 1);
    }

    /**
     * Strictly after the position in the sort's order: {@code (key, id) > (?, ?)} (or {@code <} when
     * descending); for a key that may be empty, {@code OR key IS NULL} since empties come last, and
     * after an empty value only empties with a greater (smaller) id.
     */
    private void after(Builder b, PagePosition position) {
        CaseSort sort = position.sort();
        String op = sort.direction() == Direction.ASC ? " > " : " < ";
        String expression = sortExpression(sort.key());
        String id = position.id().value();
        if (position.value().isEmpty()) {
            b.sql.append('(').append(expression).append(" IS NULL AND id").append(op).append("?)");
            b.text(id);
            return;
        }
        b.sql.append("((").append(expression).append(", id)").append(op).append('(')
                .append(sortValue(b, position.value().get())).append(", ?)");
        b.text(id);
        if (nullable(sort.key())) {
            b.sql.append(" OR ").append(expression).append(" IS NULL");
        }
        b.sql.append(')');
    }

    /** Adds the parameter of a sort value; returns its placeholder. */
    private String sortValue(Builder b, SortValue value) {
        if (value instanceof SortValue.At at) {
            return instant(b, at.value());
        } else if (value instanceof SortValue.Due due) {
            LocalDateTime d = due.value();
            b.param(d, (s, i) -> s.setObject(i, d));
            return "?";
        } else if (value instanceof SortValue.Severity severity) {
            int rank = rank(severity.value());
            b.param(rank, (s, i) -> s.setInt(i, rank));
            return "?";
        } else if (value instanceof SortValue.Title title) {
            b.text(title.value());
            return dialect == JdbcDialect.H2 ? "CAST(? AS VARBINARY)" : "?";
        }
        throw new IllegalArgumentException("the JDBC store does not know the sort value " + value.getClass());
    }

    /** The value of {@code priority_rank}: 1 for Low to 4 for Critical. */
    static int rank(Priority priority) {
        return priority.ordinal() + 1;
    }

    /** Collects the text and the parameters of one statement. */
    private static final class Builder {
        final StringBuilder sql = new StringBuilder(256);
        private final List<Param> params = new ArrayList<>();
        private final List<Object> values = new ArrayList<>();

        void param(Object value, Param param) {
            values.add(value);
            params.add(param);
        }

        void text(String value) {
            param(value, (s, i) -> s.setString(i, value));
        }

        Bound build() {
            return new Bound(sql.toString(), params, values);
        }
    }
}

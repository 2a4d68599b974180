package io.casekit.store.jdbc;

import static io.casekit.store.jdbc.Fixtures.OTHER_TENANT;
import static io.casekit.store.jdbc.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casekit.core.Case;
import io.casekit.core.CaseId;
import io.casekit.core.FieldChange;
import io.casekit.core.HistoryEntry;
import io.casekit.core.Value;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A page of a 100,000-entry history is one query that returns only the page's rows: counted at the
 * JDBC result sets the store reads (each row it got, and whether the database said there were no more),
 * never timed. Reading the whole history through the same counter sees all 100,000 rows, so the
 * counter is known to count.
 */
class HistoryPageTest {
    @RegisterExtension
    static final Databases DATABASES = Databases.requested();

    private static final int ENTRIES = 100_000;

    static List<String> databases() {
        return Databases.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aPageOfAHundredThousandEntriesFetchesOnlyItsRows(String database) throws SQLException {
        TestDatabase db = DATABASES.get(database);
        Case c = Fixtures.minimal(TENANT, "busy");
        db.store().insert(c, Fixtures.creation(c));
        insertHistory(db, c.id(), ENTRIES);
        RowCounting counting = new RowCounting(db.pool(2, true, db.sessionZone()));
        JdbcCaseStore store = JdbcCaseStore.create(Jdbi.create(counting.dataSource()), db.options());

        List<HistoryEntry> page = store.historyPage(TENANT, c.id(), 50_000, 10);

        assertThat(page).extracting(HistoryEntry::version)
                .containsExactly(50_001L, 50_002L, 50_003L, 50_004L, 50_005L, 50_006L, 50_007L, 50_008L, 50_009L, 50_010L);
        assertThat(page.get(0)).isEqualTo(entry(c.id(), 50_001));
        assertThat(counting.queries).hasSize(1);
        assertThat(counting.queries.get(0)).contains("LIMIT ?");
        assertThat(counting.rows).isEqualTo(10);
        // The store read to the end of the result set: the database had no row after the tenth to send.
        assertThat(counting.exhausted).isTrue();

        counting.reset();
        List<HistoryEntry> last = store.historyPage(TENANT, c.id(), ENTRIES - 3, 1_000);
        assertThat(last).extracting(HistoryEntry::version).containsExactly(99_998L, 99_999L, 100_000L);
        assertThat(counting.rows).isEqualTo(3);

        counting.reset();
        assertThat(store.historyPage(TENANT, c.id(), ENTRIES, 1_000)).isEmpty();
        assertThat(store.historyPage(OTHER_TENANT, c.id(), 0, 1_000)).isEmpty();
        assertThat(counting.rows).isZero();

        counting.reset();
        assertThat(store.history(TENANT, c.id())).hasSize(ENTRIES);
        assertThat(counting.rows).isEqualTo(ENTRIES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void badArgumentsAreRefusedBeforeAnyStatement(String database) {
        TestDatabase db = DATABASES.get(database);
        RowCounting counting = new RowCounting(db.pool(1, true, db.sessionZone()));
        JdbcCaseStore store = JdbcCaseStore.create(Jdbi.create(counting.dataSource()), db.options());
        CaseId id = CaseId.of("busy");

        assertThatThrownBy(() -> store.historyPage(TENANT, id, -1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.historyPage(TENANT, id, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.historyPage(TENANT, id, 0, 1_001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.historyPage(null, id, 0, 10)).isInstanceOf(NullPointerException.class);
        assertThat(counting.queries).isEmpty();
    }

    private static HistoryEntry entry(CaseId id, long version) {
        return new HistoryEntry(TENANT, id, version, Fixtures.CREATED.plusMillis(version), "agent-" + (version % 7),
                List.of(new FieldChange("title", Optional.of(Value.text("t" + (version - 1))),
                        Optional.of(Value.text("t" + version)))));
    }

    /** Versions 2 to {@code last}, in batches, straight into the history table (the store's own encoding). */
    private static void insertHistory(TestDatabase db, CaseId id, int last) throws SQLException {
        Statements sql = new Statements(db.prefix, db.dialect);
        db.jdbi.useTransaction(h -> {
            try (PreparedStatement insert = h.getConnection().prepareStatement(sql.insertHistory)) {
                for (int version = 2; version <= last; version++) {
                    HistoryEntry e = entry(id, version);
                    insert.setString(1, TENANT.value());
                    insert.setString(2, id.value());
                    insert.setLong(3, version);
                    new TimeColumns(db.dialect).setInstant(insert, 4, e.at());
                    insert.setString(5, e.actor());
                    insert.setString(6, ValueColumns.changes(e.changes()));
                    insert.setString(7, e.kind().wireName());
                    insert.setNull(8, java.sql.Types.VARCHAR);
                    insert.addBatch();
                    if (version % 1_000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
        });
    }

    /** Wraps a data source; records the statements prepared and counts the rows their result sets gave. */
    private static final class RowCounting {
        private final DataSource target;
        final List<String> queries = new ArrayList<>();
        int rows;
        boolean exhausted;

        RowCounting(DataSource target) {
            this.target = target;
        }

        void reset() {
            queries.clear();
            rows = 0;
            exhausted = false;
        }

        DataSource dataSource() {
            return proxy(DataSource.class, target, (method, result) -> method.getName().equals("getConnection")
                    ? proxy(Connection.class, result, this::onConnection) : result);
        }

        private Object onConnection(java.lang.reflect.Method method, Object result) {
            if (method.getName().equals("prepareStatement") && result instanceof PreparedStatement statement) {
                return proxy(PreparedStatement.class, statement, (m, r) -> m.getName().equals("executeQuery")
                        ? proxy(ResultSet.class, r, this::onResultSet) : r);
            }
            return result;
        }

        private Object onResultSet(java.lang.reflect.Method method, Object result) {
            if (method.getName().equals("next")) {
                if ((Boolean) result) {
                    rows++;
                } else {
                    exhausted = true;
                }
            }
            return result;
        }

        private <T> T proxy(Class<T> type, Object target, Wrap wrap) {
            InvocationHandler handler = (self, method, args) -> {
                if (type == Connection.class && method.getName().equals("prepareStatement")) {
                    queries.add((String) args[0]);
                }
                try {
                    return wrap.apply(method, method.invoke(target, args));
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            return type.cast(Proxy.newProxyInstance(HistoryPageTest.class.getClassLoader(), new Class<?>[] {type}, handler));
        }
    }

    @FunctionalInterface
    private interface Wrap {
        Object apply(java.lang.reflect.Method method, Object result);
    }
}

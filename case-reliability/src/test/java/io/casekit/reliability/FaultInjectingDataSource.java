package io.casekit.reliability;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;
import io.casekit.store.jdbc.JdbcDialect;

/**
 * Sits between a connection pool and the driver, and breaks the connection at one chosen point of
 * the store's work: when a statement on a given table is executed, or at commit. It knows the
 * points by the store's SQL (the table names carry the test's prefix), so an armed fault that no
 * longer matches the store's statements never fires, and {@link #fired()} says so.
 *
 * <p>Two ways of breaking: {@link Mode#CONNECTION_FAILURE} aborts the physical connection (the
 * database sees the socket close and rolls back) and throws the driver-independent SQLState
 * {@code 08006}; {@link Mode#SESSION_KILLED} has the database end the session from another
 * connection ({@link TestDatabase#killSession}) and then lets the driver run into it, so the caller
 * sees whatever the real driver reports. Each fault fires once and is then disarmed. Thread-safe.
 */
final class FaultInjectingDataSource implements DataSource {
    /** Where in a store operation the connection breaks. */
    enum Point {
        /** When the case is read, before anything is written. */
        READ_CASE,
        /**
         * When the statement that updates the case is executed: it never reaches the database. On
         * PostgreSQL and H2 that one statement also inserts the history entry.
         */
        UPDATE_CASE,
        /** When the history INSERT is executed: the UPDATE ran, inside the still open transaction (MariaDB). */
        INSERT_HISTORY,
        /** When COMMIT is called: the commit never reaches the database (MariaDB). */
        COMMIT,
        /**
         * Just after the database committed: the change is stored, but the answer is lost. On
         * MariaDB after COMMIT; on PostgreSQL and H2 after the one statement, which committed itself
         * (autocommit).
         */
        AFTER_COMMIT;

        /**
         * Whether a modify on this database passes the point: PostgreSQL and H2 update the case and
         * insert its history in one statement that commits itself, so they have neither a separate
         * history INSERT nor a COMMIT.
         */
        boolean reachedOn(JdbcDialect dialect) {
            return dialect == JdbcDialect.MARIADB || (this != INSERT_HISTORY && this != COMMIT);
        }
    }

    /** How the connection breaks. */
    enum Mode {
        /** The client side: the physical connection is aborted and SQLState 08006 is thrown. */
        CONNECTION_FAILURE,
        /** The server side: the database kills the session; the driver then meets the dead session. */
        SESSION_KILLED
    }

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate");

    private record Armed(Point point, Mode mode) {}

    private final DataSource physical;
    private final TestDatabase db;
    private final AtomicReference<Armed> armed = new AtomicReference<>();
    private final AtomicInteger fired = new AtomicInteger();

    FaultInjectingDataSource(TestDatabase db) {
        this.db = db;
        this.physical = db.driver();
    }

    /** Breaks the connection the next time the store reaches {@code point}. */
    void arm(Point point, Mode mode) {
        if (!armed.compareAndSet(null, new Armed(point, mode))) {
            throw new IllegalStateException("A fault is armed already");
        }
    }

    /** Disarms a fault that has not fired. */
    void disarm() {
        armed.set(null);
    }

    /** How many faults have fired since this data source was built. */
    int fired() {
        return fired.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(physical.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(physical.getConnection(username, password));
    }

    private Connection wrap(Connection connection) throws SQLException {
        long sessionId;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(db.sessionIdQuery())) {
            rs.next();
            sessionId = rs.getLong(1);
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
        Session session = new Session(connection, sessionId);
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                session);
    }

    /** One physical connection and the session it runs in. */
    private final class Session implements InvocationHandler {
        private final Connection connection;
        private final long sessionId;

        Session(Connection connection, long sessionId) {
            this.connection = connection;
            this.sessionId = sessionId;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("commit")) {
                breakIfArmed(Point.COMMIT);
                call(connection, method, args);
                breakIfArmed(Point.AFTER_COMMIT);
                return null;
            }
            Object result = call(connection, method, args);
            if (name.equals("prepareStatement") && args != null && args[0] instanceof String sql) {
                Point point = pointOf(sql);
                if (point != null) {
                    return statement((PreparedStatement) result, point);
                }
            }
            return result;
        }

        private PreparedStatement statement(PreparedStatement statement, Point point) {
            return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                        if (!EXECUTIONS.contains(method.getName()) || (args != null && args.length > 0)) {
                            return call(statement, method, args);
                        }
                        breakIfArmed(point);
                        Object result = call(statement, method, args);
                        // Under autocommit the update committed itself (the one statement of PostgreSQL and H2).
                        if (point == Point.UPDATE_CASE && connection.getAutoCommit()) {
                            breakIfArmed(Point.AFTER_COMMIT);
                        }
                        return result;
                    });
        }

        private void breakIfArmed(Point point) throws SQLException {
            Armed fault = armed.get();
            if (fault == null || fault.point() != point || !armed.compareAndSet(fault, null)) {
                return;
            }
            fired.incrementAndGet();
            switch (fault.mode()) {
                case CONNECTION_FAILURE -> {
                    // A direct executor: the socket is closed before the exception is thrown.
                    connection.abort(Runnable::run);
                    throw new SQLException("Injected fault: the connection to the database broke", "08006");
                }
                case SESSION_KILLED -> {
                    if (point == Point.AFTER_COMMIT) {
                        throw new IllegalStateException("A session can not be killed after it committed");
                    }
                    // The driver then meets the dead session on its own.
                    db.killSession(sessionId);
                }
            }
        }

        private Point pointOf(String sql) {
            String prefix = db.prefix;
            // The compare-and-set alone (MariaDB), or with the history insert in the same statement:
            // PostgreSQL's data-modifying WITH, H2's INSERT from the FINAL TABLE of the update.
            if (sql.startsWith("UPDATE " + prefix + "case ") || sql.startsWith("WITH updated AS (UPDATE " + prefix + "case ")
                    || (sql.startsWith("INSERT INTO " + prefix + "case_history ")
                    && sql.contains(" FINAL TABLE (UPDATE " + prefix + "case "))) {
                return Point.UPDATE_CASE;
            }
            if (sql.startsWith("INSERT INTO " + prefix + "case_history ")) {
                return Point.INSERT_HISTORY;
            }
            if (sql.startsWith("SELECT ") && sql.contains(" FROM " + prefix + "case WHERE ") && !sql.endsWith(" FOR UPDATE")) {
                return Point.READ_CASE;
            }
            return null;
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return physical.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        physical.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        physical.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return physical.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return physical.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper of " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}

package io.casekit.store.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that counts connections handed back with a transaction still open: statements run
 * with autocommit off and neither committed nor rolled back. It also counts the connections taken,
 * the statements prepared and the commits. A pool such as HikariCP would quietly
 * roll those back; a plainer one would hand the open transaction (and its old snapshot) to the next
 * borrower, so the store must never rely on it.
 */
final class TransactionTrackingDataSource implements DataSource {
    private static final Set<String> STATEMENT_FACTORIES = Set.of("createStatement", "prepareStatement", "prepareCall");

    private final DataSource delegate;
    private final AtomicInteger returnedInTransaction = new AtomicInteger();
    private final AtomicInteger taken = new AtomicInteger();
    private final AtomicInteger prepared = new AtomicInteger();
    private final AtomicInteger commits = new AtomicInteger();

    TransactionTrackingDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    int returnedInTransaction() {
        return returnedInTransaction.get();
    }

    /** How many connections were taken from the data source so far. */
    int connectionsTaken() {
        return taken.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return track(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return track(delegate.getConnection(username, password));
    }

    /** How many statements were prepared (or created) on the connections taken so far. */
    int statementsPrepared() {
        return prepared.get();
    }

    /** How many times {@code commit()} was called on the connections taken so far. */
    int commits() {
        return commits.get();
    }

    private Connection track(Connection connection) {
        taken.incrementAndGet();
        AtomicBoolean dirty = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (STATEMENT_FACTORIES.contains(name)) {
                        prepared.incrementAndGet();
                    } else if (name.equals("commit")) {
                        commits.incrementAndGet();
                    }
                    if (STATEMENT_FACTORIES.contains(name) && !connection.getAutoCommit()) {
                        dirty.set(true);
                    } else if (name.equals("commit") || name.equals("rollback")
                            || (name.equals("setAutoCommit") && Boolean.TRUE.equals(args[0]))) {
                        dirty.set(false);
                    } else if (name.equals("close") && dirty.get()) {
                        returnedInTransaction.incrementAndGet();
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return delegate.isWrapperFor(iface);
    }
}

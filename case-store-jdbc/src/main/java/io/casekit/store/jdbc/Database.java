package io.casekit.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleScope;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.HandleSupplier;

/**
 * The host's database as the store uses it: its {@link Jdbi}, its dialect, and the two ways of
 * running work on it.
 *
 * <p><b>Joining the host's transaction.</b> Jdbi binds a handle to the thread while a
 * {@code jdbi.useTransaction}, {@code inTransaction}, {@code useHandle} or {@code withHandle}
 * callback of the <em>same</em> {@code Jdbi} instance runs. When there is one, the work runs on it:
 * inside the host's transaction it simply joins it (the host commits or rolls back); on a bound
 * handle outside a transaction, a write runs as a short transaction of its own on that handle.
 *
 * <p><b>Otherwise</b> each call takes a connection, runs, and gives it back before returning: a
 * write as one transaction it begins and commits (or rolls back), a read as a single statement. The
 * connection's autocommit mode is read, never assumed: with autocommit off, a read's implicit
 * transaction is committed, and a write commits explicitly, so a pool configured either way works.
 *
 * <p><b>Sessions.</b> {@link #inSession} binds a handle of its own to the thread the same way, so
 * that the calls inside share one connection; unlike on a host's handle, a read there still runs as
 * a single statement and a write as one transaction it begins and commits, exactly as on a handle of
 * their own.
 */
final class Database {
    private static final System.Logger LOG = System.getLogger(Database.class.getName());
    /** Work on a connection. */
    @FunctionalInterface
    interface Work<R> {
        R run(Connection connection) throws SQLException;
    }

    final Jdbi jdbi;
    final JdbcDialect dialect;
    final Statements sql;
    /**
     * The handle of the session the thread is in, if any, whichever store or catalog opened it: a
     * session's handle is bound like a host's, but its reads and writes keep their own transactions.
     */
    private static final ThreadLocal<Handle> SESSION = new ThreadLocal<>();

    Database(Jdbi jdbi, JdbcStoreOptions options) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        Objects.requireNonNull(options, "options");
        this.dialect = options.dialect().orElseGet(() -> detect(jdbi));
        this.sql = new Statements(options.tablePrefix(), dialect);
    }

    /**
     * Runs {@code work} in a session: a handle taken now, bound to the thread in the {@code Jdbi}'s
     * handle scope for the length of the work, and given back when it returns. Every store and
     * catalog on this {@code Jdbi} (and host code that asks the same {@code Jdbi} for a handle) runs on
     * it instead of taking a connection of its own; each read and write keeps its own short
     * transaction. Inside a session already, or on a thread with a host handle, it simply runs.
     *
     * <p>When giving the connection back fails after the work succeeded, the work's result stands
     * (what it wrote is committed) and the failure is logged as a warning, as for every handle the
     * store opens.
     *
     * @throws io.casekit.core.StorageUnavailableException when no connection can be had; the work has not run
     */
    <R> R inSession(Supplier<R> work) {
        HandleScope scope = jdbi.getHandleScope();
        if (scope.get() != null) {
            return work.get();
        }
        Handle handle;
        try {
            handle = jdbi.open();
        } catch (RuntimeException e) {
            throw Failures.unavailable(e, dialect);
        }
        return onOwnHandle(handle, h -> bound(scope, h, work));
    }

    /** Work on a handle of the store's own. */
    @FunctionalInterface
    private interface HandleWork<R, X extends Exception> {
        R run(Handle handle) throws X;
    }

    /**
     * Runs {@code work} on a handle the store opened, then closes it. A failure to close after the
     * work succeeded does not change its outcome (what it wrote is committed; a pool failing to take
     * a connection back does not undo that): it is logged as a warning, and the result stands.
     */
    private static <R, X extends Exception> R onOwnHandle(Handle handle, HandleWork<R, X> work) throws X {
        R result;
        try {
            result = work.run(handle);
        } catch (Throwable e) {
            try {
                handle.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        try {
            handle.close();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not give a connection back after the case store's work", e);
        }
        return result;
    }

    /** Runs the work with the session's handle bound to the thread, and unbinds it. */
    private static <R> R bound(HandleScope scope, Handle handle, Supplier<R> work) {
        Handle outer = SESSION.get();
        scope.set(handle);
        SESSION.set(handle);
        try {
            return work.get();
        } finally {
            scope.clear();
            if (outer == null) {
                SESSION.remove();
            } else {
                SESSION.set(outer);
            }
        }
    }

    /** Runs a read: on the thread's handle if there is one, else on a connection of its own. */
    <R> R read(Work<R> work) throws SQLException {
        HandleSupplier bound = jdbi.getHandleScope().get();
        if (bound != null) {
            Handle handle = bound.getHandle();
            return handle == SESSION.get() ? readOn(handle, work) : work.run(handle.getConnection());
        }
        return onOwnHandle(jdbi.open(), handle -> readOn(handle, work));
    }

    private static <R> R readOn(Handle handle, Work<R> work) throws SQLException {
        if (handle.getConnection().getAutoCommit()) {
            return work.run(handle.getConnection());
        }
        return inOwnTransaction(handle, work);
    }

    /** Runs a write atomically: inside the host's transaction if there is one, else in its own. */
    <R> R write(Work<R> work) throws SQLException {
        HandleSupplier bound = jdbi.getHandleScope().get();
        if (bound != null) {
            Handle handle = bound.getHandle();
            return isHostTransaction(handle) ? work.run(handle.getConnection()) : inOwnTransaction(handle, work);
        }
        return onOwnHandle(jdbi.open(), handle -> inOwnTransaction(handle, work));
    }

    /**
     * Whether work run now would join a transaction the host opened, so that what it writes may still
     * be rolled back by the host.
     */
    boolean inHostTransaction() {
        HandleSupplier bound = jdbi.getHandleScope().get();
        return bound != null && isHostTransaction(bound.getHandle());
    }

    private static boolean isHostTransaction(Handle handle) {
        return handle != SESSION.get() && handle.isInTransaction();
    }

    private static <R> R inOwnTransaction(Handle handle, Work<R> work) throws SQLException {
        // With autocommit off the connection is already in a transaction: begin() would not start
        // one, but commit() and rollback() end it all the same.
        if (handle.getConnection().getAutoCommit()) {
            handle.begin();
        }
        try {
            R result = work.run(handle.getConnection());
            handle.commit();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            rollback(handle, e);
            throw e;
        }
    }

    private static void rollback(Handle handle, Throwable cause) {
        try {
            handle.rollback();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private static JdbcDialect detect(Jdbi jdbi) {
        String product;
        try {
            product = jdbi.withHandle(h -> h.getConnection().getMetaData().getDatabaseProductName());
        } catch (SQLException | RuntimeException e) {
            // No dialect yet; only the SQLState can matter here, and it means the same everywhere.
            throw Failures.unavailable(e, JdbcDialect.H2);
        }
        return JdbcDialect.fromProductName(product).orElseThrow(() -> new IllegalArgumentException(
                "The case store supports H2, PostgreSQL and MariaDB, not " + product));
    }
}

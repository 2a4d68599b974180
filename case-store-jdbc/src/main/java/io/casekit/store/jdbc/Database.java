package io.casekit.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleScope;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.HandleSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The host's database as the store uses it: its {@link Jdbi}, its dialect, the transaction strategy
 * chosen in the options ({@link JdbcTransactions}), and the ways of running work on it.
 *
 * <p><b>Joining the host's Jdbi transaction.</b> Jdbi binds a handle to the thread while a
 * {@code jdbi.useTransaction}, {@code inTransaction}, {@code useHandle} or {@code withHandle}
 * callback of the <em>same</em> {@code Jdbi} instance runs. When there is one, the work runs on it:
 * inside the host's transaction it simply joins it (the host commits or rolls back); on a bound
 * handle outside a transaction, a write runs as a short transaction of its own on that handle.
 *
 * <p><b>Joining a transaction of the host's manager</b> ({@link JdbcTransactions.HostManaged}, while
 * its {@link HostTransactions#isActive()}): the work runs on the connection the {@code Jdbi} hands out,
 * which is the transaction's, and the store never begins, commits or rolls back, nor changes
 * autocommit. The handle it opens for that is closed with Jdbi's force-end check off: that check
 * would roll back, on close, the host's transaction if its connection looked in autocommit mode when
 * the handle was opened.
 *
 * <p><b>Otherwise</b> each call takes a connection, runs, and gives it back before returning: a
 * write as one transaction it begins and commits (or rolls back), a read as a single statement, and
 * a write that is a single statement ({@link #writeOneStatement}) as that statement. A
 * connection that comes with autocommit off is used only where the strategy says that it holds no
 * one else's work (manual-commit pool, or host-managed outside a host transaction): there a read's
 * implicit transaction is committed and a write commits explicitly. Under the default strategy it is
 * refused before any statement, since it may be a host's transaction.
 *
 * <p><b>Sessions.</b> {@link #inSession} binds a handle of its own to the thread the same way, so
 * that the calls inside share one connection; unlike on a host's handle, a read there still runs as
 * a single statement and a write as one transaction it begins and commits, exactly as on a handle of
 * their own. Inside a host transaction there is no session.
 */
final class Database {
    private static final System.Logger LOG = System.getLogger(Database.class.getName());
    /** Work on a connection. */
    @FunctionalInterface
    interface Work<R> {
        R run(Connection connection) throws SQLException;
    }

    /**
     * The connection does not fit the transaction strategy of the options: a host's set-up error,
     * not a storage failure, so no retry helps. Thrown before any statement runs.
     */
    static final class Refused extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    final Jdbi jdbi;
    final JdbcDialect dialect;
    final Statements sql;
    final TimeColumns time;
    /**
     * The handle of the session the thread is in, if any, whichever store or catalog opened it: a
     * session's handle is bound like a host's, but its reads and writes keep their own transactions.
     */
    private static final ThreadLocal<Handle> SESSION = new ThreadLocal<>();

    /** The host's transaction manager in host-managed mode, else null. */
    private final @Nullable HostTransactions host;
    /** Whether a connection that comes with autocommit off holds no one else's work. */
    private final boolean mayCommitManualConnections;

    Database(Jdbi jdbi, JdbcStoreOptions options) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        Objects.requireNonNull(options, "options");
        this.host = options.transactions() instanceof JdbcTransactions.HostManaged managed ? managed.host() : null;
        this.mayCommitManualConnections = !(options.transactions() instanceof JdbcTransactions.AutocommitPool);
        this.dialect = options.dialect().orElseGet(() -> detect(jdbi));
        this.sql = new Statements(options.tablePrefix(), dialect);
        this.time = new TimeColumns(dialect);
    }

    /**
     * Runs {@code work} in a session: a handle taken now, bound to the thread in the {@code Jdbi}'s
     * handle scope for the length of the work, and given back when it returns. Every store and
     * catalog on this {@code Jdbi} (and host code that asks the same {@code Jdbi} for a handle) runs on
     * it instead of taking a connection of its own; each read and write keeps its own short
     * transaction. Inside a session already, on a thread with a host handle, or inside a transaction
     * of the host's manager, it simply runs.
     *
     * <p>When giving the connection back fails after the work succeeded, the work's result stands
     * (what it wrote is committed) and the failure is logged as a warning, as for every handle the
     * store opens.
     *
     * @throws io.casekit.core.StorageUnavailableException when no connection can be had; the work has not run
     */
    <R> R inSession(Supplier<R> work) {
        HandleScope scope = jdbi.getHandleScope();
        if (scope.get() != null || inManagedTransaction()) {
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
            return handle == SESSION.get() ? eachStatementAtomic(handle, work) : work.run(handle.getConnection());
        }
        if (inManagedTransaction()) {
            return onManagedConnection(work);
        }
        return onOwnHandle(jdbi.open(), handle -> eachStatementAtomic(handle, work));
    }

    /**
     * Runs work whose statements are each atomic by themselves on a handle of the store's (its own or
     * the session's): as they are under autocommit, else in a transaction it begins and ends.
     */
    private <R> R eachStatementAtomic(Handle handle, Work<R> work) throws SQLException {
        if (handle.getConnection().getAutoCommit()) {
            return work.run(handle.getConnection());
        }
        return inOwnTransaction(handle, work);
    }

    /**
     * Runs a write atomically: inside the host's transaction if there is one (a Jdbi transaction on
     * the thread's handle, or one of the host's manager), else in its own.
     */
    <R> R write(Work<R> work) throws SQLException {
        return write(work, false);
    }

    /**
     * Runs a write that is a single statement, atomic by itself, as {@link #write} does, except that
     * outside the host's transaction it begins none of its own where the connection is in autocommit
     * mode: the statement commits itself. The work may read after that statement (to explain
     * its outcome), but must not write again.
     */
    <R> R writeOneStatement(Work<R> work) throws SQLException {
        return write(work, true);
    }

    private <R> R write(Work<R> work, boolean oneStatement) throws SQLException {
        HandleSupplier bound = jdbi.getHandleScope().get();
        if (bound != null) {
            Handle handle = bound.getHandle();
            if (handle != SESSION.get() && handle.isInTransaction()) {
                return work.run(handle.getConnection());
            }
            if (inManagedTransaction()) {
                throw notInManagedTransaction();
            }
            return oneStatement ? eachStatementAtomic(handle, work) : inOwnTransaction(handle, work);
        }
        if (inManagedTransaction()) {
            return onManagedConnection(work);
        }
        return onOwnHandle(jdbi.open(),
                handle -> oneStatement ? eachStatementAtomic(handle, work) : inOwnTransaction(handle, work));
    }

    /**
     * Whether work run now would join a transaction the host opened, so that what it writes may still
     * be rolled back by the host.
     */
    boolean inHostTransaction() {
        HandleSupplier bound = jdbi.getHandleScope().get();
        return (bound != null && isHostTransaction(bound.getHandle())) || inManagedTransaction();
    }

    /**
     * Runs {@code action} once what this thread wrote through the store is committed: after the
     * commit of the host's transaction when it runs inside one (its manager's first, else the
     * thread's Jdbi transaction), never after a rollback; at once otherwise.
     */
    void afterCommit(Runnable action) {
        Objects.requireNonNull(action, "action");
        HostTransactions manager = host;
        if (manager != null && manager.isActive()) {
            manager.afterCommit(action);
            return;
        }
        HandleSupplier bound = jdbi.getHandleScope().get();
        if (bound != null && isHostTransaction(bound.getHandle())) {
            bound.getHandle().afterCommit(action);
            return;
        }
        action.run();
    }

    private boolean inManagedTransaction() {
        HostTransactions manager = host;
        return manager != null && manager.isActive();
    }

    private static boolean isHostTransaction(Handle handle) {
        return handle != SESSION.get() && handle.isInTransaction();
    }

    /**
     * Runs work on the connection of the host manager's transaction. The handle is only the way to
     * the {@code Jdbi}'s connection factory: nothing begins, commits or rolls back on it, and closing
     * it gives the connection back to the host's machinery (which keeps it for the transaction).
     */
    private <R> R onManagedConnection(Work<R> work) throws SQLException {
        Handle handle = jdbi.open();
        handle.getConfig(Handles.class).setForceEndTransactions(false);
        return onOwnHandle(handle, h -> {
            Connection connection = h.getConnection();
            if (connection.getAutoCommit()) {
                throw notInManagedTransaction();
            }
            return work.run(connection);
        });
    }

    private static Refused notInManagedTransaction() {
        return new Refused("The host's transaction is active but the connection the case store's Jdbi handed out "
                + "is in autocommit mode, so the store's work would not be part of it: in host-managed mode the "
                + "Jdbi must take its connections from the host's transaction machinery (for Spring, a "
                + "TransactionAwareDataSourceProxy or DataSourceUtils)");
    }

    private <R> R inOwnTransaction(Handle handle, Work<R> work) throws SQLException {
        if (handle.getConnection().getAutoCommit()) {
            handle.begin();
        } else if (!mayCommitManualConnections) {
            // It may hold a host's open transaction (a transaction-aware DataSource hands that one
            // out): committing would end the host's work early, rolling back would lose it.
            throw new Refused("The case store's connection came with autocommit off, which may be a host's open "
                    + "transaction, so the store neither uses nor commits it: for a pool configured with "
                    + "autocommit off use JdbcTransactions.manualCommitPool(); for connections of a host's "
                    + "transaction manager, JdbcTransactions.hostManaged(...)");
        }
        // With autocommit off (allowed above) the connection is already in a transaction that holds
        // only the store's work: begin() would not start one, commit() and rollback() end it.
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

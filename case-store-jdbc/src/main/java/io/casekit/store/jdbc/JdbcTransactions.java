package io.casekit.store.jdbc;

import java.util.Objects;

/**
 * Who begins and ends the transactions of {@link JdbcCaseStore} and {@link JdbcTemplateCatalog}:
 * chosen when they are built ({@link JdbcStoreOptions#withTransactions}), never guessed from a
 * connection's state (our decision, after Jdbi's own {@code TransactionHandler}). In every mode the
 * store joins a transaction of the <em>same</em> {@code Jdbi} that the thread runs inside
 * ({@code jdbi.useTransaction(h -> service.modify(...))}), and never commits or rolls back a
 * transaction it did not begin.
 *
 * <ul>
 *   <li>{@link #autocommitPool()}, the default: the {@code Jdbi}'s connections come from a pool in
 *       autocommit mode (HikariCP's default). Outside a Jdbi transaction the store begins and commits
 *       a transaction of its own for each write. A connection that comes with autocommit off may
 *       hold a transaction of the host's (a Spring {@code TransactionAwareDataSourceProxy} hands out
 *       the transaction's connection), so the store refuses it: an {@link IllegalStateException}
 *       before any statement, nothing written, nothing committed or rolled back.</li>
 *   <li>{@link #manualCommitPool()}: the connections come from a plain pool configured with
 *       autocommit off, each fresh from the pool with nobody else's work in it. The store commits its
 *       writes on them, and ends the implicit transaction of its reads.</li>
 *   <li>{@link #hostManaged(HostTransactions)}: the connections come from the host's transaction
 *       machinery (a {@code Jdbi} over Spring's {@code TransactionAwareDataSourceProxy} or over a
 *       {@code ConnectionFactory} calling {@code DataSourceUtils}, a JTA data source). Inside a host
 *       transaction the store's statements join it, and it never calls {@code commit},
 *       {@code rollback} or {@code setAutoCommit}; a connection in autocommit mode there is refused
 *       ({@link IllegalStateException}), as the store's writes would then not be part of the host's
 *       transaction. Outside one the store begins and ends its own, as in the modes above, so that a
 *       case and its history are still written together.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface JdbcTransactions
        permits JdbcTransactions.AutocommitPool, JdbcTransactions.ManualCommitPool, JdbcTransactions.HostManaged {

    /** The default: a pool in autocommit mode; a connection with autocommit off is refused. */
    static JdbcTransactions autocommitPool() {
        return new AutocommitPool();
    }

    /** A plain pool whose connections come with autocommit off and nobody's open work. */
    static JdbcTransactions manualCommitPool() {
        return new ManualCommitPool();
    }

    /** Connections from the host's transaction machinery; {@code host} says when a transaction is active. */
    static JdbcTransactions hostManaged(HostTransactions host) {
        return new HostManaged(host);
    }

    /** See {@link JdbcTransactions#autocommitPool()}. */
    record AutocommitPool() implements JdbcTransactions {}

    /** See {@link JdbcTransactions#manualCommitPool()}. */
    record ManualCommitPool() implements JdbcTransactions {}

    /** See {@link JdbcTransactions#hostManaged(HostTransactions)}. */
    record HostManaged(HostTransactions host) implements JdbcTransactions {
        public HostManaged {
            Objects.requireNonNull(host, "host");
        }
    }
}

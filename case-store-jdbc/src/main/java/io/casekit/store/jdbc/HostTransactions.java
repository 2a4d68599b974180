package io.casekit.store.jdbc;

/**
 * The host's transaction manager, as far as the store needs to know it in
 * {@link JdbcTransactions#hostManaged host-managed} mode: whether the calling thread is inside one of
 * its transactions, and how to run something once that transaction has committed.
 *
 * <p>For Spring ({@code org.springframework.transaction.support.TransactionSynchronizationManager}):
 * <pre>{@code
 * HostTransactions spring = new HostTransactions() {
 *     public boolean isActive() {
 *         return TransactionSynchronizationManager.isActualTransactionActive();
 *     }
 *     public void afterCommit(Runnable action) {
 *         TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
 *             public void afterCommit() { action.run(); }
 *         });
 *     }
 * };
 * }</pre>
 * For JTA, {@code TransactionSynchronizationRegistry.getTransactionStatus() == Status.STATUS_ACTIVE}
 * and {@code registerInterposedSynchronization}, running the action in {@code afterCompletion} when
 * the status is {@code STATUS_COMMITTED}.
 *
 * <p>Implementations are called on the thread of the store's caller and must be thread-safe. Our
 * decision, after Jdbi's {@code Handle.afterCommit}: the store never guesses a host transaction
 * from a connection's state; this is the only way it learns of one outside Jdbi.
 */
public interface HostTransactions {

    /**
     * Whether the calling thread is inside a transaction of the host that the {@code Jdbi}'s
     * connections take part in (for Spring: an actual transaction, not only synchronization, as with
     * {@code PROPAGATION_SUPPORTS}). While it is, the store runs on the connection the {@code Jdbi}
     * gives it and never commits, rolls back or changes its autocommit mode; while it is not, the
     * store begins and ends transactions of its own.
     */
    boolean isActive();

    /**
     * Registers {@code action} to run once, after the host's current transaction commits, and never
     * if it rolls back. Called only while {@link #isActive()} is true. The store lets an exception of
     * the registration itself through to its caller.
     */
    void afterCommit(Runnable action);
}

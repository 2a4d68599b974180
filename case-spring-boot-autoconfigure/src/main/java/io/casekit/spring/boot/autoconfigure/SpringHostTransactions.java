package io.casekit.spring.boot.autoconfigure;

import io.casekit.store.jdbc.HostTransactions;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Spring's transactions, as the JDBC store needs to know them in host-managed mode: a transaction is
 * active when Spring has an actual transaction on the calling thread (not mere synchronization, as
 * with {@code PROPAGATION_SUPPORTS}), and an after-commit action is a
 * {@link TransactionSynchronization} that runs it in {@code afterCommit} (never on rollback).
 * Stateless and thread-safe.
 */
public final class SpringHostTransactions implements HostTransactions {

    @Override
    public boolean isActive() {
        return TransactionSynchronizationManager.isActualTransactionActive();
    }

    @Override
    public void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}

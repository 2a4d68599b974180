package io.casekit.core.spi;

import io.casekit.core.Case;
import io.casekit.core.CaseConflictException;
import io.casekit.core.CaseId;
import io.casekit.core.CaseNotFoundException;
import io.casekit.core.DuplicateCaseException;
import io.casekit.core.HistoryEntry;
import io.casekit.core.StorageUnavailableException;
import io.casekit.core.TenantId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where cases and their history live. Implementations must be safe for concurrent use by many
 * threads (and, for a shared database, many processes), and must keep these promises:
 * <ul>
 *   <li><b>Tenant scope.</b> Every method acts inside the given tenant only. A case of another
 *       tenant with the same id is invisible: not found, never a duplicate, never changed.</li>
 *   <li><b>Atomicity.</b> A case and its history change together or not at all: no reader ever
 *       sees a state without its history entry, or an entry without its state.</li>
 *   <li><b>No lost update.</b> {@link #update} is a compare-and-set on the version.</li>
 *   <li><b>Exactness.</b> What is read back equals what was written: every string byte for byte,
 *       decimals with their scale, date-times as given, whatever the JVM or database time zone.</li>
 *   <li><b>Isolation from callers.</b> Values are immutable; a store must not keep or hand out
 *       mutable state a caller could change.</li>
 *   <li><b>Failures.</b> Anything that goes wrong in the store itself is a
 *       {@link StorageUnavailableException} whose message holds no SQL or driver text.</li>
 * </ul>
 */
public interface CaseStore {

    /**
     * The case with this id in this tenant.
     *
     * @throws StorageUnavailableException when the store fails
     */
    Optional<Case> find(TenantId tenant, CaseId id);

    /**
     * Stores a new case, at version 1, with its creation entry, atomically.
     *
     * @param created  the new case; its {@link Case#version()} is 1
     * @param creation its first history entry, of version 1
     * @throws DuplicateCaseException      when the tenant already has a case with this id; nothing
     *                                     is written
     * @throws StorageUnavailableException when the store fails; nothing is written
     * @throws IllegalArgumentException    when the versions, tenants or ids of the two disagree
     */
    void insert(Case created, HistoryEntry creation);

    /**
     * Replaces the stored case by {@code updated} if, and only if, its stored version is
     * {@code expectedVersion}, and appends {@code entry} to its history, atomically.
     *
     * @param updated         the case after the change; its version is {@code expectedVersion + 1}; its
     *                        tenant, id, type, {@code createdBy} and {@code createdAt} are those of the
     *                        stored case (the service never changes them), and the store writes every
     *                        other field of it
     * @param expectedVersion the version the change was computed from
     * @param entry           the change's history entry, of the updated version
     * @throws CaseNotFoundException       when the tenant has no such case; nothing is written
     * @throws CaseConflictException       when the stored version is another (with the actual
     *                                     version), or the database aborted the transaction for a
     *                                     concurrent one (without it, and retryable); nothing is written
     * @throws StorageUnavailableException when the store fails; the change is either wholly stored
     *                                     or not at all
     * @throws IllegalArgumentException    when the versions, tenants or ids disagree
     */
    void update(Case updated, long expectedVersion, HistoryEntry entry);

    /**
     * Deletes the case and its whole history, atomically, for a data-protection erasure: afterwards
     * the case is exactly as absent as one that never existed ({@link #find} empty, no history, its id
     * free for a new case), and nothing of it is left in any table or structure of the store.
     *
     * @return whether the tenant had the case; erasing an absent case is not an error
     * @throws StorageUnavailableException when the store fails; then nothing or everything is erased
     */
    boolean erase(TenantId tenant, CaseId id);

    /**
     * The history of a case, oldest first (ascending versions, starting at 1). Empty when the tenant
     * has no such case.
     *
     * @throws StorageUnavailableException when the store fails
     */
    List<HistoryEntry> history(TenantId tenant, CaseId id);

    /** The most entries one {@link #historyPage} call returns (our decision: a page is read in one go). */
    int MAX_HISTORY_PAGE = 1_000;

    /**
     * One page of the history of a case: its entries of version greater than {@code afterVersion},
     * oldest first (ascending versions, no gap), at most {@code limit} of them. Pass 0 for the first
     * page, then the version of the last entry of a page for the next one; a page shorter than
     * {@code limit} (or empty) is the end of the history as the store saw it. Empty when the tenant has
     * no such case, and when {@code afterVersion} is at or beyond the latest version: the two are not
     * told apart here (the service reads the case for that).
     *
     * <p><b>Cost.</b> A store must answer a page in time and memory proportional to the page, not to
     * the whole history: a case may have 100,000 entries and more. casekit's own stores do
     * ({@code case-store-memory} from its persistent history, {@code case-store-jdbc} with one query
     * on the history table's primary key that returns at most {@code limit} rows).
     *
     * <p><b>The default</b> is there only so that a store written before this method keeps compiling:
     * it <em>reads the whole history</em> through {@link #history(TenantId, CaseId)} and cuts the page
     * out of it, which is correct but defeats the purpose. A store that can hold long histories must
     * override it. Implementations check the arguments with {@link #checkHistoryPage}.
     *
     * @param afterVersion the last version the caller has; 0 for the first page
     * @param limit        the most entries to return, 1 to {@link #MAX_HISTORY_PAGE}
     * @throws IllegalArgumentException    when {@code afterVersion} is negative or {@code limit} is
     *                                     outside 1 to {@link #MAX_HISTORY_PAGE}; the store is not read
     * @throws NullPointerException        when {@code tenant} or {@code id} is null
     * @throws StorageUnavailableException when the store fails
     */
    default List<HistoryEntry> historyPage(TenantId tenant, CaseId id, long afterVersion, int limit) {
        checkHistoryPage(tenant, id, afterVersion, limit);
        return history(tenant, id).stream().filter(e -> e.version() > afterVersion).limit(limit).toList();
    }

    /**
     * Runs {@code work}, which calls this store several times in a row, so that the store may serve
     * those calls on one connection instead of taking one for each. The service runs each modify in
     * one session: the read of the case, its compare-and-set update, and the re-reads and updates of
     * any re-apply; of the host's code, only the template catalog's {@code find}, the authorization
     * policy and the clock run inside it (the change listener runs after it).
     *
     * <p>A session promises nothing else: every call inside keeps its own promises, exactly as
     * outside (an update is still its own atomic compare-and-set, a find still sees the latest
     * committed state), and nothing is held once it returns. The default runs the work as it is,
     * which is right for a store without connections.
     *
     * <p>Implementations return the work's result and let its exceptions through unchanged; a session
     * opened inside another (or inside a host's transaction that the store joins) simply runs.
     *
     * @throws StorageUnavailableException when the store can not open the session; the work has not run
     */
    default <T> T inSession(Supplier<T> work) {
        return work.get();
    }

    /**
     * Runs {@code action} once what the calling thread wrote through this store is committed: at once
     * when it is committed already (no host transaction), after the commit of the host's transaction
     * when the store's writes joined one, and never when that transaction rolls back. The service
     * calls its {@link io.casekit.core.service.CaseChangeListener} through it, so that a listener is
     * told only of committed changes.
     *
     * <p>The action runs at most once, on the thread that commits (for a host transaction, the
     * host's). The default runs it at once, which is right for a store without transactions; a store
     * that joins its host's transactions must override it. A wrapping store forwards it.
     *
     * @throws RuntimeException what the action throws when it runs at once; what the host's
     *                          transaction manager throws when registering it
     */
    default void afterCommit(Runnable action) {
        action.run();
    }

    /**
     * Checks the arguments of {@link #historyPage}; for implementations.
     *
     * @throws NullPointerException     when {@code tenant} or {@code id} is null
     * @throws IllegalArgumentException when {@code afterVersion} is negative or {@code limit} is
     *                                  outside 1 to {@link #MAX_HISTORY_PAGE}
     */
    static void checkHistoryPage(TenantId tenant, CaseId id, long afterVersion, int limit) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        if (afterVersion < 0) {
            throw new IllegalArgumentException("afterVersion must be 0 or more, was " + afterVersion);
        }
        if (limit < 1 || limit > MAX_HISTORY_PAGE) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_HISTORY_PAGE + ", was " + limit);
        }
    }

    /** Checks the arguments of {@link #insert}; for implementations. */
    static void checkInsert(Case created, HistoryEntry creation) {
        if (created.version() != 1 || creation.version() != 1) {
            throw new IllegalArgumentException("a new case and its creation entry are version 1");
        }
        checkSameCase(created, creation);
    }

    /** Checks the arguments of {@link #update}; for implementations. */
    static void checkUpdate(Case updated, long expectedVersion, HistoryEntry entry) {
        if (updated.version() != expectedVersion + 1 || entry.version() != updated.version()) {
            throw new IllegalArgumentException("an update moves from the expected version to the next, "
                    + "and its entry has the new version");
        }
        checkSameCase(updated, entry);
    }

    private static void checkSameCase(Case c, HistoryEntry entry) {
        if (!c.tenant().equals(entry.tenant()) || !c.id().equals(entry.caseId())) {
            throw new IllegalArgumentException("a history entry belongs to the case it is stored with");
        }
    }
}

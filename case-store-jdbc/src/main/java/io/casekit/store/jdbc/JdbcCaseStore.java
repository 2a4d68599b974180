package io.casekit.store.jdbc;

import io.casekit.core.Case;
import io.casekit.core.CaseConflictException;
import io.casekit.core.CaseException;
import io.casekit.core.CaseId;
import io.casekit.core.CaseNotFoundException;
import io.casekit.core.CaseState;
import io.casekit.core.ChangeKind;
import io.casekit.core.CaseTypeId;
import io.casekit.core.DuplicateCaseException;
import io.casekit.core.HistoryEntry;
import io.casekit.core.Priority;
import io.casekit.core.TenantId;
import io.casekit.core.query.CaseFilter;
import io.casekit.core.query.CasePage;
import io.casekit.core.query.CaseQuery;
import io.casekit.core.query.CaseStatistics;
import io.casekit.core.template.StatusFlow;
import io.casekit.core.spi.CaseQueries;
import io.casekit.core.spi.CaseStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import java.sql.Connection;
import java.util.ArrayList;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * A {@link CaseStore} and {@link CaseQueries} in a relational database (H2, PostgreSQL or MariaDB),
 * on the host's {@link Jdbi}. It keeps every promise of {@link CaseStore}: tenant scope, atomic state and history,
 * compare-and-set updates (no lost update, also between processes sharing the database), exact
 * values whatever the JVM and database time zones.
 *
 * <p><b>Transactions.</b> Who begins and ends them is the strategy of the options
 * ({@link JdbcTransactions}), chosen when the store is built. In every strategy, called while the
 * thread runs inside a transaction of the same {@code Jdbi}
 * ({@code jdbi.useTransaction(h -> service.modify(...))}) every operation joins it and the host's
 * commit or rollback decides; in {@link JdbcTransactions#hostManaged host-managed} mode the same
 * holds inside a transaction of the host's manager (Spring, JTA). Otherwise each operation takes a
 * connection, runs as one short transaction it begins and ends itself, and gives the connection back.
 * The store never commits or rolls back a transaction it did not begin. See {@code README.md}.
 *
 * <p><b>Cost.</b> {@link #find}, {@link #history} and {@link #historyPage} are one query (a page
 * returns at most its limit of rows, read on the history table's primary key); {@link #insert} two
 * inserts; {@link #update} on PostgreSQL and H2 one statement that updates the row and inserts its
 * history entry ({@link Statements#updateCaseWithHistory}), atomic by itself and so, under
 * autocommit, with no transaction of its own; on MariaDB one update and one insert in a transaction;
 * everywhere one locking read more only when the update matched no row. {@link #page} and
 * {@link #count} (the query SPI {@link CaseQueries}) are one query each, whose text depends only on
 * the query's shape (see {@code README.md}, "Queries"); {@link #statistics} is one query that counts
 * in the database; {@link #erase} two deletes (the case row, then its history). No statement reads
 * metadata. Inside {@link #inSession} (as the service runs each modify), the calls share one
 * connection instead of taking one each; each keeps its own transaction.
 *
 * <p><b>Failures.</b> A duplicate key is a {@link DuplicateCaseException}; a transaction the database
 * aborted for a concurrent one (serialization failure, deadlock, lock wait timeout) is a retryable
 * {@link CaseConflictException}; anything else is a
 * {@link io.casekit.core.StorageUnavailableException}. Messages hold no SQL or driver text; the
 * cause does. A connection that does not fit the options' {@link JdbcTransactions} strategy (autocommit
 * off under the default, autocommit on inside a host-managed transaction) is a set-up error: an
 * {@link IllegalStateException} naming the strategy to use, thrown before any statement runs. Instants are kept to the millisecond from the year 1000 to
 * 9999, due dates to the second in the years 1000 to 9999 ({@link TimeColumns}, the same on every
 * dialect): a case or entry with another is refused with an {@link IllegalArgumentException} before
 * any statement, rather than silently truncated. So is a case whose {@code ownerId}, {@code contactId},
 * {@code contactPhone} or {@code createdBy} has more than 20 characters (the rules allow 20 UTF-8
 * bytes; MariaDB's indexed columns hold 20 characters), and one whose {@code status} has more than
 * 64 characters (a status flow's names have at most 64 UTF-8 bytes).
 *
 * <p>Thread-safe; it holds no connection between calls. The tables must exist: see
 * {@link JdbcSchema}.
 */
public final class JdbcCaseStore implements CaseStore, CaseQueries {
    private final Database db;
    private final CaseQuerySql queries;

    private JdbcCaseStore(Database db) {
        this.db = db;
        this.queries = new CaseQuerySql(db.sql, db.dialect, db.time);
    }

    /**
     * A store on the host's {@code Jdbi}, with the default options.
     *
     * @throws io.casekit.core.StorageUnavailableException when the dialect can not be detected
     * @throws IllegalArgumentException                    when the database is not supported
     */
    public static JdbcCaseStore create(Jdbi jdbi) {
        return create(jdbi, JdbcStoreOptions.defaults());
    }

    /**
     * A store on the host's {@code Jdbi}. Unless the options name the dialect, it is read from the
     * connection's metadata now, once.
     *
     * @throws io.casekit.core.StorageUnavailableException when the dialect can not be detected
     * @throws IllegalArgumentException                    when the database is not supported
     */
    public static JdbcCaseStore create(Jdbi jdbi, JdbcStoreOptions options) {
        return new JdbcCaseStore(new Database(jdbi, options));
    }

    /**
     * A store on a {@code DataSource}, through a {@code Jdbi} of its own. It can not join a host's
     * Jdbi transactions: a host that wants that passes its {@code Jdbi} instead.
     */
    public static JdbcCaseStore create(DataSource dataSource, JdbcStoreOptions options) {
        return create(Jdbi.create(dataSource), options);
    }

    /** A store on a {@code DataSource} with the default options; see {@link #create(DataSource, JdbcStoreOptions)}. */
    public static JdbcCaseStore create(DataSource dataSource) {
        return create(dataSource, JdbcStoreOptions.defaults());
    }

    /** The database the store works with. */
    public JdbcDialect dialect() {
        return db.dialect;
    }

    /**
     * Runs {@code work} on one connection, taken now and given back when it returns: the store's
     * calls inside use it, each still its own short transaction (a read a single statement, a write
     * one transaction, or one statement where the write is one: {@link #update} on PostgreSQL and
     * H2). Inside a host's Jdbi handle or transaction, the calls use that, as always.
     *
     * @throws io.casekit.core.StorageUnavailableException when no connection can be had; the work has not run
     */
    @Override
    public <T> T inSession(Supplier<T> work) {
        return db.inSession(work);
    }

    /**
     * Runs {@code action} once what this thread wrote through the store is committed: inside a
     * transaction of the host's manager (host-managed mode) it is registered with it through
     * {@link HostTransactions#afterCommit}; inside a Jdbi transaction of the same {@code Jdbi}, through
     * {@code Handle.afterCommit} (it runs when the host commits through that handle, and is dropped on
     * rollback); otherwise, where every write has already committed, at once. Exceptions of the
     * action run at once, or of the host's registration, reach the caller.
     */
    @Override
    public void afterCommit(Runnable action) {
        db.afterCommit(action);
    }

    @Override
    public Optional<Case> find(TenantId tenant, CaseId id) {
        requireArguments(tenant, id);
        return read(h -> {
            try (PreparedStatement query = h.prepareStatement(db.sql.findCase)) {
                query.setString(1, tenant.value());
                query.setString(2, id.value());
                try (ResultSet rs = query.executeQuery()) {
                    return rs.next() ? Optional.of(readCase(tenant, id, rs)) : Optional.<Case>empty();
                }
            }
        });
    }

    @Override
    public void insert(Case created, HistoryEntry creation) {
        CaseStore.checkInsert(created, creation);
        checkTimes(created);
        TimeColumns.keepable(creation.at());
        try {
            db.write(h -> {
                insertCase(h, created);
                insertHistory(h, creation);
                return null;
            });
        } catch (Database.Refused e) {
            throw e;
        } catch (SQLException | RuntimeException e) {
            if (Failures.classify(e, db.dialect) == Failures.Kind.DUPLICATE_KEY) {
                throw new DuplicateCaseException(created.id(), e);
            }
            throw Failures.unavailable(e, db.dialect);
        }
    }

    @Override
    public void update(Case updated, long expectedVersion, HistoryEntry entry) {
        CaseStore.checkUpdate(updated, expectedVersion, entry);
        checkTimes(updated);
        TimeColumns.keepable(entry.at());
        try {
            Statements.UpdateWithHistory oneStatement = db.sql.updateCaseWithHistory;
            if (oneStatement != null) {
                db.writeOneStatement(h -> {
                    if (compareAndSetWithHistory(h, oneStatement, updated, expectedVersion, entry) == 0) {
                        throw missingOrMoved(h, updated, expectedVersion);
                    }
                    return null;
                });
            } else {
                db.write(h -> {
                    if (compareAndSet(h, updated, expectedVersion) == 0) {
                        throw missingOrMoved(h, updated, expectedVersion);
                    }
                    insertHistory(h, entry);
                    return null;
                });
            }
        } catch (CaseException | Database.Refused e) {
            throw e;
        } catch (SQLException | RuntimeException e) {
            Failures.Kind kind = Failures.classify(e, db.dialect);
            // A duplicate history key means another writer stored this version first.
            if (kind == Failures.Kind.CONCURRENT_TRANSACTION || kind == Failures.Kind.DUPLICATE_KEY) {
                throw new CaseConflictException(updated.id(), expectedVersion, e);
            }
            throw Failures.unavailable(e, db.dialect);
        }
    }

    /**
     * Two statements in one transaction: {@code DELETE} of the case row, then of the history rows.
     * The case row first: an update of the case still in flight holds that row's lock, so the first
     * delete waits for it, and the second then sees the history row the update wrote (deleting the
     * history first would miss that row and leave it behind). A host transaction that the store
     * joins decides whether they stay.
     */
    @Override
    public boolean erase(TenantId tenant, CaseId id) {
        requireArguments(tenant, id);
        try {
            return db.write(h -> {
                try (PreparedStatement row = h.prepareStatement(db.sql.eraseCase);
                     PreparedStatement history = h.prepareStatement(db.sql.eraseHistory)) {
                    row.setString(1, tenant.value());
                    row.setString(2, id.value());
                    boolean existed = row.executeUpdate() == 1;
                    history.setString(1, tenant.value());
                    history.setString(2, id.value());
                    history.executeUpdate();
                    return existed;
                }
            });
        } catch (Database.Refused e) {
            throw e;
        } catch (SQLException | RuntimeException e) {
            throw Failures.unavailable(e, db.dialect);
        }
    }

    @Override
    public List<HistoryEntry> history(TenantId tenant, CaseId id) {
        requireArguments(tenant, id);
        return List.copyOf(read(h -> {
            try (PreparedStatement query = h.prepareStatement(db.sql.history)) {
                query.setString(1, tenant.value());
                query.setString(2, id.value());
                return readEntries(tenant, id, query);
            }
        }));
    }

    /**
     * One query, {@code ... WHERE tenant = ? AND case_id = ? AND version > ? ORDER BY version LIMIT ?},
     * a range scan of the history table's primary key: the database sends at most {@code limit} rows,
     * whatever the length of the history.
     */
    @Override
    public List<HistoryEntry> historyPage(TenantId tenant, CaseId id, long afterVersion, int limit) {
        CaseStore.checkHistoryPage(tenant, id, afterVersion, limit);
        return List.copyOf(read(h -> {
            try (PreparedStatement query = h.prepareStatement(db.sql.historyPage)) {
                query.setString(1, tenant.value());
                query.setString(2, id.value());
                query.setLong(3, afterVersion);
                query.setInt(4, limit);
                return readEntries(tenant, id, query);
            }
        }));
    }

    /**
     * One query: {@code SELECT} of the case columns {@code WHERE tenant = ?} and the filters and,
     * with a position, the keyset condition, {@code ORDER BY} the sort (empties last) then the id,
     * {@code LIMIT limit + 1}; the extra row only tells that a next page exists. See
     * {@code README.md}, "Queries", for the SQL per filter, the indexes and the costs.
     *
     * @throws IllegalArgumentException when an extension filter names a field the rules do not
     *                                  allow, before any statement
     */
    @Override
    public CasePage page(TenantId tenant, CaseQuery query) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(query, "query");
        CaseQuerySql.Bound statement = queries.page(tenant, query);
        List<Case> cases = read(h -> {
            try (PreparedStatement select = h.prepareStatement(statement.sql)) {
                statement.bind(select);
                List<Case> found = new ArrayList<>(query.limit() + 1);
                try (ResultSet rs = select.executeQuery()) {
                    CaseTypeId previousType = null;
                    while (rs.next()) {
                        Case c = readCase(tenant, CaseId.of(rs.getString(2)), previousType, rs);
                        found.add(c);
                        previousType = c.typeId();
                    }
                }
                return found;
            }
        });
        if (cases.size() <= query.limit()) {
            return new CasePage(cases, Optional.empty());
        }
        List<Case> page = cases.subList(0, query.limit());
        return new CasePage(page, Optional.of(query.sort().positionOf(page.get(page.size() - 1))));
    }

    /**
     * One query: {@code SELECT COUNT(*) ... WHERE tenant = ?} and the filters.
     *
     * @throws IllegalArgumentException when an extension filter names a field the rules do not
     *                                  allow, before any statement
     */
    @Override
    public long count(TenantId tenant, CaseQuery query) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(query, "query");
        CaseQuerySql.Bound statement = queries.count(tenant, query);
        return read(h -> {
            try (PreparedStatement select = h.prepareStatement(statement.sql)) {
                statement.bind(select);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        throw new MalformedColumnException("a count returned no row");
                    }
                    return rs.getLong(1);
                }
            }
        });
    }

    /**
     * One query of three index range reads, counted by the database ({@link Statements#statistics}):
     * cases created in {@code [from, to)} ({@code created_at}); cases closed in {@code [from, to)}
     * ({@code closed_at}) and the sum of their durations, each floored to whole seconds in SQL
     * ({@link JdbcDialect#wholeSeconds}); open cases ({@code closed_at IS NULL}, state not
     * {@code Cancelled}) and those of them whose due date is before {@code now}. See
     * {@code README.md}, "Statistics".
     *
     * <p>Any {@code from}, {@code to} and {@code now} are answered exactly ({@link TimeColumns#windowBound},
     * {@link TimeColumns#dueDateBound}).
     */
    @Override
    public CaseStatistics statistics(TenantId tenant, Instant from, Instant to, LocalDateTime now) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(now, "now");
        Instant lower = TimeColumns.windowBound(from);
        Instant upper = TimeColumns.windowBound(to);
        return read(h -> {
            try (PreparedStatement query = h.prepareStatement(db.sql.statistics)) {
                query.setString(1, tenant.value());
                db.time.setInstant(query, 2, lower);
                db.time.setInstant(query, 3, upper);
                query.setString(4, tenant.value());
                db.time.setInstant(query, 5, lower);
                db.time.setInstant(query, 6, upper);
                query.setObject(7, TimeColumns.dueDateBound(now));
                query.setString(8, tenant.value());
                query.setString(9, CaseState.CANCELLED.wireName());
                try (ResultSet rs = query.executeQuery()) {
                    if (!rs.next()) {
                        throw new MalformedColumnException("the statistics returned no row");
                    }
                    return new CaseStatistics(rs.getLong(1), rs.getLong(2), rs.getLong(4), rs.getLong(5), rs.getLong(3));
                }
            }
        });
    }

    /**
     * Runs one read: a failure of the database or of a column becomes a
     * {@link io.casekit.core.StorageUnavailableException} without SQL in its message; a connection
     * that does not fit the transaction strategy ({@link Database.Refused}) stays as it is.
     */
    private <R> R read(Database.Work<R> work) {
        try {
            return db.read(work);
        } catch (Database.Refused e) {
            throw e;
        } catch (SQLException | RuntimeException e) {
            throw Failures.unavailable(e, db.dialect);
        }
    }

    /** The statement {@link #page} runs for the query, with its parameters: for tests of the plan. */
    CaseQuerySql.Bound pageStatement(TenantId tenant, CaseQuery query) {
        return queries.page(tenant, query);
    }

    /** The statement {@link #count} runs for the query, with its parameters. */
    CaseQuerySql.Bound countStatement(TenantId tenant, CaseQuery query) {
        return queries.count(tenant, query);
    }

    private List<HistoryEntry> readEntries(TenantId tenant, CaseId id, PreparedStatement query) throws SQLException {
        List<HistoryEntry> entries = new ArrayList<>();
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                entries.add(new HistoryEntry(tenant, id, rs.getLong(1), db.time.getInstant(rs, 2),
                        rs.getString(3), ValueColumns.changes(rs.getString(4)), kind(rs.getString(5)),
                        Optional.ofNullable(rs.getString(6))));
            }
        }
        return entries;
    }

    // The statements are plain JDBC on the connection of the handle Database chose: Jdbi's
    // type-driven argument binding cost more than an embedded database's own work per statement
    // (measured in case-bench, docs/benchmarks.md). Jdbi still owns the handle and the transaction.

    private void insertCase(Connection h, Case c) throws SQLException {
        try (PreparedStatement insert = h.prepareStatement(db.sql.insertCase)) {
            insert.setString(1, c.tenant().value());
            insert.setString(2, c.id().value());
            insert.setString(3, c.typeId().value());
            insert.setLong(4, c.version());
            insert.setString(5, c.title());
            insert.setString(6, c.description());
            text(insert, 7, c.ownerId());
            text(insert, 8, c.priority().map(Priority::wireName));
            db.time.setDueDate(insert, 9, c.dueDate());
            text(insert, 10, c.contactId());
            text(insert, 11, c.contactPhone());
            text(insert, 12, c.attachment());
            insert.setString(13, ValueColumns.extensions(c.extensions()));
            insert.setString(14, c.createdBy());
            db.time.setInstant(insert, 15, c.createdAt());
            db.time.setInstant(insert, 16, c.updatedAt());
            insert.setString(17, c.status());
            insert.setString(18, c.state().wireName());
            db.time.setOptionalInstant(insert, 19, c.closedAt());
            text(insert, 20, c.closedReason());
            insert.setBoolean(21, c.reopened());
            insert.setString(22, CaseFilter.TitleContains.fold(c.title()));
            insert.executeUpdate();
        }
    }

    private int compareAndSet(Connection h, Case c, long expectedVersion) throws SQLException {
        try (PreparedStatement update = h.prepareStatement(db.sql.updateCase)) {
            bindCompareAndSet(update, 1, c, expectedVersion);
            return update.executeUpdate();
        }
    }

    /** {@link Statements#updateCaseWithHistory}: the rows it inserted, 1 or 0 (no row matched). */
    private int compareAndSetWithHistory(Connection h, Statements.UpdateWithHistory statement, Case c,
                                         long expectedVersion, HistoryEntry entry) throws SQLException {
        try (PreparedStatement update = h.prepareStatement(statement.sql())) {
            bindCompareAndSet(update, statement.firstUpdate(), c, expectedVersion);
            int history = statement.firstHistory();
            db.time.setInstant(update, history, entry.at());
            update.setString(history + 1, entry.actor());
            update.setString(history + 2, ValueColumns.changes(entry.changes()));
            update.setString(history + 3, entry.kind().wireName());
            text(update, history + 4, entry.remark());
            return update.executeUpdate();
        }
    }

    /** Binds the 20 parameters of {@link Statements#updateCase}, the first at position {@code first}. */
    private void bindCompareAndSet(PreparedStatement update, int first, Case c, long expectedVersion)
            throws SQLException {
        update.setString(first, c.title());
        update.setString(first + 1, c.description());
        text(update, first + 2, c.ownerId());
        text(update, first + 3, c.priority().map(Priority::wireName));
        db.time.setDueDate(update, first + 4, c.dueDate());
        text(update, first + 5, c.contactId());
        text(update, first + 6, c.contactPhone());
        text(update, first + 7, c.attachment());
        update.setString(first + 8, ValueColumns.extensions(c.extensions()));
        update.setLong(first + 9, c.version());
        db.time.setInstant(update, first + 10, c.updatedAt());
        update.setString(first + 11, c.status());
        update.setString(first + 12, c.state().wireName());
        db.time.setOptionalInstant(update, first + 13, c.closedAt());
        text(update, first + 14, c.closedReason());
        update.setBoolean(first + 15, c.reopened());
        update.setString(first + 16, CaseFilter.TitleContains.fold(c.title()));
        update.setString(first + 17, c.tenant().value());
        update.setString(first + 18, c.id().value());
        update.setLong(first + 19, expectedVersion);
    }

    /** Why a compare-and-set matched no row: the case is absent, or at another version. */
    private CaseException missingOrMoved(Connection h, Case c, long expectedVersion) throws SQLException {
        // A locking read sees the latest committed version, also under REPEATABLE READ, where a plain
        // read inside the host's transaction could return its older snapshot.
        try (PreparedStatement query = h.prepareStatement(db.sql.lockedVersion)) {
            query.setString(1, c.tenant().value());
            query.setString(2, c.id().value());
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return new CaseNotFoundException(c.id());
                }
                return new CaseConflictException(c.id(), expectedVersion, rs.getLong(1));
            }
        }
    }

    private void insertHistory(Connection h, HistoryEntry entry) throws SQLException {
        try (PreparedStatement insert = h.prepareStatement(db.sql.insertHistory)) {
            insert.setString(1, entry.tenant().value());
            insert.setString(2, entry.caseId().value());
            insert.setLong(3, entry.version());
            db.time.setInstant(insert, 4, entry.at());
            insert.setString(5, entry.actor());
            insert.setString(6, ValueColumns.changes(entry.changes()));
            insert.setString(7, entry.kind().wireName());
            text(insert, 8, entry.remark());
            insert.executeUpdate();
        }
    }

    /** A case from a row of {@link Statements#CASE_COLUMNS}. */
    Case readCase(TenantId tenant, CaseId id, ResultSet rs) throws SQLException {
        return readCase(tenant, id, null, rs);
    }

    /**
     * A case from a row of {@link Statements#CASE_COLUMNS}; its type is {@code previousType} itself,
     * not checked and made again, when the row names the same type (the rows of a page mostly do).
     */
    private Case readCase(TenantId tenant, CaseId id, @Nullable CaseTypeId previousType, ResultSet rs)
            throws SQLException {
        String type = rs.getString(3);
        return Case.builder()
                .tenant(tenant)
                .id(id)
                .typeId(previousType != null && previousType.value().equals(type) ? previousType : CaseTypeId.of(type))
                .version(rs.getLong(4))
                .title(rs.getString(5))
                .description(rs.getString(6))
                .ownerId(rs.getString(7))
                .priority(Optional.ofNullable(rs.getString(8)).map(JdbcCaseStore::priority))
                .dueDate(db.time.getDueDate(rs, 9))
                .contactId(rs.getString(10))
                .contactPhone(rs.getString(11))
                .attachment(rs.getString(12))
                .extensions(ValueColumns.extensions(rs.getString(13)))
                .createdBy(rs.getString(14))
                .createdAt(db.time.getInstant(rs, 15))
                .updatedAt(db.time.getInstant(rs, 16))
                .status(rs.getString(17))
                .state(state(rs.getString(18)))
                .closedAt(db.time.getOptionalInstant(rs, 19))
                .closedReason(rs.getString(20))
                .reopened(rs.getBoolean(21))
                .build();
    }

    private static Priority priority(String wireName) {
        return Priority.fromWireName(wireName)
                .orElseThrow(() -> new MalformedColumnException("a stored priority is unknown"));
    }

    private static CaseState state(String wireName) {
        return CaseState.fromWireName(wireName)
                .orElseThrow(() -> new MalformedColumnException("a stored case state is unknown"));
    }

    private static ChangeKind kind(String wireName) {
        return ChangeKind.fromWireName(wireName)
                .orElseThrow(() -> new MalformedColumnException("a stored change kind is unknown"));
    }

    private static void text(PreparedStatement statement, int position, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            statement.setString(position, value.get());
        } else {
            statement.setNull(position, Types.VARCHAR);
        }
    }

    /** A null argument is the caller's bug, never reported as the database failing. */
    private static void requireArguments(TenantId tenant, CaseId id) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
    }

    /**
     * The instants and due date of a case ({@link TimeColumns}) and its indexed party columns,
     * checked before any statement.
     */
    private static void checkTimes(Case c) {
        TimeColumns.keepable(c.createdAt());
        TimeColumns.keepable(c.updatedAt());
        c.dueDate().ifPresent(TimeColumns::keepable);
        c.closedAt().ifPresent(TimeColumns::keepable);
        if (c.status().codePointCount(0, c.status().length()) > MAX_STATUS_CHARACTERS) {
            throw new IllegalArgumentException("The case store keeps a status of at most " + MAX_STATUS_CHARACTERS
                    + " characters (a status flow's names have at most 64 UTF-8 bytes); this one has more");
        }
        c.ownerId().ifPresent(v -> checkParty("ownerId", v));
        c.contactId().ifPresent(v -> checkParty("contactId", v));
        c.contactPhone().ifPresent(v -> checkParty("contactPhone", v));
        checkParty("createdBy", c.createdBy());
    }

    /**
     * The most characters of {@code ownerId}, {@code contactId}, {@code contactPhone} and
     * {@code createdBy}: 20, the columns' size on MariaDB (where they are indexed whole), kept on every
     * dialect so that a case stored on one can be stored on all. The rules allow 20 UTF-8 bytes.
     */
    static final int MAX_PARTY_CHARACTERS = 20;

    /**
     * The most characters of {@code status}: {@link StatusFlow#MAX_NAME_BYTES}, the bound of a status
     * name in UTF-8 bytes, so never less than a valid name has; MariaDB's indexed column holds that
     * many, and every dialect keeps the same.
     */
    static final int MAX_STATUS_CHARACTERS = StatusFlow.MAX_NAME_BYTES;

    private static void checkParty(String field, String value) {
        if (value.codePointCount(0, value.length()) > MAX_PARTY_CHARACTERS) {
            throw new IllegalArgumentException("The case store keeps " + field + " of at most " + MAX_PARTY_CHARACTERS
                    + " characters (the rules allow 20 UTF-8 bytes); this one has more");
        }
    }
}

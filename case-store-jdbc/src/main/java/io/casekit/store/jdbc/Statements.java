package io.casekit.store.jdbc;

import org.jspecify.annotations.Nullable;

/**
 * Every statement the store and catalog run, built once from the validated table prefix. Values
 * are always bound parameters; the prefix is the only text that varies.
 */
final class Statements {
    static final String CASE_TABLE = "case";
    static final String HISTORY_TABLE = "case_history";
    static final String CASE_TYPE_TABLE = "case_type";
    static final String SCHEMA_TABLE = "schema_version";

    /** Columns of a case, in the order {@link #insertCase} binds them and {@link #findCase} reads them. */
    static final String CASE_COLUMNS = "tenant, id, type_id, version, title, description, owner_id, priority, "
            + "due_date, contact_id, contact_phone, attachment, extensions, created_by, created_at, updated_at, "
            + "status, state, closed_at, closed_reason, reopened";

    /** Columns of a history entry, in the order {@link #insertHistory} binds them (after tenant and case id). */
    static final String HISTORY_COLUMNS = "version, changed_at, actor, changes, kind, remark";

    /** The table prefix; also the prefix of H2's function aliases (schema version 3). */
    final String prefix;
    final String caseTable;
    final String historyTable;
    final String caseTypeTable;
    final String schemaTable;

    /**
     * Binds {@link #CASE_COLUMNS}, then {@code title_folded}: the title folded as title filters
     * compare it ({@link io.casekit.core.query.CaseFilter.TitleContains#fold}), which the store writes.
     */
    final String insertCase;
    final String insertHistory;
    /** Binds the new state (ending in {@code title_folded}), then tenant, id and the expected version. */
    final String updateCase;
    /**
     * {@link #updateCase} and the insert of its history entry as one statement, atomic by itself, so
     * that it needs neither a transaction of its own nor a second statement: on PostgreSQL a
     * data-modifying {@code WITH}, on H2 an {@code INSERT ... SELECT} from the {@code FINAL TABLE} of
     * the update. Null on MariaDB, which has neither. The tenant, case id and version of the entry
     * come from the updated row, so the statement inserts one row, or none when the update matched none.
     */
    final @Nullable UpdateWithHistory updateCaseWithHistory;

    /**
     * A statement that updates a case and inserts its history entry.
     *
     * @param sql          the statement text
     * @param firstUpdate  the position of the first of the parameters of {@link #updateCase}, bound in
     *                     its order
     * @param firstHistory the position of the first of the entry's {@code changed_at}, actor, changes,
     *                     kind and remark, bound in that order
     */
    record UpdateWithHistory(String sql, int firstUpdate, int firstHistory) {}
    /** The version of a case, read with a lock so that it is the latest committed one. */
    final String lockedVersion;
    final String findCase;
    final String history;
    /**
     * Binds tenant, case id, the version after which to start, and the most rows; served by the
     * history table's primary key (tenant, case_id, version). {@code LIMIT ?} is the same in H2,
     * PostgreSQL and MariaDB.
     */
    final String historyPage;
    /** Binds tenant and case id: the case first, then its history (erase; see there why). */
    final String eraseHistory;
    final String eraseCase;
    /**
     * The figures of {@link io.casekit.core.query.CaseStatistics} in one row, from three index range
     * reads: binds tenant, from, to (created), tenant, from, to (closed), now (due dates), tenant and
     * the cancelled state's wire name (open cases). Columns: new, finished, finished seconds,
     * unfinished, over.
     */
    final String statistics;
    final String findCaseType;
    final String listCaseTypes;
    final String upsertCaseType;

    Statements(String prefix, JdbcDialect dialect) {
        this.prefix = prefix;
        caseTable = prefix + CASE_TABLE;
        historyTable = prefix + HISTORY_TABLE;
        caseTypeTable = prefix + CASE_TYPE_TABLE;
        schemaTable = prefix + SCHEMA_TABLE;

        String json = dialect.jsonParameter();
        insertCase = "INSERT INTO " + caseTable + " (" + CASE_COLUMNS + ", title_folded) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, " + json + ", ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        insertHistory = "INSERT INTO " + historyTable + " (tenant, case_id, " + HISTORY_COLUMNS + ")"
                + " VALUES (?, ?, ?, ?, ?, " + json + ", ?, ?)";
        updateCase = "UPDATE " + caseTable + " SET title = ?, description = ?, owner_id = ?, priority = ?,"
                + " due_date = ?, contact_id = ?, contact_phone = ?, attachment = ?, extensions = " + json + ", version = ?,"
                + " updated_at = ?, status = ?, state = ?, closed_at = ?, closed_reason = ?, reopened = ?,"
                + " title_folded = ? WHERE tenant = ? AND id = ? AND version = ?";
        String historyInsert = "INSERT INTO " + historyTable + " (tenant, case_id, " + HISTORY_COLUMNS + ")"
                + " SELECT tenant, id, version, ?, ?, " + json + ", ?, ? FROM ";
        updateCaseWithHistory = switch (dialect) {
            case POSTGRESQL -> new UpdateWithHistory("WITH updated AS (" + updateCase
                    + " RETURNING tenant, id, version) " + historyInsert + "updated", 1, 21);
            case H2 -> new UpdateWithHistory(historyInsert + "FINAL TABLE (" + updateCase + ")", 6, 1);
            case MARIADB -> null;
        };
        lockedVersion = "SELECT version FROM " + caseTable + " WHERE tenant = ? AND id = ? FOR UPDATE";
        findCase = "SELECT " + CASE_COLUMNS + " FROM " + caseTable + " WHERE tenant = ? AND id = ?";
        history = "SELECT " + HISTORY_COLUMNS + " FROM " + historyTable
                + " WHERE tenant = ? AND case_id = ? ORDER BY version";
        historyPage = "SELECT " + HISTORY_COLUMNS + " FROM " + historyTable
                + " WHERE tenant = ? AND case_id = ? AND version > ? ORDER BY version LIMIT ?";
        eraseHistory = "DELETE FROM " + historyTable + " WHERE tenant = ? AND case_id = ?";
        eraseCase = "DELETE FROM " + caseTable + " WHERE tenant = ? AND id = ?";
        statistics = "SELECT created.n, finished.n, finished.duration, unfinished.n, unfinished.overdue FROM"
                + " (SELECT COUNT(*) AS n FROM " + caseTable + " WHERE tenant = ? AND created_at >= ? AND created_at < ?)"
                + " created CROSS JOIN (SELECT COUNT(*) AS n, COALESCE(SUM(" + dialect.wholeSeconds("created_at", "closed_at")
                + "), 0) AS duration FROM " + caseTable + " WHERE tenant = ? AND closed_at >= ? AND closed_at < ?) finished"
                + " CROSS JOIN (SELECT COUNT(*) AS n, COUNT(CASE WHEN due_date < ? THEN 1 END) AS overdue FROM "
                + caseTable + " WHERE tenant = ? AND closed_at IS NULL AND state <> ?) unfinished";
        findCaseType = "SELECT name, fields, status_flow FROM " + caseTypeTable + " WHERE tenant = ? AND id = ?";
        listCaseTypes = "SELECT id, name, fields, status_flow FROM " + caseTypeTable + " WHERE tenant = ?";
        upsertCaseType = dialect.upsertCaseType(caseTypeTable);
    }
}

package io.casekit.store.jdbc;

import io.casekit.core.StorageUnavailableException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What a database failure means for the caller, told by SQLState and vendor code, never by
 * exception type (the PostgreSQL driver, for one, reports a duplicate key as a plain
 * {@link SQLException}). The exceptions built here carry fixed messages; the SQL and the driver's
 * text stay in the cause, for the host's logs.
 */
final class Failures {
    /** What went wrong, as far as the caller is concerned. */
    enum Kind {
        /** A unique key was violated: the row exists. */
        DUPLICATE_KEY,
        /** The database aborted the transaction for a concurrent one (serialization, deadlock, lock wait). */
        CONCURRENT_TRANSACTION,
        /** The connection could not be had or broke. */
        CONNECTION,
        /** Anything else. */
        OTHER
    }

    static final String UNREACHABLE = "The case database can not be reached";
    static final String FAILED = "The case database failed";
    static final String UNREADABLE = "The case database holds data the store can not read";
    static final String NO_SCHEMA = "The casekit tables are missing or lack a column of this version: create or "
            + "upgrade them with JdbcSchema.create (or the schema scripts), and check the table prefix";
    /**
     * SQLStates of a missing table or column: PostgreSQL 42P01 and 42703, MariaDB and H2 42S02 and
     * 42S22; H2 also 42S03 (a missing table, with similar names) and 42S04 (a missing table in a
     * database that has none).
     */
    private static final java.util.Set<String> NO_SCHEMA_STATES = java.util.Set.of("42P01", "42703", "42S02", "42S22",
            "42S03", "42S04");

    private Failures() {}

    static Kind classify(Throwable failure, JdbcDialect dialect) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                Kind kind = classify(sql.getSQLState(), sql.getErrorCode(), dialect);
                if (kind != Kind.OTHER) {
                    return kind;
                }
                // A pool's "no connection in time" often has no SQLState at all.
                if (sql instanceof SQLTransientConnectionException || sql instanceof SQLNonTransientConnectionException) {
                    return Kind.CONNECTION;
                }
            }
        }
        return Kind.OTHER;
    }

    static Kind classify(String sqlState, int vendorCode, JdbcDialect dialect) {
        String state = sqlState == null ? "" : sqlState;
        if (state.equals("23505") || (state.startsWith("23") && dialect.isDuplicateKey(vendorCode))) {
            return Kind.DUPLICATE_KEY;
        }
        // 40001 serialization failure, 40P01 deadlock; 55P03 PostgreSQL's lock_not_available (its
        // lock_timeout), as the lock wait timeouts of H2 and MariaDB are.
        if (state.equals("40001") || state.equals("40P01") || state.equals("55P03")
                || dialect.isConcurrencyFailure(vendorCode)) {
            return Kind.CONCURRENT_TRANSACTION;
        }
        // 57P01-57P03: PostgreSQL ended the session (terminated, crashed, not accepting): as lost a
        // connection as any 08 state.
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
            return Kind.CONNECTION;
        }
        return Kind.OTHER;
    }

    /** Whether the failure, or a cause of it, is a missing table or column (by SQLState). */
    static boolean isMissingSchema(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLException sql && NO_SCHEMA_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The failure as the caller sees it when nothing more specific applies to the operation. */
    static StorageUnavailableException unavailable(Throwable failure, JdbcDialect dialect) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof MalformedColumnException) {
                return new StorageUnavailableException(UNREADABLE, failure);
            }
            if (t instanceof SQLException sql && NO_SCHEMA_STATES.contains(sql.getSQLState())) {
                return new StorageUnavailableException(NO_SCHEMA, failure);
            }
        }
        return new StorageUnavailableException(
                classify(failure, dialect) == Kind.CONNECTION ? UNREACHABLE : FAILED, failure);
    }
}

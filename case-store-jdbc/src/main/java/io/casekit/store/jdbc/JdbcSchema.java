package io.casekit.store.jdbc;

import io.casekit.core.CaseException;
import io.casekit.core.StorageUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The opt-in schema helper. Nothing in the store runs DDL by itself: a host either calls
 * {@link #create} at start-up, or applies the scripts ({@link #scripts}, also the classpath
 * resources {@code io/casekit/store/jdbc/schema/<dialect>/V<n>__casekit.sql}) with its own
 * migration tool, and may then call {@link #validate}.
 *
 * <p>{@link #create} is safe when several hosts call it at once: the scripts only create what does
 * not exist yet and record their version idempotently, and the whole run holds a database lock
 * (PostgreSQL {@code pg_advisory_xact_lock}, MariaDB {@code GET_LOCK}; on H2 a lock of this class,
 * so hosts in one JVM are serialised; several processes upgrading one H2 database at once are not
 * supported).
 * It runs on a connection of its own, never inside a host transaction (MariaDB would commit that
 * transaction at the first DDL statement).
 */
public final class JdbcSchema {
    /** The schema version this library reads and writes. */
    public static final int VERSION = 4;

    private static final List<String> SCRIPTS = List.of("V1__casekit.sql", "V2__casekit.sql", "V3__casekit.sql",
            "V4__casekit.sql");
    private static final String RESOURCE_ROOT = "io/casekit/store/jdbc/schema/";
    private static final int LOCK_WAIT_SECONDS = 60;
    private static final Object H2_LOCK = new Object();
    /** An arbitrary number that keeps the advisory lock apart from the host's own ones. */
    private static final long ADVISORY_LOCK_BASE = 0x6361_7365_6b69_7400L;

    private JdbcSchema() {}

    /**
     * Creates the tables, or brings an older casekit schema up to {@link #VERSION}. Does nothing when
     * the schema is current.
     *
     * @throws StorageUnavailableException when the database fails or refuses the DDL
     * @throws IllegalStateException       when the database holds a newer schema than this library knows
     * @throws IllegalArgumentException    when the database is not supported
     */
    public static void create(Jdbi jdbi, JdbcStoreOptions options) {
        Database db = new Database(jdbi, options);
        if (db.dialect == JdbcDialect.H2) {
            // H2 has no lock that outlives its DDL statements (each commits); within one JVM the
            // upgrade steps are serialised here.
            synchronized (H2_LOCK) {
                createLocked(jdbi, options, db);
            }
        } else {
            createLocked(jdbi, options, db);
        }
    }

    private static void createLocked(Jdbi jdbi, JdbcStoreOptions options, Database db) {
        try (Handle handle = jdbi.open()) {
            boolean autoCommit = handle.getConnection().getAutoCommit();
            if (autoCommit) {
                handle.begin();
            }
            try {
                lock(handle, db, options.tablePrefix());
                try {
                    // The first statement of every V1 script; run before reading the version, so that it exists.
                    handle.execute(SqlScript.statements(script(db.dialect, 1, options.tablePrefix()), db.dialect).get(0));
                    int current = currentVersion(handle.getConnection(), db).orElse(0);
                    if (current > VERSION) {
                        throw newer(current);
                    }
                    for (int version = current + 1; version <= VERSION; version++) {
                        for (String statement : SqlScript.statements(script(db.dialect, version, options.tablePrefix()),
                                db.dialect)) {
                            handle.execute(statement);
                        }
                    }
                    if (current >= 1 && current < 3) {
                        TitleFolding.refold(handle, db.sql.caseTable);
                    }
                    handle.commit();
                } finally {
                    unlock(handle, db, options.tablePrefix());
                }
            } catch (RuntimeException e) {
                try {
                    handle.rollback();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        } catch (IllegalStateException | CaseException e) {
            throw e;
        } catch (SQLException | RuntimeException e) {
            throw new StorageUnavailableException(Failures.classify(e, db.dialect) == Failures.Kind.CONNECTION
                    ? Failures.UNREACHABLE : "The case database refused to create the casekit schema", e);
        }
    }

    /**
     * For hosts that apply the schema scripts with their own migration tool ({@link #scripts}): call
     * once after schema version 3 was applied to a database that held cases before it, so that title
     * filters find every case. Version 3's PostgreSQL and MariaDB scripts fill the new
     * {@code title_folded} column with the database's {@code LOWER(title)}, exact for ASCII only; this
     * rewrites each case's column with casekit's folding
     * ({@link io.casekit.core.query.CaseFilter.TitleContains#fold}) where it differs. {@link #create}
     * does this itself when it upgrades. Idempotent, safe while the store runs, reads the table in
     * pages of 1,000 cases (our decision; see case-store-jdbc's README, "Schema version 3").
     *
     * @return the number of cases whose folding was rewritten
     * @throws StorageUnavailableException when the database fails
     */
    public static long foldTitles(Jdbi jdbi, JdbcStoreOptions options) {
        Database db = new Database(jdbi, options);
        try (Handle handle = jdbi.open()) {
            return handle.inTransaction(h -> TitleFolding.refold(h, db.sql.caseTable));
        } catch (RuntimeException e) {
            throw new StorageUnavailableException(Failures.classify(e, db.dialect) == Failures.Kind.CONNECTION
                    ? Failures.UNREACHABLE : "The case database refused to fold the case titles", e);
        }
    }

    /**
     * Checks that the tables exist, with every column the store uses, at schema {@link #VERSION}.
     *
     * @throws IllegalStateException       when the schema is missing, incomplete, older or newer; the
     *                                     message says which and what to do
     * @throws StorageUnavailableException when the database can not be reached
     */
    public static void validate(Jdbi jdbi, JdbcStoreOptions options) {
        Database db = new Database(jdbi, options);
        int current;
        try (Handle handle = jdbi.open()) {
            current = currentVersion(handle.getConnection(), db).orElse(0);
            for (String check : columnChecks(db)) {
                handle.createQuery(check).mapToMap().list();
            }
            if (!handle.getConnection().getAutoCommit()) {
                handle.rollback();
            }
        } catch (SQLException | RuntimeException e) {
            if (Failures.classify(e, db.dialect) == Failures.Kind.CONNECTION) {
                throw new StorageUnavailableException(Failures.UNREACHABLE, e);
            }
            throw new IllegalStateException("The casekit tables with prefix " + options.tablePrefix()
                    + " are missing or incomplete: create them with JdbcSchema.create or apply the scripts "
                    + "in " + RESOURCE_ROOT + db.dialect.folder(), e);
        }
        if (current > VERSION) {
            throw newer(current);
        }
        if (current < VERSION) {
            throw new IllegalStateException("The casekit schema with prefix " + options.tablePrefix() + " is at version "
                    + current + ", this library needs " + VERSION + ": upgrade it with JdbcSchema.create or apply the "
                    + "scripts in " + RESOURCE_ROOT + db.dialect.folder());
        }
    }

    /**
     * The schema version the database holds under the options' table prefix, as {@link #create}
     * records it: for a health check or a host's own start-up check. Reads one row and writes
     * nothing, on a connection of its own, or inside the host's transaction as the store's reads do
     * (call it outside one: on PostgreSQL a missing table aborts the transaction it is read in). It
     * does not check the tables' columns, as {@link #validate} does.
     *
     * @return the version, {@link #VERSION} when current; empty when there is no casekit schema under
     *         the prefix (no version table, or an empty one)
     * @throws StorageUnavailableException when the database can not be reached or fails otherwise; its
     *                                     message holds no SQL (that is in its cause)
     * @throws IllegalArgumentException    when the database is not supported
     */
    public static OptionalInt currentVersion(Jdbi jdbi, JdbcStoreOptions options) {
        Database db = new Database(jdbi, options);
        try {
            return db.read(connection -> currentVersion(connection, db)).map(OptionalInt::of)
                    .orElseGet(OptionalInt::empty);
        } catch (SQLException | RuntimeException e) {
            if (Failures.isMissingSchema(e)) {
                return OptionalInt.empty();
            }
            throw Failures.unavailable(e, db.dialect);
        }
    }

    /**
     * The schema scripts of a dialect, oldest first, with the table prefix filled in: for hosts that
     * apply DDL with their own migration tool. Each is a series of statements ending with {@code ;}
     * (outside literals, quoted identifiers, comments and dollar-quoted bodies); MariaDB's version 2
     * writes its compound statements between the lines {@code DELIMITER //} and {@code DELIMITER ;},
     * as the {@code mysql} client and Flyway read them. Version 2 converts the data of version 1 in
     * place: see "Schema version 2 and upgrading" in the module's README.
     */
    public static List<String> scripts(JdbcDialect dialect, JdbcStoreOptions options) {
        List<String> scripts = new ArrayList<>();
        for (int version = 1; version <= VERSION; version++) {
            scripts.add(script(dialect, version, options.tablePrefix()));
        }
        return scripts;
    }

    static String script(JdbcDialect dialect, int version, String prefix) {
        String resource = RESOURCE_ROOT + dialect.folder() + "/" + SCRIPTS.get(version - 1);
        try (InputStream in = JdbcSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The casekit schema script " + resource + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${prefix}", prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The highest version recorded; empty when none is (the table must exist). */
    private static Optional<Integer> currentVersion(Connection connection, Database db) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM " + db.sql.schemaTable)) {
            if (!rows.next()) {
                return Optional.empty();
            }
            int version = rows.getInt(1);
            return rows.wasNull() ? Optional.empty() : Optional.of(version);
        }
    }

    private static List<String> columnChecks(Database db) {
        return List.of(
                "SELECT " + Statements.CASE_COLUMNS + " FROM " + db.sql.caseTable + " WHERE 1 = 0",
                "SELECT title_folded, priority_rank FROM " + db.sql.caseTable + " WHERE 1 = 0",
                "SELECT tenant, case_id, version, changed_at, actor, changes, kind, remark FROM " + db.sql.historyTable
                        + " WHERE 1 = 0",
                "SELECT tenant, id, name, fields, status_flow FROM " + db.sql.caseTypeTable + " WHERE 1 = 0");
    }

    private static void lock(Handle handle, Database db, String prefix) {
        switch (db.dialect) {
            case POSTGRESQL -> {
                try (Query lock = handle.createQuery("SELECT pg_advisory_xact_lock(?)")) {
                    lock.bind(0, ADVISORY_LOCK_BASE ^ prefix.hashCode()).mapToMap().list();
                }
            }
            case MARIADB -> {
                try (Query lock = handle.createQuery("SELECT GET_LOCK(?, ?)")) {
                    Optional<Integer> got = lock.bind(0, lockName(prefix)).bind(1, LOCK_WAIT_SECONDS)
                            .mapTo(Integer.class).findOne();
                    if (got.isEmpty() || got.get() != 1) {
                        throw new StorageUnavailableException("Another host held the casekit schema lock for longer than "
                                + LOCK_WAIT_SECONDS + " seconds");
                    }
                }
            }
            case H2 -> {
                // Serialised by H2_LOCK in create; H2 commits each DDL statement, so no database lock would hold.
            }
        }
    }

    private static void unlock(Handle handle, Database db, String prefix) {
        if (db.dialect == JdbcDialect.MARIADB) {
            // Closing the connection releases the lock too; a failure here must not hide the first one.
            try (Query unlock = handle.createQuery("SELECT RELEASE_LOCK(?)")) {
                unlock.bind(0, lockName(prefix)).mapToMap().list();
            } catch (RuntimeException e) {
                System.getLogger(JdbcSchema.class.getName()).log(System.Logger.Level.WARNING,
                        "Could not release the casekit schema lock; the database releases it when the connection closes", e);
            }
        }
    }

    private static String lockName(String prefix) {
        return "casekit_schema_" + prefix;
    }

    private static IllegalStateException newer(int current) {
        return new IllegalStateException("The database holds casekit schema version " + current
                + ", newer than this library's " + VERSION + ": upgrade the library");
    }
}

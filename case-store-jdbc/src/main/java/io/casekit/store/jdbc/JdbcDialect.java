package io.casekit.store.jdbc;

import java.util.Locale;
import java.util.Optional;

/**
 * The databases the JDBC store supports. Each has its own schema scripts (the classpath folder
 * {@code io/casekit/store/jdbc/schema/}{@link #folder()}) and its own few statements and error codes.
 * The store detects the dialect from the connection's metadata once, when it is built, unless the
 * host names it in {@link JdbcStoreOptions#withDialect(JdbcDialect)}.
 */
public enum JdbcDialect {
    /** H2 2.x, embedded or server: the embedded default. */
    H2("h2", "H2"),
    /** PostgreSQL 12 or later. */
    POSTGRESQL("postgresql", "PostgreSQL"),
    /** MariaDB 10.6 or later, through MariaDB Connector/J. */
    MARIADB("mariadb", "MariaDB");

    private final String folder;
    private final String productName;

    JdbcDialect(String folder, String productName) {
        this.folder = folder;
        this.productName = productName;
    }

    /** The folder of this dialect's schema scripts under {@code io/casekit/store/jdbc/schema/}. */
    public String folder() {
        return folder;
    }

    /** The dialect of a database by its {@code DatabaseMetaData.getDatabaseProductName()}, if supported. */
    public static Optional<JdbcDialect> fromProductName(String productName) {
        for (JdbcDialect d : values()) {
            if (d.productName.toLowerCase(Locale.ROOT).equals(productName.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** Inserts a case type or replaces the one with the same key; parameters as {@link Statements}. */
    String upsertCaseType(String table) {
        String values = " (tenant, id, name, fields, status_flow) VALUES (?, ?, ?, ?, " + jsonParameter() + ")";
        return switch (this) {
            case H2 -> "MERGE INTO " + table + " (tenant, id, name, fields, status_flow) KEY (tenant, id)"
                    + " VALUES (?, ?, ?, ?, ?)";
            case POSTGRESQL -> "INSERT INTO " + table + values + " ON CONFLICT (tenant, id) DO UPDATE SET"
                    + " name = EXCLUDED.name, fields = EXCLUDED.fields, status_flow = EXCLUDED.status_flow";
            case MARIADB -> "INSERT INTO " + table + values + " ON DUPLICATE KEY UPDATE name = VALUES(name),"
                    + " fields = VALUES(fields), status_flow = VALUES(status_flow)";
        };
    }

    /**
     * The whole seconds from one instant column to another, floored (each case's duration truncated
     * to the second, as {@code java.time.Duration#getSeconds()}), as a {@code BIGINT}. Exact: the
     * columns hold milliseconds, and each dialect computes the difference exactly before the floor.
     * H2's {@code DATEDIFF(SECOND, ...)} counts second boundaries crossed (0.999 to 2.000 is 2), and
     * MariaDB's {@code TIMESTAMPDIFF(SECOND, ...)} truncates towards zero, so both count
     * milliseconds or microseconds first.
     */
    String wholeSeconds(String from, String to) {
        return switch (this) {
            case H2 -> "CAST(FLOOR(DATEDIFF(MILLISECOND, " + from + ", " + to + ") / 1000.0) AS BIGINT)";
            case POSTGRESQL -> "CAST(FLOOR(EXTRACT(EPOCH FROM (" + to + " - " + from + "))) AS BIGINT)";
            case MARIADB -> "CAST(FLOOR(TIMESTAMPDIFF(MICROSECOND, " + from + ", " + to + ") / 1000000) AS SIGNED)";
        };
    }

    /**
     * The placeholder of a JSON column's value, bound with {@code setString}: PostgreSQL does not
     * turn a text parameter into {@code jsonb} by itself; MariaDB's {@code JSON} is text with a
     * validity check, and H2 keeps the JSON text in a character column (see the H2 schema script).
     */
    String jsonParameter() {
        return this == POSTGRESQL ? "CAST(? AS JSONB)" : "?";
    }

    /** Whether this vendor error code means the database gave up a transaction for a concurrent one. */
    boolean isConcurrencyFailure(int vendorCode) {
        return switch (this) {
            // 50200: lock wait timeout; 90131: concurrent update of the same row.
            case H2 -> vendorCode == 50200 || vendorCode == 90131;
            case POSTGRESQL -> false;
            // 1213: deadlock; 1205: lock wait timeout (SQLState HY000, so only the code tells).
            case MARIADB -> vendorCode == 1213 || vendorCode == 1205;
        };
    }

    /** Whether this vendor error code means a duplicate key. */
    boolean isDuplicateKey(int vendorCode) {
        return switch (this) {
            case H2 -> vendorCode == 23505;
            case POSTGRESQL -> false;
            case MARIADB -> vendorCode == 1062;
        };
    }
}

package io.casekit.spring.boot.autoconfigure;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The databases of this module's tests. H2 (in memory) always; PostgreSQL when the system property
 * {@code casekit.databases} lists it (set by {@code -Pdatabases}), and then it must be reachable:
 * a test that can not open it fails. Its URL can be changed with {@code casekit.postgresql.url}.
 */
enum TestDatabases {
    H2,
    POSTGRESQL;

    private static final SecureRandom RANDOM = new SecureRandom();

    static List<TestDatabases> requested() {
        List<String> listed = Arrays.stream(System.getProperty("casekit.databases", "").split(","))
                .map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        return Arrays.stream(values()).filter(d -> d == H2 || listed.contains(d.name().toLowerCase(Locale.ROOT)))
                .toList();
    }

    /** A JDBC URL of a database no other test uses (H2), or of the shared test database. */
    String url() {
        return switch (this) {
            case H2 -> "jdbc:h2:mem:" + randomName("db") + ";DB_CLOSE_DELAY=-1";
            case POSTGRESQL -> System.getProperty("casekit.postgresql.url",
                    "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        };
    }

    /** A lowercase name no other run uses, such as a table prefix {@code ckb_abcdefgh_}. */
    static String randomName(String start) {
        StringBuilder name = new StringBuilder(start).append('_');
        for (int i = 0; i < 8; i++) {
            name.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return name.toString();
    }

    /** Drops the tables whose names start with {@code prefix}, on PostgreSQL (H2 databases vanish). */
    void dropTables(String url, String prefix, String... others) throws SQLException {
        if (this != POSTGRESQL) {
            return;
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String table : List.of("schema_version", "case_history", "case", "case_type")) {
                s.execute("DROP TABLE IF EXISTS " + prefix + table + " CASCADE");
            }
            for (String other : others) {
                s.execute("DROP TABLE IF EXISTS " + other + " CASCADE");
            }
        }
    }
}

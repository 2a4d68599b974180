package io.casekit.example;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A database the end-to-end tests serve from. H2 always runs (a file in a temporary folder);
 * PostgreSQL and MariaDB run when the system property {@code casekit.databases} lists them (set by
 * {@code -Pdatabases}), and then must be reachable: a host that can not open them fails its tests.
 * Their URLs can be changed with {@code casekit.postgresql.url} and {@code casekit.mariadb.url}.
 * Each run uses tables of its own, under a random prefix, and drops them at the end.
 */
enum TestDatabase {
    H2("h2"),
    POSTGRESQL("postgresql"),
    MARIADB("mariadb");

    private static final SecureRandom RANDOM = new SecureRandom();

    final String key;

    TestDatabase(String key) {
        this.key = key;
    }

    boolean requested() {
        if (this == H2) {
            return true;
        }
        List<String> listed = Arrays.stream(System.getProperty("casekit.databases", "").split(","))
                .map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        return listed.contains(key);
    }

    String url(Path folder) {
        return switch (this) {
            case H2 -> CaseDatabase.h2FileUrl(folder.resolve("casekit"));
            case POSTGRESQL -> System.getProperty("casekit.postgresql.url",
                    "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
            case MARIADB -> System.getProperty("casekit.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/test?user=root");
        };
    }

    /** A table prefix no other run uses. */
    static String randomPrefix() {
        StringBuilder prefix = new StringBuilder("ckx");
        for (int i = 0; i < 8; i++) {
            prefix.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return prefix.append('_').toString();
    }

    /** Drops the tables under {@code prefix}. */
    void dropTables(String url, String prefix) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            for (String table : List.of("case_history", "case", "case_type", "schema_version")) {
                statement.execute("DROP TABLE IF EXISTS " + prefix + table);
            }
        }
    }
}

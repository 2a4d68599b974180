package io.casekit.example.hostile;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A store the hostile suites run the host on. The in-memory store and H2 always run; PostgreSQL
 * and MariaDB run when the system property {@code casekit.databases} lists them (set by
 * {@code -Pdatabases}), and must then be reachable. Their URLs can be changed with
 * {@code casekit.postgresql.url} and {@code casekit.mariadb.url}, as for the end-to-end tests.
 */
enum HostileStore {
    MEMORY("memory"),
    H2("h2"),
    POSTGRESQL("postgresql"),
    MARIADB("mariadb");

    final String key;

    HostileStore(String key) {
        this.key = key;
    }

    boolean requested() {
        if (this == MEMORY || this == H2) {
            return true;
        }
        List<String> listed = Arrays.stream(System.getProperty("casekit.databases", "").split(","))
                .map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        return listed.contains(key);
    }

    String skipReason() {
        return key + " runs only when casekit.databases lists it (mvn -B verify -Pdatabases)";
    }

    boolean isJdbc() {
        return this != MEMORY;
    }

    /** The JDBC URL of this store; an H2 file under {@code folder}. */
    String jdbcUrl(Path folder) {
        return switch (this) {
            case H2 -> "jdbc:h2:file:" + folder.resolve("casekit").toAbsolutePath().normalize() + ";DB_CLOSE_ON_EXIT=FALSE";
            case POSTGRESQL -> System.getProperty("casekit.postgresql.url",
                    "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
            case MARIADB -> System.getProperty("casekit.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/test?user=root");
            case MEMORY -> throw new IllegalStateException("the in-memory store has no URL");
        };
    }
}

package io.casekit.reliability;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.casekit.store.jdbc.JdbcDialect;
import io.casekit.store.jdbc.JdbcSchema;
import io.casekit.store.jdbc.JdbcStoreOptions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * One database the tests run on, with tables of their own: a random table prefix per instance, so
 * that runs sharing a server never meet, and the tables dropped on {@link #close()}.
 *
 * <p>Which databases: always H2 (in memory), plus those the system property
 * {@code casekit.databases} lists ({@code postgresql}, {@code mariadb}; set by {@code -Pdatabases}).
 * A listed database that can not be reached fails the test that opens it; it is never skipped.
 */
final class TestDatabase implements AutoCloseable {
    static final String H2 = "h2";
    static final String POSTGRESQL = "postgresql";
    static final String MARIADB = "mariadb";

    private static final SecureRandom RANDOM = new SecureRandom();
    /** How long a killed session may take to be gone; only ever reached when the database misbehaves. */
    private static final Duration SESSION_END_WAIT = Duration.ofSeconds(30);

    final String name;
    final JdbcDialect dialect;
    final String prefix;
    private final String url;
    /** The pool of the schema helper, the checks and the verifying reads; never faulted. */
    private final HikariDataSource plain;
    private final List<HikariDataSource> pools = new ArrayList<>();

    private TestDatabase(String name) {
        this.name = name;
        this.dialect = dialectOf(name);
        this.prefix = randomPrefix();
        this.url = switch (dialect) {
            case H2 -> "jdbc:h2:mem:" + prefix + "db;DB_CLOSE_DELAY=-1";
            case POSTGRESQL -> System.getProperty("casekit.postgresql.url",
                    "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
            case MARIADB -> System.getProperty("casekit.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/test?user=root");
        };
        this.plain = pool(4, new UrlDataSource(url));
    }

    /** The dialect of a database name of {@code casekit.databases}. */
    static JdbcDialect dialectOf(String name) {
        return switch (name) {
            case H2 -> JdbcDialect.H2;
            case POSTGRESQL -> JdbcDialect.POSTGRESQL;
            case MARIADB -> JdbcDialect.MARIADB;
            default -> throw new IllegalArgumentException("casekit.databases lists an unknown database: " + name);
        };
    }

    /** Opens the database and creates its tables through the schema helper. */
    static TestDatabase open(String name) {
        TestDatabase db = new TestDatabase(name);
        try {
            JdbcSchema.create(db.jdbi(), db.options());
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The databases the tests must use: always H2, and those {@code casekit.databases} lists. */
    static List<String> requested() {
        List<String> names = new ArrayList<>(List.of(H2));
        Arrays.stream(System.getProperty("casekit.databases", "").split(","))
                .map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty() && !names.contains(s))
                .forEach(names::add);
        return names;
    }

    static boolean isRequested(String name) {
        return requested().contains(name);
    }

    JdbcStoreOptions options() {
        return JdbcStoreOptions.defaults().withTablePrefix(prefix).withDialect(dialect);
    }

    /** A {@code Jdbi} on the plain pool. */
    Jdbi jdbi() {
        return Jdbi.create(plain);
    }

    /** A new physical connection per call, for a pool to sit on (and a fault injector between them). */
    DataSource driver() {
        return new UrlDataSource(url);
    }

    /** A new pool of at most {@code size} connections over {@code physical}, closed with this database. */
    HikariDataSource pool(int size, DataSource physical) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(physical);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(30_000);
        config.setPoolName(prefix + name + pools.size());
        if (dialect == JdbcDialect.H2) {
            config.setExceptionOverride(new EvictClosedH2Sessions());
        }
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    /** The statement that tells the id of the session a connection runs in. */
    String sessionIdQuery() {
        return switch (dialect) {
            case H2 -> "SELECT SESSION_ID()";
            case POSTGRESQL -> "SELECT pg_backend_pid()";
            case MARIADB -> "SELECT CONNECTION_ID()";
        };
    }

    /**
     * Ends a session from the server's side, as an administrator would (PostgreSQL
     * {@code pg_terminate_backend}, MariaDB {@code KILL CONNECTION}, H2 {@code ABORT_SESSION}), from a
     * connection of its own, and returns once the session is gone, so that its transaction is rolled
     * back.
     */
    void killSession(long sessionId) {
        try (Connection admin = DriverManager.getConnection(url)) {
            switch (dialect) {
                case POSTGRESQL -> {
                    // The second argument makes the call wait until the backend has exited.
                    try (PreparedStatement kill = admin.prepareStatement("SELECT pg_terminate_backend(?, ?)")) {
                        kill.setInt(1, Math.toIntExact(sessionId));
                        kill.setLong(2, SESSION_END_WAIT.toMillis());
                        requireTrue(kill, "pg_terminate_backend(" + sessionId + ")");
                    }
                }
                case MARIADB -> {
                    try (Statement kill = admin.createStatement()) {
                        kill.execute("KILL CONNECTION " + sessionId);
                    }
                    awaitGone(admin, "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = ?", sessionId);
                }
                case H2 -> {
                    try (PreparedStatement kill = admin.prepareStatement("CALL ABORT_SESSION(?)")) {
                        kill.setInt(1, Math.toIntExact(sessionId));
                        requireTrue(kill, "ABORT_SESSION(" + sessionId + ")");
                    }
                    awaitGone(admin, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = ?", sessionId);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not kill session " + sessionId + " of " + name, e);
        }
    }

    /** Whether every table of the schema still exists. */
    boolean allTablesExist() {
        for (String table : tables()) {
            try (Connection c = plain.getConnection(); Statement s = c.createStatement()) {
                s.executeQuery("SELECT COUNT(*) FROM " + table).close();
            } catch (SQLException e) {
                return false;
            }
        }
        return true;
    }

    /** The number of rows of one of the schema's tables ({@code case}, {@code case_history}, {@code case_type}). */
    long rows(String table) {
        try (Connection c = plain.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + prefix + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes every row, so that the next run starts from empty tables. */
    void deleteAll() {
        try (Connection c = plain.getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of(prefix + "case_history", prefix + "case", prefix + "case_type")) {
                s.execute("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try (Connection c = plain.getConnection(); Statement s = c.createStatement()) {
            for (String table : tables()) {
                s.execute("DROP TABLE IF EXISTS " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop the test tables with prefix " + prefix, e);
        } finally {
            pools.forEach(HikariDataSource::close);
        }
    }

    @Override
    public String toString() {
        return name;
    }

    private List<String> tables() {
        return List.of(prefix + "case_history", prefix + "case", prefix + "case_type", prefix + "schema_version");
    }

    private static void requireTrue(PreparedStatement call, String what) throws SQLException {
        try (ResultSet rs = call.executeQuery()) {
            if (!rs.next() || !rs.getBoolean(1)) {
                throw new IllegalStateException(what + " did not end the session");
            }
        }
    }

    private static void awaitGone(Connection admin, String countQuery, long sessionId) throws SQLException {
        long deadline = System.nanoTime() + SESSION_END_WAIT.toNanos();
        try (PreparedStatement count = admin.prepareStatement(countQuery)) {
            count.setLong(1, sessionId);
            while (true) {
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Session " + sessionId + " was still there " + SESSION_END_WAIT
                            + " after it was killed");
                }
                try {
                    // Polls the server's own list of sessions; no outcome depends on how long this takes.
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for session " + sessionId + " to end", e);
                }
            }
        }
    }

    private static String randomPrefix() {
        String letters = "abcdefghijklmnopqrstuvwxyz";
        StringBuilder prefix = new StringBuilder("rel");
        for (int i = 0; i < 8; i++) {
            prefix.append(letters.charAt(RANDOM.nextInt(letters.length())));
        }
        return prefix.append('_').toString();
    }
}

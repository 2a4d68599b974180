package io.casekit.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;

/**
 * One database the tests run on, with tables of its own: a random table prefix per instance, so
 * that test runs (and CI) sharing a server never meet, and its tables dropped on {@link #close()}.
 *
 * <p>Which databases: the system property {@code casekit.databases} (set by {@code -Pdatabases}),
 * a comma-separated list of {@code h2}, {@code postgresql}, {@code mariadb}; empty means H2 only.
 * A requested database that can not be reached fails the tests: opening its pool throws.
 *
 * <p>Every connection runs in a database session zone far from UTC and from the JVM's, so that
 * every test also checks that no value depends on a zone.
 */
final class TestDatabase implements AutoCloseable {
    static final String H2 = "h2";
    static final String POSTGRESQL = "postgresql";
    static final String MARIADB = "mariadb";

    /** The session zone of every test connection (MariaDB without zone tables takes the offset). */
    static final String SESSION_ZONE = "America/St_Johns";
    static final String SESSION_OFFSET = "-03:30";
    /** Another session zone, for reading back what was written in the first one. */
    static final String OTHER_SESSION_ZONE = "Asia/Kathmandu";
    static final String OTHER_SESSION_OFFSET = "+05:45";

    private static final SecureRandom RANDOM = new SecureRandom();

    final String name;
    final JdbcDialect dialect;
    final String prefix;
    final Jdbi jdbi;
    private final String url;
    private final List<HikariDataSource> pools = new ArrayList<>();

    private TestDatabase(String name) {
        this.name = name;
        this.dialect = switch (name) {
            case H2 -> JdbcDialect.H2;
            case POSTGRESQL -> JdbcDialect.POSTGRESQL;
            case MARIADB -> JdbcDialect.MARIADB;
            default -> throw new IllegalArgumentException("casekit.databases lists an unknown database: " + name);
        };
        this.prefix = randomPrefix();
        this.url = switch (name) {
            case H2 -> "jdbc:h2:mem:" + prefix + "db;DB_CLOSE_DELAY=-1";
            case POSTGRESQL -> System.getProperty("casekit.postgresql.url",
                    "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
            default -> System.getProperty("casekit.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/test?user=root");
        };
        this.jdbi = Jdbi.create(pool(4, true, sessionZone()));
    }

    /** Opens the database and creates its tables through the schema helper. */
    static TestDatabase open(String name) {
        TestDatabase db = new TestDatabase(name);
        try {
            JdbcSchema.create(db.jdbi, db.options());
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
        return JdbcStoreOptions.defaults().withTablePrefix(prefix);
    }

    JdbcCaseStore store() {
        return JdbcCaseStore.create(jdbi, options());
    }

    JdbcTemplateCatalog catalog() {
        return JdbcTemplateCatalog.create(jdbi, options());
    }

    /** The session zone every pool gets unless told otherwise, as this database names it. */
    String sessionZone() {
        return dialect == JdbcDialect.MARIADB ? SESSION_OFFSET : SESSION_ZONE;
    }

    String otherSessionZone() {
        return dialect == JdbcDialect.MARIADB ? OTHER_SESSION_OFFSET : OTHER_SESSION_ZONE;
    }

    /** The query that tells a session's zone. */
    String sessionZoneQuery() {
        return switch (dialect) {
            case H2 -> "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'TIME ZONE'";
            case POSTGRESQL -> "SELECT current_setting('TimeZone')";
            case MARIADB -> "SELECT @@session.time_zone";
        };
    }

    /** A new pool on this database, closed with it. */
    HikariDataSource pool(int size, boolean autoCommit, String sessionZone) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setAutoCommit(autoCommit);
        config.setConnectionTimeout(10_000);
        config.setPoolName(prefix + name + pools.size());
        config.setConnectionInitSql(switch (dialect) {
            case H2, POSTGRESQL -> "SET TIME ZONE '" + sessionZone + "'";
            case MARIADB -> "SET time_zone = '" + sessionZone + "'";
        });
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    /**
     * A new pool on this database, closed with it, in autocommit mode, whose connections all have the
     * isolation level given ({@code TRANSACTION_REPEATABLE_READ}, ...): a host's pool setting.
     */
    HikariDataSource pool(int size, String isolation) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(10_000);
        config.setPoolName(prefix + name + pools.size());
        config.setTransactionIsolation(isolation);
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    /**
     * Waits, at most 5 s, until some session of the database waits for a lock: for a test that wants
     * a second writer blocked before it lets the first go on. What such a test checks must hold
     * whether or not the wait saw it; only how much of the race it shows depends on it.
     */
    void waitUntilASessionWaitsForALock() throws InterruptedException {
        String query = switch (dialect) {
            case POSTGRESQL -> "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'";
            case H2 -> "SELECT count(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL";
            case MARIADB -> "SELECT count(*) FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT'";
        };
        for (int i = 0; i < 200; i++) {
            long waiting = jdbi.withHandle(h -> h.createQuery(query).mapTo(Long.class).one());
            if (waiting > 0) {
                return;
            }
            Thread.sleep(25);
        }
    }

    /** Removes every row, so that the next test starts from empty tables. */
    void deleteAll() {
        Statements sql = new Statements(prefix, dialect);
        jdbi.useHandle(h -> {
            for (String table : List.of(sql.caseTable, sql.historyTable, sql.caseTypeTable)) {
                h.execute("DELETE FROM " + table);
            }
        });
    }

    @Override
    public void close() {
        try {
            Statements sql = new Statements(prefix, dialect);
            jdbi.useHandle(h -> {
                for (String table : List.of(sql.caseTable, sql.historyTable, sql.caseTypeTable, sql.schemaTable)) {
                    h.execute("DROP TABLE IF EXISTS " + table);
                }
            });
        } finally {
            pools.forEach(HikariDataSource::close);
        }
    }

    @Override
    public String toString() {
        return name;
    }

    private static String randomPrefix() {
        String letters = "abcdefghijklmnopqrstuvwxyz";
        StringBuilder prefix = new StringBuilder("ck");
        for (int i = 0; i < 8; i++) {
            prefix.append(letters.charAt(RANDOM.nextInt(letters.length())));
        }
        return prefix.append('_').toString();
    }
}

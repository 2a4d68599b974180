package io.casekit.example;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.casekit.core.CaseException;
import io.casekit.store.jdbc.JdbcCaseStore;
import io.casekit.store.jdbc.JdbcSchema;
import io.casekit.store.jdbc.JdbcStoreOptions;
import io.casekit.store.jdbc.JdbcTemplateCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;

/**
 * The host's database: a connection pool on one JDBC URL, the casekit tables (created or upgraded
 * at start through {@link JdbcSchema#create}, which is the host's choice, not the library's), and
 * the store and catalog on them. Thread-safe; {@link #close()} closes the pool.
 */
final class CaseDatabase implements AutoCloseable {
    static final String UNSUPPORTED = "the database URL must start with jdbc:h2:, jdbc:postgresql: or jdbc:mariadb:";
    /** The folder of the default H2 database, relative to the working directory. */
    static final String DEFAULT_FOLDER = "casekit-data";

    private static final List<String> SUPPORTED_PREFIXES = List.of("jdbc:h2:", "jdbc:postgresql:", "jdbc:mariadb:");
    private static final int POOL_SIZE = 10;

    private final HikariDataSource pool;
    private final String description;
    private final JdbcCaseStore store;
    private final JdbcTemplateCatalog catalog;

    private CaseDatabase(HikariDataSource pool, String description, JdbcCaseStore store, JdbcTemplateCatalog catalog) {
        this.pool = pool;
        this.description = description;
        this.store = store;
        this.catalog = catalog;
    }

    /**
     * The default database: an H2 file {@code casekit-data/casekit.mv.db} under {@code workingDirectory}.
     * H2's own close-on-exit is off, so that the host, not a JVM hook racing it, closes the database
     * after the last request is answered.
     */
    static String defaultUrl(Path workingDirectory) {
        return h2FileUrl(workingDirectory.resolve(DEFAULT_FOLDER).resolve("casekit"));
    }

    /** The URL of an H2 database in the file {@code <base>.mv.db}. */
    static String h2FileUrl(Path base) {
        return "jdbc:h2:file:" + base.toAbsolutePath().normalize() + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    static boolean isSupported(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return SUPPORTED_PREFIXES.stream().anyMatch(lower::startsWith);
    }

    /**
     * Opens the pool and creates or upgrades the casekit tables.
     *
     * @throws StartupException when the database can not be reached, refuses the schema, or holds a
     *                          newer schema than this casekit knows
     */
    static CaseDatabase open(String url, JdbcStoreOptions options, Duration connectionTimeout) {
        String description = withoutCredentials(url);
        HikariDataSource pool;
        try {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url);
            config.setPoolName("casekit");
            config.setMaximumPoolSize(POOL_SIZE);
            config.setMinimumIdle(1);
            config.setConnectionTimeout(connectionTimeout.toMillis());
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StartupException("The database " + description + " can not be opened: " + rootMessage(e), e);
        }
        try {
            Jdbi jdbi = Jdbi.create(pool);
            JdbcSchema.create(jdbi, options);
            return new CaseDatabase(pool, description, JdbcCaseStore.create(jdbi, options),
                    JdbcTemplateCatalog.create(jdbi, options));
        } catch (CaseException | IllegalStateException | IllegalArgumentException e) {
            pool.close();
            throw new StartupException("The database " + description + " can not be used: " + e.getMessage()
                    + causeMessage(e), e);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    JdbcCaseStore store() {
        return store;
    }

    JdbcTemplateCatalog catalog() {
        return catalog;
    }

    /** The URL without user, password or options, for messages. */
    String description() {
        return description;
    }

    @Override
    public void close() {
        pool.close();
    }

    /** The URL up to its options, without a user or password given before the host. */
    static String withoutCredentials(String url) {
        String shown = url;
        int options = indexOfAny(shown, '?', ';', '&');
        if (options >= 0) {
            shown = shown.substring(0, options);
        }
        int authority = shown.indexOf("//");
        int at = shown.indexOf('@');
        if (authority >= 0 && at > authority) {
            shown = shown.substring(0, authority + 2) + shown.substring(at + 1);
        }
        return shown;
    }

    private static int indexOfAny(String s, char... chars) {
        int first = -1;
        for (char c : chars) {
            int i = s.indexOf(c);
            if (i >= 0 && (first < 0 || i < first)) {
                first = i;
            }
        }
        return first;
    }

    private static String causeMessage(Throwable e) {
        Throwable cause = e.getCause();
        return cause == null || cause.getMessage() == null ? "" : " (" + rootMessage(cause) + ")";
    }

    /** The message of the deepest cause: the driver's own words, which name no password. */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int lineEnd = message.indexOf('\n');
        return lineEnd >= 0 ? message.substring(0, lineEnd).strip() : message;
    }
}

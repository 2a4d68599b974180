package io.casekit.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.casekit.core.spi.CaseStore;
import io.casekit.core.spi.TemplateCatalog;
import io.casekit.store.jdbc.JdbcCaseStore;
import io.casekit.store.jdbc.JdbcSchema;
import io.casekit.store.jdbc.JdbcStoreOptions;
import io.casekit.store.jdbc.JdbcTemplateCatalog;
import io.casekit.store.memory.InMemoryCaseStore;
import io.casekit.store.memory.InMemoryTemplateCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * One store a benchmark runs on: the memory store, or a JDBC store on H2 (a file in a temporary
 * folder), PostgreSQL or MariaDB, each in tables of a random prefix that {@link #close()} drops.
 * Database URLs come from the system properties {@code casekit.bench.postgresql} and
 * {@code casekit.bench.mariadb}, defaulting to the local servers; {@code casekit.bench.h2settings},
 * when set, replaces the settings a benchmark appends to the H2 URL (none unless it says).
 */
final class BenchDatabase implements AutoCloseable {
    static final String POSTGRESQL = System.getProperty("casekit.bench.postgresql",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    static final String MARIADB = System.getProperty("casekit.bench.mariadb",
            "jdbc:mariadb://127.0.0.1:3306/test?user=root");
    /** Settings appended to the H2 URL instead of the benchmark's, e.g. {@code ;CACHE_SIZE=1048576}. */
    static final String H2_SETTINGS = System.getProperty("casekit.bench.h2settings");

    final String name;
    final CaseStore store;
    final TemplateCatalog catalog;
    /** Null for the memory store. */
    final HikariDataSource dataSource;
    final String prefix;
    private final Path folder;
    /** Whether {@link #close()} drops the tables (and deletes the H2 folder), or only closes the pool. */
    private final boolean dropOnClose;

    private BenchDatabase(String name, CaseStore store, TemplateCatalog catalog, HikariDataSource dataSource,
                          String prefix, Path folder, boolean dropOnClose) {
        this.name = name;
        this.store = store;
        this.catalog = catalog;
        this.dataSource = dataSource;
        this.prefix = prefix;
        this.folder = folder;
        this.dropOnClose = dropOnClose;
    }

    /** @param name {@code memory}, {@code h2}, {@code postgresql} or {@code mariadb} */
    static BenchDatabase open(String name, int poolSize) {
        return open(name, poolSize, "");
    }

    /**
     * @param name       {@code memory}, {@code h2}, {@code postgresql} or {@code mariadb}
     * @param h2Settings appended to the H2 URL unless {@code casekit.bench.h2settings} is set
     */
    static BenchDatabase open(String name, int poolSize, String h2Settings) {
        if (name.equals("memory")) {
            return new BenchDatabase(name, new InMemoryCaseStore(), new InMemoryTemplateCatalog(), null, "", null, true);
        }
        Path folder;
        try {
            folder = name.equals("h2") ? Files.createTempDirectory("casekit-bench") : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HikariDataSource dataSource = pool(url(name, folder, h2Settings), poolSize);
        String prefix = "bench" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36) + "_";
        JdbcStoreOptions options = JdbcStoreOptions.defaults().withTablePrefix(prefix);
        Jdbi jdbi = Jdbi.create(dataSource);
        JdbcSchema.create(jdbi, options);
        return new BenchDatabase(name, JdbcCaseStore.create(jdbi, options), JdbcTemplateCatalog.create(jdbi, options),
                dataSource, prefix, folder, true);
    }

    /**
     * A JDBC store in tables of a fixed prefix that outlive the benchmark: {@link #close()} only closes
     * the pool. For data that is expensive to make and is reused by the trials of one run
     * ({@link QueryData}); the caller creates the schema. H2 keeps its file in {@code h2Folder}.
     */
    static BenchDatabase openKept(String name, int poolSize, String h2Settings, String prefix, Path h2Folder) {
        HikariDataSource dataSource = pool(url(name, h2Folder, h2Settings), poolSize);
        JdbcStoreOptions options = JdbcStoreOptions.defaults().withTablePrefix(prefix);
        Jdbi jdbi = Jdbi.create(dataSource);
        return new BenchDatabase(name, JdbcCaseStore.create(jdbi, options), JdbcTemplateCatalog.create(jdbi, options),
                dataSource, prefix, null, false);
    }

    private static String url(String name, Path h2Folder, String h2Settings) {
        return switch (name) {
            case "h2" -> "jdbc:h2:file:" + h2Folder.resolve("bench") + ";DB_CLOSE_ON_EXIT=FALSE"
                    + (H2_SETTINGS != null ? H2_SETTINGS : h2Settings);
            case "postgresql" -> POSTGRESQL;
            case "mariadb" -> MARIADB;
            default -> throw new IllegalArgumentException("no store " + name);
        };
    }

    static HikariDataSource pool(String url, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        return new HikariDataSource(config);
    }

    DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        if (dataSource == null) {
            return;
        }
        if (!dropOnClose) {
            dataSource.close();
            return;
        }
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            for (String table : new String[] {"case_history", "case", "case_type", "schema_version"}) {
                s.execute("DROP TABLE IF EXISTS " + prefix + table);
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not drop the benchmark tables " + prefix + "*", e);
        } finally {
            dataSource.close();
            if (folder != null) {
                try (Stream<Path> files = Files.walk(folder)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}

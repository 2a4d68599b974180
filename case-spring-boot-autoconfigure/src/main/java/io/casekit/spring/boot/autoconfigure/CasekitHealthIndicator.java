package io.casekit.spring.boot.autoconfigure;

import io.casekit.core.StorageUnavailableException;
import io.casekit.store.jdbc.JdbcSchema;
import io.casekit.store.jdbc.JdbcStoreOptions;
import java.util.Objects;
import java.util.OptionalInt;
import org.jdbi.v3.core.Jdbi;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * casekit's database, for Actuator's health endpoint (contributor {@code casekit}): UP when the
 * database answers and holds the casekit schema at this library's version under the table prefix;
 * DOWN when it can not be reached or fails, or the schema is missing, older or newer. Reads one row
 * ({@link JdbcSchema#currentVersion}) per check; does not check every column, as the start-up
 * validation does.
 *
 * <p>Details: {@value #SCHEMA_VERSION} (the version found; absent when there is none or the database
 * did not answer), {@value #EXPECTED_SCHEMA_VERSION} ({@link JdbcSchema#VERSION}),
 * {@value #TABLE_PREFIX}, and when DOWN {@value #REASON}: a short fixed sentence, never SQL, a
 * driver's message or a stack trace (our decision: the health endpoint may be public; the cause is
 * in the host's logs when the store fails). Thread-safe.
 */
public final class CasekitHealthIndicator implements HealthIndicator {
    public static final String SCHEMA_VERSION = "schemaVersion";
    public static final String EXPECTED_SCHEMA_VERSION = "expectedSchemaVersion";
    public static final String TABLE_PREFIX = "tablePrefix";
    public static final String REASON = "reason";

    static final String UNREACHABLE = "the database can not be reached or failed";
    static final String MISSING = "there is no casekit schema under the table prefix";
    static final String OLDER = "the casekit schema is older than this library's: upgrade it";
    static final String NEWER = "the casekit schema is newer than this library's: upgrade the library";
    static final String FAILED = "the check failed";

    private final Jdbi jdbi;
    private final JdbcStoreOptions options;

    public CasekitHealthIndicator(Jdbi jdbi, JdbcStoreOptions options) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public Health health() {
        Health.Builder health = Health.unknown().withDetail(EXPECTED_SCHEMA_VERSION, JdbcSchema.VERSION)
                .withDetail(TABLE_PREFIX, options.tablePrefix());
        OptionalInt found;
        try {
            found = JdbcSchema.currentVersion(jdbi, options);
        } catch (StorageUnavailableException e) {
            return health.down().withDetail(REASON, UNREACHABLE).build();
        } catch (RuntimeException e) {
            return health.down().withDetail(REASON, FAILED).build();
        }
        if (found.isEmpty()) {
            return health.down().withDetail(REASON, MISSING).build();
        }
        int version = found.getAsInt();
        health.withDetail(SCHEMA_VERSION, version);
        if (version < JdbcSchema.VERSION) {
            return health.down().withDetail(REASON, OLDER).build();
        }
        if (version > JdbcSchema.VERSION) {
            return health.down().withDetail(REASON, NEWER).build();
        }
        return health.up().build();
    }
}

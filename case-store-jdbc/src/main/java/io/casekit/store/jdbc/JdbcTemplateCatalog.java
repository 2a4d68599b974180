package io.casekit.store.jdbc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.casekit.core.CaseTypeId;
import io.casekit.core.TenantId;
import io.casekit.core.spi.TemplateCatalog;
import io.casekit.core.template.CaseType;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * A {@link TemplateCatalog} in the same database as {@link JdbcCaseStore}, on the host's
 * {@link Jdbi}, joining the host's transaction the same way.
 *
 * <p><b>Cache.</b> {@link #find} keeps what it read in a <a href="https://github.com/ben-manes/caffeine">Caffeine</a>
 * cache bounded twice, so that what clients send can not make it grow (issue 12, our decision):
 * <ul>
 *   <li>by time: an entry is dropped {@link JdbcStoreOptions#templateCacheTtl()} after it was read
 *       (expire-after-write; default 10 seconds);</li>
 *   <li>by size: at most {@link JdbcStoreOptions#templateCacheMaximumSize()} entries (default
 *       {@value JdbcStoreOptions#DEFAULT_TEMPLATE_CACHE_MAXIMUM_SIZE}); past it, Caffeine evicts the
 *       entries least likely to be asked for again (its W-TinyLFU policy, which also keeps a flood of
 *       one-off ids from pushing out the case types in daily use).</li>
 * </ul>
 * "No such type" is cached too, under the same two bounds: a client repeating an unknown id costs
 * one query per time-to-live, and 2,000 different unknown ids hold no more than the size bound.
 * A {@link #save} through this instance invalidates its entry, so its next {@code find} sees the
 * saved type at once; a save by another process or another catalog instance is seen once the
 * cached entry has expired. Reads made inside a host transaction are not cached (the host may still
 * roll back what they saw). A time-to-live or a maximum size of zero turns the cache off.
 * {@link #list} always reads the database. The cache runs no thread of its own: its upkeep happens
 * on the threads that call {@code find} and {@code save}.
 *
 * <p>Thread-safe; it holds no connection between calls. Failures are
 * {@link io.casekit.core.StorageUnavailableException}s without SQL or driver text; a stored
 * definition that today's rules refuse is one too.
 */
public final class JdbcTemplateCatalog implements TemplateCatalog {
    private record Key(TenantId tenant, CaseTypeId id) {
        // Written out: every modify looks its template up here, and the generated record methods
        // showed in its profile.
        @Override
        public int hashCode() {
            return 31 * tenant.value().hashCode() + id.value().hashCode();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && tenant.value().equals(key.tenant.value())
                    && id.value().equals(key.id.value());
        }
    }

    private final Database db;
    /** Empty when caching is off (a zero time-to-live or maximum size). */
    private final Optional<Cache<Key, Optional<CaseType>>> cache;
    /** Counts saves, so that a read that raced with one does not cache what it read before. */
    private final AtomicLong saves = new AtomicLong();

    /**
     * @param ticker the cache's clock in nanoseconds: {@link Ticker#systemTicker()} in production,
     *               one the test moves in tests
     */
    JdbcTemplateCatalog(Database db, Duration ttl, long maximumSize, Ticker ticker) {
        this.db = db;
        this.cache = ttl.isZero() || maximumSize == 0
                ? Optional.empty()
                : Optional.of(Caffeine.newBuilder()
                        .expireAfterWrite(ttl)
                        .maximumSize(maximumSize)
                        .ticker(ticker)
                        // Upkeep on the calling thread: a library starts no work on the host's
                        // common pool, and tests see evictions as soon as cleanUp returns.
                        .executor(Runnable::run)
                        .build());
    }

    /** A catalog on the host's {@code Jdbi}, with the default options. */
    public static JdbcTemplateCatalog create(Jdbi jdbi) {
        return create(jdbi, JdbcStoreOptions.defaults());
    }

    /**
     * A catalog on the host's {@code Jdbi}. Unless the options name the dialect, it is read from the
     * connection's metadata now, once.
     *
     * @throws io.casekit.core.StorageUnavailableException when the dialect can not be detected
     * @throws IllegalArgumentException                    when the database is not supported
     */
    public static JdbcTemplateCatalog create(Jdbi jdbi, JdbcStoreOptions options) {
        return new JdbcTemplateCatalog(new Database(jdbi, options), options.templateCacheTtl(),
                options.templateCacheMaximumSize(), Ticker.systemTicker());
    }

    /** A catalog on a {@code DataSource}, through a {@code Jdbi} of its own (it joins no host transaction). */
    public static JdbcTemplateCatalog create(DataSource dataSource, JdbcStoreOptions options) {
        return create(Jdbi.create(dataSource), options);
    }

    /** A catalog on a {@code DataSource} with the default options. */
    public static JdbcTemplateCatalog create(DataSource dataSource) {
        return create(dataSource, JdbcStoreOptions.defaults());
    }

    @Override
    public Optional<CaseType> find(TenantId tenant, CaseTypeId id) {
        Key key = new Key(tenant, id);
        if (cache.isPresent()) {
            Optional<CaseType> cached = cache.get().getIfPresent(key);
            if (cached != null) {
                return cached;
            }
        }
        long savesBefore = saves.get();
        boolean cacheable = cache.isPresent() && !db.inHostTransaction();
        Optional<CaseType> type = read(tenant, id);
        if (cacheable) {
            // A save since the read began may have stored something else: keep what is there then.
            cache.get().asMap().compute(key, (k, old) -> saves.get() == savesBefore ? type : old);
        }
        return type;
    }

    /**
     * How many entries the cache holds now, after its pending upkeep (expiry, eviction) has run;
     * 0 when caching is off. For tests and diagnostics: an estimate while other threads use the
     * catalog.
     */
    long cachedEntries() {
        return cache.map(c -> {
            c.cleanUp();
            return c.estimatedSize();
        }).orElse(0L);
    }

    @Override
    public List<CaseType> list(TenantId tenant) {
        try {
            List<CaseType> types = db.read(c -> {
                try (PreparedStatement query = c.prepareStatement(db.sql.listCaseTypes)) {
                    query.setString(1, tenant.value());
                    List<CaseType> found = new ArrayList<>();
                    try (ResultSet rs = query.executeQuery()) {
                        while (rs.next()) {
                            found.add(new CaseType(tenant, CaseTypeId.of(rs.getString(1)), rs.getString(2),
                                    TemplateColumns.fields(rs.getString(3)), TemplateColumns.statusFlow(rs.getString(4))));
                        }
                    }
                    return found;
                }
            });
            // Sorted here, not by ORDER BY, so that the order is the ids' own whatever the collation.
            return types.stream().sorted(Comparator.comparing(CaseType::id)).toList();
        } catch (Database.Refused e) {
            throw e;
        } catch (SQLException | RuntimeException e) {
            throw Failures.unavailable(e, db.dialect);
        }
    }

    @Override
    public void save(CaseType caseType) {
        String fields = TemplateColumns.fields(caseType.fields());
        String statusFlow = TemplateColumns.statusFlow(caseType.statusFlow());
        try {
            db.write(c -> {
                try (PreparedStatement upsert = c.prepareStatement(db.sql.upsertCaseType)) {
                    upsert.setString(1, caseType.tenant().value());
                    upsert.setString(2, caseType.id().value());
                    upsert.setString(3, caseType.name());
                    upsert.setString(4, fields);
                    upsert.setString(5, statusFlow);
                    return upsert.executeUpdate();
                }
            });
        } catch (Database.Refused e) {
            throw e;
        } catch (SQLException | RuntimeException e) {
            throw Failures.unavailable(e, db.dialect);
        } finally {
            saves.incrementAndGet();
            cache.ifPresent(c -> c.invalidate(new Key(caseType.tenant(), caseType.id())));
        }
    }

    private Optional<CaseType> read(TenantId tenant, CaseTypeId id) {
        try {
            return db.read(c -> {
                try (PreparedStatement query = c.prepareStatement(db.sql.findCaseType)) {
                    query.setString(1, tenant.value());
                    query.setString(2, id.value());
                    try (ResultSet rs = query.executeQuery()) {
                        return rs.next()
                                ? Optional.of(new CaseType(tenant, id, rs.getString(1), TemplateColumns.fields(rs.getString(2)),
                                        TemplateColumns.statusFlow(rs.getString(3))))
                                : Optional.<CaseType>empty();
                    }
                }
            });
        } catch (Database.Refused e) {
            throw e;
        } catch (SQLException | RuntimeException e) {
            throw Failures.unavailable(e, db.dialect);
        }
    }
}

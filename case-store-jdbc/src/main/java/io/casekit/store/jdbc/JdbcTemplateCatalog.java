package io.casekit.store.jdbc;

import io.casekit.core.CaseTypeId;
import io.casekit.core.TenantId;
import io.casekit.core.spi.TemplateCatalog;
import io.casekit.core.template.CaseType;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * A {@link TemplateCatalog} in the same database as {@link JdbcCaseStore}, on the host's
 * {@link Jdbi}, joining the host's transaction the same way.
 *
 * <p><b>Cache.</b> {@link #find} keeps what it read (also "no such type") for
 * {@link JdbcStoreOptions#templateCacheTtl()}, so that a modify does not query the template each
 * time. A {@link #save} through this instance is seen by its next {@code find} at once; a save by
 * another process or another catalog instance is seen once the cached entry is older than the
 * time-to-live. Reads made inside a host transaction are not cached (the host may still roll back
 * what they saw). {@link #list} always reads the database.
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

    private record Cached(Optional<CaseType> type, long readAtNanos) {}

    private final Database db;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<Key, Cached> cache = new ConcurrentHashMap<>();
    /** Counts saves, so that a read that raced with one does not cache what it read before. */
    private final AtomicLong saves = new AtomicLong();

    JdbcTemplateCatalog(Database db, long ttlNanos, LongSupplier nanoTime) {
        this.db = db;
        this.ttlNanos = ttlNanos;
        this.nanoTime = nanoTime;
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
        return new JdbcTemplateCatalog(new Database(jdbi, options), options.templateCacheTtl().toNanos(),
                System::nanoTime);
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
        if (ttlNanos > 0) {
            Cached cached = cache.get(key);
            if (cached != null && nanoTime.getAsLong() - cached.readAtNanos() < ttlNanos) {
                return cached.type();
            }
        }
        long savesBefore = saves.get();
        long readAt = nanoTime.getAsLong();
        boolean cacheable = ttlNanos > 0 && !db.inHostTransaction();
        Optional<CaseType> type = read(tenant, id);
        if (cacheable) {
            cache.compute(key, (k, old) -> saves.get() == savesBefore ? new Cached(type, readAt) : old);
        }
        return type;
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
                                    TemplateColumns.fields(rs.getString(3))));
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
        try {
            db.write(c -> {
                try (PreparedStatement upsert = c.prepareStatement(db.sql.upsertCaseType)) {
                    upsert.setString(1, caseType.tenant().value());
                    upsert.setString(2, caseType.id().value());
                    upsert.setString(3, caseType.name());
                    upsert.setString(4, fields);
                    return upsert.executeUpdate();
                }
            });
        } catch (Database.Refused e) {
            throw e;
        } catch (SQLException | RuntimeException e) {
            throw Failures.unavailable(e, db.dialect);
        } finally {
            saves.incrementAndGet();
            cache.compute(new Key(caseType.tenant(), caseType.id()), (k, old) -> null);
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
                                ? Optional.of(new CaseType(tenant, id, rs.getString(1), TemplateColumns.fields(rs.getString(2))))
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

package io.casekit.store.jdbc;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the JDBC store and catalog find their tables. Immutable; start from {@link #defaults()}.
 *
 * @param tablePrefix      put in front of every table name ({@code casekit_case},
 *                         {@code casekit_case_history}, ...): a lowercase ASCII letter, then at
 *                         most 39 lowercase ASCII letters, digits or underscores. It is the only
 *                         text ever put into SQL other than the library's own, and it is checked
 *                         here, when the options are built. Default {@code casekit_}.
 * @param dialect          the database, or empty to detect it from the connection's metadata once,
 *                         when a store is built. Default empty.
 * @param templateCacheTtl how long {@link JdbcTemplateCatalog} keeps a case type it has read (or
 *                         the fact that there is none) before reading it again, counted from the
 *                         read (expire-after-write); zero reads it on every lookup. A type saved
 *                         through the same catalog is seen at once; one saved by another process
 *                         (or another catalog instance) is seen at most this long after. Default
 *                         10 seconds.
 * @param templateCacheMaximumSize how many lookups (tenant and case type id, found or not)
 *                         {@link JdbcTemplateCatalog} keeps at most; past it the ones least likely to
 *                         be asked for again are evicted. Zero turns the cache off. Default
 *                         {@value #DEFAULT_TEMPLATE_CACHE_MAXIMUM_SIZE}.
 * @param transactions     who begins and ends transactions: see {@link JdbcTransactions}. Default
 *                         {@link JdbcTransactions#autocommitPool()}: a pool in autocommit mode;
 *                         the store joins a transaction of the same {@code Jdbi}, begins its own
 *                         otherwise, and refuses a connection that comes with autocommit off.
 */
public record JdbcStoreOptions(String tablePrefix, Optional<JdbcDialect> dialect, Duration templateCacheTtl,
        long templateCacheMaximumSize, JdbcTransactions transactions) {
    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    /** The default table prefix. */
    public static final String DEFAULT_TABLE_PREFIX = "casekit_";

    /**
     * The default bound of the template cache, in entries. Our decision: room for many tenants'
     * case types, while a cache filled with large templates stays within a few megabytes.
     */
    public static final long DEFAULT_TEMPLATE_CACHE_MAXIMUM_SIZE = 1_000;

    /**
     * @throws IllegalArgumentException when the prefix is not a safe identifier, or the cache's
     *                                  time-to-live or maximum size is negative
     */
    public JdbcStoreOptions {
        Objects.requireNonNull(tablePrefix, "tablePrefix");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(templateCacheTtl, "templateCacheTtl");
        Objects.requireNonNull(transactions, "transactions");
        if (!PREFIX.matcher(tablePrefix).matches()) {
            throw new IllegalArgumentException("A table prefix is a lowercase ASCII letter followed by at most 39 "
                    + "lowercase ASCII letters, digits or underscores");
        }
        if (templateCacheTtl.isNegative()) {
            throw new IllegalArgumentException("The template cache time-to-live must not be negative");
        }
        if (templateCacheMaximumSize < 0) {
            throw new IllegalArgumentException("The template cache maximum size must not be negative");
        }
    }

    /**
     * Prefix {@code casekit_}, dialect detected, at most 1,000 template lookups cached for 10 seconds,
     * transactions for a pool in autocommit mode.
     */
    public static JdbcStoreOptions defaults() {
        return new JdbcStoreOptions(DEFAULT_TABLE_PREFIX, Optional.empty(), Duration.ofSeconds(10),
                DEFAULT_TEMPLATE_CACHE_MAXIMUM_SIZE, JdbcTransactions.autocommitPool());
    }

    /** @throws IllegalArgumentException when the prefix is not a safe identifier */
    public JdbcStoreOptions withTablePrefix(String value) {
        return new JdbcStoreOptions(value, dialect, templateCacheTtl, templateCacheMaximumSize, transactions);
    }

    public JdbcStoreOptions withDialect(JdbcDialect value) {
        return new JdbcStoreOptions(tablePrefix, Optional.of(value), templateCacheTtl, templateCacheMaximumSize,
                transactions);
    }

    /** @throws IllegalArgumentException when the duration is negative */
    public JdbcStoreOptions withTemplateCacheTtl(Duration value) {
        return new JdbcStoreOptions(tablePrefix, dialect, value, templateCacheMaximumSize, transactions);
    }

    /**
     * @param value the template cache's bound in entries; zero turns the cache off
     * @throws IllegalArgumentException when the size is negative
     */
    public JdbcStoreOptions withTemplateCacheMaximumSize(long value) {
        return new JdbcStoreOptions(tablePrefix, dialect, templateCacheTtl, value, transactions);
    }

    /** Who begins and ends transactions; see {@link JdbcTransactions}. */
    public JdbcStoreOptions withTransactions(JdbcTransactions value) {
        return new JdbcStoreOptions(tablePrefix, dialect, templateCacheTtl, templateCacheMaximumSize, value);
    }
}

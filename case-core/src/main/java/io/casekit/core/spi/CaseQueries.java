package io.casekit.core.spi;

import io.casekit.core.StorageUnavailableException;
import io.casekit.core.TenantId;
import io.casekit.core.query.CasePage;
import io.casekit.core.query.CaseStatistics;
import io.casekit.core.query.CaseQuery;

/**
 * The query SPI: a store that can find cases implements this next to {@link CaseStore}; the service
 * uses it when its store does ({@code store instanceof CaseQueries}). The store evaluates the query;
 * the service never scans a tenant's cases in Java. A third party proves its implementation with the
 * kit's {@code CaseQueryContract} (case-store-tck).
 *
 * <p>The meaning of every filter and of the order is defined in {@code io.casekit.core.query}
 * ({@link io.casekit.core.query.CaseFilter#test}, {@link io.casekit.core.query.CaseSort}); an
 * implementation matches it exactly. The service hands over only validated queries: a limit of 1 to
 * 1,000, a position of the query's own sort, non-empty value sets, extension filters of the right
 * types. Implementations are thread-safe.
 */
public interface CaseQueries {

    /**
     * The first {@code query.limit()} cases of the tenant that match every filter and, when the query
     * has a position, come strictly after it, in the query's order; the next position is present
     * exactly when at least one more case matched. Cases of other tenants never count or show.
     *
     * <p>A case that is not changed while a caller pages through never appears twice and is never
     * skipped; a case changed meanwhile may appear at its old place, its new place, both or neither.
     *
     * @throws StorageUnavailableException when the storage cannot be reached
     */
    CasePage page(TenantId tenant, CaseQuery query);

    /**
     * The exact number of the tenant's cases that match every filter; the sort, limit and position
     * are ignored.
     *
     * @throws StorageUnavailableException when the storage cannot be reached
     */
    long count(TenantId tenant, CaseQuery query);

    /**
     * The tenant's {@link CaseStatistics} for the window {@code [from, to)}: cases created and
     * closed in it, cases open now and those of them due before {@code now}, and the seconds from
     * creation to closing of those closed in it. Counted by the store (casekit's stores with one
     * query each); a store must not load the cases to count them.
     *
     * <p>The default throws, so that a store written before the lifecycle keeps compiling; the
     * service then refuses statistics with the same exception. casekit's stores implement it and the
     * kit's lifecycle contract checks it.
     *
     * @param now the tenant's local date-time, which due dates are compared with
     * @throws UnsupportedOperationException when the store does not compute statistics
     * @throws StorageUnavailableException   when the storage cannot be reached
     */
    default CaseStatistics statistics(TenantId tenant, java.time.Instant from, java.time.Instant to,
                                      java.time.LocalDateTime now) {
        throw new UnsupportedOperationException(getClass().getName() + " does not compute case statistics");
    }
}

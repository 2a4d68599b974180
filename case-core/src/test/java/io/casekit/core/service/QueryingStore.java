package io.casekit.core.service;

import io.casekit.core.Case;
import io.casekit.core.CaseId;
import io.casekit.core.HistoryEntry;
import io.casekit.core.TenantId;
import io.casekit.core.query.CasePage;
import io.casekit.core.query.CaseQuery;
import io.casekit.core.spi.CaseQueries;
import io.casekit.core.spi.CaseStore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A store that answers queries by brute force over the cases written through it (each filter's
 * {@code test}, the sort's comparator, the exclusive position), and records every query it was
 * handed, so that a test sees what the service passed on. For the core's own tests: case-core can
 * not depend on case-store-memory.
 */
final class QueryingStore extends DelegatingStore implements CaseQueries {
    private final CaseStore delegate;
    private final Set<CaseKey> written = new LinkedHashSet<>();
    final List<CaseQuery> handed = new ArrayList<>();

    private record CaseKey(TenantId tenant, CaseId id) {}

    QueryingStore(CaseStore delegate) {
        super(delegate);
        this.delegate = delegate;
    }

    @Override
    public synchronized void insert(Case created, HistoryEntry creation) {
        delegate.insert(created, creation);
        written.add(new CaseKey(created.tenant(), created.id()));
    }

    /** The tenant's cases, whatever a query says. */
    synchronized List<Case> all(TenantId tenant) {
        List<Case> out = new ArrayList<>();
        for (CaseKey key : written) {
            if (key.tenant().equals(tenant)) {
                delegate.find(tenant, key.id()).ifPresent(out::add);
            }
        }
        return out;
    }

    @Override
    public synchronized CasePage page(TenantId tenant, CaseQuery query) {
        handed.add(query);
        List<Case> matching = all(tenant).stream()
                .filter(c -> query.filters().stream().allMatch(f -> f.test(c)))
                .filter(c -> query.after().map(p -> query.sort().isAfter(c, p)).orElse(true))
                .sorted(query.sort()).toList();
        List<Case> page = matching.subList(0, Math.min(query.limit(), matching.size()));
        boolean more = matching.size() > page.size();
        return new CasePage(page, more ? Optional.of(query.sort().positionOf(page.get(page.size() - 1)))
                : Optional.empty());
    }

    @Override
    public synchronized long count(TenantId tenant, CaseQuery query) {
        handed.add(query);
        return all(tenant).stream().filter(c -> query.filters().stream().allMatch(f -> f.test(c))).count();
    }
}

package io.casekit.store.memory;

import io.casekit.core.Case;
import io.casekit.core.CaseConflictException;
import io.casekit.core.CaseId;
import io.casekit.core.CaseNotFoundException;
import io.casekit.core.CaseState;
import io.casekit.core.DuplicateCaseException;
import io.casekit.core.HistoryEntry;
import io.casekit.core.TenantId;
import io.casekit.core.query.CaseFilter;
import io.casekit.core.query.CasePage;
import io.casekit.core.query.CaseQuery;
import io.casekit.core.query.CaseStatistics;
import io.casekit.core.spi.CaseQueries;
import io.casekit.core.spi.CaseStore;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link CaseStore} in memory, with the semantics of the JDBC store: tenant-scoped ids, a
 * compare-and-set on the version, and a case and its history changed together. Nothing is persisted.
 *
 * <p>Thread-safe. Find and update are constant time by (tenant, id), and an append to a history is
 * constant time amortised. A case and its history are one immutable value, swapped atomically, so a
 * reader never sees one without the other. Everything stored and handed out is immutable: no caller
 * can change what is stored through anything it passed in or got back, and a case or history read
 * earlier stays as it was. Memory per case is proportional to its content and its history.
 *
 * <p>The argument checks of {@link CaseStore} apply: a case and an entry that disagree are an
 * {@link IllegalArgumentException}, and nothing is written.
 *
 * <p>Queries ({@link CaseQueries}) scan the stored cases once per call and keep the best
 * {@code limit + 1} in a bounded heap: a page costs O(n log limit) and a count O(n), n the cases of
 * the tenant (each tenant's cases are kept apart), never quadratic. The scan is weakly consistent:
 * a case not changed during the scan is seen exactly as stored.
 */
public final class InMemoryCaseStore implements CaseStore, CaseQueries {
    /** A case and its history, replaced as a whole. */
    private record Stored(Case current, History history) {}

    /** Each tenant's cases by id: a query scans one tenant's map only. Tenants are never removed. */
    private final ConcurrentHashMap<TenantId, ConcurrentHashMap<CaseId, Stored>> tenants = new ConcurrentHashMap<>();

    /** An empty store. */
    public InMemoryCaseStore() {}

    @Override
    public Optional<Case> find(TenantId tenant, CaseId id) {
        Stored stored = cases(tenant).get(Objects.requireNonNull(id, "id"));
        return stored == null ? Optional.empty() : Optional.of(stored.current());
    }

    @Override
    public void insert(Case created, HistoryEntry creation) {
        CaseStore.checkInsert(created, creation);
        Stored previous = tenants.computeIfAbsent(created.tenant(), t -> new ConcurrentHashMap<>())
                .putIfAbsent(created.id(), new Stored(created, History.of(creation)));
        if (previous != null) {
            throw new DuplicateCaseException(created.id());
        }
    }

    @Override
    public void update(Case updated, long expectedVersion, HistoryEntry entry) {
        CaseStore.checkUpdate(updated, expectedVersion, entry);
        // The map runs the function once, atomically for the key; it records what it found so that
        // a refusal can say why. A function returning the stored value unchanged writes nothing.
        Stored[] found = new Stored[1];
        ConcurrentHashMap<CaseId, Stored> cases = tenants.get(updated.tenant());
        if (cases == null) {
            throw new CaseNotFoundException(updated.id());
        }
        cases.computeIfPresent(updated.id(), (key, stored) -> {
            found[0] = stored;
            if (stored.current().version() != expectedVersion) {
                return stored;
            }
            return new Stored(updated, stored.history().append(entry));
        });
        if (found[0] == null) {
            throw new CaseNotFoundException(updated.id());
        }
        long actualVersion = found[0].current().version();
        if (actualVersion != expectedVersion) {
            throw new CaseConflictException(updated.id(), expectedVersion, actualVersion);
        }
    }

    /** Removes the case and its history in one step of the tenant's map. */
    @Override
    public boolean erase(TenantId tenant, CaseId id) {
        Objects.requireNonNull(id, "id");
        return cases(tenant).remove(id) != null;
    }

    @Override
    public List<HistoryEntry> history(TenantId tenant, CaseId id) {
        Stored stored = cases(tenant).get(Objects.requireNonNull(id, "id"));
        return stored == null ? List.of() : stored.history();
    }

    /**
     * A page of the history, copied out of the stored history without touching the rest of it: time
     * and memory proportional to the page, whatever the length of the history.
     */
    @Override
    public List<HistoryEntry> historyPage(TenantId tenant, CaseId id, long afterVersion, int limit) {
        CaseStore.checkHistoryPage(tenant, id, afterVersion, limit);
        Stored stored = cases(tenant).get(id);
        return stored == null ? List.of() : stored.history().page(afterVersion, limit);
    }

    @Override
    public CasePage page(TenantId tenant, CaseQuery query) {
        Objects.requireNonNull(tenant, "tenant");
        int keep = query.limit() + 1;
        // The heap's head is the worst case kept, so that a better one replaces it in O(log limit).
        PriorityQueue<Case> best = new PriorityQueue<>(query.sort().reversed());
        for (Stored stored : cases(tenant).values()) {
            Case c = stored.current();
            if (matches(query, c)
                    && query.after().map(p -> query.sort().isAfter(c, p)).orElse(true)) {
                best.add(c);
                if (best.size() > keep) {
                    best.poll();
                }
            }
        }
        List<Case> ordered = new ArrayList<>(best);
        ordered.sort(query.sort());
        if (ordered.size() <= query.limit()) {
            return new CasePage(ordered, Optional.empty());
        }
        List<Case> page = ordered.subList(0, query.limit());
        return new CasePage(page, Optional.of(query.sort().positionOf(page.get(page.size() - 1))));
    }

    @Override
    public long count(TenantId tenant, CaseQuery query) {
        Objects.requireNonNull(tenant, "tenant");
        long n = 0;
        for (Stored stored : cases(tenant).values()) {
            if (matches(query, stored.current())) {
                n++;
            }
        }
        return n;
    }

    /** One pass over the tenant's cases (they are in memory already); linear in the tenant's cases. */
    @Override
    public CaseStatistics statistics(TenantId tenant, Instant from, Instant to, LocalDateTime now) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(now, "now");
        long created = 0;
        long finished = 0;
        long unfinished = 0;
        long over = 0;
        long seconds = 0;
        for (Stored stored : cases(tenant).values()) {
            Case c = stored.current();
            if (!c.createdAt().isBefore(from) && c.createdAt().isBefore(to)) {
                created++;
            }
            if (c.closedAt().isPresent()) {
                Instant closed = c.closedAt().get();
                if (!closed.isBefore(from) && closed.isBefore(to)) {
                    finished++;
                    seconds += java.time.Duration.between(c.createdAt(), closed).getSeconds();
                }
            } else if (c.state() != CaseState.CANCELLED) {
                unfinished++;
                if (c.dueDate().map(d -> d.isBefore(now)).orElse(false)) {
                    over++;
                }
            }
        }
        return new CaseStatistics(created, finished, unfinished, over, seconds);
    }

    private static boolean matches(CaseQuery query, Case c) {
        for (CaseFilter f : query.filters()) {
            if (!f.test(c)) {
                return false;
            }
        }
        return true;
    }

    /** The number of cases stored, over all tenants. */
    public int size() {
        int n = 0;
        for (ConcurrentHashMap<CaseId, Stored> cases : tenants.values()) {
            n += cases.size();
        }
        return n;
    }

    /** The tenant's cases, read-only; an empty map for a tenant without any. */
    private Map<CaseId, Stored> cases(TenantId tenant) {
        ConcurrentHashMap<CaseId, Stored> cases = tenants.get(Objects.requireNonNull(tenant, "tenant"));
        return cases == null ? Map.of() : cases;
    }
}

package io.casekit.store.tck;

import io.casekit.core.Case;
import io.casekit.core.Priority;
import io.casekit.core.TenantId;
import io.casekit.core.query.CaseFilter;
import io.casekit.core.query.CasePage;
import io.casekit.core.query.CaseQuery;
import io.casekit.core.query.CaseSort;
import io.casekit.core.query.PagePosition;
import io.casekit.core.query.SortKey;
import io.casekit.core.query.SortValue;
import io.casekit.core.spi.CaseQueries;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A query store for the kit's own test: a correct {@link FaultyStore} underneath, queries answered by
 * a plain scan with the core's reference semantics, except for the one mistake chosen.
 */
final class FaultyQueryStore extends ForwardingCaseStore implements CaseQueries {

    /** The mistakes a query store typically makes. */
    enum Fault {
        NONE,
        /** Pages and counts include every tenant's cases. */
        IGNORES_TENANT,
        /** The position compares the sort value alone, so cases tied with a page's last one are skipped. */
        SKIPS_TIES_AT_PAGE_BOUNDARY,
        /** A title filter passed to LIKE unescaped: {@code %} and {@code _} are wildcards. */
        LIKE_WILDCARDS,
        /** Priority sorted by its name ("Critical" < "High" < "Low" < "Medium"). */
        PRIORITY_BY_NAME,
        /** An empty dueDate or priority sorts first in ascending order (SQL's NULLS FIRST). */
        EMPTY_FIRST
    }

    private final Fault fault;
    private final List<Case> all = new ArrayList<>();

    FaultyQueryStore(Fault fault) {
        super(new FaultyStore(FaultyStore.Fault.NONE));
        this.fault = fault;
    }

    @Override
    public void insert(Case created, io.casekit.core.HistoryEntry creation) {
        super.insert(created, creation);
        synchronized (all) {
            all.add(created);
        }
    }

    @Override
    public void update(Case updated, long expectedVersion, io.casekit.core.HistoryEntry entry) {
        super.update(updated, expectedVersion, entry);
        synchronized (all) {
            all.replaceAll(c -> c.tenant().equals(updated.tenant()) && c.id().equals(updated.id()) ? updated : c);
        }
    }

    private List<Case> matching(TenantId tenant, CaseQuery query) {
        List<Case> snapshot;
        synchronized (all) {
            snapshot = List.copyOf(all);
        }
        return snapshot.stream()
                .filter(c -> fault == Fault.IGNORES_TENANT || c.tenant().equals(tenant))
                .filter(c -> query.filters().stream().allMatch(f -> test(f, c)))
                .toList();
    }

    private boolean test(CaseFilter f, Case c) {
        if (fault == Fault.LIKE_WILDCARDS && f instanceof CaseFilter.TitleContains t) {
            String regex = ".*" + Pattern.quote(CaseFilter.TitleContains.fold(t.text()))
                    .replace("%", "\\E.*\\Q").replace("_", "\\E.\\Q") + ".*";
            return Pattern.compile(regex, Pattern.DOTALL).matcher(CaseFilter.TitleContains.fold(c.title())).matches();
        }
        return f.test(c);
    }

    private Comparator<Case> order(CaseSort sort) {
        if (fault == Fault.PRIORITY_BY_NAME && sort.key() == SortKey.PRIORITY) {
            Comparator<Case> byName = Comparator.comparing((Case c) -> c.priority().isEmpty())
                    .thenComparing(c -> c.priority().map(Priority::wireName).orElse(""))
                    .thenComparing(Case::id);
            return sort.direction() == io.casekit.core.query.Direction.ASC ? byName : byName.reversed();
        }
        if (fault == Fault.EMPTY_FIRST && (sort.key() == SortKey.DUE_DATE || sort.key() == SortKey.PRIORITY)) {
            Comparator<Case> emptiesFirst = Comparator.comparing((Case c) -> sort.valueOf(c).isPresent());
            return emptiesFirst.thenComparing(sort);
        }
        return sort;
    }

    @Override
    public CasePage page(TenantId tenant, CaseQuery query) {
        Comparator<Case> order = order(query.sort());
        List<Case> sorted = new ArrayList<>(matching(tenant, query));
        sorted.sort(order);
        List<Case> after = new ArrayList<>();
        for (Case c : sorted) {
            if (query.after().isEmpty() || isAfter(c, query.after().get(), order, sorted)) {
                after.add(c);
            }
        }
        if (after.size() <= query.limit()) {
            return new CasePage(after, Optional.empty());
        }
        List<Case> page = after.subList(0, query.limit());
        return new CasePage(page, Optional.of(query.sort().positionOf(page.get(page.size() - 1))));
    }

    private boolean isAfter(Case c, PagePosition p, Comparator<Case> order, List<Case> sorted) {
        if (fault == Fault.SKIPS_TIES_AT_PAGE_BOUNDARY) {
            Optional<SortValue> v = p.sort().valueOf(c);
            if (v.equals(p.value())) {
                return false;
            }
        }
        if (order == p.sort()) {
            return p.sort().isAfter(c, p);
        }
        // A faulty order: after the position's case in that order.
        int at = -1;
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).id().equals(p.id())) {
                at = i;
            }
        }
        return sorted.indexOf(c) > at;
    }

    @Override
    public long count(TenantId tenant, CaseQuery query) {
        return matching(tenant, query).size();
    }
}

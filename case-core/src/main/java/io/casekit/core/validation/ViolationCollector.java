package io.casekit.core.validation;

import io.casekit.core.CaseValidationException;
import io.casekit.core.Violation;
import io.casekit.core.ViolationCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Gathers the violations of one request and keeps the first {@link CaseValidationException#MAX_VIOLATIONS}
 * of them in request order, whatever order the checks find them in, and the count of all.
 *
 * <p>The order is a property of the list, not of the order the checks run in: by the position of
 * the violation's key in the request; a key the request does not hold (a missing mandatory field)
 * after all of them, in the order of {@code absentOrder}; within one key, the value itself before
 * its items, items by index, then in the order found. Not thread-safe: one per request.
 */
final class ViolationCollector {
    /** The place of a violation in the final list; compared before its message is ever built. */
    private record Ranked(int rank, int item, long seq, Violation violation) {}

    private static final Comparator<Ranked> ORDER = Comparator.comparingInt(Ranked::rank)
            .thenComparingInt(Ranked::item).thenComparingLong(Ranked::seq);

    private final int bound;
    /** The best {@link #bound} so far, the worst of them on top, so that it is the one to evict. */
    private final PriorityQueue<Ranked> kept;
    private final Set<String> fieldsInError = new HashSet<>();
    private final Map<String, ?> request;
    private final List<String> absentOrder;
    /** Each key's rank; built on the first violation, as a valid request needs none. */
    private Map<String, Integer> rankOfKey;
    private long count;

    /**
     * @param request     the request's keys, in the order sent
     * @param absentOrder the order of the keys a violation may name without the request holding them
     */
    ViolationCollector(Map<String, ?> request, List<String> absentOrder) {
        this(request, absentOrder, CaseValidationException.MAX_VIOLATIONS);
    }

    ViolationCollector(Map<String, ?> request, List<String> absentOrder, int bound) {
        this.request = request;
        this.absentOrder = absentOrder;
        this.bound = bound;
        this.kept = new PriorityQueue<>(Math.min(bound, 16), ORDER.reversed());
    }

    /** A violation of {@code field} as a whole. */
    void add(String field, ViolationCode code, Map<String, Object> params) {
        add(field, -1, code, params);
    }

    /** A violation of item {@code index} of {@code field}'s value (a list); its path names the item. */
    void addItem(String field, int index, ViolationCode code, Map<String, Object> params) {
        add(field, index, code, params);
    }

    private void add(String field, int item, ViolationCode code, Map<String, Object> params) {
        fieldsInError.add(field);
        long seq = count++;
        Ranked place = new Ranked(rank(field), item, seq, null);
        if (kept.size() >= bound) {
            if (ORDER.compare(place, kept.peek()) >= 0) {
                // Not among the first: counted, and nothing of it is built or kept.
                return;
            }
            kept.poll();
        }
        String path = item < 0 ? Violation.pathOf(field) : Violation.pathOf(field) + "/" + item;
        kept.add(new Ranked(place.rank(), item, seq,
                new Violation(path, code, params, ViolationMessages.format(code, field, params))));
    }

    private int rank(String field) {
        if (rankOfKey == null) {
            rankOfKey = new HashMap<>();
            int i = 0;
            for (String key : request.keySet()) {
                rankOfKey.put(key, i++);
            }
            for (String key : absentOrder) {
                rankOfKey.putIfAbsent(key, i++);
            }
        }
        return rankOfKey.getOrDefault(field, Integer.MAX_VALUE);
    }

    boolean hasErrors(String field) {
        return !fieldsInError.isEmpty() && fieldsInError.contains(field);
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** How many violations were found in all, kept or not. */
    long count() {
        return count;
    }

    /** The first violations, at most the bound, in request order. */
    List<Violation> violations() {
        if (kept.isEmpty()) {
            return List.of();
        }
        List<Ranked> sorted = new ArrayList<>(kept);
        sorted.sort(ORDER);
        return sorted.stream().map(Ranked::violation).toList();
    }
}

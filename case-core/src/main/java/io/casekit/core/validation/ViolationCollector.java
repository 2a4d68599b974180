package io.casekit.core.validation;

import io.casekit.core.Violation;
import io.casekit.core.ViolationCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Gathers the violations of one request, in the order of the request's keys. */
final class ViolationCollector {
    private record Ranked(int rank, int seq, Violation violation) {}

    private final List<Ranked> found = new ArrayList<>(0);
    private final Set<String> fieldsInError = new HashSet<>();
    private final Map<String, ?> request;
    /** Each request key's position; built on the first violation, as a valid request needs none. */
    private Map<String, Integer> rankOfKey;

    /** @param request the request's keys, in the order sent */
    ViolationCollector(Map<String, ?> request) {
        this.request = request;
    }

    void add(String field, ViolationCode code, Map<String, Object> params) {
        addAt(field, Violation.pathOf(field), code, params);
    }

    /** A violation inside {@code field}, e.g. one item of a list. */
    void addAt(String field, String path, ViolationCode code, Map<String, Object> params) {
        fieldsInError.add(field);
        if (rankOfKey == null) {
            rankOfKey = new HashMap<>();
            int i = 0;
            for (String key : request.keySet()) {
                rankOfKey.put(key, i++);
            }
        }
        int rank = rankOfKey.getOrDefault(field, Integer.MAX_VALUE);
        found.add(new Ranked(rank, found.size(),
                new Violation(path, code, params, ViolationMessages.format(code, field, params))));
    }

    boolean hasErrors(String field) {
        return !fieldsInError.isEmpty() && fieldsInError.contains(field);
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    List<Violation> violations() {
        if (found.isEmpty()) {
            return List.of();
        }
        return found.stream()
                .sorted(Comparator.comparingInt(Ranked::rank).thenComparingInt(Ranked::seq))
                .map(Ranked::violation)
                .toList();
    }
}

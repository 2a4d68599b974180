package io.casekit.example.hostile;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One answer a request may get, as the product's rules predict it: accepted, a given
 * {@code resCode}, a validation failure naming given paths, or any refusal.
 */
sealed interface Outcome {
    /** {@code 0}. */
    record Accepted() implements Outcome {
        @Override
        public String toString() {
            return "0";
        }
    }

    /** Exactly this {@code resCode}, neither {@code 0} nor {@code 400002}. */
    record Code(String resCode) implements Outcome {
        @Override
        public String toString() {
            return resCode;
        }
    }

    /**
     * {@code 400002} with, for each path, violations at that path (or under it, e.g. an item of a
     * MULTI_PICKLIST) carrying every code listed; an empty set asks only for some violation there.
     * Other violations may come too.
     */
    record Invalid(Map<String, Set<String>> codesByPath) implements Outcome {
        static Invalid at(String path, String... codes) {
            return new Invalid(Map.of(path, Set.of(codes)));
        }

        Invalid and(Invalid other) {
            Map<String, Set<String>> union = new LinkedHashMap<>(codesByPath);
            other.codesByPath.forEach((path, codes) -> union.merge(path, codes, (a, b) -> {
                Set<String> both = new LinkedHashSet<>(a);
                both.addAll(b);
                return both;
            }));
            return new Invalid(union);
        }

        @Override
        public String toString() {
            return "400002 " + codesByPath;
        }
    }

    /** Any {@code resCode} but {@code 0}: which refusal comes first is not specified. */
    record Refused() implements Outcome {
        @Override
        public String toString() {
            return "refused";
        }
    }

    /** Any defined answer: the request may or may not still be a valid one (a random byte flip). */
    record Anything() implements Outcome {
        @Override
        public String toString() {
            return "any";
        }
    }

    Outcome ACCEPTED = new Accepted();
    Outcome MALFORMED = new Code("400001");
    Outcome REFUSED = new Refused();
    Outcome ANYTHING = new Anything();

    /**
     * The answer to a request holding both this change and {@code other}, each on a key of its own.
     * A malformed document is refused before anything is judged; violations add up; a refusal of
     * another kind (a case that is not there, an id taken) together with a violation may come in
     * either order.
     */
    default Outcome and(Outcome other) {
        if (this instanceof Anything || other instanceof Anything) {
            return ANYTHING;
        }
        if (this.equals(MALFORMED) || other.equals(MALFORMED)) {
            return MALFORMED;
        }
        if (this instanceof Accepted) {
            return other;
        }
        if (other instanceof Accepted) {
            return this;
        }
        if (this instanceof Invalid a && other instanceof Invalid b) {
            return a.and(b);
        }
        if (this.equals(other)) {
            return this;
        }
        return REFUSED;
    }

    /** Whether {@code answer} is this outcome. */
    default boolean matches(Answer answer) {
        String resCode = answer.resCode();
        if (this instanceof Anything) {
            return true;
        }
        if (this instanceof Accepted) {
            return resCode.equals("0");
        }
        if (this instanceof Refused) {
            return !resCode.equals("0");
        }
        if (this instanceof Code code) {
            return resCode.equals(code.resCode());
        }
        Invalid invalid = (Invalid) this;
        if (!resCode.equals("400002")) {
            return false;
        }
        for (Map.Entry<String, Set<String>> expected : invalid.codesByPath().entrySet()) {
            String path = expected.getKey();
            Set<String> found = new LinkedHashSet<>();
            for (Answer.Error e : answer.errors()) {
                if (e.path().equals(path) || e.path().startsWith(path + "/")) {
                    found.add(e.code());
                }
            }
            if (found.isEmpty() || !found.containsAll(expected.getValue())) {
                return false;
            }
        }
        return true;
    }
}

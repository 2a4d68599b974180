package io.casekit.example.hostile;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a request must get: one of a few {@link Outcome}s. Usually one; more where the rules leave a
 * choice open.
 */
record Expect(Set<Outcome> alternatives) {
    static final Expect ACCEPTED = of(Outcome.ACCEPTED);
    static final Expect MALFORMED = of(Outcome.MALFORMED);
    static final Expect REFUSED = of(Outcome.REFUSED);
    static final Expect ANYTHING = of(Outcome.ANYTHING);

    static Expect of(Outcome... outcomes) {
        return new Expect(new LinkedHashSet<>(List.of(outcomes)));
    }

    static Expect invalid(String path, String... codes) {
        return of(Outcome.Invalid.at(path, codes));
    }

    static Expect code(String resCode) {
        return of(new Outcome.Code(resCode));
    }

    /** Every way the two may combine (see {@link Outcome#and}). */
    Expect and(Expect other) {
        Set<Outcome> combined = new LinkedHashSet<>();
        for (Outcome a : alternatives) {
            for (Outcome b : other.alternatives) {
                combined.add(a.and(b));
            }
        }
        return new Expect(combined);
    }

    boolean matches(Answer answer) {
        return alternatives.stream().anyMatch(o -> o.matches(answer));
    }

    /** Whether the request may be accepted, so that what it stored has to be checked. */
    boolean mayAccept() {
        return alternatives.stream().anyMatch(o -> o instanceof Outcome.Accepted || o instanceof Outcome.Anything);
    }

    @Override
    public String toString() {
        return alternatives.size() == 1 ? alternatives.iterator().next().toString() : "one of " + alternatives;
    }
}

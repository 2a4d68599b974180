package io.casekit.store.jdbc;

import io.casekit.core.FieldChange;
import io.casekit.core.Value;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** The contents of the JSON columns, for property tests: each test brings its own names and values. */
final class ColumnArbitraries {
    private ColumnArbitraries() {}

    /** Extension maps of up to six fields. */
    static Arbitrary<Map<String, Value>> extensionMaps(Arbitrary<String> names, Arbitrary<Value> values) {
        return Arbitraries.maps(names, values).ofMaxSize(6);
    }

    /** Lists of up to five changes, each of which changes its value (as a stored change must). */
    static Arbitrary<List<FieldChange>> changeLists(Arbitrary<String> names, Arbitrary<Value> values) {
        Arbitrary<Optional<Value>> optional = values.optional(0.7);
        return Combinators.combine(names, optional, optional)
                .as((field, before, after) -> before.equals(after)
                        ? new FieldChange(field, Optional.empty(), Optional.of(Value.text("x")))
                        : new FieldChange(field, before, after))
                .list().ofMaxSize(5);
    }
}

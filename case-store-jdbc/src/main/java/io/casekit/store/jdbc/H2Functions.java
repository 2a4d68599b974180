package io.casekit.store.jdbc;

import io.casekit.core.Value;
import io.casekit.core.query.CaseFilter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Java functions of the H2 schema (version 3): H2 has no JSON path functions, so its schema
 * script declares these methods as function aliases ({@code CREATE ALIAS <prefix>ext_text FOR
 * 'io.casekit.store.jdbc.H2Functions.text'}, ...) and the store's queries call them. Embedded H2
 * runs them in the application's JVM; an H2 server needs this jar (and Jackson's core) on its
 * classpath.
 *
 * <p>Each reads the JSON of a case's {@code extensions} column (the shapes of {@link ValueColumns})
 * and returns the value of one field when it is of the function's kind, else {@code null} (SQL
 * {@code NULL}, which no comparison matches): a stored value of another kind never matches, as
 * {@link CaseFilter} defines. A {@code null} column gives {@code null}. A column that is not valid
 * JSON of those shapes fails the statement ({@link MalformedColumnException}). Stateless and
 * thread-safe. Not for calling from host code: the signatures belong to the schema scripts.
 */
public final class H2Functions {
    private H2Functions() {}

    /** {@link CaseFilter.TitleContains#fold}: the value of {@code title_folded}; {@code null} for {@code null}. */
    public static @Nullable String foldTitle(@Nullable String title) {
        return title == null ? null : CaseFilter.TitleContains.fold(title);
    }

    /** The field's {@link Value.Text}, or {@code null}. */
    public static @Nullable String text(@Nullable String extensions, String field) {
        return value(extensions, field) instanceof Value.Text t ? t.value() : null;
    }

    /** The field's {@link Value.Bool}, or {@code null}. */
    public static @Nullable Boolean bool(@Nullable String extensions, String field) {
        return value(extensions, field) instanceof Value.Bool b ? b.value() : null;
    }

    /**
     * Whether the field is a {@link Value.TextList} holding one of the items of {@code candidates},
     * itself the JSON of one field holding a list ({@code {"any": ["x", "y"]}}); {@code null} when
     * the field is absent or of another kind.
     */
    public static @Nullable Boolean hasAny(@Nullable String extensions, String field, String candidates) {
        if (!(value(extensions, field) instanceof Value.TextList list)) {
            return null;
        }
        Map<String, Value> wanted = ValueColumns.extensions(candidates);
        if (wanted.size() != 1 || !(wanted.values().iterator().next() instanceof Value.TextList items)) {
            throw new IllegalArgumentException("the candidates are not one list");
        }
        return list.values().stream().anyMatch(items.values()::contains);
    }

    /** The field's {@link Value.Decimal}, or {@code null}. */
    public static @Nullable BigDecimal decimal(@Nullable String extensions, String field) {
        return value(extensions, field) instanceof Value.Decimal d ? d.value() : null;
    }

    /** The field's {@link Value.Date}, or {@code null}. */
    public static @Nullable LocalDate date(@Nullable String extensions, String field) {
        return value(extensions, field) instanceof Value.Date d ? d.value() : null;
    }

    /** The field's {@link Value.DateTime}, or {@code null}. */
    public static @Nullable LocalDateTime dateTime(@Nullable String extensions, String field) {
        return value(extensions, field) instanceof Value.DateTime d ? d.value() : null;
    }

    /** Whether the field has a value; {@code null} for a {@code null} column. */
    public static @Nullable Boolean present(@Nullable String extensions, String field) {
        return extensions == null ? null : ValueColumns.extensions(extensions).containsKey(field);
    }

    private static @Nullable Value value(@Nullable String extensions, String field) {
        return extensions == null ? null : ValueColumns.extensions(extensions).get(field);
    }
}

package io.casekit.store.jdbc;

import io.casekit.core.FieldChange;
import io.casekit.core.Value;
import io.casekit.core.WireFormats;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The JSON forms of the columns that hold typed values: a case's extension fields and a history
 * entry's changes (schema version 2). A host reads them with its database's JSON functions.
 *
 * <p>A value is written in the JSON shape of its kind, so that the common kinds read naturally in
 * SQL and every kind reads back exactly:
 * <table>
 *   <caption>Stored JSON of each value kind</caption>
 *   <tr><th>value</th><th>JSON</th><th>PostgreSQL example</th></tr>
 *   <tr><td>{@link Value.Text}</td><td>a string</td><td>{@code extensions->>'severity' = 'S1'}</td></tr>
 *   <tr><td>{@link Value.Bool}</td><td>{@code true} or {@code false}</td><td>{@code (extensions->'vip')::boolean}</td></tr>
 *   <tr><td>{@link Value.TextList}</td><td>an array of strings</td><td>{@code extensions->'tags' ? 'urgent'}</td></tr>
 *   <tr><td>{@link Value.Decimal}</td><td>{@code {"decimal": "12.50"}}: the text of
 *       {@link BigDecimal#toString()}, so the scale is kept</td>
 *       <td>{@code (extensions->'refund'->>'decimal')::numeric > 10}</td></tr>
 *   <tr><td>{@link Value.Date}</td><td>{@code {"date": "2026-01-31"}}</td><td>{@code extensions->'since'->>'date'}</td></tr>
 *   <tr><td>{@link Value.DateTime}</td><td>{@code {"dateTime": "2026-01-31 09:30:00"}}</td>
 *       <td>{@code (extensions->'at'->>'dateTime')::timestamp}</td></tr>
 * </table>
 * Extensions are one object, field name to value: {@code {"refund": {"decimal": "12.50"}, "tags": ["vip"]}}.
 * Changes are an array in the entry's order, each {@code {"field": name, "old": value, "new": value}}
 * with {@code null} for an empty side. Strings are kept char for char (JSON escapes only what it must);
 * a decimal travels as text because a JSON number of PostgreSQL's {@code jsonb} drops an exponent
 * form's scale ({@code 1E+3} reads back as {@code 1000}).
 *
 * <p>Reading is strict: invalid JSON, a duplicate key, an unknown kind, a value of no kind, a number or
 * a {@code null} where a value must be, or trailing content is a {@link MalformedColumnException},
 * never a guess; a {@code null} column too. Any JSON whitespace is accepted between tokens (PostgreSQL's
 * {@code jsonb} answers {@code {"a": "b", "c": true}}), and keys in any order. Thread-safe: no shared
 * mutable state; each call uses its own builder or {@link JsonColumnReader}. The small
 * {@link JsonColumnReader} reads (a CPU profile showed Jackson's parser creation and tokenizer taking a
 * third of a query page, docs/benchmarks.md §5) and accepts exactly what Jackson's parser accepted;
 * {@link JsonColumnWriter} writes strings char for char as Jackson's generator did (a generator per
 * column was 4 % of an H2 modify, §2). Tests keep the former Jackson reader and writer as the reference.
 */
final class ValueColumns {
    static final String DECIMAL = "decimal";
    static final String DATE = "date";
    static final String DATE_TIME = "dateTime";
    private static final String FIELD = "field";
    private static final String OLD = "old";
    private static final String NEW = "new";

    private ValueColumns() {}

    /** Extension fields as one JSON object; {@code {}} when there are none. */
    static String extensions(Map<String, Value> extensions) {
        StringBuilder out = new StringBuilder(32 + 32 * extensions.size());
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Value> e : extensions.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            JsonColumnWriter.string(out, e.getKey());
            out.append(':');
            write(out, e.getValue());
        }
        return out.append('}').toString();
    }

    /**
     * The extension fields of a stored column, in a {@link java.util.TreeMap} by name.
     *
     * @throws MalformedColumnException if the column is null or not of the shape above
     */
    static Map<String, Value> extensions(String column) {
        JsonColumnReader in = new JsonColumnReader(column, "stored extensions");
        in.expect('{', "extensions are not a JSON object");
        Map<String, Value> extensions = new TreeMap<>();
        if (!in.take('}')) {
            do {
                String name = in.name();
                if (extensions.put(name, read(in)) != null) {
                    throw new MalformedColumnException("stored extensions repeat a field name");
                }
            } while (in.more('}'));
        }
        in.end();
        return extensions;
    }

    /** The changes of a history entry as one JSON array, in their order. */
    static String changes(List<FieldChange> changes) {
        StringBuilder out = new StringBuilder(64 * Math.max(1, changes.size()));
        out.append('[');
        for (int i = 0; i < changes.size(); i++) {
            FieldChange change = changes.get(i);
            out.append(i == 0 ? "{" : ",{");
            out.append('"').append(FIELD).append("\":");
            JsonColumnWriter.string(out, change.field());
            out.append(",\"").append(OLD).append("\":");
            writeOptional(out, change.oldValue());
            out.append(",\"").append(NEW).append("\":");
            writeOptional(out, change.newValue());
            out.append('}');
        }
        return out.append(']').toString();
    }

    /**
     * The changes of a stored column, in their order.
     *
     * @throws MalformedColumnException if the column is null or not of the shape above
     */
    static List<FieldChange> changes(String column) {
        JsonColumnReader in = new JsonColumnReader(column, "stored changes");
        in.expect('[', "changes are not a JSON array");
        List<FieldChange> changes = new ArrayList<>();
        if (!in.take(']')) {
            do {
                in.expect('{', "a change is not a JSON object");
                String field = null;
                Optional<Value> oldValue = null;
                Optional<Value> newValue = null;
                if (!in.take('}')) {
                    do {
                        String name = in.name();
                        switch (name) {
                            case FIELD -> {
                                if (in.peek() != '"') {
                                    throw new MalformedColumnException("a change's field is not a string");
                                }
                                once(field);
                                field = in.string();
                            }
                            case OLD -> {
                                once(oldValue);
                                oldValue = readOptional(in);
                            }
                            case NEW -> {
                                once(newValue);
                                newValue = readOptional(in);
                            }
                            default -> throw new MalformedColumnException("a stored change has a key other than field, old and new");
                        }
                    } while (in.more('}'));
                }
                if (field == null || oldValue == null || newValue == null) {
                    throw new MalformedColumnException("a stored change lacks its field, old or new value");
                }
                if (oldValue.equals(newValue)) {
                    throw new MalformedColumnException("a stored change does not change its value");
                }
                changes.add(new FieldChange(field, oldValue, newValue));
            } while (in.more(']'));
        }
        in.end();
        return changes;
    }

    private static void write(StringBuilder out, Value value) {
        if (value instanceof Value.Text t) {
            JsonColumnWriter.string(out, t.value());
        } else if (value instanceof Value.Bool b) {
            out.append(b.value());
        } else if (value instanceof Value.TextList l) {
            out.append('[');
            for (int i = 0; i < l.values().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                JsonColumnWriter.string(out, l.values().get(i));
            }
            out.append(']');
        } else if (value instanceof Value.Decimal d) {
            tagged(out, DECIMAL, d.value().toString());
        } else if (value instanceof Value.Date d) {
            tagged(out, DATE, WireFormats.format(d.value()));
        } else if (value instanceof Value.DateTime d) {
            tagged(out, DATE_TIME, WireFormats.format(d.value()));
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass());
        }
    }

    private static void tagged(StringBuilder out, String kind, String text) {
        out.append("{\"").append(kind).append("\":");
        JsonColumnWriter.string(out, text);
        out.append('}');
    }

    private static void writeOptional(StringBuilder out, Optional<Value> value) {
        if (value.isPresent()) {
            write(out, value.get());
        } else {
            out.append("null");
        }
    }

    private static Optional<Value> readOptional(JsonColumnReader in) {
        if (in.peek() == 'n') {
            in.literal("null");
            return Optional.empty();
        }
        return Optional.of(read(in));
    }

    /** The value that comes next (after whitespace). */
    private static Value read(JsonColumnReader in) {
        switch (in.peek()) {
            case '"':
                return new Value.Text(in.string());
            case 't':
                in.literal("true");
                return new Value.Bool(true);
            case 'f':
                in.literal("false");
                return new Value.Bool(false);
            case '[': {
                in.skip();
                List<String> items = new ArrayList<>();
                if (!in.take(']')) {
                    do {
                        if (in.peek() != '"') {
                            throw new MalformedColumnException("a stored list holds a value that is not a string");
                        }
                        items.add(in.string());
                    } while (in.more(']'));
                }
                return new Value.TextList(items);
            }
            case '{': {
                in.skip();
                if (in.peek() != '"') {
                    throw new MalformedColumnException("a stored value object does not start with its kind");
                }
                String kind = in.name();
                if (in.peek() != '"') {
                    throw new MalformedColumnException("a stored value object's text is not a string");
                }
                String text = in.string();
                in.expect('}', "a stored value object has more than one key");
                return switch (kind) {
                    case DECIMAL -> new Value.Decimal(decimal(text));
                    case DATE -> new Value.Date(date(text)
                            .orElseThrow(() -> new MalformedColumnException("a stored date is not a date")));
                    case DATE_TIME -> new Value.DateTime(dateTime(text)
                            .orElseThrow(() -> new MalformedColumnException("a stored dateTime is not a date-time")));
                    default -> throw new MalformedColumnException("a stored value object has a kind other than decimal, date and dateTime");
                };
            }
            default:
                throw new MalformedColumnException("a stored value is not a string, true, false, a list or an object");
        }
    }

    private static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new MalformedColumnException("a stored decimal is not a number", e);
        }
    }

    /** A key of a stored change that was read before is a repeated key. */
    private static void once(Object readBefore) {
        if (readBefore != null) {
            throw new MalformedColumnException("a stored change repeats a key");
        }
    }

    /**
     * A stored date-time: by {@link WireFormats#parseDateTime} for the four-digit years every request
     * holds (the formatter costs about 20 times as much), by {@link WireFormats#DATE_TIME} for other
     * years a host may have stored through the Java API.
     */
    static Optional<LocalDateTime> dateTime(String text) {
        Optional<LocalDateTime> common = WireFormats.parseDateTime(text);
        if (common.isPresent()) {
            return common;
        }
        try {
            return Optional.of(LocalDateTime.parse(text, WireFormats.DATE_TIME));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A stored date, as {@link #dateTime} reads a date-time. */
    static Optional<LocalDate> date(String text) {
        Optional<LocalDate> common = WireFormats.parseDate(text);
        if (common.isPresent()) {
            return common;
        }
        try {
            return Optional.of(LocalDate.parse(text, WireFormats.DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}

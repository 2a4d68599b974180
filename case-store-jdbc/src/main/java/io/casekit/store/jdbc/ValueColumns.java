package io.casekit.store.jdbc;

import io.casekit.core.FieldChange;
import io.casekit.core.Value;
import io.casekit.core.WireFormats;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The text forms of the columns that hold more than one plain value: a case's extension fields,
 * a history entry's changes, and {@code dueDate}. Each is exact and reads back equal to what was
 * written, whatever the JVM or database time zone (there is no date-time type involved).
 */
final class ValueColumns {
    private ValueColumns() {}

    /** Extension fields: each name followed by its value; the empty text when there are none. */
    static String extensions(Map<String, Value> extensions) {
        TaggedText.Writer out = new TaggedText.Writer();
        for (Map.Entry<String, Value> e : extensions.entrySet()) {
            out.string(e.getKey()).value(e.getValue());
        }
        return out.toString();
    }

    static Map<String, Value> extensions(String column) {
        TaggedText.Reader in = new TaggedText.Reader(column);
        Map<String, Value> extensions = new LinkedHashMap<>();
        while (!in.atEnd()) {
            String name = in.string();
            if (extensions.put(name, in.value()) != null) {
                throw new TaggedText.MalformedException("an extension field is stored twice");
            }
        }
        return extensions;
    }

    /** The changes of a history entry: each field's name, its old value and its new value. */
    static String changes(List<FieldChange> changes) {
        TaggedText.Writer out = new TaggedText.Writer();
        for (FieldChange change : changes) {
            out.string(change.field()).optional(change.oldValue()).optional(change.newValue());
        }
        return out.toString();
    }

    static List<FieldChange> changes(String column) {
        TaggedText.Reader in = new TaggedText.Reader(column);
        List<FieldChange> changes = new ArrayList<>();
        while (!in.atEnd()) {
            String field = in.string();
            Optional<Value> oldValue = in.optional();
            Optional<Value> newValue = in.optional();
            if (oldValue.equals(newValue)) {
                throw new TaggedText.MalformedException("a stored change does not change its value");
            }
            changes.add(new FieldChange(field, oldValue, newValue));
        }
        return changes;
    }

    /**
     * {@code dueDate} as its wire text {@code uuuu-MM-dd HH:mm:ss}: exact, independent of every time
     * zone, and for four-digit years its text order is its time order, so a host can still compare
     * and sort it in SQL.
     */
    static String dueDate(LocalDateTime dueDate) {
        return WireFormats.format(dueDate);
    }

    static LocalDateTime dueDate(String column) {
        return dateTime(column)
                .orElseThrow(() -> new TaggedText.MalformedException("a stored dueDate is not a date-time"));
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

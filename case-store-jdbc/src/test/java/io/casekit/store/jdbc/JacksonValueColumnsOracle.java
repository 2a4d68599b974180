package io.casekit.store.jdbc;

import io.casekit.core.FieldChange;
import io.casekit.core.Value;
import java.io.StringWriter;
import io.casekit.core.WireFormats;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/**
 * The reference reading of the JSON columns: {@link ValueColumns}' reading as it was on Jackson's
 * streaming parser (defaults, no duplicate detection), kept word for word so that the tests can check
 * that {@link JsonColumnReader} accepts and refuses exactly what it did, with equal results.
 */
final class JacksonValueColumnsOracle {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.defaults())
            .build();

    private JacksonValueColumnsOracle() {}

    static Map<String, Value> extensions(String column) {
        try (JsonParser p = parser(column)) {
            expect(p.nextToken(), JsonToken.START_OBJECT, "extensions are not a JSON object");
            Map<String, Value> extensions = new TreeMap<>();
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                if (extensions.put(name, read(p, p.nextToken())) != null) {
                    throw new MalformedColumnException("stored extensions repeat a field name");
                }
            }
            end(p);
            return extensions;
        } catch (JacksonException e) {
            throw new MalformedColumnException("stored extensions are not valid JSON", e);
        }
    }

    static List<FieldChange> changes(String column) {
        try (JsonParser p = parser(column)) {
            expect(p.nextToken(), JsonToken.START_ARRAY, "changes are not a JSON array");
            List<FieldChange> changes = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                expect(t, JsonToken.START_OBJECT, "a change is not a JSON object");
                String field = null;
                Optional<Value> oldValue = null;
                Optional<Value> newValue = null;
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    switch (name) {
                        case "field" -> {
                            expect(value, JsonToken.VALUE_STRING, "a change's field is not a string");
                            once(field);
                            field = p.getString();
                        }
                        case "old" -> {
                            once(oldValue);
                            oldValue = readOptional(p, value);
                        }
                        case "new" -> {
                            once(newValue);
                            newValue = readOptional(p, value);
                        }
                        default -> throw new MalformedColumnException("a stored change has the unknown key " + name);
                    }
                }
                if (field == null || oldValue == null || newValue == null) {
                    throw new MalformedColumnException("a stored change lacks its field, old or new value");
                }
                if (oldValue.equals(newValue)) {
                    throw new MalformedColumnException("a stored change does not change its value");
                }
                changes.add(new FieldChange(field, oldValue, newValue));
            }
            end(p);
            return changes;
        } catch (JacksonException e) {
            throw new MalformedColumnException("stored changes are not valid JSON", e);
        }
    }

    private static Optional<Value> readOptional(JsonParser p, JsonToken token) {
        return token == JsonToken.VALUE_NULL ? Optional.empty() : Optional.of(read(p, token));
    }

    private static Value read(JsonParser p, JsonToken token) {
        switch (token) {
            case VALUE_STRING:
                return new Value.Text(p.getString());
            case VALUE_TRUE:
                return new Value.Bool(true);
            case VALUE_FALSE:
                return new Value.Bool(false);
            case START_ARRAY: {
                List<String> items = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    expect(t, JsonToken.VALUE_STRING, "a stored list holds a value that is not a string");
                    items.add(p.getString());
                }
                return new Value.TextList(items);
            }
            case START_OBJECT: {
                expect(p.nextToken(), JsonToken.PROPERTY_NAME, "a stored value object is empty");
                String kind = p.currentName();
                expect(p.nextToken(), JsonToken.VALUE_STRING, "a stored " + kind + " is not a string");
                String text = p.getString();
                expect(p.nextToken(), JsonToken.END_OBJECT, "a stored value object has more than one key");
                return switch (kind) {
                    case ValueColumns.DECIMAL -> new Value.Decimal(decimal(text));
                    case ValueColumns.DATE -> new Value.Date(ValueColumns.date(text)
                            .orElseThrow(() -> new MalformedColumnException("a stored date is not a date")));
                    case ValueColumns.DATE_TIME -> new Value.DateTime(ValueColumns.dateTime(text)
                            .orElseThrow(() -> new MalformedColumnException("a stored dateTime is not a date-time")));
                    default -> throw new MalformedColumnException("a stored value has the unknown kind " + kind);
                };
            }
            default:
                throw new MalformedColumnException("a stored value is a JSON " + token + ", which no value kind is");
        }
    }

    private static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new MalformedColumnException("a stored decimal is not a number", e);
        }
    }

    private static JsonParser parser(String column) {
        if (column == null) {
            throw new MalformedColumnException("a JSON column is null");
        }
        return JSON.createParser(ObjectReadContext.empty(), column);
    }

    private static void once(Object readBefore) {
        if (readBefore != null) {
            throw new MalformedColumnException("a stored change repeats a key");
        }
    }

    private static void expect(JsonToken actual, JsonToken expected, String message) {
        if (actual != expected) {
            throw new MalformedColumnException(message);
        }
    }

    private static void end(JsonParser p) {
        if (p.nextToken() != null) {
            throw new MalformedColumnException("a JSON column holds more than one value");
        }
    }

    // The writer as it was before JsonColumnWriter, word for word.
    private static final JsonFactory WRITER = JsonFactory.builder().build();

    /** Extension fields as one JSON object; {@code {}} when there are none. */
    static String extensionsText(Map<String, Value> extensions) {
        StringWriter out = new StringWriter(32 + 32 * extensions.size());
        try (JsonGenerator g = WRITER.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartObject();
            for (Map.Entry<String, Value> e : extensions.entrySet()) {
                g.writeName(e.getKey());
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
        }
        return out.toString();
    }

    /** The changes of a history entry as one JSON array, in their order. */
    static String changesText(List<FieldChange> changes) {
        StringWriter out = new StringWriter(64 * Math.max(1, changes.size()));
        try (JsonGenerator g = WRITER.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartArray();
            for (FieldChange change : changes) {
                g.writeStartObject();
                g.writeStringProperty("field", change.field());
                g.writeName("old");
                writeOptional(g, change.oldValue());
                g.writeName("new");
                writeOptional(g, change.newValue());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        return out.toString();
    }

    private static void writeValue(JsonGenerator g, Value value) {
        if (value instanceof Value.Text t) {
            g.writeString(t.value());
        } else if (value instanceof Value.Bool b) {
            g.writeBoolean(b.value());
        } else if (value instanceof Value.TextList l) {
            g.writeStartArray();
            for (String item : l.values()) {
                g.writeString(item);
            }
            g.writeEndArray();
        } else if (value instanceof Value.Decimal d) {
            tagged(g, ValueColumns.DECIMAL, d.value().toString());
        } else if (value instanceof Value.Date d) {
            tagged(g, ValueColumns.DATE, WireFormats.format(d.value()));
        } else if (value instanceof Value.DateTime d) {
            tagged(g, ValueColumns.DATE_TIME, WireFormats.format(d.value()));
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass());
        }
    }

    private static void tagged(JsonGenerator g, String kind, String text) {
        g.writeStartObject();
        g.writeStringProperty(kind, text);
        g.writeEndObject();
    }

    private static void writeOptional(JsonGenerator g, Optional<Value> value) {
        if (value.isPresent()) {
            writeValue(g, value.get());
        } else {
            g.writeNull();
        }
    }

}

package io.casekit.store.jdbc;

import io.casekit.core.CaseState;
import io.casekit.core.Value;
import io.casekit.core.template.FieldDefinition;
import io.casekit.core.template.FieldType;
import io.casekit.core.template.FlowStatus;
import io.casekit.core.template.StatusFlow;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * The text form of a template's field definitions, in {@link TaggedText}: per field its name, its
 * type's name, then each option as an optional value, in the order of {@link FieldDefinition}'s
 * components. An option that was not set stays unset when read back, so a type's defaults are
 * never frozen into the stored definition.
 *
 * <p>A type's status flow (schema version 4, column {@code status_flow}) is JSON, so that a host
 * reads it in SQL: {@code {"statuses": [{"name": "Open", "state": "Processing"}], "strictOrder": false}},
 * the statuses in their order, each state its {@link CaseState#wireName()}. A column that is SQL
 * {@code NULL} (a type saved before version 4) reads as {@link StatusFlow#DEFAULT}. Reading is strict
 * (a missing, unknown or repeated key, an unknown state, trailing content is a
 * {@link MalformedColumnException}); the keys may come in any order, as PostgreSQL's {@code jsonb}
 * keeps its own.
 */
final class TemplateColumns {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final String STATUSES = "statuses";
    private static final String STRICT_ORDER = "strictOrder";
    private static final String NAME = "name";
    private static final String STATE = "state";

    private TemplateColumns() {}

    static String statusFlow(StatusFlow flow) {
        StringWriter out = new StringWriter(64);
        try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartObject();
            g.writeName(STATUSES);
            g.writeStartArray();
            for (FlowStatus status : flow.statuses()) {
                g.writeStartObject();
                g.writeStringProperty(NAME, status.name());
                g.writeStringProperty(STATE, status.state().wireName());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeBooleanProperty(STRICT_ORDER, flow.strictOrder());
            g.writeEndObject();
        }
        return out.toString();
    }

    static StatusFlow statusFlow(@Nullable String column) {
        if (column == null) {
            return StatusFlow.DEFAULT;
        }
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), column)) {
            expect(p.nextToken() == JsonToken.START_OBJECT, "a stored status flow is not a JSON object");
            List<FlowStatus> statuses = null;
            Boolean strictOrder = null;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String key = p.currentName();
                JsonToken value = p.nextToken();
                if (key.equals(STATUSES) && value == JsonToken.START_ARRAY) {
                    statuses = new ArrayList<>();
                    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                        expect(t == JsonToken.START_OBJECT, "a stored flow status is not a JSON object");
                        statuses.add(flowStatus(p));
                    }
                } else if (key.equals(STRICT_ORDER) && value != null && value.isBoolean()) {
                    strictOrder = p.getBooleanValue();
                } else {
                    throw new MalformedColumnException("a stored status flow has an unknown key or a value of another kind");
                }
            }
            expect(statuses != null && strictOrder != null, "a stored status flow lacks its statuses or strictOrder");
            expect(p.nextToken() == null, "a stored status flow has content after its object");
            return new StatusFlow(statuses, strictOrder);
        } catch (JacksonException e) {
            throw new MalformedColumnException("a stored status flow is not valid JSON", e);
        }
    }

    private static FlowStatus flowStatus(JsonParser p) {
        String name = null;
        CaseState state = null;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = p.currentName();
            expect(p.nextToken() == JsonToken.VALUE_STRING, "a stored flow status has a value that is no string");
            if (key.equals(NAME)) {
                name = p.getString();
            } else if (key.equals(STATE)) {
                state = CaseState.fromWireName(p.getString())
                        .orElseThrow(() -> new MalformedColumnException("a stored flow status has an unknown state"));
            } else {
                throw new MalformedColumnException("a stored flow status has an unknown key");
            }
        }
        expect(name != null && state != null, "a stored flow status lacks its name or state");
        return new FlowStatus(name, state);
    }

    private static void expect(boolean condition, String message) {
        if (!condition) {
            throw new MalformedColumnException(message);
        }
    }

    static String fields(List<FieldDefinition> fields) {
        TaggedText.Writer out = new TaggedText.Writer();
        for (FieldDefinition f : fields) {
            out.string(f.name()).string(f.type().name())
                    .value(new Value.Bool(f.required()))
                    .optional(integer(f.maxBytes()))
                    .optional(integer(f.precision()))
                    .optional(integer(f.scale()))
                    .optional(f.min().map(Value.Decimal::new))
                    .optional(f.max().map(Value.Decimal::new))
                    .value(new Value.TextList(f.options()))
                    .optional(integer(f.maxItems()));
        }
        return out.toString();
    }

    static List<FieldDefinition> fields(String column) {
        TaggedText.Reader in = new TaggedText.Reader(column);
        List<FieldDefinition> fields = new ArrayList<>();
        while (!in.atEnd()) {
            String name = in.string();
            FieldType type = type(in.string());
            fields.add(new FieldDefinition(name, type, bool(in.value()), integer(in.optional()),
                    integer(in.optional()), integer(in.optional()), decimal(in.optional()),
                    decimal(in.optional()), textList(in.value()), integer(in.optional())));
        }
        return fields;
    }

    private static Optional<Value> integer(OptionalInt value) {
        return value.isPresent() ? Optional.of(new Value.Decimal(BigDecimal.valueOf(value.getAsInt())))
                : Optional.empty();
    }

    private static OptionalInt integer(Optional<Value> value) {
        Optional<BigDecimal> decimal = decimal(value);
        if (decimal.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(decimal.get().intValueExact());
        } catch (ArithmeticException e) {
            throw new MalformedColumnException("a stored field option is not an int");
        }
    }

    private static Optional<BigDecimal> decimal(Optional<Value> value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() instanceof Value.Decimal d) {
            return Optional.of(d.value());
        }
        throw new MalformedColumnException("a stored field option is not a number");
    }

    private static boolean bool(Value value) {
        if (value instanceof Value.Bool b) {
            return b.value();
        }
        throw new MalformedColumnException("a stored required flag is not a boolean");
    }

    private static List<String> textList(Value value) {
        if (value instanceof Value.TextList l) {
            return l.values();
        }
        throw new MalformedColumnException("stored field options are not a list");
    }

    private static FieldType type(String name) {
        try {
            return FieldType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new MalformedColumnException("a stored field type is unknown");
        }
    }
}

package io.casekit.store.jdbc;

import io.casekit.core.Value;
import io.casekit.core.template.FieldDefinition;
import io.casekit.core.template.FieldType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The text form of a template's field definitions, in {@link TaggedText}: per field its name, its
 * type's name, then each option as an optional value, in the order of {@link FieldDefinition}'s
 * components. An option that was not set stays unset when read back, so a type's defaults are
 * never frozen into the stored definition.
 */
final class TemplateColumns {
    private TemplateColumns() {}

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

package io.casekit.core.template;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One extension field of a template. Build it with {@link #builder(String, FieldType)}; whether the
 * definition is sound is checked when its {@link CaseType} is built, so that the message can name
 * both. Unset options take the type's default ({@link #maxBytes()} and so on return the effective
 * value).
 *
 * @param name      letters, digits and underscores, starting with a letter, at most 63 characters;
 *                  e.g. {@code AICC__severity__CST}
 * @param type      the field's type
 * @param required  whether a case must have a value: required at create, never cleared
 * @param maxBytes  TEXT, TEXTAREA, PHONE: the UTF-8 byte limit, when not the type's default
 * @param precision NUMBER: the {@code p} of a SQL {@code DECIMAL(p, s)}, 1 to 38, default 18: the most
 *                  digits a value has once written with {@code scale} digits after the point
 * @param scale     NUMBER: the {@code s} of {@code DECIMAL(p, s)}, 0 to the precision, default 0: the
 *                  most digits after the point (trailing zeros beyond it are accepted, never rounded;
 *                  see {@link NumberRules#fits})
 * @param min       NUMBER: the smallest value allowed; must itself fit the precision and scale
 * @param max       NUMBER: the largest value allowed; must itself fit the precision and scale
 * @param options   PICKLIST, MULTI_PICKLIST: the allowed values, exact; each 1 to 255 bytes, not blank
 *                  ({@link io.casekit.core.Blank}), without control characters, distinct
 * @param maxItems  MULTI_PICKLIST: the most values, default the number of options
 */
public record FieldDefinition(String name, FieldType type, boolean required, OptionalInt maxBytes,
                              OptionalInt precision, OptionalInt scale, Optional<BigDecimal> min,
                              Optional<BigDecimal> max, List<String> options, OptionalInt maxItems) {

    public FieldDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(maxBytes, "maxBytes");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        options = List.copyOf(options);
        Objects.requireNonNull(maxItems, "maxItems");
    }

    public static Builder builder(String name, FieldType type) {
        return new Builder(name, type);
    }

    /** The effective UTF-8 byte limit of a text-like field. */
    public int effectiveMaxBytes() {
        return maxBytes.orElse(switch (type) {
            case TEXTAREA -> 32_000;
            case PHONE -> 20;
            case EMAIL -> 254;
            case URL -> 2_000;
            default -> 255;
        });
    }

    /** The effective precision of a NUMBER. */
    public int effectivePrecision() {
        return precision.orElse(18);
    }

    /** The effective scale of a NUMBER. */
    public int effectiveScale() {
        return scale.orElse(0);
    }

    /** The effective item limit of a MULTI_PICKLIST. */
    public int effectiveMaxItems() {
        return maxItems.orElse(options.size());
    }

    /** Builds a {@link FieldDefinition}. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private final FieldType type;
        private boolean required;
        private OptionalInt maxBytes = OptionalInt.empty();
        private OptionalInt precision = OptionalInt.empty();
        private OptionalInt scale = OptionalInt.empty();
        private Optional<BigDecimal> min = Optional.empty();
        private Optional<BigDecimal> max = Optional.empty();
        private List<String> options = List.of();
        private OptionalInt maxItems = OptionalInt.empty();

        private Builder(String name, FieldType type) {
            this.name = Objects.requireNonNull(name, "name");
            this.type = Objects.requireNonNull(type, "type");
        }

        public Builder required(boolean value) {
            required = value;
            return this;
        }

        public Builder maxBytes(int value) {
            maxBytes = OptionalInt.of(value);
            return this;
        }

        public Builder precision(int value) {
            precision = OptionalInt.of(value);
            return this;
        }

        public Builder scale(int value) {
            scale = OptionalInt.of(value);
            return this;
        }

        public Builder min(BigDecimal value) {
            min = Optional.of(value);
            return this;
        }

        public Builder max(BigDecimal value) {
            max = Optional.of(value);
            return this;
        }

        public Builder options(List<String> values) {
            options = List.copyOf(values);
            return this;
        }

        public Builder maxItems(int value) {
            maxItems = OptionalInt.of(value);
            return this;
        }

        public FieldDefinition build() {
            return new FieldDefinition(name, type, required, maxBytes, precision, scale, min, max, options, maxItems);
        }
    }
}

package io.casekit.core.validation;

import io.casekit.core.InputValue;
import io.casekit.core.Utf8;
import io.casekit.core.Value;
import io.casekit.core.ViolationCode;
import io.casekit.core.WireFormats;
import io.casekit.core.template.FieldDefinition;
import io.casekit.core.template.NumberRules;
import io.casekit.core.validation.CaseText.Controls;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The dynamic rules of template extension fields (domain-rules §5): an input to a typed value. */
final class ExtensionRules {
    private ExtensionRules() {}

    /**
     * The value {@code input} sets {@code field} to, or empty when it is refused (the reasons are in
     * {@code violations}). {@code input} is never {@link InputValue.Null}: clearing is decided before.
     */
    static Optional<Value> toValue(FieldDefinition field, InputValue input, ViolationCollector violations) {
        String name = field.name();
        return switch (field.type()) {
            case TEXT -> text(field, input, violations, Controls.NONE).map(Value::text);
            case TEXTAREA -> text(field, input, violations, Controls.LINE_BREAKS).map(Value::text);
            case PHONE -> formatted(field, input, violations, TextRules::isPhoneNumber,
                    "+ and digits, spaces, -, ( and )");
            case EMAIL -> formatted(field, input, violations, TextRules::isEmail, "local-part@domain");
            case URL -> formatted(field, input, violations, HttpUrl::isValid, HttpUrl.FORMAT);
            case DATE -> string(name, input, violations).flatMap(s -> {
                Optional<LocalDate> date = WireFormats.parseDate(s);
                if (date.isEmpty()) {
                    violations.add(name, ViolationCode.INVALID_FORMAT, Map.of("format", "yyyy-MM-dd"));
                }
                return date.map(Value::date);
            });
            case DATETIME -> string(name, input, violations).flatMap(s -> {
                Optional<LocalDateTime> dateTime = WireFormats.parseDateTime(s);
                if (dateTime.isEmpty()) {
                    violations.add(name, ViolationCode.INVALID_FORMAT, Map.of("format", "yyyy-MM-dd HH:mm:ss"));
                }
                return dateTime.map(Value::dateTime);
            });
            case PICKLIST -> string(name, input, violations).flatMap(s -> {
                if (!field.options().contains(s)) {
                    violations.add(name, ViolationCode.INVALID_VALUE, Map.of("allowed", field.options()));
                    return Optional.empty();
                }
                return Optional.of(Value.text(s));
            });
            case MULTI_PICKLIST -> choices(field, input, violations);
            case CHECKBOX -> {
                if (input instanceof InputValue.Bool b) {
                    yield Optional.of(Value.bool(b.value()));
                }
                yield wrongType(name, "boolean", input, violations);
            }
            case NUMBER -> {
                if (input instanceof InputValue.Number n) {
                    yield number(field, n.value(), violations);
                }
                yield wrongType(name, "number", input, violations);
            }
        };
    }

    /** Whether {@code input} clears an optional field of this type: null, or {@code ""} for a text-valued one. */
    static boolean clears(FieldDefinition field, InputValue input) {
        if (input == InputValue.Null.INSTANCE) {
            return true;
        }
        if (input instanceof InputValue.Array a && field.type() == io.casekit.core.template.FieldType.MULTI_PICKLIST) {
            return a.elements().isEmpty();
        }
        return input instanceof InputValue.Text t && t.value().isEmpty() && isTextValued(field);
    }

    private static boolean isTextValued(FieldDefinition field) {
        return switch (field.type()) {
            case NUMBER, CHECKBOX, MULTI_PICKLIST -> false;
            default -> true;
        };
    }

    private static Optional<String> text(FieldDefinition field, InputValue input, ViolationCollector violations,
                                         Controls controls) {
        Optional<String> s = string(field.name(), input, violations);
        if (s.isEmpty()) {
            return s;
        }
        boolean ok = characters(field.name(), s.get(), controls, violations);
        ok &= withinBytes(field, s.get(), violations);
        return ok ? s : Optional.empty();
    }

    private static Optional<Value> formatted(FieldDefinition field, InputValue input, ViolationCollector violations,
                                             java.util.function.Predicate<String> format, String formatName) {
        Optional<String> s = string(field.name(), input, violations);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        boolean ok = characters(field.name(), s.get(), Controls.NONE, violations);
        if (ok && !format.test(s.get())) {
            violations.add(field.name(), ViolationCode.INVALID_FORMAT, Map.of("format", formatName));
            ok = false;
        }
        ok &= withinBytes(field, s.get(), violations);
        return ok ? s.map(Value::text) : Optional.empty();
    }

    private static Optional<Value> choices(FieldDefinition field, InputValue input, ViolationCollector violations) {
        String name = field.name();
        if (!(input instanceof InputValue.Array array)) {
            return wrongType(name, "array", input, violations);
        }
        List<String> items = new ArrayList<>(array.elements().size());
        Set<String> seen = new HashSet<>();
        boolean ok = true;
        for (int i = 0; i < array.elements().size(); i++) {
            InputValue element = array.elements().get(i);
            if (!(element instanceof InputValue.Text t)) {
                violations.addItem(name, i, ViolationCode.INVALID_TYPE,
                        Map.of("expected", "string", "actual", element.typeName()));
                ok = false;
            } else if (!field.options().contains(t.value())) {
                violations.addItem(name, i, ViolationCode.INVALID_VALUE, Map.of("allowed", field.options()));
                ok = false;
            } else if (!seen.add(t.value())) {
                violations.addItem(name, i, ViolationCode.DUPLICATE_ITEM, Map.of("item", t.value()));
                ok = false;
            } else {
                items.add(t.value());
            }
        }
        if (array.elements().size() > field.effectiveMaxItems()) {
            violations.add(name, ViolationCode.TOO_MANY_ITEMS, Map.of("maxItems", (long) field.effectiveMaxItems(),
                    "actualItems", (long) array.elements().size()));
            ok = false;
        }
        return ok ? Optional.of(Value.textList(items)) : Optional.empty();
    }

    private static Optional<Value> number(FieldDefinition field, BigDecimal value, ViolationCollector violations) {
        int precision = field.effectivePrecision();
        int scale = field.effectiveScale();
        boolean fits = NumberRules.fits(value, precision, scale);
        boolean aboveMin = field.min().map(min -> value.compareTo(min) >= 0).orElse(true);
        boolean belowMax = field.max().map(max -> value.compareTo(max) <= 0).orElse(true);
        if (fits && aboveMin && belowMax) {
            return Optional.of(Value.decimal(value));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("precision", (long) precision);
        params.put("scale", (long) scale);
        field.min().ifPresent(min -> params.put("min", min));
        field.max().ifPresent(max -> params.put("max", max));
        StringBuilder range = new StringBuilder(digits(precision, scale));
        field.min().ifPresent(min -> range.append(", at least ").append(min.toPlainString()));
        field.max().ifPresent(max -> range.append(", at most ").append(max.toPlainString()));
        params.put("range", range.toString());
        violations.add(field.name(), ViolationCode.OUT_OF_RANGE, params);
        return Optional.empty();
    }

    /** What DECIMAL(precision, scale) holds, in words. */
    private static String digits(int precision, int scale) {
        int integerDigits = precision - scale;
        if (integerDigits == 0) {
            return "a number between -1 and 1 (exclusive) with at most " + scale + (scale == 1 ? " digit" : " digits")
                    + " after the point";
        }
        String before = "at most " + integerDigits + (integerDigits == 1 ? " digit" : " digits") + " before the point";
        return scale == 0 ? "a whole number of " + before : "a number of " + before + " and " + scale + " after it";
    }

    private static Optional<String> string(String name, InputValue input, ViolationCollector violations) {
        if (input instanceof InputValue.Text t) {
            return Optional.of(t.value());
        }
        return wrongType(name, "string", input, violations);
    }

    static <T> Optional<T> wrongType(String name, String expected, InputValue input, ViolationCollector violations) {
        violations.add(name, ViolationCode.INVALID_TYPE, Map.of("expected", expected, "actual", input.typeName()));
        return Optional.empty();
    }

    private static boolean characters(String name, String s, Controls controls, ViolationCollector violations) {
        int at = TextRules.indexOfRefused(s, controls);
        if (at < 0) {
            return true;
        }
        violations.add(name, ViolationCode.INVALID_CHARACTERS,
                Map.of("index", (long) at, "character", ConstraintParams.codePoint(s.charAt(at))));
        return false;
    }

    private static boolean withinBytes(FieldDefinition field, String s, ViolationCollector violations) {
        long bytes = Utf8.encodedLength(s);
        if (bytes > field.effectiveMaxBytes()) {
            violations.add(field.name(), ViolationCode.TOO_LONG,
                    Map.of("maxBytes", (long) field.effectiveMaxBytes(), "actualBytes", bytes));
            return false;
        }
        return true;
    }
}

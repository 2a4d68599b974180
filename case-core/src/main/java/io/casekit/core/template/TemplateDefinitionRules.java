package io.casekit.core.template;

import io.casekit.core.Blank;
import io.casekit.core.CaseTypeId;
import io.casekit.core.StandardField;
import io.casekit.core.Utf8;
import io.casekit.core.Violation;
import io.casekit.core.ViolationCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a case type definition must follow (wire-format §4, domain-rules §5). A NUMBER field is a
 * SQL {@code DECIMAL(precision, scale)}: any precision from 1 to {@value #MAX_PRECISION} with a scale
 * from 0 to the precision, and {@code min} / {@code max} judged by {@link NumberRules#fits} as its
 * values are. Names and options must not be blank in the sense of {@link Blank}.
 */
final class TemplateDefinitionRules {
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,62}");
    /** No field may hold more than a request may: the default body limit. */
    static final int MAX_FIELD_BYTES = 1_048_576;
    static final int MAX_PRECISION = 38;
    static final int MAX_OPTION_BYTES = 255;
    static final int MAX_NAME_BYTES = 128;

    private TemplateDefinitionRules() {}

    static List<Violation> check(CaseTypeId typeId, String name, List<FieldDefinition> fields, StatusFlow flow) {
        Problems problems = new Problems(typeId);
        checkFlow(problems, flow);
        long nameBytes = Utf8.encodedLength(name);
        if (Blank.isBlank(name)) {
            problems.add("/name", ViolationCode.BLANK, "its name must not be blank (empty, or only white space"
                    + " and invisible characters)");
        } else if (nameBytes < 0 || nameBytes > MAX_NAME_BYTES || hasControl(name)) {
            problems.add("/name", ViolationCode.INVALID_VALUE,
                    "its name must be 1 to " + MAX_NAME_BYTES + " bytes of text without control characters");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            FieldDefinition field = fields.get(i);
            String at = "/fields/" + i;
            String field_ = "field " + quote(field.name());
            if (!FIELD_NAME.matcher(field.name()).matches()) {
                problems.add(at + "/name", ViolationCode.INVALID_FORMAT, field_
                        + ": a name starts with a letter and has at most 63 letters, digits and underscores");
            } else if (StandardField.isReserved(field.name())) {
                problems.add(at + "/name", ViolationCode.INVALID_VALUE, field_ + ": the name of a standard field");
            } else if (!seen.add(field.name())) {
                problems.add(at + "/name", ViolationCode.DUPLICATE_ITEM, field_ + ": defined twice");
            }
            checkOptions(problems, at, field_, field);
        }
        return problems.list;
    }

    private static void checkOptions(Problems problems, String at, String label, FieldDefinition f) {
        FieldType type = f.type();
        boolean textLike = type == FieldType.TEXT || type == FieldType.TEXTAREA || type == FieldType.PHONE;
        boolean number = type == FieldType.NUMBER;
        boolean choice = type == FieldType.PICKLIST || type == FieldType.MULTI_PICKLIST;

        notFor(problems, at, label, f, "maxBytes", f.maxBytes().isPresent() && !textLike);
        notFor(problems, at, label, f, "precision", f.precision().isPresent() && !number);
        notFor(problems, at, label, f, "scale", f.scale().isPresent() && !number);
        notFor(problems, at, label, f, "min", f.min().isPresent() && !number);
        notFor(problems, at, label, f, "max", f.max().isPresent() && !number);
        notFor(problems, at, label, f, "options", !f.options().isEmpty() && !choice);
        notFor(problems, at, label, f, "maxItems", f.maxItems().isPresent() && type != FieldType.MULTI_PICKLIST);

        if (textLike && f.maxBytes().isPresent()) {
            int max = f.maxBytes().getAsInt();
            if (max < 1 || max > MAX_FIELD_BYTES) {
                problems.add(at + "/maxBytes", ViolationCode.OUT_OF_RANGE,
                        label + ": maxBytes " + max + " is not between 1 and " + MAX_FIELD_BYTES);
            }
        }
        if (number) {
            checkNumber(problems, at, label, f);
        }
        if (choice) {
            checkChoices(problems, at, label, f);
        }
    }

    private static void checkNumber(Problems problems, String at, String label, FieldDefinition f) {
        int precision = f.effectivePrecision();
        int scale = f.effectiveScale();
        if (precision < 1 || precision > MAX_PRECISION) {
            problems.add(at + "/precision", ViolationCode.OUT_OF_RANGE,
                    label + ": precision " + precision + " is not between 1 and " + MAX_PRECISION);
            return;
        }
        if (scale < 0 || scale > precision) {
            problems.add(at + "/scale", ViolationCode.OUT_OF_RANGE, label + ": scale " + scale
                    + " is not between 0 and the precision " + precision
                    + (f.precision().isEmpty() ? " (the default precision)" : ""));
            return;
        }
        for (Map.Entry<String, BigDecimal> bound : bounds(f)) {
            if (!NumberRules.fits(bound.getValue(), precision, scale)) {
                problems.add(at + "/" + bound.getKey(), ViolationCode.OUT_OF_RANGE, label + ": " + bound.getKey()
                        + " " + bound.getValue().toPlainString() + " does not fit precision " + precision
                        + " and scale " + scale);
            }
        }
        if (f.min().isPresent() && f.max().isPresent() && f.min().get().compareTo(f.max().get()) > 0) {
            problems.add(at + "/min", ViolationCode.OUT_OF_RANGE, label + ": min "
                    + f.min().get().toPlainString() + " is greater than max " + f.max().get().toPlainString());
        }
    }

    private static List<Map.Entry<String, BigDecimal>> bounds(FieldDefinition f) {
        List<Map.Entry<String, BigDecimal>> bounds = new ArrayList<>();
        f.min().ifPresent(v -> bounds.add(Map.entry("min", v)));
        f.max().ifPresent(v -> bounds.add(Map.entry("max", v)));
        return bounds;
    }

    private static void checkChoices(Problems problems, String at, String label, FieldDefinition f) {
        if (f.options().isEmpty()) {
            problems.add(at + "/options", ViolationCode.REQUIRED, label + ": a " + f.type() + " needs options");
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < f.options().size(); i++) {
            String option = f.options().get(i);
            long bytes = Utf8.encodedLength(option);
            if (Blank.isBlank(option)) {
                // A value no one can tell from "" in a list of choices; "" would also clear the field.
                problems.add(at + "/options/" + i, ViolationCode.BLANK, label + ": option " + i
                        + " must not be blank (empty, or only white space and invisible characters)");
            } else if (bytes < 0 || bytes > MAX_OPTION_BYTES || hasControl(option)) {
                problems.add(at + "/options/" + i, ViolationCode.INVALID_VALUE, label + ": option " + i
                        + " must be 1 to " + MAX_OPTION_BYTES + " bytes of text without control characters");
            } else if (!seen.add(option)) {
                problems.add(at + "/options/" + i, ViolationCode.DUPLICATE_ITEM,
                        label + ": option " + quote(option) + " is listed twice");
            }
        }
        if (f.maxItems().isPresent()) {
            int maxItems = f.maxItems().getAsInt();
            if (maxItems < 1 || maxItems > f.options().size()) {
                problems.add(at + "/maxItems", ViolationCode.OUT_OF_RANGE, label + ": maxItems " + maxItems
                        + " is not between 1 and the number of options " + f.options().size());
            }
        }
    }

    private static void notFor(Problems problems, String at, String label, FieldDefinition f, String option,
                               boolean misplaced) {
        if (misplaced) {
            problems.add(at + "/" + option, ViolationCode.UNKNOWN_FIELD,
                    label + ": " + option + " does not apply to a " + f.type() + " field");
        }
    }

    static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return true;
            }
        }
        return false;
    }

    private static String quote(String text) {
        String shown = text.length() > 70 ? text.substring(0, 64) + "…" : text;
        return "'" + shown + "'";
    }

    /** Collects violations whose messages all start by naming the case type. */
    /** The rules of {@link StatusFlow}: violations at {@code /statusFlow/statuses/i/…}, naming the status. */
    private static void checkFlow(Problems problems, StatusFlow flow) {
        List<FlowStatus> statuses = flow.statuses();
        if (statuses.isEmpty()) {
            problems.add("/statusFlow/statuses", ViolationCode.REQUIRED, "its status flow holds no status");
            return;
        }
        if (statuses.size() > StatusFlow.MAX_STATUSES) {
            problems.add("/statusFlow/statuses", ViolationCode.TOO_MANY_ITEMS, "its status flow holds "
                    + statuses.size() + " statuses, at most " + StatusFlow.MAX_STATUSES + " allowed");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < statuses.size(); i++) {
            FlowStatus status = statuses.get(i);
            String at = "/statusFlow/statuses/" + i;
            String label = "status " + quote(status.name());
            long bytes = Utf8.encodedLength(status.name());
            if (Blank.isBlank(status.name())) {
                problems.add(at + "/name", ViolationCode.BLANK, "status " + (i + 1) + " of its flow has a blank name");
            } else if (bytes < 0 || bytes > StatusFlow.MAX_NAME_BYTES || hasControl(status.name())) {
                problems.add(at + "/name", ViolationCode.INVALID_VALUE, label + ": a status name is 1 to "
                        + StatusFlow.MAX_NAME_BYTES + " bytes of text without control characters");
            } else if (!seen.add(status.name())) {
                problems.add(at + "/name", ViolationCode.DUPLICATE_ITEM, label + ": listed twice in its flow");
            }
            if (status.state() == io.casekit.core.CaseState.CANCELLED) {
                problems.add(at + "/state", ViolationCode.INVALID_VALUE, label + ": a status means Processing, "
                        + "Pending or Completed; Cancelled is the state of a cancelled case only");
            }
        }
    }

    private static final class Problems {
        final List<Violation> list = new ArrayList<>();
        final CaseTypeId typeId;

        Problems(CaseTypeId typeId) {
            this.typeId = typeId;
        }

        void add(String path, ViolationCode code, String message) {
            list.add(new Violation(path, code, Map.of("caseType", typeId.value()),
                    "case type " + typeId.value() + ", " + message));
        }
    }
}

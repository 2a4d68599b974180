package io.casekit.json.internal;

import io.casekit.core.CaseState;
import io.casekit.core.CaseTypeId;
import io.casekit.core.CaseValidationException;
import io.casekit.core.JsonPointers;
import io.casekit.core.TenantId;
import io.casekit.core.Violation;
import io.casekit.core.ViolationCode;
import io.casekit.core.template.CaseType;
import io.casekit.core.template.FieldDefinition;
import io.casekit.core.template.FieldType;
import io.casekit.core.template.FlowStatus;
import io.casekit.core.template.StatusFlow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns the case type definition document (wire-format §4) into {@link CaseType}s:
 * {@code {"caseTypes":[{"tenant":…,"id":…,"name":…,"fields":[{"name":…,"type":…,…}]}]}}.
 *
 * <p>Every problem of the document is reported at once in one {@link CaseValidationException}: the
 * JSON-level ones found here (a missing or unknown key, a wrong JSON type, an unknown field type, an
 * id that is not one) and the rules {@link CaseType} itself enforces (a duplicate field name, a bad
 * name, {@code min} above {@code max}, a PICKLIST without options). Each violation's path is a JSON
 * Pointer into the document and its message names the case type and the field.
 */
public final class CaseTypeDocument {
    public static final String CASE_TYPES = "caseTypes";
    private static final Set<String> TYPE_KEYS = Set.of("tenant", "id", "name", "fields", "statusFlow");
    private static final Set<String> FLOW_KEYS = Set.of("strictOrder", "statuses");
    private static final Set<String> STATUS_KEYS = Set.of("name", "state");
    /** The states a status may mean; {@code Cancelled} is read too, for {@link CaseType} to refuse with its reason. */
    private static final List<String> STATES = Arrays.stream(CaseState.values())
            .filter(s -> s != CaseState.CANCELLED).map(CaseState::wireName).toList();
    private static final Set<String> FIELD_KEYS = Set.of("name", "type", "required", "maxBytes", "precision",
            "scale", "min", "max", "options", "maxItems");
    private static final List<String> FIELD_TYPES = Arrays.stream(FieldType.values()).map(Enum::name).toList();

    private CaseTypeDocument() {}

    /**
     * The case types the document defines, in order.
     *
     * @throws CaseValidationException with every problem of the document
     */
    public static List<CaseType> read(JsonTree document) {
        Problems problems = new Problems();
        List<CaseType> types = new ArrayList<>();
        if (!(document instanceof JsonTree.Obj root) || !(root.members().get(CASE_TYPES) instanceof JsonTree.Arr list)) {
            problems.add("/" + CASE_TYPES, ViolationCode.REQUIRED, Map.of(),
                    "the document must be a JSON object whose key caseTypes holds an array of case types");
            throw problems.failure();
        }
        for (String key : root.members().keySet()) {
            if (!key.equals(CASE_TYPES)) {
                problems.add("/" + JsonPointers.escape(key), ViolationCode.UNKNOWN_FIELD, Map.of(),
                        "the document holds only the key caseTypes, not " + Shown.quote(key));
            }
        }
        Set<List<String>> seen = new HashSet<>();
        for (int i = 0; i < list.elements().size(); i++) {
            String path = "/" + CASE_TYPES + "/" + i;
            Optional<CaseType> type = readType(list.elements().get(i), path, problems);
            if (type.isPresent()) {
                CaseType t = type.get();
                if (seen.add(List.of(t.tenant().value(), t.id().value()))) {
                    types.add(t);
                } else {
                    problems.add(path + "/id", ViolationCode.DUPLICATE_ITEM, Map.of("caseType", t.id().value()),
                            "case type " + t.id().value() + " of tenant " + t.tenant().value() + " is defined twice");
                }
            }
        }
        if (!problems.list.isEmpty()) {
            throw problems.failure();
        }
        return List.copyOf(types);
    }

    /**
     * One case type definition object.
     *
     * @throws CaseValidationException with every problem of the definition; paths are relative to it
     */
    public static CaseType readType(JsonTree definition) {
        Problems problems = new Problems();
        Optional<CaseType> type = readType(definition, "", problems);
        if (!problems.list.isEmpty()) {
            throw problems.failure();
        }
        return type.orElseThrow();
    }

    private static Optional<CaseType> readType(JsonTree node, String path, Problems problems) {
        if (!(node instanceof JsonTree.Obj obj)) {
            problems.add(path, ViolationCode.INVALID_TYPE, Map.of("expected", "object", "actual", node.typeName()),
                    "a case type definition must be of JSON type object, not " + node.typeName());
            return Optional.empty();
        }
        int before = problems.list.size();
        Optional<String> idText = obj.members().get("id") instanceof JsonTree.Str s ? Optional.of(s.value())
                : Optional.empty();
        Optional<String> knownId = idText.filter(CaseTypeId::isValid);
        String label = knownId.map(id -> "case type " + id).orElse("case type at " + (path.isEmpty() ? "/" : path));
        Members m = new Members(obj, path, problems, label, knownId);
        m.unknownKeys(TYPE_KEYS);
        Optional<TenantId> tenant = m.string("tenant", true).flatMap(t -> m.identifier("tenant", t, TenantId::of,
                TenantId.MAX_LENGTH));
        Optional<CaseTypeId> id = m.string("id", true).flatMap(t -> m.identifier("id", t, CaseTypeId::of,
                CaseTypeId.MAX_LENGTH));
        Optional<String> name = m.string("name", true);
        List<FieldDefinition> fields = new ArrayList<>();
        Optional<JsonTree> fieldList = m.member("fields", false);
        if (fieldList.isPresent()) {
            if (fieldList.get() instanceof JsonTree.Arr arr) {
                for (int j = 0; j < arr.elements().size(); j++) {
                    readField(arr.elements().get(j), path + "/fields/" + j, label, knownId, problems)
                            .ifPresent(fields::add);
                }
            } else {
                m.wrongType("fields", "array", fieldList.get());
            }
        }
        Optional<StatusFlow> flow = m.member("statusFlow", false)
                .flatMap(f -> readFlow(f, path + "/statusFlow", label, knownId, problems, m));
        if (problems.list.size() > before) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CaseType(tenant.orElseThrow(), id.orElseThrow(), name.orElseThrow(), fields,
                    flow.orElse(StatusFlow.DEFAULT)));
        } catch (CaseValidationException e) {
            for (Violation v : e.violations()) {
                problems.list.add(new Violation(path + v.path(), v.code(), v.params(), v.message()));
            }
            return Optional.empty();
        }
    }

    /**
     * {@code {"strictOrder":bool,"statuses":[{"name":…,"state":…}]}}: the JSON-level problems here
     * (a missing or unknown key, a wrong JSON type, a state that is no {@link CaseState} wire name);
     * the flow's own rules (no status, a duplicate, a bad name, {@code Cancelled}) are
     * {@link CaseType}'s.
     */
    private static Optional<StatusFlow> readFlow(JsonTree node, String path, String typeLabel,
                                                 Optional<String> caseType, Problems problems, Members type) {
        if (!(node instanceof JsonTree.Obj obj)) {
            return type.wrongType("statusFlow", "object", node);
        }
        int before = problems.list.size();
        Members m = new Members(obj, path, problems, typeLabel + ", status flow", caseType);
        m.unknownKeys(FLOW_KEYS);
        Optional<Boolean> strictOrder = m.bool("strictOrder");
        List<FlowStatus> statuses = new ArrayList<>();
        Optional<JsonTree> list = m.member("statuses", true);
        if (list.isPresent() && !(list.get() instanceof JsonTree.Arr)) {
            m.wrongType("statuses", "array", list.get());
        } else if (list.isPresent()) {
            List<JsonTree> elements = ((JsonTree.Arr) list.get()).elements();
            for (int i = 0; i < elements.size(); i++) {
                readStatus(elements.get(i), path + "/statuses/" + i, typeLabel, caseType, problems)
                        .ifPresent(statuses::add);
            }
        }
        if (problems.list.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new StatusFlow(statuses, strictOrder.orElse(false)));
    }

    private static Optional<FlowStatus> readStatus(JsonTree node, String path, String typeLabel,
                                                   Optional<String> caseType, Problems problems) {
        if (!(node instanceof JsonTree.Obj obj)) {
            problems.add(path, ViolationCode.INVALID_TYPE, Map.of("expected", "object", "actual", node.typeName()),
                    typeLabel + ": a status must be of JSON type object, not " + node.typeName());
            return Optional.empty();
        }
        int before = problems.list.size();
        String statusLabel = obj.members().get("name") instanceof JsonTree.Str s ? Shown.quote(s.value()) : "at " + path;
        Members m = new Members(obj, path, problems, typeLabel + ", status " + statusLabel, caseType);
        m.unknownKeys(STATUS_KEYS);
        Optional<String> name = m.string("name", true);
        Optional<CaseState> state = m.string("state", true).flatMap(text -> {
            Optional<CaseState> known = CaseState.fromWireName(text);
            if (known.isEmpty()) {
                m.problem("state", ViolationCode.INVALID_VALUE, Map.of("allowed", STATES),
                        "state " + Shown.quote(text) + " is not one of " + String.join(", ", STATES));
            }
            return known;
        });
        if (problems.list.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new FlowStatus(name.orElseThrow(), state.orElseThrow()));
    }

    private static Optional<FieldDefinition> readField(JsonTree node, String path, String typeLabel,
                                                       Optional<String> caseType, Problems problems) {
        if (!(node instanceof JsonTree.Obj obj)) {
            problems.add(path, ViolationCode.INVALID_TYPE, Map.of("expected", "object", "actual", node.typeName()),
                    typeLabel + ": a field definition must be of JSON type object, not " + node.typeName());
            return Optional.empty();
        }
        int before = problems.list.size();
        String fieldLabel = obj.members().get("name") instanceof JsonTree.Str s ? Shown.quote(s.value()) : "at " + path;
        Members m = new Members(obj, path, problems, typeLabel + ", field " + fieldLabel, caseType);
        Optional<String> name = m.string("name", true);
        m.unknownKeys(FIELD_KEYS);
        Optional<FieldType> type = m.string("type", true).flatMap(t -> {
            if (FIELD_TYPES.contains(t)) {
                return Optional.of(FieldType.valueOf(t));
            }
            m.problem("type", ViolationCode.INVALID_VALUE, Map.of("allowed", FIELD_TYPES),
                    "type " + Shown.quote(t) + " is not one of " + String.join(", ", FIELD_TYPES));
            return Optional.empty();
        });
        Optional<Boolean> required = m.bool("required");
        Optional<Integer> maxBytes = m.integer("maxBytes");
        Optional<Integer> precision = m.integer("precision");
        Optional<Integer> scale = m.integer("scale");
        Optional<Integer> maxItems = m.integer("maxItems");
        Optional<BigDecimal> min = m.decimal("min");
        Optional<BigDecimal> max = m.decimal("max");
        Optional<List<String>> options = m.strings("options");
        if (problems.list.size() > before) {
            return Optional.empty();
        }
        FieldDefinition.Builder field = FieldDefinition.builder(name.orElseThrow(), type.orElseThrow());
        required.ifPresent(field::required);
        maxBytes.ifPresent(field::maxBytes);
        precision.ifPresent(field::precision);
        scale.ifPresent(field::scale);
        maxItems.ifPresent(field::maxItems);
        min.ifPresent(field::min);
        max.ifPresent(field::max);
        options.ifPresent(field::options);
        return Optional.of(field.build());
    }

    /** The members of one definition object, read with typed accessors that report what is wrong. */
    private static final class Members {
        final JsonTree.Obj obj;
        final String path;
        final Problems problems;
        /** Names the case type and field in every message. */
        final String label;
        final Optional<String> caseType;

        Members(JsonTree.Obj obj, String path, Problems problems, String label, Optional<String> caseType) {
            this.obj = obj;
            this.path = path;
            this.problems = problems;
            this.label = label;
            this.caseType = caseType;
        }

        void unknownKeys(Set<String> known) {
            for (String key : obj.members().keySet()) {
                if (!known.contains(key)) {
                    problems.add(path + "/" + JsonPointers.escape(key), ViolationCode.UNKNOWN_FIELD, Map.of(),
                            label + ": " + Shown.quote(key) + " is not a key of this definition");
                }
            }
        }

        Optional<JsonTree> member(String key, boolean required) {
            JsonTree value = obj.members().get(key);
            if (value == null || value == JsonTree.Null.INSTANCE) {
                if (required) {
                    problem(key, ViolationCode.REQUIRED, Map.of(), key + " is required");
                }
                return Optional.empty();
            }
            return Optional.of(value);
        }

        Optional<String> string(String key, boolean required) {
            Optional<JsonTree> value = member(key, required);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            if (value.get() instanceof JsonTree.Str s) {
                return Optional.of(s.value());
            }
            return wrongType(key, "string", value.get());
        }

        <T> Optional<T> identifier(String key, String text, Function<String, T> parse,
                                   int maxLength) {
            try {
                return Optional.of(parse.apply(text));
            } catch (IllegalArgumentException e) {
                problem(key, ViolationCode.INVALID_FORMAT, Map.of("format", "1 to " + maxLength
                        + " ASCII letters, digits, - or _"), key + " " + Shown.quote(text) + " is not 1 to "
                        + maxLength + " ASCII letters, digits, '-' or '_'");
                return Optional.empty();
            }
        }

        Optional<Boolean> bool(String key) {
            Optional<JsonTree> value = member(key, false);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            if (value.get() instanceof JsonTree.Bool b) {
                return Optional.of(b.value());
            }
            return wrongType(key, "boolean", value.get());
        }

        Optional<Integer> integer(String key) {
            Optional<JsonTree> value = member(key, false);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            if (value.get() instanceof JsonTree.Num n) {
                try {
                    return Optional.of(n.value().intValueExact());
                } catch (ArithmeticException e) {
                    problem(key, ViolationCode.OUT_OF_RANGE, Map.of(), key + " must be a whole number between "
                            + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
                    return Optional.empty();
                }
            }
            return wrongType(key, "number", value.get());
        }

        /** A decimal bound: a string holding a decimal (as wire-format §4 writes it) or a number. */
        Optional<BigDecimal> decimal(String key) {
            Optional<JsonTree> value = member(key, false);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            if (value.get() instanceof JsonTree.Num n) {
                return Optional.of(n.value());
            }
            if (value.get() instanceof JsonTree.Str s) {
                Optional<BigDecimal> parsed = RequestDocument.parseDecimal(s.value());
                if (parsed.isEmpty()) {
                    problem(key, ViolationCode.INVALID_FORMAT, Map.of("format", "a decimal number such as \"12.50\""),
                            key + " " + Shown.quote(s.value()) + " is not a decimal number");
                }
                return parsed;
            }
            return wrongType(key, "string", value.get());
        }

        Optional<List<String>> strings(String key) {
            Optional<JsonTree> value = member(key, false);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            if (!(value.get() instanceof JsonTree.Arr arr)) {
                return wrongType(key, "array", value.get());
            }
            List<String> result = new ArrayList<>();
            boolean ok = true;
            for (int i = 0; i < arr.elements().size(); i++) {
                if (arr.elements().get(i) instanceof JsonTree.Str s) {
                    result.add(s.value());
                } else {
                    String type = arr.elements().get(i).typeName();
                    problems.add(path + "/" + key + "/" + i, ViolationCode.INVALID_TYPE,
                            params(Map.of("expected", "string", "actual", type)),
                            label + ": " + key + " " + i + " must be of JSON type string, not " + type);
                    ok = false;
                }
            }
            return ok ? Optional.of(result) : Optional.empty();
        }

        <T> Optional<T> wrongType(String key, String expected, JsonTree actual) {
            problem(key, ViolationCode.INVALID_TYPE, Map.of("expected", expected, "actual", actual.typeName()),
                    key + " must be of JSON type " + expected + ", not " + actual.typeName());
            return Optional.empty();
        }

        void problem(String key, ViolationCode code, Map<String, Object> params, String what) {
            problems.add(path + "/" + key, code, params(params), label + ": " + what);
        }

        private Map<String, Object> params(Map<String, Object> params) {
            Map<String, Object> all = new LinkedHashMap<>(params);
            caseType.ifPresent(id -> all.put("caseType", id));
            return all;
        }
    }

    private static final class Problems {
        final List<Violation> list = new ArrayList<>();

        void add(String path, ViolationCode code, Map<String, Object> params, String message) {
            list.add(new Violation(path, code, params, message));
        }

        CaseValidationException failure() {
            return new CaseValidationException(list);
        }
    }
}

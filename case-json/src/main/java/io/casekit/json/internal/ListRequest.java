package io.casekit.json.internal;

import io.casekit.core.CaseState;
import io.casekit.core.CaseTypeId;
import io.casekit.core.JsonPointers;
import io.casekit.core.Priority;
import io.casekit.core.TenantId;
import io.casekit.core.Utf8;
import io.casekit.core.Value;
import io.casekit.core.Violation;
import io.casekit.core.ViolationCode;
import io.casekit.core.WireFormats;
import io.casekit.core.query.CaseFilter;
import io.casekit.core.query.CaseQuery;
import io.casekit.core.query.CaseSort;
import io.casekit.core.query.Direction;
import io.casekit.core.query.PagePosition;
import io.casekit.core.query.QueryValidation;
import io.casekit.core.query.SortKey;
import io.casekit.core.template.CaseType;
import io.casekit.core.template.FieldDefinition;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The AICC {@code POST case/list} request, read and judged: {@code start}, {@code limit}, the list
 * filters, the template fields as extra keys, and casekit's extensions {@code sort} and
 * {@code cursor}. Every fault is a {@link Violation} at the request's own key ({@code /start},
 * {@code /priority}, {@code /AICC__severity__CST}, {@code /sort/key}, {@code /cursor}), never at the
 * query's internal {@code /filters/<i>} paths. The rules are documented in case-json's README.
 *
 * @param start  how many matching cases to skip, 0 to {@link #MAX_START}
 * @param limit  the most cases of the answer, 1 to {@link #MAX_LIMIT}
 * @param query  the query of the filters and sort, with the cursor's position, page size {@code limit}
 * @param cursor whether the request carried a cursor
 */
public record ListRequest(int start, int limit, CaseQuery query, boolean cursor) {
    /** The largest {@code limit}: 100 (AICC). */
    public static final int MAX_LIMIT = 100;
    /** The largest {@code start}: 10,000 (our decision; deeper pages take the cursor). */
    public static final int MAX_START = 10_000;
    /** The widest {@code startTime}–{@code endTime} window: 31 days (AICC). */
    public static final Duration MAX_WINDOW = Duration.ofDays(31);

    static final String START = "start";
    static final String LIMIT = "limit";
    static final String TITLE = "title";
    static final String PRIORITY = "priority";
    static final String OWNER_ID = "ownerId";
    static final String TYPE = "type";
    static final String CONTACT_ID = "contactId";
    static final String CONTACT_PHONE = "contactPhone";
    static final String CREATOR_ID = "creatorId";
    static final String START_TIME = "startTime";
    static final String END_TIME = "endTime";
    static final String STATUS = "status";
    static final String STATE = "state";
    static final String SORT = "sort";
    static final String CURSOR = "cursor";

    /** The keys of the list call; any other key is a template field or unknown. */
    static final Set<String> KNOWN = Set.of(START, LIMIT, TITLE, PRIORITY, OWNER_ID, TYPE, CONTACT_ID,
            CONTACT_PHONE, CREATOR_ID, START_TIME, END_TIME, STATUS, STATE, SORT, CURSOR);

    private static final List<String> STATE_NAMES = java.util.Arrays.stream(CaseState.values())
            .map(CaseState::wireName).toList();

    /** The AICC list page's priority ordinals, as strings: {@code "0"} is Low … {@code "3"} Critical. */
    static final List<String> ORDINALS = List.of("0", "1", "2", "3");
    /** The most bytes of a text filter: the largest standard field a filter compares (title, 128 bytes). */
    static final int MAX_TEXT_BYTES = 128;

    private static final Map<String, SortKey> SORT_KEYS = Map.of("createdAt", SortKey.CREATED_AT,
            "updatedAt", SortKey.UPDATED_AT, "dueDate", SortKey.DUE_DATE, "priority", SortKey.PRIORITY,
            "title", SortKey.TITLE);
    private static final List<String> SORT_KEY_NAMES = List.of("createdAt", "updatedAt", "dueDate", "priority", "title");

    /** The default order of the list call: newest first (createdAt descending, then the id descending). */
    public static final CaseSort DEFAULT_SORT = new CaseSort(SortKey.CREATED_AT, Direction.DESC);

    /**
     * Judges the members of a list request.
     *
     * @param members the top-level members, in the order sent
     * @param tenant  the caller's tenant (a cursor is bound to it)
     * @param zone    the tenant zone, in which {@code startTime} and {@code endTime} are read
     * @param types   the tenant's case types by id
     * @return the request, or the violations (at least one), in the order of the request's keys
     */
    public static Result read(Map<String, JsonTree> members, TenantId tenant, ZoneId zone,
                              Function<CaseTypeId, Optional<CaseType>> types) {
        return new Reader(members, tenant, zone, types).read();
    }

    /** Either a request or the violations of one. */
    public record Result(Optional<ListRequest> request, List<Violation> violations) {}

    private static final class Reader {
        private final Map<String, JsonTree> members;
        private final TenantId tenant;
        private final ZoneId zone;
        private final Function<CaseTypeId, Optional<CaseType>> types;
        private final List<String> order;
        /** Each violation with the index of its key in the request (-1 before every key). */
        private final List<Map.Entry<Integer, Violation>> found = new ArrayList<>();
        /** The filters and, for each, the request key that made it. */
        private final List<CaseFilter> filters = new ArrayList<>();
        private final List<String> filterKeys = new ArrayList<>();

        Reader(Map<String, JsonTree> members, TenantId tenant, ZoneId zone,
               Function<CaseTypeId, Optional<CaseType>> types) {
            this.members = members;
            this.tenant = tenant;
            this.zone = zone;
            this.types = types;
            this.order = List.copyOf(members.keySet());
        }

        Result read() {
            Optional<Integer> start = integer(START, 0, MAX_START,
                    "start is from 0 to " + MAX_START + "; page further with the cursor (nextCursor)");
            Optional<Integer> limit = integer(LIMIT, 1, MAX_LIMIT, "limit is from 1 to " + MAX_LIMIT);
            text(TITLE).ifPresent(t -> filter(TITLE, new CaseFilter.TitleContains(t)));
            priority();
            text(OWNER_ID).ifPresent(v -> filter(OWNER_ID, party(CaseFilter.Party.OWNER_ID, v)));
            Optional<CaseType> type = type();
            text(CONTACT_ID).ifPresent(v -> filter(CONTACT_ID, party(CaseFilter.Party.CONTACT_ID, v)));
            text(CONTACT_PHONE).ifPresent(v -> filter(CONTACT_PHONE, new CaseFilter.ContactPhoneIs(v)));
            text(CREATOR_ID).ifPresent(v -> filter(CREATOR_ID, party(CaseFilter.Party.CREATED_BY, v)));
            window();
            text(STATUS).ifPresent(v -> filter(STATUS, new CaseFilter.StatusIn(Set.of(v))));
            state();
            CaseSort sort = sort();
            for (String key : order) {
                if (!KNOWN.contains(key)) {
                    extension(key, type);
                }
            }
            Optional<PagePosition> position = cursor(sort, start);
            CaseQuery query = new CaseQuery(filters, sort, limit.orElse(1), position);
            // What the query's own rules find (an unknown case type, a value a field does not take),
            // at the key that made the filter.
            for (Violation v : QueryValidation.validate(query, types)) {
                found.add(Map.entry(indexOfPath(v.path()), new Violation(ownPath(v.path()), v.code(), v.params(),
                        v.message())));
            }
            if (!found.isEmpty()) {
                List<Violation> ordered = found.stream().sorted(Comparator.comparingInt(Map.Entry::getKey))
                        .map(Map.Entry::getValue).toList();
                return new Result(Optional.empty(), ordered);
            }
            return new Result(Optional.of(new ListRequest(start.orElseThrow(), limit.orElseThrow(), query,
                    position.isPresent())), List.of());
        }

        private void filter(String key, CaseFilter filter) {
            filters.add(filter);
            filterKeys.add(key);
        }

        private static CaseFilter party(CaseFilter.Party party, String value) {
            return new CaseFilter.PartyIn(party, Set.of(value));
        }

        private int indexOf(String key) {
            return order.indexOf(key);
        }

        private void violation(String key, String path, ViolationCode code, Map<String, Object> params, String message) {
            found.add(Map.entry(indexOf(key), new Violation(path, code, params, message)));
        }

        private void violation(String key, ViolationCode code, Map<String, Object> params, String message) {
            violation(key, pointer(key), code, params, message);
        }

        private void wrongType(String key, String path, String expected, JsonTree value) {
            violation(key, path, ViolationCode.INVALID_TYPE, Map.of("expected", expected, "actual", value.typeName()),
                    key + " must be a JSON " + expected + ", not " + value.typeName() + ".");
        }

        private Optional<Integer> integer(String key, int min, int max, String rule) {
            JsonTree value = members.get(key);
            if (value == null) {
                found.add(Map.entry(-1, new Violation(pointer(key), ViolationCode.REQUIRED, Map.of(),
                        key + " is required.")));
                return Optional.empty();
            }
            if (!(value instanceof JsonTree.Num num) || num.value().signum() != 0
                    && num.value().stripTrailingZeros().scale() > 0) {
                wrongType(key, pointer(key), "integer", value);
                return Optional.empty();
            }
            BigDecimal n = num.value();
            if (n.compareTo(BigDecimal.valueOf(min)) < 0 || n.compareTo(BigDecimal.valueOf(max)) > 0) {
                violation(key, ViolationCode.OUT_OF_RANGE, Map.of("min", min, "max", max), rule + "; was "
                        + shortText(n.toPlainString().length() > 30 ? n.toString() : n.toPlainString()) + ".");
                return Optional.empty();
            }
            return Optional.of(n.intValueExact());
        }

        /** The key's string, if the key is present; a value of another JSON type is a violation. */
        private Optional<String> string(String key) {
            JsonTree value = members.get(key);
            if (value == null) {
                return Optional.empty();
            }
            if (!(value instanceof JsonTree.Str str)) {
                wrongType(key, pointer(key), "string", value);
                return Optional.empty();
            }
            return Optional.of(str.value());
        }

        /** A non-empty string of at most {@link #MAX_TEXT_BYTES} bytes, if the key is present. */
        private Optional<String> text(String key) {
            return string(key).flatMap(text -> checkedText(key, pointer(key), text));
        }

        private Optional<String> checkedText(String key, String path, String text) {
            if (text.isEmpty()) {
                violation(key, path, ViolationCode.BLANK, Map.of(), key + " must not be empty; leave the key out for no filter.");
                return Optional.empty();
            }
            long bytes = Utf8.encodedLength(text);
            if (bytes < 0 || text.indexOf('\0') >= 0) {
                // What no case can hold, and no database should be sent: a lone surrogate, NUL.
                violation(key, path, ViolationCode.INVALID_CHARACTERS, Map.of(),
                        key + " holds a lone surrogate or NUL, which no case field can hold.");
                return Optional.empty();
            }
            if (bytes > MAX_TEXT_BYTES) {
                violation(key, path, ViolationCode.TOO_LONG, Map.of("maxBytes", MAX_TEXT_BYTES, "actualBytes", bytes),
                        key + " is " + bytes + " bytes, at most " + MAX_TEXT_BYTES + " allowed.");
                return Optional.empty();
            }
            return Optional.of(text);
        }

        private void priority() {
            text(PRIORITY).ifPresent(p -> {
                Optional<Priority> priority = Priority.fromWireName(p);
                int ordinal = ORDINALS.indexOf(p);
                if (priority.isEmpty() && ordinal >= 0) {
                    priority = Optional.of(Priority.values()[ordinal]);
                }
                if (priority.isEmpty()) {
                    List<String> allowed = new ArrayList<>(Priority.WIRE_NAMES);
                    allowed.addAll(ORDINALS);
                    violation(PRIORITY, ViolationCode.INVALID_VALUE, Map.of("allowed", allowed),
                            "priority must be one of Low, Medium, High, Critical (or the ordinals \"0\" to \"3\").");
                    return;
                }
                filter(PRIORITY, new CaseFilter.PriorityIn(Set.of(priority.get())));
            });
        }

        /** A state by its wire name, exactly: {@code Processing}, {@code Pending}, {@code Completed}, {@code Cancelled}. */
        private void state() {
            text(STATE).ifPresent(text -> {
                Optional<CaseState> state = CaseState.fromWireName(text);
                if (state.isEmpty()) {
                    violation(STATE, ViolationCode.INVALID_VALUE, Map.of("allowed", STATE_NAMES),
                            "state must be one of " + String.join(", ", STATE_NAMES) + ".");
                } else {
                    filter(STATE, new CaseFilter.StateIn(Set.of(state.get())));
                }
            });
        }

        private Optional<CaseType> type() {
            Optional<String> text = text(TYPE);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            if (!CaseTypeId.isValid(text.get())) {
                violation(TYPE, ViolationCode.INVALID_VALUE, Map.of(), "There is no case type " + text.get() + ".");
                return Optional.empty();
            }
            CaseTypeId id = CaseTypeId.of(text.get());
            filter(TYPE, new CaseFilter.TypeIs(id)); // an unknown one is reported by the query's validation
            return types.apply(id);
        }

        private void window() {
            Optional<LocalDateTime> from = dateTime(START_TIME);
            Optional<LocalDateTime> to = dateTime(END_TIME);
            boolean hasFrom = members.containsKey(START_TIME);
            boolean hasTo = members.containsKey(END_TIME);
            if (hasFrom != hasTo) {
                String missing = hasFrom ? END_TIME : START_TIME;
                String given = hasFrom ? START_TIME : END_TIME;
                violation(given, pointer(missing), ViolationCode.REQUIRED, Map.of(),
                        missing + " is required with " + given + ": the creation-time window has both ends, at most 31 days apart.");
                return;
            }
            if (from.isEmpty() || to.isEmpty()) {
                return;
            }
            if (to.get().isBefore(from.get())) {
                violation(END_TIME, ViolationCode.OUT_OF_RANGE, Map.of("min", WireFormats.format(from.get())),
                        "endTime must not be before startTime.");
                return;
            }
            if (Duration.between(from.get(), to.get()).compareTo(MAX_WINDOW) > 0) {
                violation(END_TIME, ViolationCode.OUT_OF_RANGE,
                        Map.of("max", WireFormats.format(from.get().plus(MAX_WINDOW)), "maxDays", MAX_WINDOW.toDays()),
                        "The window from startTime to endTime is at most 31 days.");
                return;
            }
            // endTime is inclusive to the second: the window ends before the next second.
            Instant fromInstant = from.get().atZone(zone).toInstant();
            Instant toInstant = to.get().plusSeconds(1).atZone(zone).toInstant();
            if (!fromInstant.isBefore(toInstant)) {
                // Only when a clock change folds the window to nothing: it then matches no case.
                toInstant = fromInstant.plusNanos(1);
            }
            filter(START_TIME, new CaseFilter.TimeIn(CaseFilter.Time.CREATED_AT, Optional.of(fromInstant),
                    Optional.of(toInstant)));
        }

        private Optional<LocalDateTime> dateTime(String key) {
            Optional<String> text = string(key);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            Optional<LocalDateTime> parsed = WireFormats.parseDateTime(text.get());
            if (parsed.isEmpty()) {
                violation(key, ViolationCode.INVALID_FORMAT, Map.of("format", "yyyy-MM-dd HH:mm:ss"),
                        key + " must be a date-time as yyyy-MM-dd HH:mm:ss.");
            }
            return parsed;
        }

        private CaseSort sort() {
            JsonTree value = members.get(SORT);
            if (value == null) {
                return DEFAULT_SORT;
            }
            if (!(value instanceof JsonTree.Obj obj)) {
                wrongType(SORT, pointer(SORT), "object", value);
                return DEFAULT_SORT;
            }
            SortKey key = null;
            Direction direction = Direction.DESC;
            boolean fault = false;
            for (Map.Entry<String, JsonTree> e : obj.members().entrySet()) {
                String path = pointer(SORT) + "/" + JsonPointers.escape(e.getKey());
                switch (e.getKey()) {
                    case "key" -> {
                        if (!(e.getValue() instanceof JsonTree.Str s)) {
                            wrongType(SORT, path, "string", e.getValue());
                            fault = true;
                        } else if (!SORT_KEYS.containsKey(s.value())) {
                            violation(SORT, path, ViolationCode.INVALID_VALUE, Map.of("allowed", SORT_KEY_NAMES),
                                    "sort.key must be one of " + String.join(", ", SORT_KEY_NAMES) + ".");
                            fault = true;
                        } else {
                            key = SORT_KEYS.get(s.value());
                        }
                    }
                    case "direction" -> {
                        if (!(e.getValue() instanceof JsonTree.Str s)) {
                            wrongType(SORT, path, "string", e.getValue());
                            fault = true;
                        } else if (s.value().equals("asc") || s.value().equals("desc")) {
                            direction = s.value().equals("asc") ? Direction.ASC : Direction.DESC;
                        } else {
                            violation(SORT, path, ViolationCode.INVALID_VALUE, Map.of("allowed", List.of("asc", "desc")),
                                    "sort.direction must be asc or desc.");
                            fault = true;
                        }
                    }
                    default -> {
                        violation(SORT, path, ViolationCode.UNKNOWN_FIELD, Map.of(),
                                "sort holds only key and direction.");
                        fault = true;
                    }
                }
            }
            if (key == null && !fault) {
                violation(SORT, pointer(SORT) + "/key", ViolationCode.REQUIRED, Map.of(), "sort.key is required.");
            }
            return key == null || fault ? DEFAULT_SORT : new CaseSort(key, direction);
        }

        private void extension(String key, Optional<CaseType> type) {
            JsonTree value = members.get(key);
            if (!members.containsKey(TYPE)) {
                violation(key, ViolationCode.UNKNOWN_FIELD, Map.of(),
                        key + " is not a field of the list call; a template field is a filter only when type names its case type.");
                return;
            }
            if (type.isEmpty()) {
                return; // the type itself is reported at /type
            }
            Optional<FieldDefinition> def = type.get().field(key);
            if (def.isEmpty()) {
                violation(key, ViolationCode.UNKNOWN_FIELD, Map.of(),
                        key + " is not a field of the list call, nor of the case type " + type.get().id().value() + ".");
                return;
            }
            String name = def.get().name();
            switch (def.get().type()) {
                case PICKLIST, TEXT, EMAIL, PHONE -> string(key).flatMap(text -> extensionText(key, text))
                        .ifPresent(v -> filter(key, new CaseFilter.ExtensionIn(name, Set.of(Value.text(v)))));
                case CHECKBOX -> {
                    if (!(value instanceof JsonTree.Bool b)) {
                        wrongType(key, pointer(key), "boolean", value);
                    } else {
                        filter(key, new CaseFilter.ExtensionIn(name, Set.of(Value.bool(b.value()))));
                    }
                }
                case MULTI_PICKLIST -> string(key).flatMap(text -> extensionText(key, text))
                        .ifPresent(v -> filter(key, new CaseFilter.ExtensionContainsAny(name, Set.of(v))));
                case DATE -> string(key).ifPresent(text -> {
                    Optional<LocalDate> day = WireFormats.parseDate(text);
                    if (day.isEmpty()) {
                        violation(key, ViolationCode.INVALID_FORMAT, Map.of("format", "yyyy-MM-dd"),
                                key + " must be a date as yyyy-MM-dd.");
                    } else {
                        filter(key, new CaseFilter.ExtensionRange(name, Optional.of(Value.date(day.get())),
                                Optional.of(Value.date(day.get().plusDays(1)))));
                    }
                });
                case DATETIME -> string(key).ifPresent(text -> {
                    Optional<LocalDateTime> at = WireFormats.parseDateTime(text);
                    if (at.isEmpty()) {
                        violation(key, ViolationCode.INVALID_FORMAT, Map.of("format", "yyyy-MM-dd HH:mm:ss"),
                                key + " must be a date-time as yyyy-MM-dd HH:mm:ss.");
                    } else {
                        filter(key, new CaseFilter.ExtensionRange(name, Optional.of(Value.dateTime(at.get())),
                                Optional.of(Value.dateTime(at.get().plusSeconds(1)))));
                    }
                });
                default -> violation(key, ViolationCode.INVALID_VALUE, Map.of("fieldType", def.get().type().name()),
                        "The list call has no equality filter on the " + def.get().type() + " field " + key + ".");
            }
        }

        /**
         * A template field's text: not empty, no lone surrogate or NUL; its length is not bounded
         * here beyond the body's (a value longer than the field allows matches nothing).
         */
        private Optional<String> extensionText(String key, String text) {
            if (text.isEmpty()) {
                violation(key, ViolationCode.BLANK, Map.of(), key + " must not be empty.");
                return Optional.empty();
            }
            if (Utf8.indexOfLoneSurrogate(text) >= 0 || text.indexOf('\0') >= 0) {
                violation(key, ViolationCode.INVALID_CHARACTERS, Map.of(),
                        key + " holds a lone surrogate or NUL, which no case field can hold.");
                return Optional.empty();
            }
            return Optional.of(text);
        }

        private Optional<PagePosition> cursor(CaseSort sort, Optional<Integer> start) {
            Optional<String> text = string(CURSOR);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            Optional<PagePosition> position = ListCursor.decode(text.get(), ListCursor.fingerprint(tenant, filters, sort));
            if (position.isEmpty() || !position.get().sort().equals(sort)) {
                violation(CURSOR, ViolationCode.INVALID_VALUE, Map.of(),
                        "The cursor is not a nextCursor this service gave for this tenant and these filters and sort.");
                return Optional.empty();
            }
            if (start.isPresent() && start.get() != 0) {
                violation(START, ViolationCode.OUT_OF_RANGE, Map.of("min", 0, "max", 0),
                        "start must be 0 with a cursor: the cursor says where the page starts.");
            }
            return position;
        }

        private int indexOfPath(String path) {
            return keyOfFilterPath(path).map(this::indexOf).orElse(-1);
        }

        /** The request's own path for a path of the query: the key that made the filter. */
        private String ownPath(String path) {
            Optional<String> key = keyOfFilterPath(path);
            if (key.isPresent()) {
                return pointer(key.get());
            }
            return path.equals("/after") ? pointer(CURSOR) : path.equals("/limit") ? pointer(LIMIT) : "";
        }

        private Optional<String> keyOfFilterPath(String path) {
            if (!path.startsWith("/filters/")) {
                return Optional.empty();
            }
            int end = path.indexOf('/', "/filters/".length());
            String index = end < 0 ? path.substring("/filters/".length()) : path.substring("/filters/".length(), end);
            try {
                return Optional.of(filterKeys.get(Integer.parseInt(index)));
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                return Optional.empty();
            }
        }

        private static String shortText(String s) {
            return s.length() > 40 ? s.substring(0, 40) + "…" : s;
        }
    }

    /** The JSON Pointer of a top-level key. */
    static String pointer(String key) {
        return "/" + JsonPointers.escape(key);
    }
}

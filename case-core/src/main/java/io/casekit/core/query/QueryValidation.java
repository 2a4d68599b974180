package io.casekit.core.query;

import io.casekit.core.CaseTypeId;
import io.casekit.core.JsonPointers;
import io.casekit.core.RefusedCharacters;
import io.casekit.core.Value;
import io.casekit.core.Violation;
import io.casekit.core.ViolationCode;
import io.casekit.core.template.CaseType;
import io.casekit.core.template.FieldDefinition;
import io.casekit.core.template.FieldType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks a {@link CaseQuery} against the case types of its tenant, as the service does before a
 * store sees it. Paths follow the scheme of {@link CaseQuery}.
 *
 * <p>Our decision: a query with an extension filter names exactly one case type with one
 * {@link CaseFilter.TypeIs} (the field's type comes from there); a {@code TypeIs} naming a type the
 * tenant does not have is a violation, never an empty result. Stateless and thread-safe.
 */
public final class QueryValidation {
    private static final Set<FieldType> EQUALITY_TYPES =
            EnumSet.of(FieldType.PICKLIST, FieldType.TEXT, FieldType.EMAIL, FieldType.PHONE, FieldType.CHECKBOX);

    private QueryValidation() {}

    /**
     * Every violation of the query, in the order of its parts ({@code /limit}, {@code /after}, then
     * the filters in order); empty when it is valid.
     *
     * @param types the tenant's case type by id
     */
    public static List<Violation> validate(CaseQuery query, Function<CaseTypeId, Optional<CaseType>> types) {
        List<Violation> out = new ArrayList<>();
        // Bounds on the query's size first, alone: a query far too large is not checked filter by filter.
        int filters = query.filters().size();
        if (filters > CaseQuery.MAX_FILTERS) {
            out.add(new Violation("/filters", ViolationCode.TOO_MANY_ITEMS, Map.of("max", CaseQuery.MAX_FILTERS),
                    "A query holds at most " + CaseQuery.MAX_FILTERS + " filters, this one " + filters + "."));
            return out;
        }
        long values = query.filters().stream().mapToLong(QueryValidation::valueCount).sum();
        if (values > CaseQuery.MAX_FILTER_VALUES) {
            out.add(new Violation("/filters", ViolationCode.TOO_MANY_ITEMS, Map.of("max", CaseQuery.MAX_FILTER_VALUES),
                    "The filters of a query hold at most " + CaseQuery.MAX_FILTER_VALUES + " values in all, these "
                            + values + "."));
            return out;
        }
        if (query.limit() < 1 || query.limit() > CaseQuery.MAX_LIMIT) {
            out.add(new Violation("/limit", ViolationCode.OUT_OF_RANGE,
                    Map.of("min", 1, "max", CaseQuery.MAX_LIMIT),
                    "The page size must be from 1 to " + CaseQuery.MAX_LIMIT + ", was " + query.limit() + "."));
        }
        if (query.after().isPresent() && !query.after().get().sort().equals(query.sort())) {
            out.add(new Violation("/after", ViolationCode.INVALID_VALUE, Map.of(),
                    "The position belongs to another sort than the query's."));
        }
        List<CaseTypeId> named = query.filters().stream()
                .filter(CaseFilter.TypeIs.class::isInstance).map(f -> ((CaseFilter.TypeIs) f).type()).toList();
        Optional<CaseType> type = named.size() == 1 ? types.apply(named.get(0)) : Optional.empty();
        for (int i = 0; i < query.filters().size(); i++) {
            CaseFilter filter = query.filters().get(i);
            if (filter instanceof CaseFilter.TypeIs t && types.apply(t.type()).isEmpty()) {
                out.add(new Violation(path(i, "type"), ViolationCode.INVALID_VALUE, Map.of(),
                        "There is no case type " + t.type().value() + "."));
            }
            check(filter, i, named.size(), type, out);
        }
        return out;
    }

    private static void check(CaseFilter filter, int i, int typesNamed, Optional<CaseType> type, List<Violation> out) {
        if (filter instanceof CaseFilter.IdIn f) {
            values(f.ids().size(), i, out);
        } else if (filter instanceof CaseFilter.PartyIn f) {
            values(f.values().size(), i, out);
            texts(f.values(), i, out);
        } else if (filter instanceof CaseFilter.PriorityIn f) {
            values(f.values().size(), i, out);
        } else if (filter instanceof CaseFilter.StatusIn f) {
            values(f.values().size(), i, out);
            texts(f.values(), i, out);
        } else if (filter instanceof CaseFilter.StateIn f) {
            values(f.values().size(), i, out);
        } else if (filter instanceof CaseFilter.DueDateIn f) {
            if (f.from().isPresent() && f.to().isPresent() && !f.from().get().isBefore(f.to().get())) {
                    emptyRange(i, out);
                }
        } else if (filter instanceof CaseFilter.TimeIn f) {
            if (f.from().isPresent() && f.to().isPresent() && !f.from().get().isBefore(f.to().get())) {
                    emptyRange(i, out);
                }
        } else if (filter instanceof CaseFilter.TitleContains f) {
                if (f.text().isEmpty()) {
                    out.add(new Violation(path(i, "text"), ViolationCode.REQUIRED, Map.of(),
                            "The text to look for is empty."));
                }
                text(f.text(), path(i, "text"), out);
        } else if (filter instanceof CaseFilter.ExtensionIn f) {
            extension(f.field(), i, typesNamed, type, out).ifPresent(def -> {
                if (!EQUALITY_TYPES.contains(def.type())) {
                    wrongFilter(i, def, "equal / in a set", out);
                    return;
                }
                values(f.values().size(), i, out);
                int j = 0;
                for (Value v : f.values()) {
                    boolean fits = def.type() == FieldType.CHECKBOX ? v instanceof Value.Bool : v instanceof Value.Text;
                    if (!fits) {
                        out.add(new Violation(path(i, "values") + "/" + j, ViolationCode.INVALID_TYPE,
                                Map.of("expected", def.type().name()),
                                "The value does not fit the " + def.type() + " field " + def.name() + "."));
                    } else if (v instanceof Value.Text t) {
                        text(t.value(), path(i, "values") + "/" + j, out);
                    }
                    j++;
                }
            });
        } else if (filter instanceof CaseFilter.ExtensionContainsAny f) {
            extension(f.field(), i, typesNamed, type, out).ifPresent(def -> {
                if (def.type() != FieldType.MULTI_PICKLIST) {
                    wrongFilter(i, def, "contains-any", out);
                    return;
                }
                values(f.values().size(), i, out);
                texts(f.values(), i, out);
            });
        } else if (filter instanceof CaseFilter.ExtensionRange f) {
            extension(f.field(), i, typesNamed, type, out).ifPresent(def -> {
                Class<? extends Value> kind = switch (def.type()) {
                    case NUMBER -> Value.Decimal.class;
                    case DATE -> Value.Date.class;
                    case DATETIME -> Value.DateTime.class;
                    default -> null;
                };
                if (kind == null) {
                    wrongFilter(i, def, "range", out);
                    return;
                }
                boolean fromFits = f.from().map(kind::isInstance).orElse(true);
                boolean toFits = f.to().map(kind::isInstance).orElse(true);
                if (!fromFits) {
                    out.add(new Violation(path(i, "from"), ViolationCode.INVALID_TYPE, Map.of("expected", def.type().name()),
                            "The lower bound does not fit the " + def.type() + " field " + def.name() + "."));
                }
                if (!toFits) {
                    out.add(new Violation(path(i, "to"), ViolationCode.INVALID_TYPE, Map.of("expected", def.type().name()),
                            "The upper bound does not fit the " + def.type() + " field " + def.name() + "."));
                }
                if (fromFits && toFits && f.from().isPresent() && f.to().isPresent()
                        && compare(f.from().get(), f.to().get()) >= 0) {
                    emptyRange(i, out);
                }
            });
        } else if (filter instanceof CaseFilter.ExtensionPresent f) {
            extension(f.field(), i, typesNamed, type, out);
        } else if (filter instanceof CaseFilter.TypeIs) {
            // nothing to check
        } else if (filter instanceof CaseFilter.PartyEmpty) {
            // nothing to check
        } else if (filter instanceof CaseFilter.ContactPhoneIs f) {
            text(f.phone(), path(i, "phone"), out);
        } else if (filter instanceof CaseFilter.DueDateEmpty) {
            // nothing to check
        } else if (filter instanceof CaseFilter.ClosedIs) {
            // nothing to check
        }
    }

    private static int compare(Value a, Value b) {
        if (a instanceof Value.Decimal x && b instanceof Value.Decimal y) {
            return x.value().compareTo(y.value());
        }
        if (a instanceof Value.Date x && b instanceof Value.Date y) {
            return x.value().compareTo(y.value());
        }
        return ((Value.DateTime) a).value().compareTo(((Value.DateTime) b).value());
    }

    private static Optional<FieldDefinition> extension(String field, int i, int typesNamed, Optional<CaseType> type,
                                                       List<Violation> out) {
        if (typesNamed != 1) {
            out.add(new Violation(path(i, "field"), ViolationCode.INVALID_VALUE, Map.of("typesNamed", typesNamed),
                    "A filter on an extension field needs the query to name exactly one case type; it names "
                            + typesNamed + "."));
            return Optional.empty();
        }
        if (type.isEmpty()) {
            return Optional.empty(); // the unknown type is reported at its own filter
        }
        Optional<FieldDefinition> def = type.get().field(field);
        if (def.isEmpty()) {
            out.add(new Violation(path(i, "field"), ViolationCode.UNKNOWN_FIELD, Map.of(),
                    "The case type " + type.get().id().value() + " declares no field " + field + "."));
        }
        return def;
    }

    /** The number of values in the filter's set; 0 for a filter without one. */
    private static int valueCount(CaseFilter filter) {
        if (filter instanceof CaseFilter.IdIn f) {
            return f.ids().size();
        } else if (filter instanceof CaseFilter.PartyIn f) {
            return f.values().size();
        } else if (filter instanceof CaseFilter.PriorityIn f) {
            return f.values().size();
        } else if (filter instanceof CaseFilter.StatusIn f) {
            return f.values().size();
        } else if (filter instanceof CaseFilter.StateIn f) {
            return f.values().size();
        } else if (filter instanceof CaseFilter.ExtensionIn f) {
            return f.values().size();
        } else if (filter instanceof CaseFilter.ExtensionContainsAny f) {
            return f.values().size();
        }
        return 0;
    }

    private static void wrongFilter(int i, FieldDefinition def, String filter, List<Violation> out) {
        out.add(new Violation("/filters/" + i, ViolationCode.INVALID_TYPE, Map.of("fieldType", def.type().name()),
                "The field " + def.name() + " is of type " + def.type() + ", to which a filter of the kind "
                        + filter + " does not apply."));
    }

    private static void values(int size, int i, List<Violation> out) {
        if (size == 0) {
            out.add(new Violation(path(i, "values"), ViolationCode.REQUIRED, Map.of(), "The set of values is empty."));
        } else if (size > CaseQuery.MAX_VALUES) {
            out.add(new Violation(path(i, "values"), ViolationCode.TOO_MANY_ITEMS, Map.of("max", CaseQuery.MAX_VALUES),
                    "A filter holds at most " + CaseQuery.MAX_VALUES + " values, this one " + size + "."));
        }
    }

    /** {@link #text} of each value of a set, at {@code /filters/i/values/j} in the set's order. */
    private static void texts(Set<String> values, int i, List<Violation> out) {
        int j = 0;
        for (String v : values) {
            text(v, path(i, "values") + "/" + j++, out);
        }
    }

    /**
     * A text no case holds (U+0000, a lone surrogate) is a violation, never an empty result: on
     * PostgreSQL it could not even be sent (our decision, as the wire's {@code invalid_characters}).
     */
    private static void text(String value, String path, List<Violation> out) {
        int bad = RefusedCharacters.indexIn(value);
        if (bad >= 0) {
            out.add(new Violation(path, ViolationCode.INVALID_CHARACTERS,
                    Map.of("index", (long) bad, "character", RefusedCharacters.describe(value, bad)),
                    "The text holds " + RefusedCharacters.describe(value, bad) + " at index " + bad
                            + ", a character no case holds (U+0000 or half of a surrogate pair)."));
        }
    }

    private static void emptyRange(int i, List<Violation> out) {
        out.add(new Violation(path(i, "from"), ViolationCode.INVALID_VALUE, Map.of(),
                "The lower bound is not below the upper bound (from is inclusive, to exclusive)."));
    }

    private static String path(int i, String part) {
        return "/filters/" + i + "/" + JsonPointers.escape(part);
    }
}

package io.casekit.core.query;

import io.casekit.core.Case;
import io.casekit.core.CaseId;
import io.casekit.core.CaseTypeId;
import io.casekit.core.Priority;
import io.casekit.core.Value;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One condition of a {@link CaseQuery}; a query's filters combine with AND. Each record defines its
 * meaning in {@link #test(Case)}, the reference a store matches (and the kit checks, with its own
 * brute-force model).
 *
 * <p>Ranges are half-open, our decision for every range: {@code from} inclusive, {@code to}
 * exclusive, either may be open; "before x" is {@code to = x}, "from x on" is {@code from = x}. A
 * case whose value is empty never matches a range. The records only refuse {@code null}; what a valid
 * query may hold (non-empty sets, at most {@link CaseQuery#MAX_VALUES} values, {@code from < to},
 * declared extension fields of the right type) is checked by the service, which reports each fault
 * as a violation at {@code /filters/<index>/...}.
 */
public sealed interface CaseFilter {

    /** Whether the case matches. */
    boolean test(Case c);

    /** The standard string fields a filter may compare. */
    enum Party {
        OWNER_ID("ownerId", Case::ownerId),
        CONTACT_ID("contactId", Case::contactId),
        /** Never empty: {@link PartyEmpty} on it matches nothing. */
        CREATED_BY("createdBy", c -> Optional.of(c.createdBy()));

        private final String wireName;
        private final Function<Case, Optional<String>> getter;

        Party(String wireName, Function<Case, Optional<String>> getter) {
            this.wireName = wireName;
            this.getter = getter;
        }

        /** The field's wire name. */
        public String wireName() {
            return wireName;
        }

        /** The field's value on a case. */
        public Optional<String> of(Case c) {
            return getter.apply(c);
        }
    }

    /** The instants a filter may bound. */
    enum Time {
        CREATED_AT,
        UPDATED_AT;

        /** The field's value on a case. */
        public Instant of(Case c) {
            return this == CREATED_AT ? c.createdAt() : c.updatedAt();
        }
    }

    /** The case id is one of {@code ids}. */
    record IdIn(Set<CaseId> ids) implements CaseFilter {
        public IdIn {
            ids = copy(ids);
        }

        @Override
        public boolean test(Case c) {
            return ids.contains(c.id());
        }
    }

    /** The case is of this type. */
    record TypeIs(CaseTypeId type) implements CaseFilter {
        public TypeIs {
            Objects.requireNonNull(type, "type");
        }

        @Override
        public boolean test(Case c) {
            return c.typeId().equals(type);
        }
    }

    /** The field equals one of {@code values}, exactly (no case folding); an empty field never matches. */
    record PartyIn(Party field, Set<String> values) implements CaseFilter {
        public PartyIn {
            Objects.requireNonNull(field, "field");
            values = copy(values);
        }

        @Override
        public boolean test(Case c) {
            return field.of(c).map(values::contains).orElse(false);
        }
    }

    /** The field is empty. */
    record PartyEmpty(Party field) implements CaseFilter {
        public PartyEmpty {
            Objects.requireNonNull(field, "field");
        }

        @Override
        public boolean test(Case c) {
            return field.of(c).isEmpty();
        }
    }

    /** {@code contactPhone} equals {@code phone} exactly. */
    record ContactPhoneIs(String phone) implements CaseFilter {
        public ContactPhoneIs {
            Objects.requireNonNull(phone, "phone");
        }

        @Override
        public boolean test(Case c) {
            return c.contactPhone().map(phone::equals).orElse(false);
        }
    }

    /** The status is one of {@code values}, compared exactly (a status name of the case's type). */
    record StatusIn(Set<String> values) implements CaseFilter {
        public StatusIn {
            values = copy(values);
        }

        @Override
        public boolean test(Case c) {
            return values.contains(c.status());
        }
    }

    /** The state is one of {@code values}. */
    record StateIn(Set<io.casekit.core.CaseState> values) implements CaseFilter {
        public StateIn {
            values = copy(values);
        }

        @Override
        public boolean test(Case c) {
            return values.contains(c.state());
        }
    }

    /**
     * The case is closed ({@link Case#closedAt()} present) or open: what {@code StateIn(COMPLETED)}
     * can not tell, since a status of the flow may mean Completed before the case is closed.
     */
    record ClosedIs(boolean closed) implements CaseFilter {
        @Override
        public boolean test(Case c) {
            return c.closedAt().isPresent() == closed;
        }
    }

    /** The priority is one of {@code values}; an empty priority never matches. */
    record PriorityIn(Set<Priority> values) implements CaseFilter {
        public PriorityIn {
            values = copy(values);
        }

        @Override
        public boolean test(Case c) {
            return c.priority().map(values::contains).orElse(false);
        }
    }

    /** {@code from <= dueDate < to}; an empty {@code dueDate} never matches. */
    record DueDateIn(Optional<LocalDateTime> from, Optional<LocalDateTime> to) implements CaseFilter {
        public DueDateIn {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public boolean test(Case c) {
            return c.dueDate().map(d -> from.map(f -> !d.isBefore(f)).orElse(true)
                    && to.map(d::isBefore).orElse(true)).orElse(false);
        }
    }

    /** {@code dueDate} is empty. */
    record DueDateEmpty() implements CaseFilter {
        @Override
        public boolean test(Case c) {
            return c.dueDate().isEmpty();
        }
    }

    /** {@code from <= field < to}. */
    record TimeIn(Time field, Optional<Instant> from, Optional<Instant> to) implements CaseFilter {
        public TimeIn {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public boolean test(Case c) {
            Instant t = field.of(c);
            return from.map(f -> !t.isBefore(f)).orElse(true) && to.map(t::isBefore).orElse(true);
        }
    }

    /**
     * The title contains {@code text}, case-insensitively: both are folded code point by code point
     * with {@link Character#toLowerCase(int)} (Unicode's simple lower-case mapping, no locale, no
     * special casing: {@code İ} (U+0130) folds to {@code i}, {@code ẞ} to {@code ß}, {@code ß} stays), then
     * compared as plain text. {@code %}, {@code _} and {@code \} match only themselves; a SQL store
     * escapes them in its {@code LIKE} pattern and folds with {@code LOWER()}.
     */
    record TitleContains(String text) implements CaseFilter {
        public TitleContains {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public boolean test(Case c) {
            return fold(c.title()).contains(fold(text));
        }

        /** The folding of {@link TitleContains}: {@link Character#toLowerCase(int)} per code point. */
        public static String fold(String s) {
            StringBuilder out = new StringBuilder(s.length());
            s.codePoints().forEach(cp -> out.appendCodePoint(Character.toLowerCase(cp)));
            return out.toString();
        }
    }

    /**
     * The extension field's value equals one of {@code values}: for PICKLIST, TEXT, EMAIL and PHONE
     * fields {@link Value.Text}s compared exactly, for CHECKBOX {@link Value.Bool}s. A case without the
     * field never matches.
     */
    record ExtensionIn(String field, Set<Value> values) implements CaseFilter {
        public ExtensionIn {
            Objects.requireNonNull(field, "field");
            values = copy(values);
        }

        @Override
        public boolean test(Case c) {
            Value v = c.extensions().get(field);
            return v != null && values.contains(v);
        }
    }

    /** The MULTI_PICKLIST field holds at least one of {@code values}. */
    record ExtensionContainsAny(String field, Set<String> values) implements CaseFilter {
        public ExtensionContainsAny {
            Objects.requireNonNull(field, "field");
            values = copy(values);
        }

        @Override
        public boolean test(Case c) {
            return c.extensions().get(field) instanceof Value.TextList list
                    && list.values().stream().anyMatch(values::contains);
        }
    }

    /**
     * {@code from <= field < to} for a NUMBER ({@link Value.Decimal}, compared exactly by value:
     * {@code 1.0} equals {@code 1.00}), DATE ({@link Value.Date}) or DATETIME ({@link Value.DateTime})
     * field. A case without the field never matches.
     */
    record ExtensionRange(String field, Optional<Value> from, Optional<Value> to) implements CaseFilter {
        public ExtensionRange {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public boolean test(Case c) {
            Value v = c.extensions().get(field);
            if (v == null || !from.map(f -> sameKind(v, f)).orElse(true) || !to.map(t -> sameKind(v, t)).orElse(true)) {
                return false;
            }
            return from.map(f -> compareRangeValues(v, f) >= 0).orElse(true)
                    && to.map(t -> compareRangeValues(v, t) < 0).orElse(true);
        }

        // A stored value of another kind than the bound (a field whose type changed) never matches.
        private static boolean sameKind(Value v, Value bound) {
            return v.getClass() == bound.getClass();
        }

        private static int compareRangeValues(Value v, Value bound) {
            if (v instanceof Value.Decimal a && bound instanceof Value.Decimal b) {
                BigDecimal x = a.value();
                return x.compareTo(b.value());
            }
            if (v instanceof Value.Date a && bound instanceof Value.Date b) {
                return a.value().compareTo(b.value());
            }
            if (v instanceof Value.DateTime a && bound instanceof Value.DateTime b) {
                return a.value().compareTo(b.value());
            }
            throw new IllegalArgumentException("not a range value: " + bound);
        }
    }

    /** The extension field has a value ({@code present}) or has none ({@code !present}); any field type. */
    record ExtensionPresent(String field, boolean present) implements CaseFilter {
        public ExtensionPresent {
            Objects.requireNonNull(field, "field");
        }

        @Override
        public boolean test(Case c) {
            return c.extensions().containsKey(field) == present;
        }
    }

    private static <T> Set<T> copy(Set<T> values) {
        LinkedHashSet<T> copy = new LinkedHashSet<>();
        for (T v : values) {
            copy.add(Objects.requireNonNull(v, "value"));
        }
        return Collections.unmodifiableSet(copy);
    }
}

package io.casekit.store.tck;

import io.casekit.core.Case;
import io.casekit.core.Value;
import io.casekit.core.query.CaseFilter;
import io.casekit.core.query.CaseQuery;
import io.casekit.core.query.Direction;
import io.casekit.core.query.SortKey;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The kit's brute-force model of a query, written apart from the core's reference on purpose (so
 * that a mistake in one is not copied into the check): filter a list, sort it, count it.
 */
final class QueryModel {
    private QueryModel() {}

    static List<Case> evaluate(List<Case> all, CaseQuery query) {
        return all.stream().filter(c -> query.filters().stream().allMatch(f -> matches(f, c)))
                .sorted(order(query)).toList();
    }

    static boolean matches(CaseFilter f, Case c) {
        if (f instanceof CaseFilter.IdIn x) {
            return x.ids().contains(c.id());
        } else if (f instanceof CaseFilter.TypeIs x) {
            return c.typeId().equals(x.type());
        } else if (f instanceof CaseFilter.PartyIn x) {
            Optional<String> v = party(x.field(), c);
            return v.isPresent() && x.values().contains(v.get());
        } else if (f instanceof CaseFilter.PartyEmpty x) {
            return party(x.field(), c).isEmpty();
        } else if (f instanceof CaseFilter.ContactPhoneIs x) {
            return c.contactPhone().equals(Optional.of(x.phone()));
        } else if (f instanceof CaseFilter.StatusIn x) {
            return x.values().contains(c.status());
        } else if (f instanceof CaseFilter.ClosedIs x) {
            return c.closedAt().isPresent() == x.closed();
        } else if (f instanceof CaseFilter.StateIn x) {
            return x.values().contains(c.state());
        } else if (f instanceof CaseFilter.PriorityIn x) {
            return c.priority().isPresent() && x.values().contains(c.priority().get());
        } else if (f instanceof CaseFilter.DueDateIn x) {
            if (c.dueDate().isEmpty()) {
                return false;
            }
            var d = c.dueDate().get();
            return (x.from().isEmpty() || d.compareTo(x.from().get()) >= 0) && (x.to().isEmpty() || d.compareTo(x.to().get()) < 0);
        } else if (f instanceof CaseFilter.DueDateEmpty) {
            return c.dueDate().isEmpty();
        } else if (f instanceof CaseFilter.TimeIn x) {
            var t = x.field() == CaseFilter.Time.CREATED_AT ? c.createdAt() : c.updatedAt();
            return (x.from().isEmpty() || t.compareTo(x.from().get()) >= 0) && (x.to().isEmpty() || t.compareTo(x.to().get()) < 0);
        } else if (f instanceof CaseFilter.TitleContains x) {
            return lower(c.title()).indexOf(lower(x.text())) >= 0;
        } else if (f instanceof CaseFilter.ExtensionIn x) {
            Value v = c.extensions().get(x.field());
            return v != null && x.values().contains(v);
        } else if (f instanceof CaseFilter.ExtensionContainsAny x) {
            return c.extensions().get(x.field()) instanceof Value.TextList l
                    && l.values().stream().anyMatch(x.values()::contains);
        } else if (f instanceof CaseFilter.ExtensionRange x) {
            Value v = c.extensions().get(x.field());
            return v != null && x.from().map(b -> cmp(v, b) >= 0).orElse(true) && x.to().map(b -> cmp(v, b) < 0).orElse(true);
        } else if (f instanceof CaseFilter.ExtensionPresent x) {
            return c.extensions().containsKey(x.field()) == x.present();
        }
        throw new IllegalArgumentException("the model does not know " + f);
    }

    static Comparator<Case> order(CaseQuery query) {
        boolean asc = query.sort().direction() == Direction.ASC;
        SortKey key = query.sort().key();
        return (a, b) -> {
            Optional<? extends Comparable<?>> va = key(key, a);
            Optional<? extends Comparable<?>> vb = key(key, b);
            if (va.isPresent() != vb.isPresent()) {
                return va.isPresent() ? -1 : 1;
            }
            int c = 0;
            if (va.isPresent()) {
                @SuppressWarnings({"unchecked", "rawtypes"})
                int r = ((Comparable) va.get()).compareTo(vb.get());
                c = r;
            }
            if (c == 0) {
                c = a.id().value().compareTo(b.id().value());
            }
            return asc ? c : -c;
        };
    }

    private static Optional<? extends Comparable<?>> key(SortKey key, Case c) {
        return switch (key) {
            case CREATED_AT -> Optional.of(c.createdAt());
            case UPDATED_AT -> Optional.of(c.updatedAt());
            case DUE_DATE -> c.dueDate();
            case PRIORITY -> c.priority().map(p -> List.of("Low", "Medium", "High", "Critical").indexOf(p.wireName()));
            // Code point order; the kit's titles are in the BMP below the surrogates or are supplementary,
            // so comparing the code point arrays is the model.
            case TITLE -> Optional.of(new CodePoints(c.title()));
        };
    }

    private record CodePoints(String text) implements Comparable<CodePoints> {
        @Override
        public int compareTo(CodePoints o) {
            return java.util.Arrays.compare(text.codePoints().toArray(), o.text.codePoints().toArray());
        }
    }

    private static Optional<String> party(CaseFilter.Party p, Case c) {
        return switch (p) {
            case OWNER_ID -> c.ownerId();
            case CONTACT_ID -> c.contactId();
            case CREATED_BY -> Optional.of(c.createdBy());
        };
    }

    private static String lower(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().map(Character::toLowerCase).forEach(b::appendCodePoint);
        return b.toString();
    }

    private static int cmp(Value v, Value bound) {
        if (v instanceof Value.Decimal a && bound instanceof Value.Decimal b) {
            return a.value().compareTo(b.value());
        }
        if (v instanceof Value.Date a && bound instanceof Value.Date b) {
            return a.value().compareTo(b.value());
        }
        if (v instanceof Value.DateTime a && bound instanceof Value.DateTime b) {
            return a.value().compareTo(b.value());
        }
        throw new IllegalArgumentException("the kit compares values of one kind only");
    }

}

package io.casekit.store.tck;

import io.casekit.core.Case;
import io.casekit.core.CaseConflictException;
import io.casekit.core.CaseId;
import io.casekit.core.CaseNotFoundException;
import io.casekit.core.DuplicateCaseException;
import io.casekit.core.FieldChange;
import io.casekit.core.HistoryEntry;
import io.casekit.core.TenantId;
import io.casekit.core.Value;
import io.casekit.core.spi.CaseStore;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A plain, correct store, and the mistakes a careless store makes, one at a time, to prove that the
 * kit catches each of them. Correct: every method holds the store's lock.
 */
final class FaultyStore implements CaseStore {

    /** One mistake the store makes. */
    enum Fault {
        NONE,
        /** Update ignores the expected version. */
        NO_COMPARE_AND_SET,
        /** Update checks the version, then writes, without holding the lock in between. */
        RACY_COMPARE_AND_SET,
        /** A conflict does not say the stored version. */
        CONFLICT_WITHOUT_VERSION,
        /** Cases are keyed by id alone. */
        IGNORES_TENANT,
        /** Ids are compared ignoring letter case, as a case-insensitive collation does. */
        CASE_INSENSITIVE_IDS,
        /** Update of a missing case inserts it. */
        UPSERTS,
        /** Insert of an existing id replaces the case. */
        DUPLICATE_REPLACES,
        /** Update does not append the history entry. */
        FORGETS_HISTORY,
        /** Update writes the case, then the history entry, as two steps. */
        HISTORY_AFTER_STATE,
        /** History hands out the store's own list. */
        SHARES_HISTORY_LIST,
        /** The changes of an entry are stored sorted by field. */
        LOSES_CHANGE_ORDER,
        /** Texts are cut at 10,000 characters. */
        TRUNCATES_LONG_TEXT,
        /** Texts are trimmed. */
        TRIMS_TEXT,
        /** Texts are normalised to NFC. */
        NORMALISES_TEXT,
        /** Texts are normalised to NFD, as some file systems and Unicode libraries do. */
        DECOMPOSES_TEXT,
        /** Characters outside the BMP (4 bytes in UTF-8) are dropped, as a 3-byte "utf8" column does. */
        DROPS_4_BYTE_CHARACTERS,
        /** Invisible format characters (zero-width, BOM, bidi controls) are stripped by a sanitiser. */
        STRIPS_INVISIBLE_CHARACTERS,
        /** Markup is escaped on the way in, as an over-eager HTML sanitiser does. */
        ESCAPES_MARKUP,
        /** CRLF and CR become LF, as a text-mode write does. */
        CONVERTS_LINE_BREAKS,
        /** Decimals lose trailing zeros. */
        DROPS_DECIMAL_SCALE,
        /** Decimals go through a double. */
        DECIMALS_THROUGH_DOUBLE,
        /** Local date-times are stored as instants of the JVM's default zone. */
        DATE_TIMES_THROUGH_DEFAULT_ZONE,
        /** Instants are stored to the second. */
        INSTANTS_TO_SECONDS,
        /** A session returns without running its work. */
        SESSION_SKIPS_WORK,
        /** A session hands back null where its work failed. */
        SESSION_SWALLOWS_FAILURES,
        /** A session is one transaction: when its work fails, the writes made in it are undone. */
        SESSION_UNDOES_WRITES_ON_FAILURE,
        /** After-commit actions are dropped, so a listener never hears of a change. */
        DROPS_AFTER_COMMIT,
        /** After-commit actions run twice, so a listener hears of a change twice. */
        REPEATS_AFTER_COMMIT,
        /** A page starts at the version given instead of after it ({@code >=} for {@code >}), repeating it. */
        PAGE_REPEATS_BOUNDARY,
        /** A page starts one past the version after the one given, leaving a gap between pages. */
        PAGE_SKIPS_BOUNDARY,
        /** A page holds one entry more than the limit. */
        PAGE_EXCEEDS_LIMIT,
        /** A page accepts any position and limit (a negative limit gives an empty page). */
        PAGE_UNCHECKED_ARGUMENTS,
        /** Erase removes the case and leaves its history behind. */
        ERASE_KEEPS_HISTORY,
        /** Erase removes the case of that id in every tenant. */
        ERASE_IGNORES_TENANT,
        /** History entries are kept without their kind and remark, as a store written before the lifecycle does. */
        DROPS_KIND_AND_REMARK
    }

    private record Key(String tenant, String id) {}

    private final Fault fault;
    private final Map<Key, Case> cases = new HashMap<>();
    private final Map<Key, List<HistoryEntry>> histories = new HashMap<>();

    FaultyStore(Fault fault) {
        this.fault = fault;
    }

    private Key key(TenantId tenant, CaseId id) {
        String t = fault == Fault.IGNORES_TENANT ? "" : tenant.value();
        String i = fault == Fault.CASE_INSENSITIVE_IDS ? id.value().toLowerCase(Locale.ROOT) : id.value();
        return new Key(t, i);
    }

    @Override
    public <T> T inSession(Supplier<T> work) {
        switch (fault) {
            case SESSION_SKIPS_WORK -> {
                return null;
            }
            case SESSION_SWALLOWS_FAILURES -> {
                try {
                    return work.get();
                } catch (RuntimeException e) {
                    return null;
                }
            }
            case SESSION_UNDOES_WRITES_ON_FAILURE -> {
                Map<Key, Case> casesBefore;
                Map<Key, List<HistoryEntry>> historiesBefore = new HashMap<>();
                synchronized (this) {
                    casesBefore = new HashMap<>(cases);
                    histories.forEach((key, entries) -> historiesBefore.put(key, new ArrayList<>(entries)));
                }
                try {
                    return work.get();
                } catch (RuntimeException e) {
                    synchronized (this) {
                        cases.clear();
                        cases.putAll(casesBefore);
                        histories.clear();
                        histories.putAll(historiesBefore);
                    }
                    throw e;
                }
            }
            default -> {
                return work.get();
            }
        }
    }

    @Override
    public void afterCommit(Runnable action) {
        switch (fault) {
            case DROPS_AFTER_COMMIT -> { }
            case REPEATS_AFTER_COMMIT -> {
                action.run();
                action.run();
            }
            default -> action.run();
        }
    }

    @Override
    public synchronized Optional<Case> find(TenantId tenant, CaseId id) {
        return Optional.ofNullable(cases.get(key(tenant, id))).map(this::read);
    }

    @Override
    public synchronized void insert(Case created, HistoryEntry creation) {
        CaseStore.checkInsert(created, creation);
        Key key = key(created.tenant(), created.id());
        if (cases.containsKey(key) && fault != Fault.DUPLICATE_REPLACES) {
            throw new DuplicateCaseException(created.id());
        }
        cases.put(key, write(created));
        histories.put(key, new ArrayList<>(List.of(write(creation))));
    }

    @Override
    public void update(Case updated, long expectedVersion, HistoryEntry entry) {
        CaseStore.checkUpdate(updated, expectedVersion, entry);
        Key key = key(updated.tenant(), updated.id());
        synchronized (this) {
            Case stored = cases.get(key);
            if (stored == null) {
                if (fault != Fault.UPSERTS) {
                    throw new CaseNotFoundException(updated.id());
                }
                histories.put(key, new ArrayList<>());
            } else if (stored.version() != expectedVersion && fault != Fault.NO_COMPARE_AND_SET) {
                if (fault == Fault.CONFLICT_WITHOUT_VERSION) {
                    throw new CaseConflictException(updated.id(), expectedVersion, new IllegalStateException());
                }
                throw new CaseConflictException(updated.id(), expectedVersion, stored.version());
            }
            if (fault != Fault.RACY_COMPARE_AND_SET) {
                cases.put(key, write(updated));
                if (fault != Fault.FORGETS_HISTORY && fault != Fault.HISTORY_AFTER_STATE) {
                    histories.get(key).add(write(entry));
                }
                if (fault != Fault.HISTORY_AFTER_STATE) {
                    return;
                }
            }
        }
        // The faulty second step: the write after the check, or the history after the case.
        Thread.yield();
        synchronized (this) {
            if (fault == Fault.RACY_COMPARE_AND_SET) {
                cases.put(key, write(updated));
            }
            histories.get(key).add(write(entry));
        }
    }

    @Override
    public synchronized boolean erase(TenantId tenant, CaseId id) {
        if (fault == Fault.ERASE_IGNORES_TENANT) {
            boolean found = cases.keySet().stream().anyMatch(k -> k.id().equals(id.value()));
            cases.keySet().removeIf(k -> k.id().equals(id.value()));
            histories.keySet().removeIf(k -> k.id().equals(id.value()));
            return found;
        }
        if (fault != Fault.ERASE_KEEPS_HISTORY) {
            histories.remove(key(tenant, id));
        }
        return cases.remove(key(tenant, id)) != null;
    }

    @Override
    public synchronized List<HistoryEntry> history(TenantId tenant, CaseId id) {
        List<HistoryEntry> history = histories.getOrDefault(key(tenant, id), List.of());
        if (fault == Fault.SHARES_HISTORY_LIST) {
            return history;
        }
        return history.stream().map(this::read).toList();
    }

    @Override
    public synchronized List<HistoryEntry> historyPage(TenantId tenant, CaseId id, long afterVersion, int limit) {
        if (fault != Fault.PAGE_UNCHECKED_ARGUMENTS) {
            CaseStore.checkHistoryPage(tenant, id, afterVersion, limit);
        }
        // Compared as "greater than" so that no position overflows, Long.MAX_VALUE included.
        long after = switch (fault) {
            case PAGE_REPEATS_BOUNDARY -> afterVersion - 1;
            case PAGE_SKIPS_BOUNDARY -> afterVersion + 1;
            default -> afterVersion;
        };
        long most = fault == Fault.PAGE_EXCEEDS_LIMIT ? limit + 1L : Math.max(0, limit);
        return histories.getOrDefault(key(tenant, id), List.of()).stream()
                .filter(e -> e.version() > after).limit(most).map(this::read).toList();
    }

    // What a careless store does to values on the way in and out.

    private Case write(Case c) {
        return mapValues(c, this::store);
    }

    private Case read(Case c) {
        return mapValues(c, this::load);
    }

    private HistoryEntry write(HistoryEntry e) {
        List<FieldChange> changes = new ArrayList<>();
        for (FieldChange change : e.changes()) {
            changes.add(new FieldChange(change.field(), change.oldValue().map(this::store),
                    change.newValue().map(this::store)));
        }
        if (fault == Fault.LOSES_CHANGE_ORDER) {
            changes.sort(Comparator.comparing(FieldChange::field));
        }
        if (fault == Fault.DROPS_KIND_AND_REMARK) {
            return new HistoryEntry(e.tenant(), e.caseId(), e.version(), instant(e.at()), e.actor(), changes);
        }
        return new HistoryEntry(e.tenant(), e.caseId(), e.version(), instant(e.at()), e.actor(), changes, e.kind(),
                e.remark().map(this::text));
    }

    private HistoryEntry read(HistoryEntry e) {
        List<FieldChange> changes = new ArrayList<>();
        for (FieldChange change : e.changes()) {
            changes.add(new FieldChange(change.field(), change.oldValue().map(this::load),
                    change.newValue().map(this::load)));
        }
        return new HistoryEntry(e.tenant(), e.caseId(), e.version(), e.at(), e.actor(), changes, e.kind(), e.remark());
    }

    private Value store(Value value) {
        if (value instanceof Value.Text t) {
            return Value.text(text(t.value()));
        } else if (value instanceof Value.Decimal d) {
            return Value.decimal(decimal(d.value()));
        } else if (value instanceof Value.DateTime d && fault == Fault.DATE_TIMES_THROUGH_DEFAULT_ZONE) {
            // As a TIMESTAMP column written through the JVM's zone holds it: as UTC wall time.
            return Value.dateTime(LocalDateTime.ofInstant(d.value().atZone(ZoneId.systemDefault()).toInstant(),
                    ZoneOffset.UTC));
        }
        return value;
    }

    private Value load(Value value) {
        if (value instanceof Value.DateTime d && fault == Fault.DATE_TIMES_THROUGH_DEFAULT_ZONE) {
            return Value.dateTime(LocalDateTime.ofInstant(d.value().toInstant(ZoneOffset.UTC), ZoneId.systemDefault()));
        }
        return value;
    }

    private String text(String s) {
        return switch (fault) {
            case TRUNCATES_LONG_TEXT -> s.length() > 10_000 ? s.substring(0, 10_000) : s;
            case TRIMS_TEXT -> s.strip();
            case NORMALISES_TEXT -> Normalizer.normalize(s, Normalizer.Form.NFC);
            case DECOMPOSES_TEXT -> Normalizer.normalize(s, Normalizer.Form.NFD);
            case DROPS_4_BYTE_CHARACTERS -> s.codePoints().filter(Character::isBmpCodePoint)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            case STRIPS_INVISIBLE_CHARACTERS -> s.codePoints().filter(cp -> Character.getType(cp) != Character.FORMAT)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            case ESCAPES_MARKUP -> s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
            case CONVERTS_LINE_BREAKS -> s.replace("\r\n", "\n").replace('\r', '\n');
            default -> s;
        };
    }

    private BigDecimal decimal(BigDecimal d) {
        return switch (fault) {
            case DROPS_DECIMAL_SCALE -> d.stripTrailingZeros();
            case DECIMALS_THROUGH_DOUBLE -> new BigDecimal(d.doubleValue());
            default -> d;
        };
    }

    private Instant instant(Instant at) {
        return fault == Fault.INSTANTS_TO_SECONDS ? at.truncatedTo(ChronoUnit.SECONDS) : at;
    }

    private Case mapValues(Case c, UnaryOperator<Value> f) {
        Case result = c;
        for (String field : Cases.fieldsOf(c)) {
            result = result.with(field, c.value(field).map(f));
        }
        return result.toBuilder().createdAt(instant(result.createdAt())).updatedAt(instant(result.updatedAt())).build();
    }
}

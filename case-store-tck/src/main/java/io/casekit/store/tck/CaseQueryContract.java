package io.casekit.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.Case;
import io.casekit.core.CaseId;
import io.casekit.core.CaseTypeId;
import io.casekit.core.FieldChange;
import io.casekit.core.HistoryEntry;
import io.casekit.core.Priority;
import io.casekit.core.TenantId;
import io.casekit.core.Value;
import io.casekit.core.query.CaseFilter;
import io.casekit.core.query.CasePage;
import io.casekit.core.query.CaseQuery;
import io.casekit.core.query.Direction;
import io.casekit.core.query.SortKey;
import io.casekit.core.spi.CaseQueries;
import io.casekit.core.spi.CaseStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The query section of the kit, for a store that implements {@link CaseQueries} next to
 * {@link CaseStore}. Not part of {@link CaseStoreContract}, which every store passes: a store's test
 * extends this class as well, in a class of its own, when the store can answer queries:
 *
 * <pre>{@code
 * class MyCaseStoreQueryTest extends CaseQueryContract {
 *     protected CaseStore newStore() { return new MyCaseStore(freshDatabase()); }
 * }
 * }</pre>
 *
 * <p>The kit writes cases straight into the store (no service, no catalog) and asks the store's
 * {@link CaseQueries} with valid queries only, as the service would. Random cases in two tenants and
 * random queries must give the same pages, in the same order, and the same counts as the kit's own
 * brute-force model ({@code QueryModel}); the examples pin down tenant isolation, {@code %}, {@code _}
 * and {@code \} in text, ties at a page boundary, empty values in every order, the extension types and
 * paging while other threads insert and update. Runs on jqwik; {@link #newStore()} is asked once per
 * try or example and must return an empty store.
 */
public abstract class CaseQueryContract {
    static final TenantId TENANT = TenantId.of("tenant-a");
    static final TenantId OTHER = TenantId.of("tenant-b");
    static final CaseTypeId OTHER_TYPE = CaseTypeId.of("request");
    static final Instant T0 = Instant.parse("2024-06-20T08:00:00.123Z");
    /** Writes per writer thread while the kit pages: bounded, so that a walk ends on a slow store too. */
    private static final int WRITES = 400;

    /** A new, empty store that also implements {@link CaseQueries}. */
    protected abstract CaseStore newStore();

    private CaseStore store() {
        CaseStore store = newStore();
        assertThat(store).as("a store under the query contract implements CaseQueries").isInstanceOf(CaseQueries.class);
        return store;
    }

    private static CaseQueries queries(CaseStore store) {
        return (CaseQueries) store;
    }

    // --- the brute-force property --------------------------------------------------------------

    /** Random cases and random queries: every page and the count match the kit's brute-force model. */
    @Property(tries = 150)
    public void pagesAndCountsMatchTheModel(@ForAll long seed) {
        Random r = new Random(seed);
        CaseStore store = store();
        List<Case> all = new ArrayList<>();
        int n = r.nextInt(40);
        for (int i = 0; i < n; i++) {
            Case c = randomCase(r, r.nextInt(5) == 0 ? OTHER : TENANT, "c" + i);
            store.insert(c, Cases.creation(c));
            all.add(c);
        }
        for (int q = 0; q < 5; q++) {
            CaseQuery query = randomQuery(r);
            List<Case> expected = QueryModel.evaluate(all.stream().filter(c -> c.tenant().equals(TENANT)).toList(), query);
            assertThat(walk(store, query)).as("pages of %s", query).containsExactlyElementsOf(ids(expected));
            assertThat(queries(store).count(TENANT, query)).as("count of %s", query).isEqualTo(expected.size());
        }
    }

    // --- examples ------------------------------------------------------------------------------

    /** Another tenant's cases never show, not in a page, not in a count, even with the same ids and values. */
    @Example
    public void otherTenantsCasesNeverShow() {
        CaseStore store = store();
        for (int i = 0; i < 5; i++) {
            insert(store, Cases.minimal(OTHER, "x" + i));
        }
        insert(store, Cases.minimal(TENANT, "x1"));
        insert(store, Cases.minimal(OTHER, "only-other"));
        CaseQuery all = CaseQuery.builder().limit(2).build();
        assertThat(walk(store, all)).containsExactly("x1");
        assertThat(queries(store).count(TENANT, all)).isEqualTo(1);
        CaseQuery byId = CaseQuery.builder().idIn(CaseId.of("only-other"), CaseId.of("x2")).build();
        assertThat(queries(store).page(TENANT, byId).cases()).isEmpty();
        assertThat(queries(store).count(TENANT, byId)).isZero();
        assertThat(queries(store).count(TenantId.of("tenant-c"), all)).isZero();
    }

    /** {@code %}, {@code _} and {@code \} in a title filter match only themselves, case-insensitively elsewhere. */
    @Example
    public void likeCharactersMatchOnlyThemselves() {
        CaseStore store = store();
        Map<String, String> titles = Map.of("p", "100% done", "q", "1000 done", "u", "a_b", "v", "axb",
                "b", "a\\b", "w", "ab", "e", "ÄRGER über Öl", "s", "\\%_");
        titles.forEach((id, title) -> insert(store, Cases.titled(Cases.minimal(TENANT, id), title)));
        assertThat(titleMatches(store, "%")).containsExactlyInAnyOrder("p", "s");
        assertThat(titleMatches(store, "0%")).containsExactly("p");
        assertThat(titleMatches(store, "_")).containsExactlyInAnyOrder("u", "s");
        assertThat(titleMatches(store, "a_")).containsExactly("u");
        assertThat(titleMatches(store, "\\")).containsExactlyInAnyOrder("b", "s");
        assertThat(titleMatches(store, "a\\b")).containsExactly("b");
        assertThat(titleMatches(store, "\\%_")).containsExactly("s");
        assertThat(titleMatches(store, "äRGER ÜBER öL")).containsExactly("e");
        assertThat(titleMatches(store, "DONE")).containsExactlyInAnyOrder("p", "q");
    }

    /** Many cases with one sort value: a page boundary inside the tie skips and repeats nothing. */
    @Example
    public void tiesAtAPageBoundary() {
        CaseStore store = store();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            insert(store, Cases.minimal(TENANT, "t" + i)); // all created at the same instant, same title
            ids.add("t" + i);
        }
        for (SortKey key : SortKey.values()) {
            for (Direction d : Direction.values()) {
                for (int limit = 1; limit <= 4; limit++) {
                    CaseQuery q = CaseQuery.builder().sort(key, d).limit(limit).build();
                    List<String> expected = new ArrayList<>(ids);
                    if (d == Direction.DESC) {
                        java.util.Collections.reverse(expected);
                    }
                    assertThat(walk(store, q)).as("%s %s limit %d", key, d, limit).containsExactlyElementsOf(expected);
                }
            }
        }
    }

    /** An empty dueDate or priority sorts last in both directions, and paging through the empties is exact. */
    @Example
    public void emptyValuesSortLast() {
        CaseStore store = store();
        insert(store, with(Cases.minimal(TENANT, "e1"), "dueDate", null));
        insert(store, with(Cases.minimal(TENANT, "d1"), "dueDate", Value.dateTime(LocalDateTime.of(2024, 1, 1, 0, 0))));
        insert(store, with(Cases.minimal(TENANT, "e2"), "dueDate", null));
        insert(store, with(Cases.minimal(TENANT, "d2"), "dueDate", Value.dateTime(LocalDateTime.of(2024, 1, 2, 0, 0))));
        insert(store, with(with(Cases.minimal(TENANT, "p3"), "priority", Value.text("Critical")), "dueDate", null));
        insert(store, with(Cases.minimal(TENANT, "p1"), "priority", Value.text("Low")));
        insert(store, with(Cases.minimal(TENANT, "p2"), "priority", Value.text("High")));
        for (int limit = 1; limit <= 3; limit++) {
            assertThat(walk(store, CaseQuery.builder().sort(SortKey.DUE_DATE, Direction.ASC).limit(limit).build()))
                    .containsExactly("d1", "d2", "e1", "e2", "p1", "p2", "p3");
            assertThat(walk(store, CaseQuery.builder().sort(SortKey.DUE_DATE, Direction.DESC).limit(limit).build()))
                    .containsExactly("d2", "d1", "p3", "p2", "p1", "e2", "e1");
            // By severity, not by name: Low < High < Critical although "Critical" < "High" < "Low".
            assertThat(walk(store, CaseQuery.builder().sort(SortKey.PRIORITY, Direction.ASC).limit(limit).build()))
                    .containsExactly("p1", "p2", "p3", "d1", "d2", "e1", "e2");
            assertThat(walk(store, CaseQuery.builder().sort(SortKey.PRIORITY, Direction.DESC).limit(limit).build()))
                    .containsExactly("p3", "p2", "p1", "e2", "e1", "d2", "d1");
        }
        assertThat(walk(store, CaseQuery.builder().dueDateEmpty().build())).containsExactly("e1", "e2", "p1", "p2", "p3");
        assertThat(walk(store, CaseQuery.builder().empty(CaseFilter.Party.OWNER_ID).build())).hasSize(7);
        assertThat(walk(store, CaseQuery.builder().empty(CaseFilter.Party.CREATED_BY).build())).isEmpty();
    }

    /** Each extension filter by its type: exact decimals, dates, date-times, contains-any, checkbox, presence. */
    @Example
    public void extensionTypes() {
        CaseStore store = store();
        insert(store, ext(Cases.minimal(TENANT, "a"), Map.of("num", Value.decimal(new BigDecimal("1.0")),
                "day", Value.date(LocalDate.of(2024, 2, 29)), "tags", Value.textList(List.of("x", "y")),
                "vip", Value.bool(true), "pick", Value.text("S1"),
                "at", Value.dateTime(LocalDateTime.of(2024, 1, 1, 0, 0)))));
        insert(store, ext(Cases.minimal(TENANT, "b"), Map.of("num", Value.decimal(new BigDecimal("12345678901234567.89")),
                "day", Value.date(LocalDate.of(2024, 3, 1)), "tags", Value.textList(List.of("z")),
                "vip", Value.bool(false), "pick", Value.text("s1"),
                "at", Value.dateTime(LocalDateTime.of(2024, 1, 1, 0, 0, 1)))));
        insert(store, Cases.minimal(TENANT, "none"));
        // 1.00 equals 1.0 as a number; a double would not tell ...567.89 from ...567.88.
        assertThat(match(store, new CaseFilter.ExtensionRange("num", Optional.of(Value.decimal(new BigDecimal("1.00"))),
                Optional.of(Value.decimal(new BigDecimal("1.000001")))))).containsExactly("a");
        assertThat(match(store, new CaseFilter.ExtensionRange("num",
                Optional.of(Value.decimal(new BigDecimal("12345678901234567.89"))), Optional.empty()))).containsExactly("b");
        assertThat(match(store, new CaseFilter.ExtensionRange("num", Optional.empty(),
                Optional.of(Value.decimal(new BigDecimal("12345678901234567.89")))))).containsExactly("a");
        // Both bounds open: the field has a value (of any kind).
        assertThat(match(store, new CaseFilter.ExtensionRange("num", Optional.empty(), Optional.empty())))
                .containsExactly("a", "b");
        assertThat(match(store, new CaseFilter.ExtensionRange("day", Optional.of(Value.date(LocalDate.of(2024, 2, 29))),
                Optional.of(Value.date(LocalDate.of(2024, 3, 1)))))).containsExactly("a");
        assertThat(match(store, new CaseFilter.ExtensionRange("at", Optional.of(Value.dateTime(LocalDateTime.of(2024, 1, 1, 0, 0, 1))),
                Optional.empty()))).containsExactly("b");
        assertThat(match(store, new CaseFilter.ExtensionContainsAny("tags", Set.of("y", "q")))).containsExactly("a");
        assertThat(match(store, new CaseFilter.ExtensionIn("vip", Set.of(Value.bool(false))))).containsExactly("b");
        assertThat(match(store, new CaseFilter.ExtensionIn("pick", Set.of(Value.text("S1"))))).containsExactly("a");
        assertThat(match(store, new CaseFilter.ExtensionPresent("num", false))).containsExactly("none");
        assertThat(match(store, new CaseFilter.ExtensionPresent("tags", true))).containsExactly("a", "b");
    }

    /**
     * Paging while other threads insert new cases and update others: every case that is not changed
     * during the walk appears exactly once, none twice.
     */
    @Example
    public void pagingWhileOthersWrite() throws Exception {
        CaseStore store = store();
        Set<String> steady = new LinkedHashSet<>();
        List<Case> churn = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Case c = Cases.createdAt(Cases.minimal(TENANT, String.format("s%03d", i)), T0.plusSeconds(i % 7));
            insert(store, c);
            steady.add(c.id().value());
        }
        for (int i = 0; i < 20; i++) {
            Case c = Cases.createdAt(Cases.minimal(TENANT, String.format("m%03d", i)), T0.plusSeconds(i % 7));
            insert(store, c);
            churn.add(c);
        }
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch started = new CountDownLatch(2);
        try {
            Future<?> inserter = pool.submit(() -> {
                started.countDown();
                for (int i = 0; !stop.get() && i < WRITES; i++) {
                    insert(store, Cases.createdAt(Cases.minimal(TENANT, "n" + i), T0.plusSeconds(i % 9)));
                }
                return null;
            });
            Future<?> updater = pool.submit(() -> {
                started.countDown();
                Map<String, Case> current = new HashMap<>();
                churn.forEach(c -> current.put(c.id().value(), c));
                for (int i = 0; !stop.get() && i < WRITES; i++) {
                    Case c = current.get(churn.get(i % churn.size()).id().value());
                    Case next = Cases.titled(c, "changed " + i).withVersion(c.version() + 1, c.updatedAt().plusSeconds(1));
                    store.update(next, c.version(), new HistoryEntry(TENANT, c.id(), next.version(), next.updatedAt(),
                            "agent-1", List.of(new FieldChange("title", Optional.of(Value.text(c.title())),
                            Optional.of(Value.text(next.title()))))));
                    current.put(next.id().value(), next);
                }
                return null;
            });
            started.await();
            for (SortKey key : List.of(SortKey.CREATED_AT, SortKey.UPDATED_AT, SortKey.TITLE)) {
                List<String> seen = walk(store, CaseQuery.builder().sort(key, Direction.DESC).limit(3).build());
                List<String> steadySeen = seen.stream().filter(steady::contains).toList();
                assertThat(steadySeen).as("unchanged cases by %s", key).doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(steady);
                assertThat(seen.stream().filter(id -> id.startsWith("n")).toList()).as("new cases by %s", key)
                        .doesNotHaveDuplicates();
            }
            stop.set(true);
            inserter.get(1, TimeUnit.MINUTES);
            updater.get(1, TimeUnit.MINUTES);
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    /** Walks every page of the query for {@link #TENANT}; checks each page's size and next position. */
    static List<String> walk(CaseStore store, CaseQuery query) {
        List<String> out = new ArrayList<>();
        CaseQuery q = query;
        for (int pages = 0; ; pages++) {
            assertThat(pages).as("a walk ends").isLessThan(100_000);
            CasePage page = queries(store).page(TENANT, q);
            assertThat(page.cases().size()).as("page size").isLessThanOrEqualTo(q.limit());
            page.cases().forEach(c -> assertThat(c.tenant()).isEqualTo(TENANT));
            page.cases().forEach(c -> out.add(c.id().value()));
            if (page.next().isEmpty()) {
                return out;
            }
            assertThat(page.cases()).as("a page with a next position is full").hasSize(q.limit());
            assertThat(page.next().get()).as("the next position is that of the page's last case")
                    .isEqualTo(q.sort().positionOf(page.cases().get(page.cases().size() - 1)));
            q = q.after(page.next().get());
        }
    }

    private static List<String> ids(List<Case> cases) {
        return cases.stream().map(c -> c.id().value()).toList();
    }

    private static void insert(CaseStore store, Case c) {
        store.insert(c, Cases.creation(c));
    }

    private static List<String> titleMatches(CaseStore store, String text) {
        return match(store, new CaseFilter.TitleContains(text));
    }

    private static List<String> match(CaseStore store, CaseFilter filter) {
        CaseQuery q = CaseQuery.builder().filter(filter).sort(SortKey.CREATED_AT, Direction.ASC).build();
        List<String> found = walk(store, q);
        assertThat(queries(store).count(TENANT, q)).as("count of %s", filter).isEqualTo(found.size());
        return found;
    }

    private static Case with(Case c, String field, Value value) {
        return c.with(field, Optional.ofNullable(value));
    }

    private static Case ext(Case c, Map<String, Value> values) {
        Case out = c;
        for (Map.Entry<String, Value> e : values.entrySet()) {
            out = out.with(e.getKey(), Optional.of(e.getValue()));
        }
        return out;
    }

    private static final String[] TITLES = {"Printer", "printer", "PRINTER on fire", "100%", "a_b", "a\\b", "axb",
        "Émile", "émile", "z", "日本", "🔥 fire", "\uFF5E tilde"};
    private static final String[] PARTIES = {"o1", "o2", "O1"};
    private static final String[] TAGS = {"x", "y", "z"};

    private static Case randomCase(Random r, TenantId tenant, String id) {
        Instant created = T0.plusSeconds(r.nextInt(4));
        Case c = Cases.createdAt(Cases.minimal(tenant, id), created);
        c = c.withVersion(1, created.plusSeconds(r.nextInt(3)));
        if (r.nextBoolean()) {
            c = c.toBuilder().typeId(OTHER_TYPE).createdBy(r.nextBoolean() ? c.createdBy() : "agent-2").build();
        }
        c = with(c, "title", Value.text(TITLES[r.nextInt(TITLES.length)]));
        c = with(c, "ownerId", r.nextInt(3) == 0 ? null : Value.text(PARTIES[r.nextInt(PARTIES.length)]));
        c = with(c, "contactId", r.nextInt(3) == 0 ? null : Value.text(PARTIES[r.nextInt(PARTIES.length)]));
        c = with(c, "contactPhone", r.nextInt(2) == 0 ? null : Value.text("+1 555 " + r.nextInt(3)));
        c = with(c, "priority", r.nextInt(5) == 0 ? null : Value.text(Priority.values()[r.nextInt(4)].wireName()));
        c = with(c, "dueDate", r.nextInt(3) == 0 ? null : Value.dateTime(LocalDateTime.of(2024, 1, 1 + r.nextInt(3), 0, 0)));
        Map<String, Value> ext = new HashMap<>();
        if (r.nextBoolean()) {
            ext.put("num", Value.decimal(new BigDecimal(r.nextInt(5) - 2).movePointLeft(r.nextInt(3))));
        }
        if (r.nextBoolean()) {
            ext.put("day", Value.date(LocalDate.of(2024, 2, 27 + r.nextInt(3))));
        }
        if (r.nextBoolean()) {
            ext.put("vip", Value.bool(r.nextBoolean()));
        }
        if (r.nextBoolean()) {
            ext.put("pick", Value.text(r.nextBoolean() ? "S1" : "S2"));
        }
        if (r.nextBoolean()) {
            List<String> tags = new ArrayList<>();
            for (String t : TAGS) {
                if (r.nextBoolean()) {
                    tags.add(t);
                }
            }
            ext.put("tags", Value.textList(tags));
        }
        return ext(c, ext);
    }

    private static CaseQuery randomQuery(Random r) {
        CaseQuery.Builder b = CaseQuery.builder()
                .sort(SortKey.values()[r.nextInt(SortKey.values().length)], Direction.values()[r.nextInt(2)])
                .limit(1 + r.nextInt(7));
        int filters = r.nextInt(4);
        for (int i = 0; i < filters; i++) {
            b.filter(randomFilter(r));
        }
        return b.build();
    }

    private static CaseFilter randomFilter(Random r) {
        LocalDateTime day = LocalDateTime.of(2024, 1, 1 + r.nextInt(3), 0, 0);
        return switch (r.nextInt(16)) {
            case 0 -> new CaseFilter.IdIn(set(CaseId.of("c" + r.nextInt(40)), CaseId.of("c" + r.nextInt(40))));
            case 1 -> new CaseFilter.TypeIs(r.nextBoolean() ? Cases.TYPE : OTHER_TYPE);
            case 2 -> new CaseFilter.PartyIn(CaseFilter.Party.values()[r.nextInt(3)],
                    set(PARTIES[r.nextInt(PARTIES.length)], r.nextBoolean() ? "agent-1" : "o2"));
            case 3 -> new CaseFilter.PartyEmpty(CaseFilter.Party.values()[r.nextInt(3)]);
            case 4 -> new CaseFilter.ContactPhoneIs("+1 555 " + r.nextInt(3));
            case 5 -> new CaseFilter.PriorityIn(set(Priority.values()[r.nextInt(4)], Priority.values()[r.nextInt(4)]));
            case 6 -> new CaseFilter.DueDateIn(r.nextBoolean() ? Optional.of(day) : Optional.empty(),
                    r.nextBoolean() ? Optional.of(day.plusDays(1 + r.nextInt(2))) : Optional.empty());
            case 7 -> new CaseFilter.DueDateEmpty();
            case 8 -> new CaseFilter.TimeIn(CaseFilter.Time.values()[r.nextInt(2)],
                    Optional.of(T0.plusSeconds(r.nextInt(3))), r.nextBoolean() ? Optional.of(T0.plusSeconds(3 + r.nextInt(3))) : Optional.empty());
            case 9 -> new CaseFilter.TitleContains(List.of("print", "PRINT", "%", "_", "\\", "émi", "ÉMI", "🔥", "a")
                    .get(r.nextInt(9)));
            case 10 -> new CaseFilter.ExtensionIn("pick", set(Value.text(r.nextBoolean() ? "S1" : "S2")));
            case 11 -> new CaseFilter.ExtensionIn("vip", set(Value.bool(r.nextBoolean())));
            case 12 -> new CaseFilter.ExtensionContainsAny("tags", set(TAGS[r.nextInt(3)]));
            case 13 -> new CaseFilter.ExtensionRange("num", r.nextInt(4) == 0 ? Optional.empty()
                    : Optional.of(Value.decimal(new BigDecimal(r.nextInt(3) - 2).movePointLeft(r.nextInt(3)))),
                    r.nextBoolean() ? Optional.of(Value.decimal(new BigDecimal("1.00"))) : Optional.empty());
            case 14 -> new CaseFilter.ExtensionRange("day", Optional.empty(),
                    Optional.of(Value.date(LocalDate.of(2024, 2, 28 + r.nextInt(2)))));
            default -> new CaseFilter.ExtensionPresent(List.of("num", "day", "vip", "pick", "tags").get(r.nextInt(5)),
                    r.nextBoolean());
        };
    }


    @SafeVarargs
    private static <T> Set<T> set(T... values) {
        return new LinkedHashSet<>(List.of(values));
    }
}

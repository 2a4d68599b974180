package io.casekit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.Case;
import io.casekit.core.CaseId;
import io.casekit.core.FieldChange;
import io.casekit.core.HistoryEntry;
import io.casekit.core.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random extension maps and change lists, written in the form of schema 1, convert in the upgrade to
 * exactly what the store of schema 2 writes: read back equal through the store and through
 * {@link ValueColumns}, and, on H2 and MariaDB, whose columns keep the text, the same text byte for
 * byte. Every database the run requests, with a modest number of tries (each one upgrades tables).
 */
class SchemaUpgradePropertyTest {
    private static final List<TestDatabase> DATABASES = new ArrayList<>();
    private static final AtomicInteger TRIES = new AtomicInteger();

    @BeforeContainer
    static void open() {
        for (String name : TestDatabase.requested()) {
            DATABASES.add(TestDatabase.open(name));
        }
    }

    @AfterContainer
    static void close() {
        DATABASES.forEach(TestDatabase::close);
        DATABASES.clear();
    }

    record Row(Map<String, Value> extensions, List<FieldChange> changes) {}

    @Property(tries = 20)
    void schemaOneColumnsConvertToTheJsonTheStoreWrites(@ForAll("rows") List<Row> rows) {
        for (TestDatabase db : DATABASES) {
            SchemaUpgradeTest.withSchemaOne(db, "p" + TRIES.incrementAndGet() + "_", options -> {
                List<Case> cases = new ArrayList<>();
                List<HistoryEntry> entries = new ArrayList<>();
                for (int i = 0; i < rows.size(); i++) {
                    Case c = Fixtures.minimal(Fixtures.TENANT, "p" + i);
                    c = c.toBuilder().extensions(rows.get(i).extensions()).build();
                    cases.add(c);
                    entries.add(new HistoryEntry(c.tenant(), c.id(), 1, c.createdAt(), "actor", rows.get(i).changes()));
                }
                db.jdbi.useHandle(h -> {
                    for (int i = 0; i < cases.size(); i++) {
                        SchemaUpgradeTest.V1.insertCase(h, options.tablePrefix(), cases.get(i));
                        SchemaUpgradeTest.V1.insertHistory(h, options.tablePrefix(), entries.get(i));
                    }
                });

                JdbcSchema.create(db.jdbi, options);

                JdbcCaseStore store = JdbcCaseStore.create(db.jdbi, options);
                for (int i = 0; i < cases.size(); i++) {
                    Case c = cases.get(i);
                    assertThat(store.find(c.tenant(), c.id())).as(db.name).contains(c);
                    assertThat(store.history(c.tenant(), c.id())).as(db.name).containsExactly(entries.get(i));
                    String id = c.id().value();
                    String extensions = db.jdbi.withHandle(h -> h.createQuery("SELECT "
                            + SchemaUpgradeTest.text(db, "extensions") + " FROM " + options.tablePrefix()
                            + "case WHERE id = ?").bind(0, id).mapTo(String.class).one());
                    String changes = db.jdbi.withHandle(h -> h.createQuery("SELECT "
                            + SchemaUpgradeTest.text(db, "changes") + " FROM " + options.tablePrefix()
                            + "case_history WHERE case_id = ?").bind(0, id).mapTo(String.class).one());
                    assertThat(ValueColumns.extensions(extensions)).as(db.name).isEqualTo(c.extensions());
                    assertThat(ValueColumns.changes(changes)).as(db.name).isEqualTo(entries.get(i).changes());
                    if (db.dialect != JdbcDialect.POSTGRESQL) {
                        assertThat(extensions).as(db.name).isEqualTo(ValueColumns.extensions(c.extensions()));
                        assertThat(changes).as(db.name).isEqualTo(ValueColumns.changes(entries.get(i).changes()));
                    }
                }
            });
        }
    }

    @Provide
    Arbitrary<List<Row>> rows() {
        Arbitrary<Optional<Value>> optional = values().optional(0.7);
        Arbitrary<List<FieldChange>> changes = Combinators.combine(strings(), optional, optional)
                .as((field, before, after) -> before.equals(after)
                        ? new FieldChange(field, Optional.empty(), Optional.of(Value.text("x")))
                        : new FieldChange(field, before, after))
                .list().ofMinSize(1).ofMaxSize(5);
        Arbitrary<Map<String, Value>> extensions = Arbitraries.maps(strings(), values()).ofMaxSize(6);
        return Combinators.combine(extensions, changes).as(Row::new).list().ofMinSize(1).ofMaxSize(4);
    }

    /**
     * Strings of any character a database column holds (every code point but U+0000 and the
     * surrogates), with the ones that matter to the encodings (quotes, backslashes, control
     * characters, the mark U+0001, digits and colons, characters above U+FFFF) often.
     */
    private static Arbitrary<String> strings() {
        Arbitrary<Integer> special = Arbitraries.of((int) '"', (int) '\\', (int) '\n', (int) '\t', (int) '\r', 1,
                (int) ':', (int) '-', (int) '0', (int) '9', (int) 's', (int) 'l', (int) '/', 0x7f, 0x1f, 8, 12, 0x2028);
        Arbitrary<Integer> bmp = Arbitraries.oneOf(Arbitraries.integers().between(1, 0xD7FF),
                Arbitraries.integers().between(0xE000, 0xFFFF));
        Arbitrary<Integer> astral = Arbitraries.integers().between(0x10000, 0x10FFFF);
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(Tuple.of(3, special), Tuple.of(3, bmp), Tuple.of(2, astral),
                Tuple.of(3, Arbitraries.integers().between('a', 'z')));
        return codePoint.list().ofMaxSize(12).map(points -> {
            StringBuilder s = new StringBuilder();
            points.forEach(s::appendCodePoint);
            return s.toString();
        });
    }

    private static Arbitrary<Value> values() {
        Arbitrary<LocalDate> dates = Arbitraries.longs()
                .between(LocalDate.of(1000, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
        return Arbitraries.oneOf(
                strings().map(Value::text),
                Arbitraries.of(true, false).map(Value::bool),
                strings().list().ofMaxSize(4).map(Value::textList),
                Combinators.combine(Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30)),
                        Arbitraries.integers().between(-20, 20)).as((unscaled, scale) -> Value.decimal(new BigDecimal(unscaled, scale))),
                dates.map(Value::date),
                Combinators.combine(dates, Arbitraries.integers().between(0, 86_399))
                        .as((date, second) -> Value.dateTime(LocalDateTime.of(date, java.time.LocalTime.ofSecondOfDay(second)))));
    }
}

package io.casekit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casekit.core.Case;
import io.casekit.core.CaseId;
import io.casekit.core.FieldChange;
import io.casekit.core.HistoryEntry;
import io.casekit.core.Priority;
import io.casekit.core.StorageUnavailableException;
import io.casekit.core.Value;
import io.casekit.core.WireFormats;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A database that schema version 1 created, filled exactly as the store of schema 1 wrote it,
 * upgrades in place through {@link JdbcSchema#create}: the store of schema 2 reads every case and
 * history entry back equal, the columns have their new types, and data schema 2 can not keep stops
 * the upgrade with nothing changed.
 */
class SchemaUpgradeTest {
    @RegisterExtension
    static final Databases DATABASES = Databases.requested();

    static List<String> databases() {
        return Databases.names();
    }

    static final String ASTRAL = "😀";
    static final String LONG_TEXT = ("line 😀 with \"quotes\", \\back\\slashes\\, \t tabs, 12:34 s5:x\r\n").repeat(4_000);

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSchemaOneDatabaseUpgradesWithEveryCaseAndHistoryEntryReadBackEqual(String database) {
        TestDatabase db = DATABASES.get(database);
        withSchemaOne(db, "up_", options -> {
            Case full = Fixtures.full(Fixtures.TENANT, "full");
            Case naughty = naughty();
            Case empty = Fixtures.minimal(Fixtures.TENANT, "empty");
            List<HistoryEntry> naughtyHistory = naughtyHistory(naughty);
            db.jdbi.useHandle(h -> {
                for (Case c : List.of(full, naughty, empty)) {
                    V1.insertCase(h, options.tablePrefix(), c);
                }
                V1.insertHistory(h, options.tablePrefix(), Fixtures.creation(full));
                V1.insertHistory(h, options.tablePrefix(), Fixtures.creation(empty));
                for (HistoryEntry entry : naughtyHistory) {
                    V1.insertHistory(h, options.tablePrefix(), entry);
                }
            });

            JdbcSchema.create(db.jdbi, options);

            JdbcSchema.validate(db.jdbi, options);
            JdbcCaseStore store = JdbcCaseStore.create(db.jdbi, options);
            assertThat(store.find(Fixtures.TENANT, full.id())).contains(full);
            assertSameCase(store.find(Fixtures.TENANT, naughty.id()).orElseThrow(), naughty);
            assertThat(store.find(Fixtures.TENANT, naughty.id())).contains(naughty);
            assertThat(store.find(Fixtures.TENANT, empty.id())).contains(empty);
            assertThat(store.history(Fixtures.TENANT, full.id())).containsExactly(Fixtures.creation(full));
            assertThat(store.history(Fixtures.TENANT, empty.id())).containsExactly(Fixtures.creation(empty));
            assertThat(store.history(Fixtures.TENANT, naughty.id())).isEqualTo(naughtyHistory);

            assertTheColumnsHaveTheirNewTypes(db, options.tablePrefix());
            assertNoConversionFunctionIsLeft(db, options.tablePrefix());

            // The upgraded tables take new writes as any table of schema 2 does.
            Fixtures.Change next = Fixtures.change(full, "title", Optional.of(Value.text("after " + ASTRAL)), "op");
            store.update(next.updated(), full.version(), next.entry());
            assertThat(store.find(Fixtures.TENANT, full.id())).contains(next.updated());
            assertThat(store.history(Fixtures.TENANT, full.id())).containsExactly(Fixtures.creation(full), next.entry());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theConvertedJsonIsWhatTheStoreOfSchemaTwoWrites(String database) {
        TestDatabase db = DATABASES.get(database);
        withSchemaOne(db, "json_", options -> {
            Case naughty = naughty();
            List<HistoryEntry> history = naughtyHistory(naughty);
            db.jdbi.useHandle(h -> {
                V1.insertCase(h, options.tablePrefix(), naughty);
                for (HistoryEntry entry : history) {
                    V1.insertHistory(h, options.tablePrefix(), entry);
                }
            });

            JdbcSchema.create(db.jdbi, options);

            String extensions = db.jdbi.withHandle(h -> h.createQuery("SELECT " + text(db, "extensions") + " FROM "
                    + options.tablePrefix() + "case").mapTo(String.class).one());
            List<String> changes = db.jdbi.withHandle(h -> h.createQuery("SELECT " + text(db, "changes") + " FROM "
                    + options.tablePrefix() + "case_history ORDER BY version").mapTo(String.class).list());
            assertThat(ValueColumns.extensions(extensions)).isEqualTo(naughty.extensions());
            for (int i = 0; i < history.size(); i++) {
                assertThat(ValueColumns.changes(changes.get(i))).isEqualTo(history.get(i).changes());
            }
            if (db.dialect != JdbcDialect.POSTGRESQL) {
                // jsonb keeps its own form; H2 and MariaDB keep the text, which is the store's, byte for byte.
                assertThat(extensions).isEqualTo(ValueColumns.extensions(naughty.extensions()));
                for (int i = 0; i < history.size(); i++) {
                    assertThat(changes.get(i)).isEqualTo(ValueColumns.changes(history.get(i).changes()));
                }
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aDueDateOutsideTheYears1000To9999StopsTheUpgradeWithNothingChanged(String database) {
        TestDatabase db = DATABASES.get(database);
        withSchemaOne(db, "early_", options -> {
            Case ok = Fixtures.full(Fixtures.TENANT, "ok");
            Case early = Fixtures.minimal(Fixtures.TENANT, "early");
            String prefix = options.tablePrefix();
            db.jdbi.useHandle(h -> {
                V1.insertCase(h, prefix, ok);
                V1.insertCase(h, prefix, early);
                V1.insertHistory(h, prefix, Fixtures.creation(ok));
            });
            // What the store of schema 1 wrote for the years 999, -1 and 10000.
            for (String dueDate : List.of("0999-12-31 23:59:59", "-0001-01-01 00:00:00", "+10000-01-01 00:00:00")) {
                db.jdbi.useHandle(h -> h.execute("UPDATE " + prefix + "case SET due_date = '" + dueDate + "' WHERE id = 'early'"));
                List<Map<String, Object>> before = rows(db, prefix);

                assertThatThrownBy(() -> JdbcSchema.create(db.jdbi, options))
                        .isInstanceOf(StorageUnavailableException.class)
                        .satisfies(e -> assertThat(causes(e)).contains("casekit upgrade refused").contains("due date")
                                .contains("1000 to 9999"));

                assertThat(rows(db, prefix)).as(dueDate).isEqualTo(before);
                Integer version = db.jdbi.withHandle(h -> h.createQuery("SELECT MAX(version) FROM " + prefix + "schema_version")
                        .mapTo(Integer.class).one());
                assertThat(version).isEqualTo(1);
                if (db.dialect != JdbcDialect.H2) {
                    // H2 commits its CREATE ALIAS statements before the refusal; the next run reuses them.
                    assertNoConversionFunctionIsLeft(db, prefix);
                }
                assertThatThrownBy(() -> JdbcSchema.validate(db.jdbi, options)).isInstanceOf(IllegalStateException.class);
            }

            // Corrected, the same database upgrades.
            db.jdbi.useHandle(h -> h.execute("UPDATE " + prefix + "case SET due_date = '1000-01-01 00:00:00' WHERE id = 'early'"));
            JdbcSchema.create(db.jdbi, options);
            assertThat(JdbcCaseStore.create(db.jdbi, options).find(Fixtures.TENANT, early.id()).orElseThrow().dueDate())
                    .contains(LocalDateTime.of(1000, 1, 1, 0, 0, 0));
            assertThat(JdbcCaseStore.create(db.jdbi, options).find(Fixtures.TENANT, ok.id())).contains(ok);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anInstantBeforeTheYear1000OrTaggedTextThatIsNotSchemaOnesStopsTheUpgrade(String database) {
        TestDatabase db = DATABASES.get(database);
        withSchemaOne(db, "bad_", options -> {
            String prefix = options.tablePrefix();
            Case c = Fixtures.minimal(Fixtures.TENANT, "c");
            db.jdbi.useHandle(h -> {
                V1.insertCase(h, prefix, c);
                V1.insertHistory(h, prefix, Fixtures.creation(c));
                h.execute("UPDATE " + prefix + "case_history SET changed_at = -30610224000001");
            });
            List<Map<String, Object>> before = rows(db, prefix);
            assertThatThrownBy(() -> JdbcSchema.create(db.jdbi, options))
                    .satisfies(e -> assertThat(causes(e)).contains("casekit upgrade refused").contains("instant"));
            assertThat(rows(db, prefix)).isEqualTo(before);

            db.jdbi.useHandle(h -> {
                h.execute("UPDATE " + prefix + "case_history SET changed_at = -30610224000000");
                // A length that runs past the end of the text.
                h.execute("UPDATE " + prefix + "case SET extensions = '9:tags'");
            });
            List<Map<String, Object>> malformed = rows(db, prefix);
            assertThatThrownBy(() -> JdbcSchema.create(db.jdbi, options))
                    .satisfies(e -> assertThat(causes(e)).contains("no schema 1 tagged text").contains("t1/c"));
            assertThat(rows(db, prefix)).isEqualTo(malformed);
        });
    }

    /** Field by field first, so that a difference shows without the long text around it. */
    static void assertSameCase(Case actual, Case expected) {
        assertThat(actual.extensions().keySet()).containsExactlyElementsOf(expected.extensions().keySet());
        expected.extensions().forEach((name, value) -> {
            if (!value.equals(actual.extensions().get(name))) {
                throw new AssertionError("extension " + name + ": expected " + abbreviate(value) + " but read "
                        + abbreviate(actual.extensions().get(name)));
            }
        });
        assertThat(actual.dueDate()).isEqualTo(expected.dueDate());
        assertThat(actual.createdAt()).isEqualTo(expected.createdAt());
        assertThat(actual.updatedAt()).isEqualTo(expected.updatedAt());
        assertThat(actual.title()).isEqualTo(expected.title());
        assertThat(actual.description()).isEqualTo(expected.description());
        assertThat(actual.createdBy()).isEqualTo(expected.createdBy());
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() > 300 ? text.substring(0, 300) + "… (" + text.length() + " chars)" : text;
    }

    /** Extension values of every kind, with the strings that an encoding gets wrong. */
    static Case naughty() {
        Map<String, Value> extensions = new TreeMap<>();
        extensions.put("astral " + ASTRAL, Value.text(ASTRAL));
        extensions.put("astral then mark", Value.text(ASTRAL + "\u0001" + ASTRAL + "\u0001\u0001x\u0001"));
        extensions.put("astral pairs", Value.text("👍🏽👨‍👩‍👧 a𝄞b " + ASTRAL.repeat(9)));
        extensions.put("escapes", Value.text("\"quoted\" \\back\\ \\\" \\u0041 \u0041 \\n \n \t \r / \b \f \u001f \u007f"));
        extensions.put("json-looking", Value.text("{\"decimal\":\"1\"} [1,2] null true"));
        extensions.put("tagged-looking", Value.text("5:hello s3:abc - b1 l2:1:a1:b :"));
        extensions.put("empty", Value.text(""));
        extensions.put("long", Value.text(LONG_TEXT));
        extensions.put("n scale", Value.decimal(new BigDecimal("12.50")));
        extensions.put("n exponent", Value.decimal(new BigDecimal("1E+3")));
        extensions.put("n negative zero", Value.decimal(new BigDecimal("-0.000")));
        extensions.put("n small", Value.decimal(new BigDecimal("-1.2345678901234567890E-30")));
        extensions.put("list none", Value.textList(List.of()));
        extensions.put("list several", Value.textList(List.of("a", "", ASTRAL, "x,y", "\"\\", "3:abc")));
        extensions.put("date 1000", Value.date(LocalDate.of(1000, 1, 1)));
        extensions.put("date 9999", Value.date(LocalDate.of(9999, 12, 31)));
        extensions.put("dateTime 1000", Value.dateTime(LocalDateTime.of(1000, 1, 1, 0, 0, 0)));
        extensions.put("dateTime 9999", Value.dateTime(LocalDateTime.of(9999, 12, 31, 23, 59, 59)));
        extensions.put("yes", Value.bool(true));
        extensions.put("no", Value.bool(false));
        extensions.put("\"\\" + ASTRAL + "\t:", Value.text("a name to escape"));
        return Case.builder().tenant(Fixtures.TENANT).id(CaseId.of("naughty")).typeId(Fixtures.TYPE)
                .title("title " + ASTRAL).description("line\r\n\ttab \\ \"")
                .ownerId("owner")
                .priority(Priority.CRITICAL)
                .dueDate(LocalDateTime.of(1000, 1, 1, 0, 0, 0))
                .contactPhone("+1 555")
                .extensions(extensions)
                .version(3).createdBy("creator " + ASTRAL).createdAt(TimeColumns.EARLIEST).updatedAt(TimeColumns.LATEST)
                .build();
    }

    /** Three entries: the creation, then changes that remove, add and replace values (empty sides included). */
    static List<HistoryEntry> naughtyHistory(Case c) {
        List<FieldChange> creation = new ArrayList<>(Fixtures.creation(c).changes());
        List<FieldChange> second = List.of(
                new FieldChange("title", Optional.of(Value.text("first " + ASTRAL)), Optional.of(Value.text("title " + ASTRAL))),
                new FieldChange("gone", Optional.of(Value.textList(List.of("a", ASTRAL))), Optional.empty()),
                new FieldChange("n scale", Optional.of(Value.decimal(new BigDecimal("12.5"))),
                        Optional.of(Value.decimal(new BigDecimal("12.50")))),
                new FieldChange("yes", Optional.empty(), Optional.of(Value.bool(true))));
        List<FieldChange> third = List.of(
                new FieldChange("dueDate", Optional.of(Value.dateTime(LocalDateTime.of(2026, 2, 28, 9, 30, 0))),
                        Optional.of(Value.dateTime(LocalDateTime.of(1000, 1, 1, 0, 0, 0)))),
                new FieldChange("escapes", Optional.of(Value.text("\\u0041")), c.value("escapes")),
                new FieldChange("date 1000", Optional.empty(), Optional.of(Value.date(LocalDate.of(1000, 1, 1)))));
        return List.of(
                new HistoryEntry(c.tenant(), c.id(), 1, Instant.parse("2026-11-27T22:12:31.123Z"), "creator", creation),
                new HistoryEntry(c.tenant(), c.id(), 2, Instant.parse("2026-11-27T22:12:31.999Z"), "op " + ASTRAL, second),
                new HistoryEntry(c.tenant(), c.id(), 3, TimeColumns.LATEST, "op", third));
    }

    /** The schema-1 form of the store's rows: a copy of what the store of schema 1 wrote. */
    static final class V1 {
        /** The case columns of schema 1 (and 2, 3), in the order of {@link #insertCase}. */
        static final String CASE_COLUMNS = "tenant, id, type_id, version, title, description, owner_id, priority, "
                + "due_date, contact_id, contact_phone, attachment, extensions, created_by, created_at, updated_at";

        private V1() {}

        static String extensions(Map<String, Value> extensions) {
            TaggedText.Writer out = new TaggedText.Writer();
            for (Map.Entry<String, Value> e : extensions.entrySet()) {
                out.string(e.getKey()).value(e.getValue());
            }
            return out.toString();
        }

        static String changes(List<FieldChange> changes) {
            TaggedText.Writer out = new TaggedText.Writer();
            for (FieldChange change : changes) {
                out.string(change.field()).optional(change.oldValue()).optional(change.newValue());
            }
            return out.toString();
        }

        static void insertCase(Handle h, String prefix, Case c) {
            try (Update insert = h.createUpdate("INSERT INTO " + prefix + "case (" + CASE_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.bind(0, c.tenant().value()).bind(1, c.id().value()).bind(2, c.typeId().value())
                        .bind(3, c.version()).bind(4, c.title()).bind(5, c.description())
                        .bind(6, c.ownerId().orElse(null)).bind(7, c.priority().map(Priority::wireName).orElse(null))
                        .bind(8, c.dueDate().map(WireFormats::format).orElse(null))
                        .bind(9, c.contactId().orElse(null)).bind(10, c.contactPhone().orElse(null))
                        .bind(11, c.attachment().orElse(null)).bind(12, extensions(c.extensions()))
                        .bind(13, c.createdBy()).bind(14, c.createdAt().toEpochMilli())
                        .bind(15, c.updatedAt().toEpochMilli())
                        .execute();
            }
        }

        static void insertHistory(Handle h, String prefix, HistoryEntry entry) {
            try (Update insert = h.createUpdate("INSERT INTO " + prefix
                    + "case_history (tenant, case_id, version, changed_at, actor, changes) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.bind(0, entry.tenant().value()).bind(1, entry.caseId().value()).bind(2, entry.version())
                        .bind(3, entry.at().toEpochMilli()).bind(4, entry.actor()).bind(5, changes(entry.changes()))
                        .execute();
            }
        }
    }

    /** Tables of schema version 1 only, under a prefix of their own, dropped afterwards whatever happened. */
    static void withSchemaOne(TestDatabase db, String suffix, Consumer<JdbcStoreOptions> test) {
        String prefix = db.prefix + suffix;
        JdbcStoreOptions options = db.options().withTablePrefix(prefix);
        try {
            db.jdbi.useHandle(h -> {
                for (String statement : SqlScript.statements(JdbcSchema.script(db.dialect, 1, prefix), db.dialect)) {
                    h.execute(statement);
                }
            });
            test.accept(options);
        } finally {
            drop(db, prefix);
        }
    }

    static void drop(TestDatabase db, String prefix) {
        Statements sql = new Statements(prefix, db.dialect);
        db.jdbi.useHandle(h -> {
            for (String table : List.of(sql.caseTable, sql.historyTable, sql.caseTypeTable, sql.schemaTable)) {
                h.execute("DROP TABLE IF EXISTS " + table);
            }
            switch (db.dialect) {
                case POSTGRESQL -> h.execute("DROP FUNCTION IF EXISTS " + prefix + "v1_to_json(TEXT, BOOLEAN, TEXT)");
                case MARIADB -> h.execute("DROP FUNCTION IF EXISTS " + prefix + "v1_to_json");
                case H2 -> {
                    for (String alias : List.of("V1_TO_JSON", "V1_DUE_DATE", "V1_INSTANT")) {
                        h.execute("DROP ALIAS IF EXISTS " + prefix + alias);
                    }
                }
            }
        });
    }

    /** A JSON column as text: PostgreSQL's jsonb in its own form. */
    static String text(TestDatabase db, String column) {
        return db.dialect == JdbcDialect.POSTGRESQL ? column + "::text" : column;
    }

    /** Every row of the case and history tables, as the database gives them, in key order. */
    static List<Map<String, Object>> rows(TestDatabase db, String prefix) {
        return db.jdbi.withHandle(h -> {
            List<Map<String, Object>> rows = new ArrayList<>(h.createQuery("SELECT * FROM " + prefix
                    + "case ORDER BY tenant, id").mapToMap().list());
            rows.addAll(h.createQuery("SELECT * FROM " + prefix + "case_history ORDER BY tenant, case_id, version")
                    .mapToMap().list());
            return rows;
        });
    }

    static String causes(Throwable e) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }

    static void assertTheColumnsHaveTheirNewTypes(TestDatabase db, String prefix) {
        String table = prefix + "case";
        String history = prefix + "case_history";
        db.jdbi.useHandle(h -> {
            switch (db.dialect) {
                case POSTGRESQL -> {
                    assertThat(h.createQuery("SELECT extensions->>'yes' FROM " + table + " WHERE id = 'naughty'")
                            .mapTo(String.class).one()).isEqualTo("true");
                    assertThat(h.createQuery("SELECT (extensions->'n scale'->>'decimal')::numeric FROM " + table
                            + " WHERE id = 'naughty'").mapTo(BigDecimal.class).one()).isEqualByComparingTo("12.5");
                    assertThat(h.createQuery("SELECT jsonb_array_length(changes) FROM " + history
                            + " WHERE case_id = 'naughty' AND version = 2").mapTo(Integer.class).one()).isEqualTo(4);
                    assertThat(h.createQuery("SELECT EXTRACT(YEAR FROM created_at AT TIME ZONE 'UTC') FROM " + table
                            + " WHERE id = 'naughty'").mapTo(Integer.class).one()).isEqualTo(1000);
                    assertThat(h.createQuery("SELECT EXTRACT(YEAR FROM due_date) FROM " + table
                            + " WHERE id = 'naughty'").mapTo(Integer.class).one()).isEqualTo(1000);
                }
                case MARIADB -> {
                    assertThat(h.createQuery("SELECT JSON_VALUE(extensions, '$.\"n scale\".decimal') FROM " + table
                            + " WHERE id = 'naughty'").mapTo(String.class).one()).isEqualTo("12.50");
                    assertThat(h.createQuery("SELECT JSON_LENGTH(changes) FROM " + history
                            + " WHERE case_id = 'naughty' AND version = 2").mapTo(Integer.class).one()).isEqualTo(4);
                    assertThat(h.createQuery("SELECT YEAR(created_at) FROM " + table + " WHERE id = 'naughty'")
                            .mapTo(Integer.class).one()).isEqualTo(1000);
                    // The JSON type's check: a text that is no JSON is refused.
                    assertThatThrownBy(() -> h.execute("UPDATE " + table + " SET extensions = '6:refund' WHERE id = 'empty'"))
                            .isNotNull();
                }
                case H2 -> {
                    assertThat(h.createQuery("SELECT DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = '"
                            + table.toUpperCase(java.util.Locale.ROOT) + "' AND COLUMN_NAME = 'CREATED_AT'")
                            .mapTo(String.class).one()).isEqualTo("TIMESTAMP WITH TIME ZONE");
                    assertThat(h.createQuery("SELECT DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = '"
                            + table.toUpperCase(java.util.Locale.ROOT) + "' AND COLUMN_NAME = 'DUE_DATE'")
                            .mapTo(String.class).one()).isEqualTo("TIMESTAMP");
                    assertThat(h.createQuery("SELECT extensions IS JSON OBJECT FROM " + table
                            + " WHERE id = 'naughty'").mapTo(Boolean.class).one()).isTrue();
                }
            }
        });
    }

    static void assertNoConversionFunctionIsLeft(TestDatabase db, String prefix) {
        String query = switch (db.dialect) {
            case POSTGRESQL -> "SELECT COUNT(*) FROM pg_proc WHERE proname = '" + prefix + "v1_to_json'";
            case MARIADB -> "SELECT COUNT(*) FROM information_schema.routines WHERE routine_schema = DATABASE()"
                    + " AND routine_name = '" + prefix + "v1_to_json'";
            case H2 -> "SELECT COUNT(*) FROM INFORMATION_SCHEMA.ROUTINES WHERE ROUTINE_NAME LIKE '"
                    + prefix.toUpperCase(java.util.Locale.ROOT) + "V1%'";
        };
        Integer left = db.jdbi.withHandle(h -> h.createQuery(query).mapTo(Integer.class).one());
        assertThat(left).isZero();
    }
}

package io.casekit.store.jdbc;

import static io.casekit.store.jdbc.Fixtures.OTHER_TENANT;
import static io.casekit.store.jdbc.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casekit.core.Case;
import io.casekit.core.CaseId;
import io.casekit.core.FieldChange;
import io.casekit.core.HistoryEntry;
import io.casekit.core.StorageUnavailableException;
import io.casekit.core.TenantId;
import io.casekit.core.Value;
import io.casekit.core.query.CaseFilter;
import io.casekit.core.query.CasePage;
import io.casekit.core.query.CaseQuery;
import io.casekit.core.query.Direction;
import io.casekit.core.query.SortKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JDBC store's queries beyond the kit, on every requested database: LIKE's characters, the
 * folding of title filters (Java's, code point by code point, also after an update), exact equality
 * and order with trailing spaces, counts that ignore limit and position and stay in their tenant,
 * and field names that never reach SQL.
 */
class JdbcCaseQueriesTest {
    @RegisterExtension
    static final Databases DATABASES = Databases.requested();

    static List<String> databases() {
        return Databases.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void likeCharactersAndTheEscapeCharacterMatchOnlyThemselves(String database) {
        JdbcCaseStore store = DATABASES.get(database).store();
        insert(store, "pct", "50% off");
        insert(store, "five0", "500 off");
        insert(store, "under", "snake_case");
        insert(store, "nounder", "snakeXcase");
        insert(store, "back", "C:\\temp");
        insert(store, "bang", "wow! now");
        insert(store, "bang2", "wow!! now");

        assertThat(titleMatches(store, "%")).containsExactly("pct");
        assertThat(titleMatches(store, "0%")).containsExactly("pct");
        assertThat(titleMatches(store, "e_c")).containsExactly("under");
        assertThat(titleMatches(store, "_")).containsExactly("under");
        assertThat(titleMatches(store, "\\")).containsExactly("back");
        assertThat(titleMatches(store, ":\\T")).containsExactly("back");
        assertThat(titleMatches(store, "!")).containsExactlyInAnyOrder("bang", "bang2");
        assertThat(titleMatches(store, "!!")).containsExactly("bang2");
        assertThat(titleMatches(store, "!%")).isEmpty();
        assertThat(titleMatches(store, "OFF")).containsExactlyInAnyOrder("pct", "five0");
    }

    /**
     * Java's simple lower-case mapping per code point, whatever the database's own LOWER() does:
     * 'İ' folds to 'i' (not "i̇"), 'ẞ' to 'ß' (not "ss"), 'Σ' always to 'σ' (never the final 'ς'),
     * and the astral Deseret '𐐀' (U+10400) to '𐐨' (U+10428).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void titleFiltersFoldAsJavaDoesPerCodePoint(String database) {
        JdbcCaseStore store = DATABASES.get(database).store();
        insert(store, "istanbul", "İSTANBUL trip");
        insert(store, "strasse", "GROẞE STRAẞE");
        insert(store, "odos", "ΟΔΟΣ");
        insert(store, "final", "οδος");
        insert(store, "deseret", "\uD801\uDC00BC");

        assertThat(titleMatches(store, "istanbul")).containsExactly("istanbul");
        assertThat(titleMatches(store, "i\u0307stanbul")).isEmpty();
        assertThat(titleMatches(store, "straße")).containsExactly("strasse");
        assertThat(titleMatches(store, "STRASSE")).isEmpty();
        assertThat(titleMatches(store, "οδοσ")).containsExactly("odos");
        assertThat(titleMatches(store, "ΟΔΟς")).containsExactly("final");
        assertThat(titleMatches(store, "\uD801\uDC28b")).containsExactly("deseret");
        assertThat(titleMatches(store, "\uD801\uDC00BC")).containsExactly("deseret");
        assertThat(titleMatches(store, "bc")).containsExactly("deseret");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anUpdateFoldsTheNewTitle(String database) {
        JdbcCaseStore store = DATABASES.get(database).store();
        Case c = insert(store, "c1", "Printer");
        Case renamed = retitle(c, "SCANNER İ").withVersion(c.version() + 1, c.updatedAt().plusSeconds(1));
        store.update(renamed, c.version(), new HistoryEntry(TENANT, c.id(), renamed.version(), renamed.updatedAt(),
                "agent", List.of(new FieldChange("title", Optional.of(Value.text(c.title())),
                        Optional.of(Value.text(renamed.title()))))));

        assertThat(titleMatches(store, "printer")).isEmpty();
        assertThat(titleMatches(store, "scanner i")).containsExactly("c1");
    }

    /** Equality and order are exact also where a collation could pad: 'a' is not 'a ', and sorts first. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void trailingSpacesCountInEqualityAndOrder(String database) {
        JdbcCaseStore store = DATABASES.get(database).store();
        Case spaced = Fixtures.minimal(TENANT, "spaced").with("contactPhone", Optional.of(Value.text("+1 555 ")));
        spaced = retitle(spaced, "a ");
        store.insert(spaced, Fixtures.creation(spaced));
        Case plain = Fixtures.minimal(TENANT, "plain").with("contactPhone", Optional.of(Value.text("+1 555")));
        plain = retitle(plain, "a");
        store.insert(plain, Fixtures.creation(plain));

        assertThat(ids(store.page(TENANT, CaseQuery.builder().contactPhone("+1 555").build())))
                .containsExactly("plain");
        assertThat(ids(store.page(TENANT, CaseQuery.builder().sort(SortKey.TITLE, Direction.ASC).build())))
                .containsExactly("plain", "spaced");
        assertThat(ids(store.page(TENANT, CaseQuery.builder().sort(SortKey.TITLE, Direction.DESC).build())))
                .containsExactly("spaced", "plain");
    }

    /** Title order is by code point: U+FF5E before U+1F525 (UTF-16 order would put it after). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void titlesSortByCodePoint(String database) {
        JdbcCaseStore store = DATABASES.get(database).store();
        insert(store, "fire", "\uD83D\uDD25");
        insert(store, "tilde", "\uFF5E");
        insert(store, "e", "é");
        insert(store, "z", "z");

        List<String> walked = new ArrayList<>();
        CaseQuery q = CaseQuery.builder().sort(SortKey.TITLE, Direction.ASC).limit(1).build();
        for (CasePage page = store.page(TENANT, q); ; page = store.page(TENANT, q)) {
            walked.addAll(ids(page));
            if (page.next().isEmpty()) {
                break;
            }
            q = q.after(page.next().get());
        }
        assertThat(walked).containsExactly("z", "e", "tilde", "fire");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aCountIgnoresLimitAndPosition(String database) {
        JdbcCaseStore store = DATABASES.get(database).store();
        for (int i = 0; i < 5; i++) {
            insert(store, "c" + i, "Printer " + i);
        }
        CaseQuery first = CaseQuery.builder().titleContains("printer").limit(2).build();
        CasePage page = store.page(TENANT, first);
        assertThat(page.cases()).hasSize(2);

        assertThat(store.count(TENANT, first)).isEqualTo(5);
        assertThat(store.count(TENANT, first.after(page.next().orElseThrow()))).isEqualTo(5);
        assertThat(store.count(TENANT, CaseQuery.builder().limit(1).build())).isEqualTo(5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aCountStaysInItsTenant(String database) {
        JdbcCaseStore store = DATABASES.get(database).store();
        for (int i = 0; i < 3; i++) {
            insert(store, "c" + i, "Printer");
        }
        for (int i = 0; i < 4; i++) {
            Case other = retitle(Fixtures.minimal(OTHER_TENANT, "c" + i), "Printer");
            store.insert(other, Fixtures.creation(other));
        }
        CaseQuery printers = CaseQuery.builder().titleContains("Printer").build();

        assertThat(store.count(TENANT, printers)).isEqualTo(3);
        assertThat(store.count(OTHER_TENANT, printers)).isEqualTo(4);
        assertThat(store.count(TenantId.of("t3"), printers)).isZero();
        assertThat(store.count(TENANT, CaseQuery.builder().idIn(CaseId.of("c3")).build())).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aFieldNameOutsideTheRulesNeverReachesSql(String database) {
        JdbcCaseStore store = DATABASES.get(database).store();
        insert(store, "c1", "Printer");
        CaseQuery bad = CaseQuery.builder().extensionPresent("x') OR 1=1 --", true).build();

        assertThatThrownBy(() -> store.page(TENANT, bad)).isInstanceOf(IllegalArgumentException.class)
                .isNotInstanceOf(StorageUnavailableException.class).hasMessageContaining("field name");
        assertThatThrownBy(() -> store.count(TENANT, bad)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.count(TENANT, CaseQuery.builder().extensionPresent("f_1", false).build())).isEqualTo(1);
    }

    /**
     * ownerId, contactId, contactPhone and createdBy are kept up to 20 characters on every dialect
     * (MariaDB's indexed VARCHAR(20)): the longest the rules allow (20 bytes, 20 four-byte characters
     * would be 80 bytes) is kept and found; one more character is refused before any statement.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void partiesOfTwentyCharactersAreKeptAndLongerOnesRefused(String database) {
        JdbcCaseStore store = DATABASES.get(database).store();
        String twenty = "o123456789_123456789";
        Case longest = Fixtures.minimal(TENANT, "longest").with("ownerId", Optional.of(Value.text(twenty)))
                .with("contactId", Optional.of(Value.text(twenty)))
                .with("contactPhone", Optional.of(Value.text("+1 (555) 123-456 789")));
        store.insert(longest, Fixtures.creation(longest));
        assertThat(store.find(TENANT, longest.id())).contains(longest);
        assertThat(ids(store.page(TENANT, CaseQuery.builder().in(CaseFilter.Party.OWNER_ID, twenty).build())))
                .containsExactly("longest");

        for (String field : List.of("ownerId", "contactId", "contactPhone")) {
            Case tooLong = Fixtures.minimal(TENANT, "long").with(field, Optional.of(Value.text("1" + twenty)));
            assertThatThrownBy(() -> store.insert(tooLong, Fixtures.creation(tooLong)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(field);
        }
        assertThat(store.find(TENANT, CaseId.of("long"))).isEmpty();
    }

    /** Every extension filter on a value of another kind than the filter's: none matches. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aStoredValueOfAnotherKindNeverMatches(String database) {
        JdbcCaseStore store = DATABASES.get(database).store();
        Case list = Fixtures.minimal(TENANT, "list").with("f", Optional.of(Value.textList(List.of("S1", "true"))));
        Case text = Fixtures.minimal(TENANT, "text").with("f", Optional.of(Value.text("true")));
        Case bool = Fixtures.minimal(TENANT, "bool").with("f", Optional.of(Value.bool(true)));
        Case number = Fixtures.minimal(TENANT, "number").with("f", Optional.of(Value.decimal(new java.math.BigDecimal("5"))));
        Case exponent = Fixtures.minimal(TENANT, "exponent").with("f", Optional.of(Value.decimal(new java.math.BigDecimal("1E+3"))));
        for (Case c : List.of(list, text, bool, number, exponent)) {
            store.insert(c, Fixtures.creation(c));
        }

        assertThat(match(store, new CaseFilter.ExtensionIn("f", java.util.Set.of(Value.text("S1"))))).isEmpty();
        assertThat(match(store, new CaseFilter.ExtensionIn("f", java.util.Set.of(Value.text("true"))))).containsExactly("text");
        assertThat(match(store, new CaseFilter.ExtensionIn("f", java.util.Set.of(Value.bool(true))))).containsExactly("bool");
        assertThat(match(store, new CaseFilter.ExtensionContainsAny("f", java.util.Set.of("true")))).containsExactly("list");
        assertThat(match(store, new CaseFilter.ExtensionRange("f", Optional.of(Value.decimal(new java.math.BigDecimal("5.000"))),
                Optional.empty()))).containsExactly("exponent", "number");
        assertThat(match(store, new CaseFilter.ExtensionRange("f", Optional.of(Value.decimal(new java.math.BigDecimal("999.99"))),
                Optional.of(Value.decimal(new java.math.BigDecimal("1000.000001")))))).containsExactly("exponent");
        assertThat(match(store, new CaseFilter.ExtensionRange("f", Optional.empty(),
                Optional.of(Value.decimal(new java.math.BigDecimal("1000")))))).containsExactly("number");
        assertThat(match(store, new CaseFilter.ExtensionRange("f", Optional.of(Value.date(java.time.LocalDate.of(1000, 1, 1))),
                Optional.empty()))).isEmpty();
        assertThat(match(store, new CaseFilter.ExtensionPresent("f", true))).hasSize(5);
    }

    /**
     * A case stored at schema version 2 is found by title after the upgrade to version 3, which
     * fills {@code title_folded}: exactly on H2 (Java's folding), by {@code LOWER()} elsewhere, which
     * agrees with it on ASCII.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theUpgradeToVersion3FoldsTheTitlesOfExistingCases(String database) throws Exception {
        TestDatabase db = DATABASES.get(database);
        JdbcStoreOptions options = JdbcStoreOptions.defaults().withTablePrefix(db.prefix + "up_");
        Statements sql = new Statements(options.tablePrefix(), db.dialect);
        try {
            db.jdbi.useHandle(h -> {
                for (String script : JdbcSchema.scripts(db.dialect, options).subList(0, 2)) {
                    for (String statement : SqlScript.statements(script, db.dialect)) {
                        h.execute(statement);
                    }
                }
                TimeColumns time = new TimeColumns(db.dialect);
                try (java.sql.PreparedStatement insert = h.getConnection().prepareStatement("INSERT INTO " + sql.caseTable
                        + " (tenant, id, type_id, version, title, description, extensions, created_by, created_at,"
                        + " updated_at) VALUES (?, ?, 'type', 1, ?, 'd', " + db.dialect.jsonParameter() + ", 'creator', ?, ?)")) {
                    String[][] rows = {{"ascii", "PRINTER on FIRE"}, {"dotted", "İSTANBUL"}};
                    for (String[] row : rows) {
                        insert.setString(1, TENANT.value());
                        insert.setString(2, row[0]);
                        insert.setString(3, row[1]);
                        insert.setString(4, "{}");
                        time.setInstant(insert, 5, Fixtures.CREATED);
                        time.setInstant(insert, 6, Fixtures.CREATED);
                        insert.executeUpdate();
                    }
                }
            });

            JdbcSchema.create(db.jdbi, options);
            JdbcSchema.validate(db.jdbi, options);
            JdbcCaseStore store = JdbcCaseStore.create(db.jdbi, options);

            assertThat(titleMatches(store, "printer ON fire")).containsExactly("ascii");
            if (db.dialect == JdbcDialect.H2) {
                assertThat(titleMatches(store, "istanbul")).containsExactly("dotted");
            }
            assertThat(store.count(TENANT, CaseQuery.builder().priorityIn(io.casekit.core.Priority.LOW).build())).isZero();
        } finally {
            db.jdbi.useHandle(h -> {
                for (String table : List.of(sql.caseTable, sql.historyTable, sql.caseTypeTable, sql.schemaTable)) {
                    h.execute("DROP TABLE IF EXISTS " + table);
                }
            });
        }
    }

    private static List<String> match(JdbcCaseStore store, CaseFilter filter) {
        CaseQuery q = CaseQuery.builder().filter(filter).build();
        List<String> found = ids(store.page(TENANT, q));
        assertThat(store.count(TENANT, q)).isEqualTo(found.size());
        return found;
    }

    private static Case insert(JdbcCaseStore store, String id, String title) {
        Case c = retitle(Fixtures.minimal(TENANT, id), title);
        store.insert(c, Fixtures.creation(c));
        return c;
    }

    /** The case with another title, at the same version. */
    private static Case retitle(Case c, String title) {
        return c.with("title", Optional.of(Value.text(title)));
    }

    private static List<String> titleMatches(JdbcCaseStore store, String text) {
        CaseQuery q = CaseQuery.builder().titleContains(text).build();
        List<String> found = ids(store.page(TENANT, q));
        assertThat(store.count(TENANT, q)).as("count of %s", text).isEqualTo(found.size());
        return found;
    }

    private static List<String> ids(CasePage page) {
        return page.cases().stream().map(c -> c.id().value()).toList();
    }
}

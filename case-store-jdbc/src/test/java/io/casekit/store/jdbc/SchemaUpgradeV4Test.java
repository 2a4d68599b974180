package io.casekit.store.jdbc;

import static io.casekit.store.jdbc.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casekit.core.Case;
import io.casekit.core.CaseState;
import io.casekit.core.ChangeKind;
import io.casekit.core.HistoryEntry;
import io.casekit.core.Priority;
import io.casekit.core.Value;
import io.casekit.core.query.CaseFilter;
import io.casekit.core.query.CaseQuery;
import io.casekit.core.template.CaseType;
import io.casekit.core.template.StatusFlow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A database at schema version 3, filled as the store of version 3 wrote it, upgrades in place to
 * version 4 through {@link JdbcSchema#create}: every case reads back equal with the lifecycle's
 * defaults (status Open, state Processing, not closed, not reopened), every history entry with the
 * kind its version implies (create for 1, modify after) and no remark, every case type with the
 * default status flow; the defaults that filled the columns are gone afterwards.
 */
class SchemaUpgradeV4Test {
    @RegisterExtension
    static final Databases DATABASES = Databases.requested();

    static List<String> databases() {
        return Databases.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSchemaThreeDatabaseUpgradesWithItsCasesHistoryAndTypesReadBackWithTheDefaults(String database)
            throws Exception {
        TestDatabase db = DATABASES.get(database);
        JdbcStoreOptions options = db.options().withTablePrefix(db.prefix + "v3_");
        String prefix = options.tablePrefix();
        Case full = Fixtures.full(TENANT, "full");
        Case naughty = SchemaUpgradeTest.naughty();
        Case minimal = Fixtures.minimal(TENANT, "minimal");
        List<HistoryEntry> naughtyHistory = SchemaUpgradeTest.naughtyHistory(naughty);
        CaseType type = TemplateFixtures.complaint(TENANT);
        try {
            db.jdbi.useHandle(h -> {
                for (String script : JdbcSchema.scripts(db.dialect, options).subList(0, 3)) {
                    for (String statement : SqlScript.statements(script, db.dialect)) {
                        h.execute(statement);
                    }
                }
                Connection c = h.getConnection();
                for (Case each : List.of(full, naughty, minimal)) {
                    V3.insertCase(c, db.dialect, prefix, each);
                }
                V3.insertHistory(c, db.dialect, prefix, Fixtures.creation(full));
                V3.insertHistory(c, db.dialect, prefix, Fixtures.creation(minimal));
                for (HistoryEntry entry : naughtyHistory) {
                    V3.insertHistory(c, db.dialect, prefix, entry);
                }
                V3.insertCaseType(c, prefix, type);
            });

            JdbcSchema.create(db.jdbi, options);
            JdbcSchema.validate(db.jdbi, options);

            JdbcCaseStore store = JdbcCaseStore.create(db.jdbi, options);
            for (Case expected : List.of(full, naughty, minimal)) {
                Case read = store.find(TENANT, expected.id()).orElseThrow();
                assertThat(read.status()).isEqualTo("Open");
                assertThat(read.state()).isEqualTo(CaseState.PROCESSING);
                assertThat(read.closedAt()).isEmpty();
                assertThat(read.closedReason()).isEmpty();
                assertThat(read.reopened()).isFalse();
                assertThat(read).isEqualTo(expected);
            }
            assertThat(store.history(TENANT, full.id())).containsExactly(Fixtures.creation(full));
            assertThat(store.history(TENANT, minimal.id())).containsExactly(Fixtures.creation(minimal));
            List<HistoryEntry> history = store.history(TENANT, naughty.id());
            assertThat(history).isEqualTo(naughtyHistory);
            assertThat(history).extracting(HistoryEntry::kind)
                    .containsExactly(ChangeKind.CREATE, ChangeKind.MODIFY, ChangeKind.MODIFY);
            assertThat(history).extracting(HistoryEntry::remark).containsOnly(Optional.empty());

            JdbcTemplateCatalog catalog = JdbcTemplateCatalog.create(db.jdbi, options);
            assertThat(catalog.find(TENANT, type.id())).contains(type);
            assertThat(catalog.find(TENANT, type.id()).orElseThrow().statusFlow()).isEqualTo(StatusFlow.DEFAULT);

            // The new filters and statistics work on the upgraded rows.
            assertThat(store.count(TENANT, CaseQuery.builder().filter(new CaseFilter.StatusIn(Set.of("Open"))).build()))
                    .isEqualTo(3);
            assertThat(store.count(TENANT, CaseQuery.builder()
                    .filter(new CaseFilter.StateIn(Set.of(CaseState.PROCESSING))).build())).isEqualTo(3);
            assertThat(store.statistics(TENANT, Fixtures.CREATED, Fixtures.CREATED.plusMillis(1),
                    java.time.LocalDateTime.of(2026, 1, 1, 0, 0)).unfinishedCases()).isEqualTo(3);

            // The defaults that filled the new columns are gone: a write must name them.
            assertThatThrownBy(() -> db.jdbi.useHandle(h -> h.execute("INSERT INTO " + prefix + "case_history"
                    + " (tenant, case_id, version, changed_at, actor, changes) VALUES ('t1', 'minimal', 2,"
                    + " CURRENT_TIMESTAMP, 'x', '[]')"))).isNotNull();
            assertThat(store.history(TENANT, minimal.id())).hasSize(1);

            // And the upgraded tables take the lifecycle's writes.
            Case closed = minimal.toBuilder().version(2).state(CaseState.COMPLETED).closedAt(Fixtures.CREATED.plusSeconds(5))
                    .closedReason("done").build();
            HistoryEntry close = new HistoryEntry(TENANT, minimal.id(), 2, Fixtures.CREATED.plusSeconds(5), "op",
                    List.of(new io.casekit.core.FieldChange("state", Optional.of(Value.text("Processing")),
                            Optional.of(Value.text("Completed")))), ChangeKind.CLOSE, Optional.of("remark"));
            store.update(closed, 1, close);
            assertThat(store.find(TENANT, minimal.id())).contains(closed);
            assertThat(store.history(TENANT, minimal.id())).containsExactly(Fixtures.creation(minimal), close);
        } finally {
            SchemaUpgradeTest.drop(db, prefix);
        }
    }

    /** The rows as the store of schema version 3 wrote them. */
    static final class V3 {
        private V3() {}

        static void insertCase(Connection h, JdbcDialect dialect, String prefix, Case c) throws SQLException {
            TimeColumns time = new TimeColumns(dialect);
            try (PreparedStatement insert = h.prepareStatement("INSERT INTO " + prefix + "case ("
                    + SchemaUpgradeTest.V1.CASE_COLUMNS + ", title_folded) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + dialect.jsonParameter() + ", ?, ?, ?, ?)")) {
                insert.setString(1, c.tenant().value());
                insert.setString(2, c.id().value());
                insert.setString(3, c.typeId().value());
                insert.setLong(4, c.version());
                insert.setString(5, c.title());
                insert.setString(6, c.description());
                insert.setString(7, c.ownerId().orElse(null));
                insert.setString(8, c.priority().map(Priority::wireName).orElse(null));
                time.setDueDate(insert, 9, c.dueDate());
                insert.setString(10, c.contactId().orElse(null));
                insert.setString(11, c.contactPhone().orElse(null));
                insert.setString(12, c.attachment().orElse(null));
                insert.setString(13, ValueColumns.extensions(c.extensions()));
                insert.setString(14, c.createdBy());
                time.setInstant(insert, 15, c.createdAt());
                time.setInstant(insert, 16, c.updatedAt());
                insert.setString(17, CaseFilter.TitleContains.fold(c.title()));
                insert.executeUpdate();
            }
        }

        static void insertHistory(Connection h, JdbcDialect dialect, String prefix, HistoryEntry e) throws SQLException {
            try (PreparedStatement insert = h.prepareStatement("INSERT INTO " + prefix + "case_history"
                    + " (tenant, case_id, version, changed_at, actor, changes) VALUES (?, ?, ?, ?, ?, "
                    + dialect.jsonParameter() + ")")) {
                insert.setString(1, e.tenant().value());
                insert.setString(2, e.caseId().value());
                insert.setLong(3, e.version());
                new TimeColumns(dialect).setInstant(insert, 4, e.at());
                insert.setString(5, e.actor());
                insert.setString(6, ValueColumns.changes(e.changes()));
                insert.executeUpdate();
            }
        }

        static void insertCaseType(Connection h, String prefix, CaseType type) throws SQLException {
            try (PreparedStatement insert = h.prepareStatement("INSERT INTO " + prefix + "case_type"
                    + " (tenant, id, name, fields) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, type.tenant().value());
                insert.setString(2, type.id().value());
                insert.setString(3, type.name());
                insert.setString(4, TemplateColumns.fields(type.fields()));
                insert.executeUpdate();
            }
        }
    }
}

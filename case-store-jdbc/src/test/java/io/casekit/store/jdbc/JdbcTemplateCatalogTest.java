package io.casekit.store.jdbc;

import static io.casekit.store.jdbc.Fixtures.OTHER_TENANT;
import static io.casekit.store.jdbc.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casekit.core.CaseTypeId;
import io.casekit.core.StorageUnavailableException;
import io.casekit.core.template.CaseType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JdbcTemplateCatalogTest {
    private static final Duration TTL_DURATION = Duration.ofSeconds(10);
    private static final long TTL = TTL_DURATION.toNanos();

    @RegisterExtension
    static final Databases DATABASES = Databases.requested();

    static List<String> databases() {
        return Databases.names();
    }

    /** A catalog whose cache runs on a clock the test moves, with the default size bound. */
    private static JdbcTemplateCatalog catalog(TestDatabase db, AtomicLong nanos) {
        return catalog(db, nanos, JdbcStoreOptions.DEFAULT_TEMPLATE_CACHE_MAXIMUM_SIZE);
    }

    private static JdbcTemplateCatalog catalog(TestDatabase db, AtomicLong nanos, long maximumSize) {
        return new JdbcTemplateCatalog(new Database(db.jdbi, db.options()), TTL_DURATION, maximumSize, nanos::get);
    }

    private static void askForDistinctUnknownIds(JdbcTemplateCatalog catalog, int count) {
        for (int i = 0; i < count; i++) {
            assertThat(catalog.find(TENANT, CaseTypeId.of("unknown" + i))).isEmpty();
        }
    }

    private static void deleteTypeBehindTheCatalogsBack(TestDatabase db, CaseTypeId id) {
        db.jdbi.useHandle(h -> h.createUpdate("DELETE FROM " + db.prefix + "case_type WHERE id = ?")
                .bind(0, id.value()).execute());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSavedTypeReadsBackWithEveryOptionAndTenantScope(String database) {
        TestDatabase db = DATABASES.get(database);
        CaseType complaint = TemplateFixtures.complaint(TENANT);
        db.catalog().save(complaint);

        JdbcTemplateCatalog fresh = db.catalog();
        assertThat(fresh.find(TENANT, complaint.id())).contains(complaint);
        assertThat(fresh.find(OTHER_TENANT, complaint.id())).isEmpty();
        assertThat(fresh.find(TENANT, CaseTypeId.of("nope"))).isEmpty();
        CaseType read = fresh.find(TENANT, complaint.id()).orElseThrow();
        assertThat(read.field("AICC__notes__CST").orElseThrow().maxBytes()).hasValue(255);
        assertThat(read.field("AICC__body__CST").orElseThrow().maxBytes()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSaveReplacesTheDefinitionAndTheSavingInstanceSeesItAtOnce(String database) {
        TestDatabase db = DATABASES.get(database);
        AtomicLong nanos = new AtomicLong();
        JdbcTemplateCatalog catalog = catalog(db, nanos);
        catalog.save(TemplateFixtures.simple(TENANT, Fixtures.TYPE, "first"));
        assertThat(catalog.find(TENANT, Fixtures.TYPE).orElseThrow().name()).isEqualTo("first");

        CaseType second = TemplateFixtures.complaint(TENANT);
        catalog.save(second);

        assertThat(catalog.find(TENANT, Fixtures.TYPE)).contains(second);
        assertThat(catalog.list(TENANT)).containsExactly(second);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void listHasTheTenantsTypesOrderedById(String database) {
        TestDatabase db = DATABASES.get(database);
        JdbcTemplateCatalog catalog = db.catalog();
        for (String id : List.of("b", "a", "_x", "A", "Z9", "0")) {
            catalog.save(TemplateFixtures.simple(TENANT, CaseTypeId.of(id), "type " + id));
        }
        catalog.save(TemplateFixtures.simple(OTHER_TENANT, CaseTypeId.of("other"), "other"));

        assertThat(catalog.list(TENANT)).extracting(t -> t.id().value()).containsExactly("0", "A", "Z9", "_x", "a", "b");
        assertThat(catalog.list(OTHER_TENANT)).extracting(CaseType::name).containsExactly("other");
        assertThat(catalog.list(io.casekit.core.TenantId.of("empty"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aCachedTypeIsServedWithoutTheDatabaseUntilItsTimeToLiveEnds(String database) {
        TestDatabase db = DATABASES.get(database);
        AtomicLong nanos = new AtomicLong(1_000);
        JdbcTemplateCatalog catalog = catalog(db, nanos);
        CaseType type = TemplateFixtures.complaint(TENANT);
        db.catalog().save(type);
        assertThat(catalog.find(TENANT, type.id())).contains(type);

        deleteTypeBehindTheCatalogsBack(db, type.id());
        nanos.addAndGet(TTL - 1);
        assertThat(catalog.find(TENANT, type.id())).as("within the time-to-live").contains(type);

        nanos.addAndGet(1);
        assertThat(catalog.find(TENANT, type.id())).as("once it ended").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anotherProcessesSaveIsSeenOnceTheCachedEntryIsOlderThanTheTimeToLive(String database) {
        TestDatabase db = DATABASES.get(database);
        AtomicLong nanos = new AtomicLong();
        JdbcTemplateCatalog mine = catalog(db, nanos);
        JdbcTemplateCatalog otherProcess = db.catalog();
        assertThat(mine.find(TENANT, Fixtures.TYPE)).isEmpty();

        CaseType saved = TemplateFixtures.complaint(TENANT);
        otherProcess.save(saved);
        assertThat(mine.find(TENANT, Fixtures.TYPE)).as("absence is cached too").isEmpty();

        nanos.addAndGet(TTL);
        assertThat(mine.find(TENANT, Fixtures.TYPE)).contains(saved);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void twoThousandDistinctUnknownIdsLeaveTheCacheAtMostAtItsBound(String database) {
        TestDatabase db = DATABASES.get(database);
        JdbcTemplateCatalog catalog = JdbcTemplateCatalog.create(db.jdbi, db.options());

        askForDistinctUnknownIds(catalog, 2_000);

        assertThat(catalog.cachedEntries()).isPositive()
                .isLessThanOrEqualTo(JdbcStoreOptions.DEFAULT_TEMPLATE_CACHE_MAXIMUM_SIZE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aFloodOfUnknownIdsStaysWithinASmallBoundAndDoesNotMakeAKnownTypeWrong(String database) {
        TestDatabase db = DATABASES.get(database);
        JdbcTemplateCatalog catalog = catalog(db, new AtomicLong(), 50);
        CaseType type = TemplateFixtures.complaint(TENANT);
        catalog.save(type);
        assertThat(catalog.find(TENANT, type.id())).contains(type);

        askForDistinctUnknownIds(catalog, 2_000);

        assertThat(catalog.cachedEntries()).isLessThanOrEqualTo(50);
        assertThat(catalog.find(TENANT, type.id())).contains(type);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void cachedEntriesAreGoneOnceTheTimeToLiveHasPassed(String database) {
        TestDatabase db = DATABASES.get(database);
        AtomicLong nanos = new AtomicLong(1_000);
        JdbcTemplateCatalog catalog = catalog(db, nanos);
        catalog.save(TemplateFixtures.complaint(TENANT));
        assertThat(catalog.find(TENANT, Fixtures.TYPE)).isPresent();
        askForDistinctUnknownIds(catalog, 100);
        assertThat(catalog.cachedEntries()).isEqualTo(101);

        nanos.addAndGet(TTL - 1);
        assertThat(catalog.cachedEntries()).as("within the time-to-live").isEqualTo(101);

        nanos.addAndGet(1);
        assertThat(catalog.cachedEntries()).as("once it has passed").isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aTypeSavedAfterItsAbsenceWasCachedIsSeenAtOnce(String database) {
        TestDatabase db = DATABASES.get(database);
        JdbcTemplateCatalog catalog = catalog(db, new AtomicLong());
        assertThat(catalog.find(TENANT, Fixtures.TYPE)).isEmpty();
        assertThat(catalog.cachedEntries()).as("absence is cached").isEqualTo(1);

        CaseType saved = TemplateFixtures.complaint(TENANT);
        catalog.save(saved);

        assertThat(catalog.find(TENANT, Fixtures.TYPE)).contains(saved);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aZeroMaximumSizeTurnsTheCacheOff(String database) {
        TestDatabase db = DATABASES.get(database);
        JdbcTemplateCatalog catalog = JdbcTemplateCatalog.create(db.jdbi, db.options().withTemplateCacheMaximumSize(0));
        CaseType type = TemplateFixtures.complaint(TENANT);
        catalog.save(type);
        assertThat(catalog.find(TENANT, type.id())).contains(type);
        assertThat(catalog.cachedEntries()).isZero();

        deleteTypeBehindTheCatalogsBack(db, type.id());

        assertThat(catalog.find(TENANT, type.id())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aZeroTimeToLiveReadsTheDatabaseEveryTime(String database) {
        TestDatabase db = DATABASES.get(database);
        JdbcTemplateCatalog catalog = JdbcTemplateCatalog.create(db.jdbi, db.options().withTemplateCacheTtl(Duration.ZERO));
        CaseType type = TemplateFixtures.complaint(TENANT);
        catalog.save(type);
        assertThat(catalog.find(TENANT, type.id())).contains(type);

        deleteTypeBehindTheCatalogsBack(db, type.id());

        assertThat(catalog.find(TENANT, type.id())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void whatWasReadInsideAHostTransactionThatRolledBackIsNotCached(String database) {
        TestDatabase db = DATABASES.get(database);
        JdbcTemplateCatalog catalog = catalog(db, new AtomicLong());
        CaseType type = TemplateFixtures.complaint(TENANT);

        assertThatThrownBy(() -> db.jdbi.useTransaction(h -> {
            catalog.save(type);
            assertThat(catalog.find(TENANT, type.id())).contains(type);
            throw new IllegalStateException("host rolls back");
        })).hasMessage("host rolls back");

        assertThat(catalog.find(TENANT, type.id())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void withoutItsTableTheCatalogFailsAsUnavailable(String database) {
        TestDatabase db = DATABASES.get(database);
        JdbcTemplateCatalog catalog = JdbcTemplateCatalog.create(db.jdbi, db.options().withTablePrefix("cknotables_"));
        assertThatThrownBy(() -> catalog.find(TENANT, Fixtures.TYPE))
                .isInstanceOf(StorageUnavailableException.class).hasMessage(Failures.NO_SCHEMA);
        assertThatThrownBy(() -> catalog.list(TENANT))
                .isInstanceOf(StorageUnavailableException.class).hasMessage(Failures.NO_SCHEMA);
        assertThatThrownBy(() -> catalog.save(TemplateFixtures.complaint(TENANT)))
                .isInstanceOf(StorageUnavailableException.class).hasMessage(Failures.NO_SCHEMA);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aStoredDefinitionThatCanNotBeReadIsUnavailableNotACrash(String database) {
        TestDatabase db = DATABASES.get(database);
        db.jdbi.useHandle(h -> h.createUpdate("INSERT INTO " + db.prefix + "case_type (tenant, id, name, fields)"
                + " VALUES (?, ?, ?, ?)").bind(0, TENANT.value()).bind(1, "broken").bind(2, "Broken")
                .bind(3, "9:truncated").execute());

        assertThatThrownBy(() -> db.catalog().find(TENANT, CaseTypeId.of("broken")))
                .isInstanceOf(StorageUnavailableException.class).hasMessage(Failures.UNREADABLE);
    }
}

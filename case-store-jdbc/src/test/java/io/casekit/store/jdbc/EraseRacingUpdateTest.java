package io.casekit.store.jdbc;

import static io.casekit.store.jdbc.Fixtures.TENANT;
import static io.casekit.store.jdbc.Fixtures.creation;
import static io.casekit.store.jdbc.Fixtures.minimal;
import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.Case;
import io.casekit.core.HistoryEntry;
import io.casekit.core.Value;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An erase that waits for an update of the same case still in flight leaves nothing of the case
 * behind, its history included. (When erase deleted the history first, that delete could not see
 * the update's history row, not yet committed, and left it: a case gone with one history row kept,
 * the first version a new case of the same id would write, so that every update of it would be a
 * conflict.)
 *
 * <p>Deterministic: the update runs in a host transaction that holds its lock until the erase has
 * started and waits, then commits.
 */
class EraseRacingUpdateTest {
    @RegisterExtension
    static final Databases DATABASES = Databases.requested();

    static List<String> databases() {
        return Databases.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anEraseThatWaitedForAnUpdateLeavesNoHistoryBehind(String database) throws Exception {
        TestDatabase db = DATABASES.get(database);
        Jdbi hostJdbi = Jdbi.create(db.pool(1, true, db.sessionZone()));
        JdbcCaseStore host = JdbcCaseStore.create(hostJdbi, db.options());
        JdbcCaseStore eraser = JdbcCaseStore.create(Jdbi.create(db.pool(1, true, db.sessionZone())), db.options());
        Case c = minimal(TENANT, "orphan");
        host.insert(c, creation(c));
        Fixtures.Change change = Fixtures.change(c, "title", Optional.of(Value.text("x")), "a");
        CountDownLatch updated = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> hostDone = pool.submit(() -> {
                hostJdbi.useTransaction(h -> {
                    host.update(change.updated(), 1, change.entry());
                    updated.countDown();
                    release.await(60, TimeUnit.SECONDS);
                });
                return null;
            });
            assertThat(updated.await(60, TimeUnit.SECONDS)).isTrue();
            Future<Boolean> erased = pool.submit(() -> eraser.erase(TENANT, c.id()));
            db.waitUntilASessionWaitsForALock();
            release.countDown();
            hostDone.get(60, TimeUnit.SECONDS);
            assertThat(erased.get(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            release.countDown();
            pool.shutdownNow();
        }

        assertThat(eraser.find(TENANT, c.id())).isEmpty();
        List<Long> left = eraser.history(TENANT, c.id()).stream().map(HistoryEntry::version).toList();
        assertThat(left).as("history rows of an erased case").isEmpty();
    }
}

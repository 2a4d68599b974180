package io.casekit.store.jdbc;

import static io.casekit.store.jdbc.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.casekit.core.Case;
import io.casekit.core.CaseConflictException;
import io.casekit.core.Value;
import java.util.Optional;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A serialization failure (SQLState 40001) raised by PostgreSQL itself is a retryable conflict: a
 * host transaction at REPEATABLE READ whose snapshot predates a concurrent change can not update the
 * case.
 */
class PostgreSqlSerializationTest {
    @RegisterExtension
    static final Databases DATABASES = Databases.only(TestDatabase.POSTGRESQL);

    @Test
    void aSerializationFailureIsARetryableConflictThatWritesNothing() {
        TestDatabase db = DATABASES.get(TestDatabase.POSTGRESQL);
        JdbcCaseStore store = db.store();
        JdbcCaseStore otherProcess = JdbcCaseStore.create(
                org.jdbi.v3.core.Jdbi.create(db.pool(1, true, db.sessionZone())), db.options());
        Case c = Fixtures.minimal(TENANT, "serial");
        store.insert(c, Fixtures.creation(c));
        Fixtures.Change mine = Fixtures.change(c, "title", Optional.of(Value.text("mine")), "a");
        Fixtures.Change theirs = Fixtures.change(c, "title", Optional.of(Value.text("theirs")), "b");

        CaseConflictException e = catchThrowableOfType(CaseConflictException.class,
                () -> db.jdbi.useTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
                    assertThat(store.find(TENANT, c.id())).contains(c);
                    otherProcess.update(theirs.updated(), 1, theirs.entry());
                    store.update(mine.updated(), 1, mine.entry());
                }));

        assertThat(e.retryable()).isTrue();
        assertThat(e.actualVersion()).isEmpty();
        assertThat(e.expectedVersion()).isEqualTo(1);
        assertThat(e.getMessage()).isEqualTo("Case serial was changed concurrently");
        assertThat(store.find(TENANT, c.id())).contains(theirs.updated());
        assertThat(store.history(TENANT, c.id())).containsExactly(Fixtures.creation(c), theirs.entry());
    }
}

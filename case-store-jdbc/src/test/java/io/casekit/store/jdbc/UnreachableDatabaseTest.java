package io.casekit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casekit.core.CaseId;
import io.casekit.core.StorageUnavailableException;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A database that can not be reached is a retryable StorageUnavailableException that says no more. */
class UnreachableDatabaseTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "POSTGRESQL, jdbc:postgresql://127.0.0.1:1/test?user=postgres&connectTimeout=2",
            "MARIADB,    jdbc:mariadb://127.0.0.1:1/test?user=root&connectTimeout=2000",
            "H2,         jdbc:h2:tcp://127.0.0.1:1/mem:nothing"})
    void everyOperationFailsAsUnreachableWithoutDriverText(JdbcDialect dialect, String url) {
        Jdbi jdbi = Jdbi.create(url);
        JdbcStoreOptions options = JdbcStoreOptions.defaults().withDialect(dialect);
        JdbcCaseStore store = JdbcCaseStore.create(jdbi, options);

        StorageUnavailableException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                StorageUnavailableException.class, () -> store.find(Fixtures.TENANT, CaseId.of("x")));

        assertThat(e.getMessage()).isEqualTo(Failures.UNREACHABLE);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getCause()).isNotNull();
        assertThatThrownBy(() -> JdbcTemplateCatalog.create(jdbi, options).list(Fixtures.TENANT))
                .isInstanceOf(StorageUnavailableException.class).hasMessage(Failures.UNREACHABLE);
        assertThatThrownBy(() -> JdbcSchema.create(jdbi, options))
                .isInstanceOf(StorageUnavailableException.class).hasMessage(Failures.UNREACHABLE);
        assertThatThrownBy(() -> JdbcSchema.currentVersion(jdbi, options))
                .isInstanceOf(StorageUnavailableException.class).hasMessage(Failures.UNREACHABLE);
        assertThatThrownBy(() -> JdbcCaseStore.create(jdbi))
                .as("detecting the dialect").isInstanceOf(StorageUnavailableException.class)
                .hasMessage(Failures.UNREACHABLE);
    }
}

package io.casekit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.StorageUnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailuresTest {

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
            // What the drivers report, by SQLState and vendor code.
            "POSTGRESQL, 23505, 0,     DUPLICATE_KEY",
            "H2,         23505, 23505, DUPLICATE_KEY",
            "MARIADB,    23000, 1062,  DUPLICATE_KEY",
            "MARIADB,    23000, 1048,  OTHER",
            "POSTGRESQL, 23503, 0,     OTHER",
            "POSTGRESQL, 40001, 0,     CONCURRENT_TRANSACTION",
            "POSTGRESQL, 40P01, 0,     CONCURRENT_TRANSACTION",
            "POSTGRESQL, 55P03, 0,     CONCURRENT_TRANSACTION",
            "POSTGRESQL, 57014, 0,     OTHER",
            "MARIADB,    40001, 1213,  CONCURRENT_TRANSACTION",
            "MARIADB,    HY000, 1205,  CONCURRENT_TRANSACTION",
            "MARIADB,    HY000, 1146,  OTHER",
            "H2,         40001, 40001, CONCURRENT_TRANSACTION",
            "H2,         HYT00, 50200, CONCURRENT_TRANSACTION",
            "H2,         90131, 90131, CONCURRENT_TRANSACTION",
            "H2,         42S02, 42104, OTHER",
            "POSTGRESQL, 08001, 0,     CONNECTION",
            "POSTGRESQL, 08006, 0,     CONNECTION",
            "POSTGRESQL, 57P01, 0,     CONNECTION",
            "POSTGRESQL, 57P02, 0,     CONNECTION",
            "POSTGRESQL, 57P03, 0,     CONNECTION",
            "MARIADB,    08000, 0,     CONNECTION",
            "POSTGRESQL, 42P01, 0,     OTHER",
            "POSTGRESQL, 1205,  1205,  OTHER",
    })
    void sqlStatesAndVendorCodesAreClassified(JdbcDialect dialect, String state, int code, Failures.Kind expected) {
        SQLException driver = new SQLException("ERROR: something in SELECT * FROM casekit_case", state, code);
        assertThat(Failures.classify(driver, dialect)).isEqualTo(expected);
        assertThat(Failures.classify(new UnableToExecuteStatementException(driver, null), dialect)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"42P01, true", "42703, true", "42S02, true", "42S22, true", "42S03, true", "42S04, true",
            "08001, false", "42000, false", "23505, false"})
    void aMissingTableOrColumnIsToldBySqlState(String state, boolean missing) {
        SQLException driver = new SQLException("Table \"CASEKIT_SCHEMA_VERSION\" not found", state, 0);
        assertThat(Failures.isMissingSchema(new UnableToExecuteStatementException(driver, null))).isEqualTo(missing);
        assertThat(Failures.unavailable(driver, JdbcDialect.H2).getMessage())
                .isEqualTo(missing ? Failures.NO_SCHEMA : state.startsWith("08") ? Failures.UNREACHABLE : Failures.FAILED);
    }

    @Test
    void theCauseChainIsWalkedPastExceptionsWithoutAState() {
        SQLException deadlock = new SQLException("Deadlock found", "40001", 1213);
        SQLException wrapper = new SQLException("batch failed", null, 0, deadlock);
        assertThat(Failures.classify(new UnableToExecuteStatementException(wrapper, null), JdbcDialect.MARIADB))
                .isEqualTo(Failures.Kind.CONCURRENT_TRANSACTION);
    }

    @Test
    void aPoolTimeoutWithoutAStateIsAConnectionFailure() {
        SQLException timeout = new SQLTransientConnectionException("pool - Connection is not available", (String) null);
        assertThat(Failures.classify(new ConnectionException(timeout), JdbcDialect.POSTGRESQL))
                .isEqualTo(Failures.Kind.CONNECTION);
    }

    @Test
    void aCyclicCauseChainEnds() {
        SQLException a = new SQLException("a");
        SQLException b = new SQLException("b", a);
        a.initCause(b);
        assertThat(Failures.classify(a, JdbcDialect.H2)).isEqualTo(Failures.Kind.OTHER);
    }

    @Test
    void theCallersMessageHoldsNoSqlOrDriverTextButTheCauseDoes() {
        SQLException driver = new SQLException("ERROR: relation \"casekit_case\" does not exist, SELECT version FROM",
                "42P01", 0);
        UnableToExecuteStatementException jdbi = new UnableToExecuteStatementException(driver, null);

        StorageUnavailableException e = Failures.unavailable(jdbi, JdbcDialect.POSTGRESQL);

        assertThat(e.getMessage()).isEqualTo(Failures.NO_SCHEMA).doesNotContain("casekit_case").doesNotContain("SELECT");
        assertThat(e.getCause()).isSameAs(jdbi);
        assertThat(e.retryable()).isTrue();
        assertThat(Failures.unavailable(new SQLException("ERROR: division by zero in SELECT 1/0", "22012"),
                JdbcDialect.POSTGRESQL).getMessage()).isEqualTo(Failures.FAILED);
        assertThat(Failures.unavailable(new SQLException("Connection refused", "08001"), JdbcDialect.POSTGRESQL)
                .getMessage()).isEqualTo(Failures.UNREACHABLE);
        assertThat(Failures.unavailable(new RuntimeException(new MalformedColumnException("at 3")),
                JdbcDialect.H2).getMessage()).isEqualTo(Failures.UNREADABLE);
    }
}

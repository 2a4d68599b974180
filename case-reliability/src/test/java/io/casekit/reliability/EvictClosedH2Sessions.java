package io.casekit.reliability;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;

/**
 * Tells HikariCP to drop an H2 connection whose session is gone. H2 reports a killed session with
 * its own SQLStates (such as {@code 90121}, "database is already closed"), which HikariCP does not
 * know, so without this it would hand the dead connection to the next borrower. PostgreSQL and
 * MariaDB report a broken session with SQLStates HikariCP knows ({@code 08…}, {@code 57P01}) and
 * need nothing.
 */
final class EvictClosedH2Sessions implements SQLExceptionOverride {
    @java.lang.Override
    public Override adjudicate(SQLException e) {
        return e instanceof SQLNonTransientConnectionException ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}

package io.casekit.store.jdbc;

import static io.casekit.store.jdbc.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.Case;
import io.casekit.core.CaseId;
import io.casekit.core.HistoryEntry;
import io.casekit.core.Value;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code dueDate}, DATE and DATETIME values and the instants come back exactly as given whatever the
 * JVM default zone and the database session zone. The build runs this class twice: in the JVM's
 * usual zone, and in a JVM started in {@code Pacific/Chatham} (UTC+12:45, +13:45 in summer), which
 * {@link #theJvmRunsInTheZoneTheBuildAskedFor} proves. Every test connection runs in a session zone
 * of its own ({@code America/St_Johns}, UTC-03:30), and the values are also read back through
 * connections in yet another one ({@code Asia/Kathmandu}, UTC+05:45).
 */
class ZoneIndependenceTest {
    @RegisterExtension
    static final Databases DATABASES = Databases.requested();

    /** Date-times that do not exist in some of the zones involved (DST gaps), and the edges of the format. */
    private static final List<LocalDateTime> DATE_TIMES = List.of(
            LocalDateTime.of(2023, 6, 20, 0, 0, 0),
            LocalDateTime.of(2024, 9, 29, 3, 0, 0),      // in Chatham's spring-forward gap (02:45 -> 03:45)
            LocalDateTime.of(2024, 3, 10, 2, 30, 0),     // in St. John's spring-forward gap
            LocalDateTime.of(2024, 11, 3, 1, 30, 0),     // St. John's repeats 01:30 in the autumn
            LocalDateTime.of(1970, 1, 1, 0, 0, 0),
            LocalDateTime.of(1, 1, 1, 0, 0, 0),
            LocalDateTime.of(9999, 12, 31, 23, 59, 59));
    private static final List<LocalDate> DATES = List.of(
            LocalDate.of(2024, 2, 29), LocalDate.of(1970, 1, 1), LocalDate.of(2024, 9, 29), LocalDate.of(1, 1, 1),
            LocalDate.of(9999, 12, 31));
    private static final Instant AT = Instant.parse("2024-09-28T14:15:00.123Z");

    static List<String> databases() {
        return Databases.names();
    }

    @Test
    void theJvmRunsInTheZoneTheBuildAskedFor() {
        String expected = System.getProperty("casekit.expectedJvmZone", "");
        Assumptions.assumeFalse(expected.isEmpty(), "Skipped: this run does not start the JVM in a chosen zone");
        assertThat(TimeZone.getDefault().getID()).isEqualTo(expected);
        assertThat(ZoneId.systemDefault().getRules().getOffset(AT).getTotalSeconds()).isNotZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theDatabaseSessionRunsInAZoneOfItsOwn(String database) {
        TestDatabase db = DATABASES.get(database);
        String sessionZone = db.jdbi.withHandle(h -> h.createQuery(db.sessionZoneQuery()).mapTo(String.class).one());
        assertThat(sessionZone).isEqualTo(db.sessionZone()).isNotEqualTo(TimeZone.getDefault().getID());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void dateAndTimeValuesComeBackUnchangedThroughAnotherSessionZone(String database) {
        TestDatabase db = DATABASES.get(database);
        JdbcCaseStore writer = db.store();
        JdbcCaseStore reader = JdbcCaseStore.create(Jdbi.create(db.pool(1, true, db.otherSessionZone())), db.options());

        for (int i = 0; i < DATE_TIMES.size(); i++) {
            Map<String, Value> extensions = new TreeMap<>();
            extensions.put("AICC__call__CST", Value.dateTime(DATE_TIMES.get(i)));
            extensions.put("AICC__born__CST", Value.date(DATES.get(i % DATES.size())));
            Case c = Case.builder().tenant(TENANT).id(CaseId.of("zone" + i)).typeId(Fixtures.TYPE)
                    .title("t").description("d")
                    .dueDate(dueDate(DATE_TIMES.get(i)))
                    .extensions(extensions)
                    .version(1).createdBy("me").createdAt(AT.plusMillis(i)).updatedAt(AT.plusMillis(i))
                    .build();
            HistoryEntry creation = Fixtures.creation(c);
            writer.insert(c, creation);

            assertThat(reader.find(TENANT, c.id())).contains(c);
            assertThat(reader.history(TENANT, c.id())).containsExactly(creation);
            assertThat(writer.find(TENANT, c.id())).contains(c);
        }
    }

    /**
     * What a host reads in SQL, in the database's own date-time functions, is the instant and the due
     * date as written, whatever the JVM, the writer's and the reader's session zones: the instants as
     * epoch seconds, the due date as its text.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theStoredColumnsHoldTheInstantsAndTheLocalDueDateWhateverTheZones(String database) {
        TestDatabase db = DATABASES.get(database);
        Instant at = AT.plusMillis(250);
        Case c = Case.builder().tenant(TENANT).id(CaseId.of("raw")).typeId(Fixtures.TYPE)
                .title("t").description("d")
                .dueDate(LocalDateTime.of(2023, 6, 20, 0, 0, 0))
                .version(1).createdBy("me").createdAt(at).updatedAt(at)
                .build();
        db.store().insert(c, Fixtures.creation(c));

        String epochMillis = switch (db.dialect) {
            case POSTGRESQL -> "CAST(EXTRACT(EPOCH FROM created_at) * 1000 AS BIGINT)";
            // MariaDB's DATETIME holds the UTC date-time; TIMESTAMPDIFF reads it without any zone.
            case MARIADB -> "TIMESTAMPDIFF(MICROSECOND, TIMESTAMP '1970-01-01 00:00:00', created_at) DIV 1000";
            case H2 -> "DATEDIFF(MILLISECOND, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00', created_at)";
        };
        String dueText = switch (db.dialect) {
            case POSTGRESQL -> "TO_CHAR(due_date, 'YYYY-MM-DD HH24:MI:SS')";
            case MARIADB -> "DATE_FORMAT(due_date, '%Y-%m-%d %H:%i:%s')";
            case H2 -> "FORMATDATETIME(due_date, 'yyyy-MM-dd HH:mm:ss')";
        };
        Jdbi otherZone = Jdbi.create(db.pool(1, true, db.otherSessionZone()));
        Map<String, Object> row = otherZone.withHandle(h -> h.createQuery("SELECT " + epochMillis + " AS at_millis, "
                        + dueText + " AS due FROM " + db.prefix + "case WHERE id = 'raw'")
                .mapToMap().one());
        assertThat(((Number) row.get("at_millis")).longValue()).isEqualTo(at.toEpochMilli());
        assertThat(row.get("due")).isEqualTo("2023-06-20 00:00:00");
    }

    private static LocalDateTime dueDate(LocalDateTime d) {
        return d.getYear() < 1000 ? LocalDateTime.of(1000, 1, 1, 0, 0) : d;
    }
}

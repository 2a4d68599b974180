package io.casekit.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The date-time columns of schema version 2, bound and read so that no JVM or session time zone can
 * shift them.
 *
 * <ul>
 *   <li>Instants ({@code created_at}, {@code updated_at}, {@code changed_at}): PostgreSQL
 *       {@code TIMESTAMP(3) WITH TIME ZONE} and H2 {@code TIMESTAMP(3) WITH TIME ZONE}, bound as an
 *       {@link OffsetDateTime} at UTC; MariaDB {@code DATETIME(3)} holding the UTC date-time (its
 *       {@code TIMESTAMP} ends in 2038), bound as a {@link LocalDateTime}.</li>
 *   <li>{@code due_date}, a local date-time without zone: {@code TIMESTAMP(0)} (PostgreSQL, H2) and
 *       {@code DATETIME(0)} (MariaDB), bound as a {@link LocalDateTime}.</li>
 * </ul>
 *
 * <p><b>Range</b> (our decision): MariaDB's {@code DATETIME} holds the years 1000 to 9999 only, and
 * results must be the same on every database, so the store keeps instants from
 * {@link #EARLIEST} to {@link #LATEST} to the millisecond, and due dates of the years 1000 to 9999,
 * on every dialect. The rules accept no due date outside that range (case-core's dueDate rule);
 * the store refuses what reaches it anyway with an {@link IllegalArgumentException} rather than
 * write a value it would read back otherwise.
 */
final class TimeColumns {
    /** The earliest instant the store keeps: {@code 1000-01-01T00:00:00Z}. */
    static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");
    /** The latest instant the store keeps: {@code 9999-12-31T23:59:59.999Z}. */
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private final JdbcDialect dialect;

    TimeColumns(JdbcDialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Checks that the store can keep an instant exactly.
     *
     * @throws IllegalArgumentException when it has a part finer than a millisecond or lies outside
     *                                  {@link #EARLIEST} to {@link #LATEST}
     */
    static Instant keepable(Instant instant) {
        if (instant.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException("The case store keeps instants to the millisecond; "
                    + instant + " has a finer part");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new IllegalArgumentException("The case store keeps instants from " + EARLIEST + " to " + LATEST
                    + "; " + instant + " is outside");
        }
        return instant;
    }

    /**
     * Checks that the store can keep a due date exactly.
     *
     * @throws IllegalArgumentException when it has a fraction of a second or lies outside the years 1000 to 9999
     */
    static LocalDateTime keepable(LocalDateTime dueDate) {
        if (dueDate.getNano() != 0) {
            throw new IllegalArgumentException("The case store keeps due dates to the second; " + dueDate
                    + " has a fraction");
        }
        if (dueDate.getYear() < 1000 || dueDate.getYear() > 9999) {
            throw new IllegalArgumentException("The case store keeps due dates of the years 1000 to 9999; "
                    + dueDate + " is outside");
        }
        return dueDate;
    }

    /** Binds an instant checked with {@link #keepable(Instant)}. */
    void setInstant(PreparedStatement statement, int position, Instant instant) throws SQLException {
        if (dialect == JdbcDialect.MARIADB) {
            statement.setObject(position, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else {
            statement.setObject(position, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }

    Instant getInstant(ResultSet rs, int position) throws SQLException {
        if (dialect == JdbcDialect.MARIADB) {
            LocalDateTime utc = rs.getObject(position, LocalDateTime.class);
            return notNull(utc, "an instant").toInstant(ZoneOffset.UTC);
        }
        return notNull(rs.getObject(position, OffsetDateTime.class), "an instant").toInstant();
    }

    /** Binds an instant checked with {@link #keepable(Instant)}, or SQL {@code NULL} when empty. */
    void setOptionalInstant(PreparedStatement statement, int position, Optional<Instant> instant) throws SQLException {
        if (instant.isPresent()) {
            setInstant(statement, position, instant.get());
        } else {
            statement.setNull(position, dialect == JdbcDialect.MARIADB ? Types.TIMESTAMP : Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    /** An instant column that may be SQL {@code NULL}. */
    Optional<Instant> getOptionalInstant(ResultSet rs, int position) throws SQLException {
        if (dialect == JdbcDialect.MARIADB) {
            return Optional.ofNullable(rs.getObject(position, LocalDateTime.class)).map(utc -> utc.toInstant(ZoneOffset.UTC));
        }
        return Optional.ofNullable(rs.getObject(position, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    /**
     * A bound of a window ({@code column >= bound}, {@code column < bound}) that every dialect binds
     * exactly and that every stored instant compares with as with {@code instant}: stored instants are
     * whole milliseconds from {@link #EARLIEST} to {@link #LATEST}, so the bound is {@code instant}
     * raised to the next whole millisecond, {@link #EARLIEST} for an instant before it, and
     * {@link #LATEST} plus half a millisecond (which the three databases' microseconds hold) for one
     * after it.
     */
    static Instant windowBound(Instant instant) {
        if (instant.isBefore(EARLIEST)) {
            return EARLIEST;
        }
        if (instant.isAfter(LATEST)) {
            return LATEST.plusNanos(500_000);
        }
        Instant millis = instant.truncatedTo(ChronoUnit.MILLIS);
        return millis.equals(instant) ? instant : millis.plusMillis(1);
    }

    /**
     * A bound for {@code due_date < bound} that every dialect binds exactly and that every stored due
     * date compares with as with {@code dateTime}: due dates are whole seconds of the years 1000 to
     * 9999, so the bound is {@code dateTime} raised to the next whole second, the first second of the
     * year 1000 for a date-time before it, and half a second after the last second of 9999 for one
     * after it.
     */
    static LocalDateTime dueDateBound(LocalDateTime dateTime) {
        if (dateTime.getYear() < 1000) {
            return LocalDateTime.of(1000, 1, 1, 0, 0, 0);
        }
        if (dateTime.getYear() > 9999) {
            return LocalDateTime.of(9999, 12, 31, 23, 59, 59, 500_000_000);
        }
        LocalDateTime seconds = dateTime.truncatedTo(ChronoUnit.SECONDS);
        if (seconds.equals(dateTime)) {
            return dateTime;
        }
        return seconds.getYear() == 9999 && seconds.plusSeconds(1).getYear() > 9999
                ? LocalDateTime.of(9999, 12, 31, 23, 59, 59, 500_000_000) : seconds.plusSeconds(1);
    }

    /** Binds a due date checked with {@link #keepable(LocalDateTime)}, or SQL {@code NULL}. */
    void setDueDate(PreparedStatement statement, int position, Optional<LocalDateTime> dueDate) throws SQLException {
        if (dueDate.isPresent()) {
            statement.setObject(position, dueDate.get());
        } else {
            statement.setNull(position, Types.TIMESTAMP);
        }
    }

    Optional<LocalDateTime> getDueDate(ResultSet rs, int position) throws SQLException {
        return Optional.ofNullable(rs.getObject(position, LocalDateTime.class));
    }

    private static <T> T notNull(T value, String what) {
        if (value == null) {
            throw new MalformedColumnException("a stored " + what + " is null");
        }
        return value;
    }
}

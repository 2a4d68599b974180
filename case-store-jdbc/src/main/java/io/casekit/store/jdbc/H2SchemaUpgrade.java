package io.casekit.store.jdbc;

import io.casekit.core.FieldChange;
import io.casekit.core.Value;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The conversions of H2's schema script {@code V2__casekit.sql}, which calls them as functions
 * ({@code CREATE ALIAS … FOR 'io.casekit.store.jdbc.H2SchemaUpgrade.…'}, dropped at the end of the
 * script): H2 has no procedural SQL, and embedded H2 runs in the JVM of the host that upgrades, so
 * the store's own reader of schema 1 ({@link TaggedText}) and writer of schema 2
 * ({@link ValueColumns}) do the conversion, and it is exact by construction. An H2 <em>server</em>
 * runs such functions in its own JVM: upgrading a database on a server needs this jar on the
 * server's classpath (and, like every {@code CREATE ALIAS}, a user with admin rights).
 *
 * <p>Not an API to call: it exists only for the script, and is public because H2 calls it by
 * reflection. Thread-safe (no state). Every method throws an {@link SQLException} (SQLState
 * {@code 22000} for data that is not schema 1 tagged text, {@code 22008} for a value outside the
 * range schema 2 keeps) whose message names the row; H2 then fails the statement and the upgrade.
 */
public final class H2SchemaUpgrade {
    private static final Pattern DUE_DATE = Pattern.compile("[1-9][0-9]{3}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}");

    private H2SchemaUpgrade() {}

    /**
     * The JSON of schema 2 for a column of schema 1.
     *
     * @param v1        the column's tagged text: a case's {@code extensions} (name and value pairs, the
     *                  empty text for none) or a history entry's {@code changes} (field, old and new value
     *                  triples, {@code -} for an empty side)
     * @param isChanges whether the column is {@code changes}
     * @param rowKey    the row, for the error message only
     * @return the JSON text that {@link ValueColumns} writes for the same values, fields and changes
     *         in their stored order
     * @throws SQLException when the text is not what schema 1 writes
     */
    public static String toJson(String v1, boolean isChanges, String rowKey) throws SQLException {
        try {
            TaggedText.Reader in = new TaggedText.Reader(v1);
            if (isChanges) {
                List<FieldChange> changes = new ArrayList<>();
                while (!in.atEnd()) {
                    String field = in.string();
                    Optional<Value> oldValue = in.optional();
                    Optional<Value> newValue = in.optional();
                    changes.add(new FieldChange(field, oldValue, newValue));
                }
                return ValueColumns.changes(changes);
            }
            Map<String, Value> extensions = new LinkedHashMap<>();
            while (!in.atEnd()) {
                String name = in.string();
                if (extensions.put(name, in.value()) != null) {
                    throw new MalformedColumnException("a field is stored twice");
                }
            }
            return ValueColumns.extensions(extensions);
        } catch (MalformedColumnException | IllegalArgumentException e) {
            throw new SQLException("casekit upgrade: the " + (isChanges ? "changes" : "extensions") + " of " + rowKey
                    + " are no schema 1 tagged text (" + e.getMessage() + ")", "22000", e);
        }
    }

    /**
     * Checks a due date of schema 1 (its text {@code uuuu-MM-dd HH:mm:ss}) before the column becomes a
     * date-time.
     *
     * @return {@code v1} unchanged; {@code null} for {@code null}
     * @throws SQLException when it lies outside the years 1000 to 9999, which schema 2 does not keep
     */
    public static @Nullable String dueDate(@Nullable String v1, String rowKey) throws SQLException {
        if (v1 != null && !DUE_DATE.matcher(v1).matches()) {
            throw new SQLException("casekit upgrade refused: the due date " + v1 + " of " + rowKey
                    + " lies outside the years 1000 to 9999 (see the case-store-jdbc README)", "22008");
        }
        return v1;
    }

    /**
     * Checks an instant of schema 1 (epoch milliseconds) before the column becomes a timestamp.
     *
     * @return {@code epochMillis} unchanged
     * @throws SQLException when it lies outside {@link TimeColumns#EARLIEST} to {@link TimeColumns#LATEST}
     */
    public static long instant(long epochMillis, String rowKey) throws SQLException {
        if (epochMillis < TimeColumns.EARLIEST.toEpochMilli() || epochMillis > TimeColumns.LATEST.toEpochMilli()) {
            throw new SQLException("casekit upgrade refused: the instant " + epochMillis + " (epoch milliseconds) of "
                    + rowKey + " lies outside the years 1000 to 9999 (see the case-store-jdbc README)", "22008");
        }
        return epochMillis;
    }
}

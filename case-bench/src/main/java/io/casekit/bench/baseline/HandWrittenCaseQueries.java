package io.casekit.bench.baseline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The two queries of the query benchmark as a host would write them by hand on plain JDBC, against
 * casekit's own tables: one statement each, the same filter and order as casekit's page, one row
 * more than the page to know whether another page follows (as casekit's page tells), every column
 * casekit reads mapped to a {@link HandWrittenCaseRow}.
 *
 * <p>Two forms: {@code decode = false} keeps the extensions column as JSON text (the least a query
 * can do, but the caller cannot use the values); {@code decode = true} also decodes it with a shared
 * Jackson {@link ObjectMapper} into a {@code Map<String, Object>}, as a host that shows or uses the
 * extension values must, which is the work casekit's page does too (it returns typed values).
 */
public final class HandWrittenCaseQueries {
    private static final String COLUMNS = "tenant, id, type_id, version, title, description, owner_id, priority,"
            + " due_date, contact_id, contact_phone, attachment, extensions, created_by, created_at, updated_at,"
            + " status, state, closed_at, closed_reason, reopened";
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

    private final DataSource dataSource;
    private final String byOwner;
    private final String byExtension;
    private final boolean postgresql;
    private final boolean decode;
    private final ObjectMapper mapper;

    /**
     * @param database {@code h2} or {@code postgresql}
     * @param decode   whether each row's extensions are decoded into {@link HandWrittenCaseRow#extensionValues}
     */
    public HandWrittenCaseQueries(DataSource dataSource, String database, String prefix, boolean decode,
                                  ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.decode = decode;
        this.mapper = mapper;
        this.postgresql = database.equals("postgresql");
        String table = prefix + "case";
        // H2 walks an index in order only when the ORDER BY names the index's leading columns, even
        // those the WHERE fixes; a host that writes H2 SQL by hand has to do the same (as casekit does).
        this.byOwner = "SELECT " + COLUMNS + " FROM " + table + " WHERE tenant = ? AND owner_id = ?"
                + " ORDER BY " + (postgresql ? "" : "tenant, owner_id, ") + "due_date ASC NULLS LAST, id ASC LIMIT ?";
        // PostgreSQL: containment of {"name": "value"}, served by the GIN index on extensions when the
        // planner wants it (extensions ->> 'name' = 'value' gets the same plan here). H2 keeps the
        // JSON as text and has no function of its own that reads a member: the text is matched in the
        // exact form the store writes ({"name":"value"}, no spaces).
        this.byExtension = "SELECT " + COLUMNS + " FROM " + table + " WHERE tenant = ? AND type_id = ? AND "
                + (postgresql ? "extensions @> CAST(? AS JSONB)" : "extensions LIKE ?")
                + " ORDER BY " + (postgresql ? "" : "tenant, type_id, ") + "created_at ASC, id ASC LIMIT ?";
    }

    /** The first {@code limit} cases of an owner by due date, empty due dates last, then by id. */
    public Page ownerByDueDate(String tenant, String ownerId, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(byOwner)) {
            s.setString(1, tenant);
            s.setString(2, ownerId);
            s.setInt(3, limit + 1);
            return rows(s, limit);
        }
    }

    /**
     * The first {@code limit} cases of a type whose text extension field equals {@code value}, oldest
     * first, then by id. {@code field} and {@code value} are plain names and values, put into JSON
     * (PostgreSQL) or a LIKE pattern (H2) unescaped.
     */
    public Page extensionEquals(String tenant, String typeId, String field, String value,
                                                    int limit) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(byExtension)) {
            int i = 1;
            s.setString(i++, tenant);
            s.setString(i++, typeId);
            if (postgresql) {
                s.setString(i++, "{\"" + field + "\":\"" + value + "\"}");
            } else {
                s.setString(i++, "%\"" + field + "\":\"" + value + "\"%");
            }
            s.setInt(i, limit + 1);
            return rows(s, limit);
        }
    }

    /** One page: the rows, and whether more matched. */
    public record Page(List<HandWrittenCaseRow> rows, boolean more) {}

    private Page rows(PreparedStatement s, int limit) throws SQLException {
        List<HandWrittenCaseRow> rows = new ArrayList<>(limit);
        try (ResultSet rs = s.executeQuery()) {
            while (rows.size() < limit && rs.next()) {
                HandWrittenCaseRow row = new HandWrittenCaseRow();
                row.tenant = rs.getString(1);
                row.id = rs.getString(2);
                row.typeId = rs.getString(3);
                row.version = rs.getLong(4);
                row.title = rs.getString(5);
                row.description = rs.getString(6);
                row.ownerId = rs.getString(7);
                row.priority = rs.getString(8);
                row.dueDate = rs.getObject(9, LocalDateTime.class);
                row.contactId = rs.getString(10);
                row.contactPhone = rs.getString(11);
                row.attachment = rs.getString(12);
                row.extensions = rs.getString(13);
                row.createdBy = rs.getString(14);
                row.createdAt = rs.getObject(15, OffsetDateTime.class);
                row.updatedAt = rs.getObject(16, OffsetDateTime.class);
                row.status = rs.getString(17);
                row.state = rs.getString(18);
                row.closedAt = rs.getObject(19, OffsetDateTime.class);
                row.closedReason = rs.getString(20);
                row.reopened = rs.getBoolean(21);
                if (decode) {
                    row.extensionValues = mapper.readValue(row.extensions, JSON_OBJECT);
                }
                rows.add(row);
            }
            return new Page(rows, rows.size() == limit && rs.next());
        }
    }
}

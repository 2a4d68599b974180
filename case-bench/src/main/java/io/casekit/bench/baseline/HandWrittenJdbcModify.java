package io.casekit.bench.baseline;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import tools.jackson.databind.ObjectMapper;

/**
 * A modify endpoint as a host would write it by hand on plain JDBC: databind and Hibernate
 * Validator on the body, then read the row, update it with a version check and insert a history
 * row with the changes as JSON, in one transaction. It writes to tables of casekit's own schema
 * (another prefix), so both sides have the same columns, types and keys, and binds them as their
 * types ask: the instants {@code updated_at} and {@code changed_at} as an {@link OffsetDateTime} at
 * UTC ({@code TIMESTAMP(3) WITH TIME ZONE} of PostgreSQL and H2) or the UTC {@link LocalDateTime}
 * (MariaDB's {@code DATETIME(3)}), {@code due_date} as the {@link LocalDateTime} parsed from the
 * request's text, and the changes as JSON text, {@code CAST(? AS JSONB)} on PostgreSQL.
 */
public final class HandWrittenJdbcModify {
    public static final byte[] SUCCESS = "{\"resCode\":\"0\",\"resMsg\":\"Success\"}".getBytes(StandardCharsets.UTF_8);
    private static final String[] FIELDS = {"title", "description", "ownerId", "priority", "dueDate", "contactId",
            "contactPhone", "attachment"};
    private static final int DUE_DATE = 4;
    private static final DateTimeFormatter DUE_DATE_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final DataSource dataSource;
    private final ObjectMapper mapper;
    private final Validator validator;
    private final String select;
    private final String update;
    private final String insertHistory;
    private final boolean mariadb;

    /** @param database {@code h2}, {@code postgresql} or {@code mariadb}: how the columns are bound */
    public HandWrittenJdbcModify(DataSource dataSource, String database, String prefix, ObjectMapper mapper,
                                 Validator validator) {
        this.dataSource = dataSource;
        this.mariadb = database.equals("mariadb");
        this.mapper = mapper;
        this.validator = validator;
        this.select = "SELECT version, title, description, owner_id, priority, due_date, contact_id, contact_phone,"
                + " attachment FROM " + prefix + "case WHERE tenant = ? AND id = ?";
        this.update = "UPDATE " + prefix + "case SET title = ?, description = ?, owner_id = ?, priority = ?,"
                + " due_date = ?, contact_id = ?, contact_phone = ?, attachment = ?, version = ?, updated_at = ?,"
                + " title_folded = ? WHERE tenant = ? AND id = ? AND version = ?";
        this.insertHistory = "INSERT INTO " + prefix + "case_history (tenant, case_id, version, changed_at, actor,"
                + " changes, kind) VALUES (?, ?, ?, ?, ?, " + (database.equals("postgresql") ? "CAST(? AS JSONB)" : "?")
                + ", 'modify')";
    }

    /** Handles one modify request body for a tenant; returns the response body. */
    public byte[] modify(String tenant, byte[] body) throws SQLException {
        HandWrittenModifyRequest request = mapper.readValue(body, HandWrittenModifyRequest.class);
        Set<ConstraintViolation<HandWrittenModifyRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(violations.toString());
        }
        HandWrittenModifyRequest.CaseInfo in = request.caseInfo;
        Object[] sent = {in.title, in.description, in.ownerId, in.priority,
                in.dueDate == null ? null : LocalDateTime.parse(in.dueDate, DUE_DATE_TEXT), in.contactId,
                in.contactPhone, in.attachment};
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Object[] stored = new Object[FIELDS.length];
                long version;
                try (PreparedStatement s = c.prepareStatement(select)) {
                    s.setString(1, tenant);
                    s.setString(2, in.id);
                    try (ResultSet rs = s.executeQuery()) {
                        if (!rs.next()) {
                            throw new IllegalStateException("no case " + in.id);
                        }
                        version = rs.getLong(1);
                        for (int i = 0; i < FIELDS.length; i++) {
                            stored[i] = i == DUE_DATE ? rs.getObject(i + 2, LocalDateTime.class) : rs.getString(i + 2);
                        }
                    }
                }
                List<Map<String, Object>> changes = new ArrayList<>();
                Object[] next = stored.clone();
                for (int i = 0; i < FIELDS.length; i++) {
                    if (sent[i] != null && !sent[i].equals(stored[i])) {
                        Map<String, Object> change = new LinkedHashMap<>();
                        change.put("path", "/caseInfo/" + FIELDS[i]);
                        change.put("old", i == DUE_DATE && stored[i] != null
                                ? DUE_DATE_TEXT.format((LocalDateTime) stored[i]) : stored[i]);
                        change.put("new", i == DUE_DATE ? in.dueDate : sent[i]);
                        changes.add(change);
                        next[i] = sent[i];
                    }
                }
                if (!changes.isEmpty()) {
                    Instant now = Instant.ofEpochMilli(System.currentTimeMillis());
                    Object nowColumn = mariadb ? LocalDateTime.ofInstant(now, ZoneOffset.UTC)
                            : OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
                    try (PreparedStatement s = c.prepareStatement(update)) {
                        for (int i = 0; i < FIELDS.length; i++) {
                            if (i != DUE_DATE) {
                                s.setString(i + 1, (String) next[i]);
                            } else if (next[i] != null) {
                                s.setObject(i + 1, next[i]);
                            } else {
                                s.setNull(i + 1, Types.TIMESTAMP);
                            }
                        }
                        s.setLong(9, version + 1);
                        s.setObject(10, nowColumn);
                        // The tables' title_folded column serves title filters; a host writing the title keeps it.
                        s.setString(11, ((String) next[0]).toLowerCase(java.util.Locale.ROOT));
                        s.setString(12, tenant);
                        s.setString(13, in.id);
                        s.setLong(14, version);
                        if (s.executeUpdate() != 1) {
                            throw new IllegalStateException("concurrent change of " + in.id);
                        }
                    }
                    try (PreparedStatement s = c.prepareStatement(insertHistory)) {
                        s.setString(1, tenant);
                        s.setString(2, in.id);
                        s.setLong(3, version + 1);
                        s.setObject(4, nowColumn);
                        s.setString(5, Objects.requireNonNull(in.creatorId));
                        s.setString(6, mapper.writeValueAsString(changes));
                        s.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        return SUCCESS;
    }
}

package io.casekit.bench.baseline;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * (another prefix), so both sides have the same columns, types and keys.
 */
public final class HandWrittenJdbcModify {
    public static final byte[] SUCCESS = "{\"resCode\":\"0\",\"resMsg\":\"Success\"}".getBytes(StandardCharsets.UTF_8);
    private static final String[] FIELDS = {"title", "description", "ownerId", "priority", "dueDate", "contactId",
            "contactPhone", "attachment"};

    private final DataSource dataSource;
    private final ObjectMapper mapper;
    private final Validator validator;
    private final String select;
    private final String update;
    private final String insertHistory;

    public HandWrittenJdbcModify(DataSource dataSource, String prefix, ObjectMapper mapper, Validator validator) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.validator = validator;
        this.select = "SELECT version, title, description, owner_id, priority, due_date, contact_id, contact_phone,"
                + " attachment FROM " + prefix + "case WHERE tenant = ? AND id = ?";
        this.update = "UPDATE " + prefix + "case SET title = ?, description = ?, owner_id = ?, priority = ?,"
                + " due_date = ?, contact_id = ?, contact_phone = ?, attachment = ?, version = ?, updated_at = ?"
                + " WHERE tenant = ? AND id = ? AND version = ?";
        this.insertHistory = "INSERT INTO " + prefix + "case_history (tenant, case_id, version, changed_at, actor,"
                + " changes) VALUES (?, ?, ?, ?, ?, ?)";
    }

    /** Handles one modify request body for a tenant; returns the response body. */
    public byte[] modify(String tenant, byte[] body) throws SQLException {
        HandWrittenModifyRequest request = mapper.readValue(body, HandWrittenModifyRequest.class);
        Set<ConstraintViolation<HandWrittenModifyRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(violations.toString());
        }
        HandWrittenModifyRequest.CaseInfo in = request.caseInfo;
        String[] sent = {in.title, in.description, in.ownerId, in.priority, in.dueDate, in.contactId,
                in.contactPhone, in.attachment};
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                String[] stored = new String[FIELDS.length];
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
                            stored[i] = rs.getString(i + 2);
                        }
                    }
                }
                List<Map<String, Object>> changes = new ArrayList<>();
                String[] next = stored.clone();
                for (int i = 0; i < FIELDS.length; i++) {
                    if (sent[i] != null && !sent[i].equals(stored[i])) {
                        Map<String, Object> change = new LinkedHashMap<>();
                        change.put("path", "/caseInfo/" + FIELDS[i]);
                        change.put("old", stored[i]);
                        change.put("new", sent[i]);
                        changes.add(change);
                        next[i] = sent[i];
                    }
                }
                if (!changes.isEmpty()) {
                    long now = System.currentTimeMillis();
                    try (PreparedStatement s = c.prepareStatement(update)) {
                        for (int i = 0; i < FIELDS.length; i++) {
                            s.setString(i + 1, next[i]);
                        }
                        s.setLong(9, version + 1);
                        s.setLong(10, now);
                        s.setString(11, tenant);
                        s.setString(12, in.id);
                        s.setLong(13, version);
                        if (s.executeUpdate() != 1) {
                            throw new IllegalStateException("concurrent change of " + in.id);
                        }
                    }
                    try (PreparedStatement s = c.prepareStatement(insertHistory)) {
                        s.setString(1, tenant);
                        s.setString(2, in.id);
                        s.setLong(3, version + 1);
                        s.setLong(4, now);
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

package io.casekit.bench.baseline;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A case row as a host would map it by hand from a query: one public field per column of casekit's
 * case table, in the column's JDBC type; the extension fields are the column's JSON text, unparsed.
 */
public class HandWrittenCaseRow {
    public String tenant;
    public String id;
    public String typeId;
    public long version;
    public String title;
    public String description;
    public String ownerId;
    public String priority;
    public LocalDateTime dueDate;
    public String contactId;
    public String contactPhone;
    public String attachment;
    /** The extensions column as the database returns its JSON text. */
    public String extensions;
    /**
     * The extensions decoded by Jackson databind into plain Java values (strings, booleans, lists,
     * a map for a tagged decimal, date or date-time), when the query was asked to decode them; else
     * null.
     */
    public Map<String, Object> extensionValues;
    public String createdBy;
    public OffsetDateTime createdAt;
    public OffsetDateTime updatedAt;
    public String status;
    public String state;
    public OffsetDateTime closedAt;
    public String closedReason;
    public boolean reopened;
}

package io.casekit.bench.baseline;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;

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
    public String extensions;
    public String createdBy;
    public OffsetDateTime createdAt;
    public OffsetDateTime updatedAt;
}

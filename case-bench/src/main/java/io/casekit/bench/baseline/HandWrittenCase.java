package io.casekit.bench.baseline;

import java.util.HashMap;
import java.util.Map;

/** A case as a host would keep it by hand: a mutable bean, changed field by field. */
public class HandWrittenCase {
    public String id;
    public String title;
    public String description;
    public String ownerId;
    public String priority;
    public String dueDate;
    public String contactId;
    public String contactPhone;
    public String attachment;
    public final Map<String, Object> extensions = new HashMap<>();
    public long version;

    /** Copies every sent field onto this case; returns whether anything changed. */
    public boolean apply(HandWrittenModifyRequest.CaseInfo in) {
        boolean changed = false;
        changed |= !java.util.Objects.equals(title, in.title);
        title = in.title;
        changed |= !java.util.Objects.equals(description, in.description);
        description = in.description;
        if (in.ownerId != null) {
            changed |= !in.ownerId.equals(ownerId);
            ownerId = in.ownerId;
        }
        if (in.priority != null) {
            changed |= !in.priority.equals(priority);
            priority = in.priority;
        }
        if (in.dueDate != null) {
            changed |= !in.dueDate.equals(dueDate);
            dueDate = in.dueDate;
        }
        if (in.contactId != null) {
            changed |= !in.contactId.equals(contactId);
            contactId = in.contactId;
        }
        if (in.contactPhone != null) {
            changed |= !in.contactPhone.equals(contactPhone);
            contactPhone = in.contactPhone;
        }
        if (in.attachment != null) {
            changed |= !in.attachment.equals(attachment);
            attachment = in.attachment;
        }
        for (Map.Entry<String, Object> e : in.extensions.entrySet()) {
            changed |= !java.util.Objects.equals(extensions.put(e.getKey(), e.getValue()), e.getValue());
        }
        if (changed) {
            version++;
        }
        return changed;
    }
}

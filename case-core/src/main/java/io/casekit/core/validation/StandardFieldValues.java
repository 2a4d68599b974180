package io.casekit.core.validation;

import io.casekit.core.validation.CaseText.Controls;
import org.jspecify.annotations.Nullable;

/**
 * The standard fields a modify request sets, as texts, with their static constraints. A field that
 * the request leaves absent or clears is null here, and so is not checked by these constraints. The
 * Java field names are the request keys.
 */
class StandardFieldValues {
    @IdText(blankAllowed = false)
    @Nullable String id;

    @CaseText(maxBytes = 128, blankAllowed = false)
    @Nullable String title;

    @CaseText(maxBytes = 20_000, controls = Controls.LINE_BREAKS, blankAllowed = false)
    @Nullable String description;

    @IdText
    @Nullable String ownerId;

    @PriorityName
    @Nullable String priority;

    @WireDateTime
    @Nullable String dueDate;

    @IdText
    @Nullable String contactId;

    @IdText(blankAllowed = false)
    @Nullable String creatorId;

    @PhoneNumber @Utf8MaxBytes(20)
    @Nullable String contactPhone;

    @CaseText(maxBytes = 2_000, controls = Controls.ANY)
    @Nullable String attachment;

    /** Stores the text sent for {@code key}; false when the key is no field of this request. */
    boolean set(String key, String value) {
        switch (key) {
            case "id" -> id = value;
            case "title" -> title = value;
            case "description" -> description = value;
            case "ownerId" -> ownerId = value;
            case "priority" -> priority = value;
            case "dueDate" -> dueDate = value;
            case "contactId" -> contactId = value;
            case "creatorId" -> creatorId = value;
            case "contactPhone" -> contactPhone = value;
            case "attachment" -> attachment = value;
            default -> {
                return false;
            }
        }
        return true;
    }
}

package io.casekit.bench.baseline;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The modify request as a host would map it by hand: public fields, standard Jakarta constraints
 * (which count UTF-16 units, not bytes, and check no calendar), extension keys collected untyped.
 */
public class HandWrittenModifyRequest {
    @NotNull
    @Valid
    public CaseInfo caseInfo;

    /** The {@code caseInfo} object. */
    public static class CaseInfo {
        @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9_-]+")
        public String id;
        @NotBlank @Size(max = 128)
        public String title;
        @NotBlank @Size(max = 20_000)
        public String description;
        @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9_-]*")
        public String ownerId;
        @Pattern(regexp = "Low|Medium|High|Critical")
        public String priority;
        @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}")
        public String dueDate;
        @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9_-]*")
        public String contactId;
        @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9_-]+")
        public String creatorId;
        @Size(max = 20) @Pattern(regexp = "\\+?[0-9 ()-]*")
        public String contactPhone;
        @Size(max = 2_000)
        public String attachment;

        public final Map<String, Object> extensions = new LinkedHashMap<>();

        @JsonAnySetter
        public void extension(String key, Object value) {
            extensions.put(key, value);
        }
    }
}

package io.casekit.json.internal;

import io.casekit.core.Case;
import io.casekit.core.CaseConflictException;
import io.casekit.core.CaseId;
import io.casekit.core.CaseValidationException;
import io.casekit.core.HistoryEntry;
import io.casekit.core.StandardField;
import io.casekit.core.Violation;
import io.casekit.core.query.CaseStatistics;
import io.casekit.json.ResCode;
import java.io.ByteArrayOutputStream;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/** The bodies of AICC responses (wire-format §1–§3), as UTF-8 bytes. Thread-safe. */
public final class Responses {
    /** The success body of modify, byte for byte as the AICC documents it. */
    private static final byte[] SUCCESS = "{\"resCode\":\"0\",\"resMsg\":\"Success\"}".getBytes(StandardCharsets.UTF_8);
    private static final JsonFactory WRITER = JsonFactory.builder().build();

    private Responses() {}

    /** {@code {"resCode":"0","resMsg":"Success"}}; a fresh copy. */
    public static byte[] success() {
        return SUCCESS.clone();
    }

    /** {@code {"resCode":"0","resMsg":"Success","result":{"caseId":…}}}. */
    public static byte[] created(CaseId id) {
        return write(g -> {
            successStart(g);
            g.writeName("result");
            g.writeStartObject();
            g.writeStringProperty("caseId", id.value());
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    /** The read response: {@code result} is an array holding the one case, as the AICC returns it. */
    public static byte[] read(Case c) {
        return write(g -> {
            successStart(g);
            g.writeName("result");
            g.writeStartArray();
            WireWriter.writeCase(g, c);
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** The history response: {@code result} is the array of entries, oldest first. */
    public static byte[] history(List<HistoryEntry> entries) {
        return write(g -> {
            successStart(g);
            g.writeName("result");
            g.writeStartArray();
            for (HistoryEntry entry : entries) {
                WireWriter.writeHistoryEntry(g, entry);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /**
     * The list response: {@code result} is an array holding one object, {@code caseList} (each case
     * as {@link #read} writes it), {@code count}, and {@code nextCursor} when more cases follow.
     */
    public static byte[] list(List<Case> cases, long count, java.util.Optional<String> nextCursor) {
        return write(g -> {
            successStart(g);
            g.writeName("result");
            g.writeStartArray();
            g.writeStartObject();
            g.writeName("caseList");
            g.writeStartArray();
            for (Case c : cases) {
                WireWriter.writeCase(g, c);
            }
            g.writeEndArray();
            g.writeNumberProperty("count", count);
            if (nextCursor.isPresent()) {
                g.writeStringProperty("nextCursor", nextCursor.get());
            }
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** The erase response: {@code result} is {@code {"erased":true}}, or {@code false} when there was no such case. */
    public static byte[] erased(boolean erased) {
        return write(g -> {
            successStart(g);
            g.writeName("result");
            g.writeStartObject();
            g.writeBooleanProperty("erased", erased);
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    /**
     * The statistics response: {@code result} holds {@code newCases}, {@code finishedCases},
     * {@code unfinishedCases}, {@code overCases} and {@code averageDuration} (days, a JSON number with
     * two decimals, written exactly as {@link CaseStatistics#averageDurationDays()}).
     */
    public static byte[] statistics(CaseStatistics figures) {
        return write(g -> {
            successStart(g);
            g.writeName("result");
            g.writeStartObject();
            g.writeNumberProperty("newCases", figures.newCases());
            g.writeNumberProperty("finishedCases", figures.finishedCases());
            g.writeNumberProperty("unfinishedCases", figures.unfinishedCases());
            g.writeNumberProperty("overCases", figures.overCases());
            g.writeName("averageDuration");
            g.writeNumber(figures.averageDurationDays().setScale(2, RoundingMode.HALF_EVEN).toPlainString());
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    /** {@code {"resCode":…,"resMsg":…}}. */
    public static byte[] error(ResCode code, String resMsg) {
        return write(g -> {
            g.writeStartObject();
            g.writeStringProperty("resCode", code.code());
            g.writeStringProperty("resMsg", resMsg);
            g.writeEndObject();
        });
    }

    /** {@code 400002} with every violation, when there are no more than {@link CaseValidationException#MAX_VIOLATIONS}. */
    public static byte[] validationFailed(List<Violation> violations) {
        return validationFailed(violations, violations.size());
    }

    /** {@code 400002} for this failure: its first violations and their total. */
    public static byte[] validationFailed(CaseValidationException failure) {
        return validationFailed(failure.violations(), failure.violationCount());
    }

    /**
     * {@code 400002}: {@code errorCount} (casekit's extension) is how many violations the request
     * has in all; {@code errors} holds one entry per violation for the first of them in request
     * order, at most {@link CaseValidationException#MAX_VIOLATIONS}, so that the answer stays small
     * however many faults a request has.
     */
    public static byte[] validationFailed(List<Violation> violations, long errorCount) {
        List<Violation> shown = violations.size() > CaseValidationException.MAX_VIOLATIONS
                ? violations.subList(0, CaseValidationException.MAX_VIOLATIONS) : violations;
        long total = Math.max(errorCount, violations.size());
        return write(g -> {
            g.writeStartObject();
            g.writeStringProperty("resCode", ResCode.VALIDATION_FAILED.code());
            g.writeStringProperty("resMsg", ResCode.VALIDATION_FAILED.message());
            g.writeNumberProperty("errorCount", total);
            g.writeName("errors");
            g.writeStartArray();
            for (Violation v : shown) {
                WireWriter.writeViolation(g, v);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /**
     * {@code 409001}; {@code errors[0].params} holds the expected and, when known, the actual version,
     * and {@code reapplies} when the service gave up re-applying.
     */
    public static byte[] conflict(CaseConflictException conflict) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("expectedVersion", conflict.expectedVersion());
        conflict.actualVersion().ifPresent(actual -> params.put("actualVersion", actual));
        String message;
        if (conflict.reapplies().isPresent()) {
            params.put("reapplies", conflict.reapplies().getAsInt());
            int reapplies = conflict.reapplies().getAsInt();
            message = "the case kept changing concurrently; gave up after " + reapplies
                    + (reapplies == 1 ? " re-apply" : " re-applies") + "; the request can be retried";
        } else if (conflict.actualVersion().isPresent()) {
            message = "the case is at version " + conflict.actualVersion().getAsLong() + ", not "
                    + conflict.expectedVersion();
        } else {
            message = "the case was changed concurrently; the request can be retried";
        }
        return write(g -> {
            g.writeStartObject();
            g.writeStringProperty("resCode", ResCode.VERSION_CONFLICT.code());
            g.writeStringProperty("resMsg", ResCode.VERSION_CONFLICT.message());
            g.writeName("errors");
            g.writeStartArray();
            g.writeStartObject();
            g.writeStringProperty("path", Violation.pathOf(StandardField.ID));
            g.writeStringProperty("code", "conflict");
            g.writeStringProperty("message", message);
            g.writeName("params");
            WireWriter.writeParams(g, params);
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** {@code 409003} with the refusal as its one error: path {@code ""}, code {@code case_read_only}. */
    public static byte[] readOnly(io.casekit.core.CaseReadOnlyException refusal) {
        Violation v = refusal.violation();
        return write(g -> {
            g.writeStartObject();
            g.writeStringProperty("resCode", ResCode.CASE_READ_ONLY.code());
            g.writeStringProperty("resMsg", ResCode.CASE_READ_ONLY.message());
            g.writeName("errors");
            g.writeStartArray();
            g.writeStartObject();
            g.writeStringProperty("path", v.path());
            g.writeStringProperty("code", v.code().code());
            g.writeStringProperty("message", v.message());
            g.writeName("params");
            WireWriter.writeParams(g, v.params());
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void successStart(JsonGenerator g) {
        g.writeStartObject();
        g.writeStringProperty("resCode", ResCode.SUCCESS.code());
        g.writeStringProperty("resMsg", ResCode.SUCCESS.message());
    }

    /** Writes one document with a generator of casekit's own factory. */
    public static byte[] write(Consumer<JsonGenerator> document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = WRITER.createGenerator(ObjectWriteContext.empty(), out)) {
            document.accept(g);
        }
        return out.toByteArray();
    }
}

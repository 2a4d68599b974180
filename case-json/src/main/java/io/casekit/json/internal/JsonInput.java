package io.casekit.json.internal;

import io.casekit.json.JsonLimits;
import io.casekit.json.ResCode;
import io.casekit.json.UnreadableJsonException;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;

/**
 * casekit's own strict JSON factory and the checks made before and around every parse. Thread-safe;
 * build one per set of limits and share it: a parser from it costs little, the factory does not.
 *
 * <p>Before parsing: the length (so that a body over the limit is never parsed), a byte-order
 * mark, and well-formed UTF-8 without NUL. The parser itself refuses duplicate keys and enforces
 * the nesting, number, key and document limits; charset detection is off, so the bytes are read
 * as UTF-8 and nothing else. Jackson's global defaults are never touched.
 */
public final class JsonInput {
    private final JsonLimits limits;
    private final JsonFactory factory;

    public JsonInput(JsonLimits limits) {
        this.limits = limits;
        this.factory = strictFactory(limits);
    }

    /** A JSON factory with casekit's strictness and these limits. */
    public static JsonFactory strictFactory(JsonLimits limits) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxDocumentLength(limits.maxDocumentBytes())
                .maxNestingDepth(limits.maxNestingDepth())
                .maxNumberLength(limits.maxNumberLength())
                .maxNameLength(limits.maxNameLength())
                .maxStringLength(limits.maxDocumentBytes())
                .build();
        return JsonFactory.builder()
                .streamReadConstraints(constraints)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(TokenStreamFactory.Feature.CHARSET_DETECTION)
                // Keys come from clients: they must not fill the JVM's string pool.
                .disable(TokenStreamFactory.Feature.INTERN_PROPERTY_NAMES)
                .build();
    }

    public JsonLimits limits() {
        return limits;
    }

    public JsonFactory factory() {
        return factory;
    }

    /**
     * Checks {@code body}, then lets {@code reading} read it with a parser positioned before the
     * first token.
     *
     * @throws UnreadableJsonException when the body is too long, not UTF-8, not JSON, breaks a
     *                                 limit, or {@code reading} refuses its shape
     */
    public <T> T read(byte[] body, Function<JsonParser, T> reading) {
        checkBytes(body);
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), body)) {
            return reading.apply(parser);
        } catch (StreamConstraintsException e) {
            throw malformed("the document exceeds a limit (nesting depth " + limits.maxNestingDepth()
                    + ", number length " + limits.maxNumberLength() + " characters, key length "
                    + limits.maxNameLength() + " characters)" + at(e.getLocation()));
        } catch (StreamReadException e) {
            throw malformed("not well-formed JSON" + at(e.getLocation()) + reason(e));
        } catch (JacksonException e) {
            throw malformed("not well-formed JSON" + at(e.getLocation()));
        }
    }

    private void checkBytes(byte[] body) {
        if (body.length > limits.maxDocumentBytes()) {
            throw new UnreadableJsonException(ResCode.BODY_TOO_LARGE, "Request body is " + body.length
                    + " bytes, at most " + limits.maxDocumentBytes() + " allowed");
        }
        if (body.length == 0) {
            throw malformed("the body is empty");
        }
        if (StrictUtf8.startsWithByteOrderMark(body)) {
            throw malformed("the body starts with a byte-order mark");
        }
        int refused = StrictUtf8.firstRefusedByte(body);
        if (refused >= 0) {
            throw malformed(body[refused] == 0
                    ? "a NUL byte at offset " + refused + " (the body must be UTF-8 JSON text)"
                    : "invalid UTF-8 at byte offset " + refused);
        }
    }

    /** A malformed-request failure with this reason. */
    public static UnreadableJsonException malformed(String reason) {
        return new UnreadableJsonException(ResCode.MALFORMED_REQUEST, "Malformed request: " + reason);
    }

    /** " at line L, column C" for a known location, else nothing. */
    public static String at(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /**
     * The parser's own reason, which describes the text well ("Unexpected character ('}' (code 125)):
     * was expecting double-quote to start property name"). Where it goes on to name one of the
     * parser's options ("… since Feature 'ALLOW_COMMENTS' not enabled"), that part is cut: it
     * describes the implementation, and no option will be enabled for the caller. A pointer back into
     * the source ("(start marker at [Source: …])") is cut too.
     */
    static String reason(JacksonException e) {
        String reason = e.getOriginalMessage();
        if (reason == null || reason.isBlank()) {
            return "";
        }
        // Where the parser points back into the source ("(start marker at [Source: …; line: 1,
        // column: 1])"), the location is the one this message already gives.
        int source = firstOf(reason, " (start marker", "[Source");
        if (source >= 0) {
            reason = reason.substring(0, source);
        }
        int option = firstOf(reason, "Feature", "feature", "`", "enable");
        if (option >= 0) {
            int cut = Math.max(reason.lastIndexOf(" (", option), reason.lastIndexOf(": ", option));
            reason = cut > 0 ? reason.substring(0, cut) : "";
        }
        reason = reason.strip();
        if (reason.isEmpty()) {
            return "";
        }
        return ": " + (reason.length() > MAX_REASON_CHARS ? reason.substring(0, MAX_REASON_CHARS) + "…" : reason);
    }

    private static int firstOf(String text, String... markers) {
        int first = -1;
        for (String marker : markers) {
            int at = text.indexOf(marker);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }

    private static final int MAX_REASON_CHARS = 200;
}

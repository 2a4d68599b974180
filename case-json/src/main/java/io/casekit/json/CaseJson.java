package io.casekit.json;

import io.casekit.core.CaseDraft;
import io.casekit.core.CaseModification;
import io.casekit.core.CaseValidationException;
import io.casekit.core.InputValue;
import io.casekit.core.template.CaseType;
import io.casekit.json.internal.CaseTypeDocument;
import io.casekit.json.internal.JsonInput;
import io.casekit.json.internal.JsonTree;
import io.casekit.json.internal.RequestDocument;
import io.casekit.json.internal.Responses;
import io.casekit.json.internal.WireWriter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads casekit's JSON documents with a strict JSON factory of its own, and writes the case type
 * document. Immutable and thread-safe: build one per set of {@link JsonLimits} and share it.
 *
 * <p>Reading checks, in this order: the length (over {@link JsonLimits#maxDocumentBytes()} is
 * {@link ResCode#BODY_TOO_LARGE}, decided before any parsing), then a byte-order mark, well-formed
 * UTF-8 and NUL bytes, then the JSON itself: syntax, duplicate keys, trailing data, nesting depth,
 * number and key length, a number exponent beyond ±10,000, and the document's shape. Each of those
 * is {@link ResCode#MALFORMED_REQUEST}. Whether the values suit their fields is not judged here: the
 * {@link io.casekit.core.service.CaseService} validates a request and reports every violation.
 */
public final class CaseJson {
    private final JsonInput input;

    private CaseJson(JsonLimits limits) {
        this.input = new JsonInput(limits);
    }

    /** With the default limits. */
    public static CaseJson create() {
        return new CaseJson(JsonLimits.defaults());
    }

    public static CaseJson create(JsonLimits limits) {
        return new CaseJson(Objects.requireNonNull(limits, "limits"));
    }

    public JsonLimits limits() {
        return input.limits();
    }

    /**
     * The {@code caseInfo} of a request document {@code {"caseInfo":{…}}}, in the order sent, each
     * value exactly as sent.
     *
     * @throws UnreadableJsonException when the body is too long, not UTF-8 JSON, over a limit, or not
     *                                 an object whose only key is {@code caseInfo} holding an object
     */
    public Map<String, InputValue> readCaseInfo(byte[] body) {
        return input.read(body, RequestDocument::read);
    }

    /**
     * A modify request, under the AICC rule that {@code id}, {@code title}, {@code description} and
     * {@code creatorId} are always sent ({@link CaseModification#ofAiccRequest}). The wire carries no
     * expected version: the result has none.
     *
     * @throws UnreadableJsonException as {@link #readCaseInfo(byte[])}
     */
    public CaseModification readModification(byte[] body) {
        return CaseModification.ofAiccRequest(readCaseInfo(body));
    }

    /**
     * A create request.
     *
     * @throws UnreadableJsonException as {@link #readCaseInfo(byte[])}
     */
    public CaseDraft readDraft(byte[] body) {
        return new CaseDraft(readCaseInfo(body));
    }

    /**
     * The top-level members of a JSON object document, in the order sent, values read exactly (the
     * list call's request).
     *
     * @throws UnreadableJsonException when the body is too long, not UTF-8 JSON, over a limit, or its
     *                                 top level is not an object
     */
    Map<String, JsonTree> readObjectMembers(byte[] body) {
        return input.read(body, parser -> {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw JsonInput.malformed("the top level must be a JSON object");
            }
            JsonTree.Obj root = (JsonTree.Obj) JsonTree.read(parser, JsonToken.START_OBJECT);
            if (parser.nextToken() != null) {
                throw JsonInput.malformed("data after the end of the JSON document"
                        + JsonInput.at(parser.currentTokenLocation()));
            }
            return root.members();
        });
    }

    /**
     * The case types of a case type document (wire-format §4), e.g. a host's {@code --types} file.
     *
     * @throws UnreadableJsonException  when the document is too long or not UTF-8 JSON within the limits
     * @throws CaseValidationException with every problem of the definitions, each with a JSON Pointer
     *                                  into the document and a message naming the case type and field
     */
    public List<CaseType> readCaseTypes(byte[] document) {
        JsonTree tree = input.read(document, parser -> {
            JsonTree root = JsonTree.read(parser, parser.nextToken());
            JsonToken after = parser.nextToken();
            if (after != null) {
                throw JsonInput.malformed("data after the end of the JSON document"
                        + JsonInput.at(parser.currentTokenLocation()));
            }
            return root;
        });
        return CaseTypeDocument.read(tree);
    }

    /** The case type document {@code {"caseTypes":[…]}} of these types, which {@link #readCaseTypes} reads back. */
    public byte[] writeCaseTypes(List<CaseType> types) {
        return Responses.write(g -> {
            g.writeStartObject();
            g.writeName(CaseTypeDocument.CASE_TYPES);
            g.writeStartArray();
            for (CaseType type : types) {
                WireWriter.writeCaseType(g, type);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /**
     * A builder of a Jackson mapper for a host that wants casekit's types in its own mapper: its
     * factory has these limits and strictness, and {@link CasekitModule} is registered. Nothing
     * global is changed. The byte-level checks ({@link #readCaseInfo}'s length, byte-order mark and
     * UTF-8 checks) are not part of a mapper: a host that binds raw bodies with it should make them.
     */
    public JsonMapper.Builder mapperBuilder() {
        return JsonMapper.builder(JsonInput.strictFactory(input.limits())).addModule(new CasekitModule());
    }
}

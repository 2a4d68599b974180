package io.casekit.json.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * A JSON value read exactly, for documents read whole (case type definitions): keys in order,
 * numbers as exact decimals. Databind's tree is not used because its numbers may go through
 * {@code double} or lose trailing zeros depending on the mapper's configuration.
 */
public sealed interface JsonTree {

    record Obj(Map<String, JsonTree> members) implements JsonTree {}

    record Arr(List<JsonTree> elements) implements JsonTree {}

    record Str(String value) implements JsonTree {}

    record Num(BigDecimal value) implements JsonTree {}

    record Bool(boolean value) implements JsonTree {}

    enum Null implements JsonTree {
        INSTANCE
    }

    /** The name of the value's JSON type, for messages. */
    default String typeName() {
        if (this instanceof Obj) {
            return "object";
        } else if (this instanceof Arr) {
            return "array";
        } else if (this instanceof Str) {
            return "string";
        } else if (this instanceof Num) {
            return "number";
        } else if (this instanceof Bool) {
            return "boolean";
        }
        return "null";
    }

    /** Reads the value whose first token is {@code token}; the parser ends on its last token. */
    static JsonTree read(JsonParser parser, JsonToken token) {
        return switch (token) {
            case START_OBJECT -> {
                Map<String, JsonTree> members = new LinkedHashMap<>();
                for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                    members.put(name, read(parser, parser.nextToken()));
                }
                yield new Obj(Collections.unmodifiableMap(members));
            }
            case START_ARRAY -> {
                List<JsonTree> elements = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    elements.add(read(parser, t));
                }
                yield new Arr(List.copyOf(elements));
            }
            case VALUE_STRING -> new Str(parser.getString());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Num(RequestDocument.decimal(parser));
            case VALUE_TRUE -> new Bool(true);
            case VALUE_FALSE -> new Bool(false);
            case VALUE_NULL -> Null.INSTANCE;
            default -> throw JsonInput.malformed("unexpected " + token + JsonInput.at(parser.currentTokenLocation()));
        };
    }
}

package io.casekit.json.internal;

import io.casekit.core.InputValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads the AICC request document {@code {"caseInfo":{…}}}: the top level is an object with exactly
 * one key, {@code caseInfo}, whose value is an object. Every value of {@code caseInfo} is delivered
 * as the client sent it, as an {@link InputValue}: strings, exact numbers, booleans, null, arrays;
 * an object becomes {@link InputValue.Structure} (no field takes one: the validation reports it).
 * Whether a value suits its field is the validation's business, not this reader's.
 */
public final class RequestDocument {
    /** The only key of the top level. */
    public static final String CASE_INFO = "caseInfo";
    /**
     * The largest exponent magnitude of a number: the core's bound on a NUMBER value's scale, so that
     * what the wire refuses the Java API refuses too. No field holds anything near it, and decimal
     * arithmetic on extreme exponents (1e2147483647) overflows or exhausts memory.
     */
    public static final int MAX_EXPONENT = io.casekit.core.template.NumberRules.MAX_SCALE;

    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final int MAX_NUMBER_TEXT = 100;

    private RequestDocument() {}

    /**
     * Reads the whole document from a parser before its first token, up to the end of input.
     *
     * @throws io.casekit.json.UnreadableJsonException when the shape is wrong or a number can not be
     *                                                 represented
     * @throws tools.jackson.core.JacksonException     when the text is not JSON or breaks a limit
     */
    public static Map<String, InputValue> read(JsonParser parser) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw JsonInput.malformed("the top level must be a JSON object with the single key caseInfo");
        }
        Map<String, InputValue> caseInfo = readBody(parser);
        if (parser.nextToken() != null) {
            throw JsonInput.malformed("data after the end of the JSON document"
                    + JsonInput.at(parser.currentTokenLocation()));
        }
        return caseInfo;
    }

    /**
     * Reads {@code "caseInfo":{…}}} from a parser positioned on the top-level object's start, up to
     * and including the top-level object's end.
     */
    public static Map<String, InputValue> readBody(JsonParser parser) {
        String key = parser.nextName();
        if (!CASE_INFO.equals(key)) {
            throw JsonInput.malformed(key == null
                    ? "the top-level object is empty; it must hold the single key caseInfo"
                    : "the top-level object must hold the single key caseInfo, not another key");
        }
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw JsonInput.malformed("caseInfo must be a JSON object" + JsonInput.at(parser.currentTokenLocation()));
        }
        Map<String, InputValue> caseInfo = new LinkedHashMap<>();
        for (String field = parser.nextName(); field != null; field = parser.nextName()) {
            caseInfo.put(field, value(parser, parser.nextToken()));
        }
        if (parser.nextToken() != JsonToken.END_OBJECT) {
            throw JsonInput.malformed("the top-level object must hold the single key caseInfo, not another key");
        }
        return caseInfo;
    }

    /** The input of the value whose first token is {@code token}; the parser ends on its last token. */
    public static InputValue value(JsonParser parser, JsonToken token) {
        return switch (token) {
            case VALUE_STRING -> InputValue.text(parser.getString());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> InputValue.number(decimal(parser));
            case VALUE_TRUE -> InputValue.bool(true);
            case VALUE_FALSE -> InputValue.bool(false);
            case VALUE_NULL -> InputValue.nullValue();
            case START_ARRAY -> array(parser);
            case START_OBJECT -> {
                // Skipping still tokenizes: syntax, duplicate keys and limits are checked inside.
                parser.skipChildren();
                yield InputValue.object();
            }
            default -> throw JsonInput.malformed("unexpected " + token + JsonInput.at(parser.currentTokenLocation()));
        };
    }

    private static InputValue array(JsonParser parser) {
        List<InputValue> elements = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            elements.add(value(parser, t));
        }
        return InputValue.array(elements);
    }

    /**
     * The exact decimal of the current number token, never through {@code double}.
     *
     * @throws io.casekit.json.UnreadableJsonException when its exponent is beyond {@link #MAX_EXPONENT}
     */
    public static BigDecimal decimal(JsonParser parser) {
        BigDecimal value;
        try {
            value = parser.getDecimalValue();
        } catch (NumberFormatException | ArithmeticException e) {
            throw outOfRange(parser);
        }
        if (!withinExponent(value)) {
            throw outOfRange(parser);
        }
        return value;
    }

    /** The decimal a string holds in JSON number syntax, of at most 100 characters, within {@link #MAX_EXPONENT}. */
    public static Optional<BigDecimal> parseDecimal(String text) {
        if (text.length() > MAX_NUMBER_TEXT || !JSON_NUMBER.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(text)).filter(RequestDocument::withinExponent);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean withinExponent(BigDecimal value) {
        return value.scale() <= MAX_EXPONENT && value.scale() >= -MAX_EXPONENT;
    }

    private static RuntimeException outOfRange(JsonParser parser) {
        return JsonInput.malformed("a number whose exponent is beyond ±" + MAX_EXPONENT
                + JsonInput.at(parser.currentTokenLocation()));
    }
}

package io.casekit.json;

import java.util.List;
import java.util.Locale;

/**
 * The Content-Type a request body needs (a host checks it before calling {@link CaseEndpoints}, and
 * answers {@link ResCode#UNSUPPORTED_MEDIA_TYPE} {@code 415001} otherwise): {@code application/json},
 * with no parameter or with {@code charset=UTF-8} only. Type, subtype, parameter name and charset are
 * compared without regard to case, and a quoted charset is accepted, as HTTP says (RFC 9110 §8.3.1).
 * Any other parameter, any other charset, or more than one Content-Type is refused: the body is read
 * as UTF-8 JSON and nothing else (our decision). The rule of the reference host (case-example), moved
 * here so that every host accepts the same. Stateless and thread-safe.
 */
public final class ContentTypes {
    private ContentTypes() {}

    /**
     * @param values every Content-Type header of the request, as sent (none: an empty list)
     * @return whether there is exactly one, and it is JSON in UTF-8
     */
    public static boolean isJsonInUtf8(List<String> values) {
        return values.size() == 1 && isJsonInUtf8(values.get(0));
    }

    /** @param value one Content-Type header value, as sent */
    public static boolean isJsonInUtf8(String value) {
        String[] parts = value.split(";", -1);
        if (!parts[0].strip().equalsIgnoreCase("application/json")) {
            return false;
        }
        boolean charsetSeen = false;
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.isEmpty()) {
                continue; // HTTP allows empty parameters: "application/json;"
            }
            int equals = parameter.indexOf('=');
            if (equals < 0 || charsetSeen) {
                return false;
            }
            String name = parameter.substring(0, equals).strip();
            String charset = unquoted(parameter.substring(equals + 1).strip());
            if (!name.equalsIgnoreCase("charset") || !charset.toLowerCase(Locale.ROOT).equals("utf-8")) {
                return false;
            }
            charsetSeen = true;
        }
        return true;
    }

    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}

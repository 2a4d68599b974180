package io.casekit.example.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * An answer of the host as the client received it: the HTTP status, the body, and how long the
 * client waited for it.
 *
 * @param contentType its Content-Type header
 * @param body        its JSON, when the body is JSON
 */
record Answer(int status, String contentType, byte[] raw, Optional<JsonNode> body, long nanos) {
    /** A violation of a {@code 400002} answer. */
    record Error(String path, String code) {}

    String text() {
        return new String(raw, StandardCharsets.UTF_8);
    }

    /** The {@code resCode}, or {@code "(none)"} when the body has none. */
    String resCode() {
        return body.map(b -> b.get("resCode")).filter(JsonNode::isString).map(JsonNode::stringValue).orElse("(none)");
    }

    boolean accepted() {
        return resCode().equals("0");
    }

    long millis() {
        return nanos / 1_000_000;
    }

    List<Error> errors() {
        List<Error> errors = new ArrayList<>();
        body.map(b -> b.get("errors")).ifPresent(list -> {
            for (JsonNode e : list) {
                errors.add(new Error(e.get("path").stringValue(), e.get("code").stringValue()));
            }
        });
        return errors;
    }

    @Override
    public String toString() {
        String text = text();
        return status + " " + (text.length() > 600 ? text.substring(0, 600) + "…" : text);
    }
}

package io.casekit.example;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A response as the client received it. */
record Reply(int status, HttpHeaders headers, byte[] body) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    JsonNode json() {
        return JSON.readTree(body);
    }

    String resCode() {
        return json().get("resCode").stringValue();
    }

    @Override
    public String toString() {
        return status + " " + text();
    }
}

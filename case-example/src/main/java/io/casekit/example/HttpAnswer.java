package io.casekit.example;

import io.casekit.json.EndpointResponse;
import io.casekit.json.EndpointRoute;
import io.casekit.json.OpenApiDocument;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What the host sends for one request: the status, the {@code resCode} (for the log), the UTF-8 JSON
 * body and any header beyond the Content-Type. Either an {@link EndpointResponse} of the library, or
 * one of the host's own answers for a path or method that is no endpoint.
 *
 * <p>The host's own codes end in {@code 000}, so that they can never be taken for casekit's:
 * {@code 404000} for a path of no endpoint, {@code 405000} for a method an endpoint does not take.
 * Their first three digits are the HTTP status, as for every {@code resCode}.
 */
record HttpAnswer(int status, String resCode, byte[] body, Map<String, String> headers) {
    static final String NO_SUCH_ENDPOINT = "404000";
    static final String METHOD_NOT_ALLOWED = "405000";

    /** The OpenAPI document, read once: {@code 200}, {@code application/json}; logged with resCode {@code 0}. */
    private static final HttpAnswer OPEN_API = new HttpAnswer(200, "0", OpenApiDocument.bytes(),
            Map.of("Content-Type", OpenApiDocument.CONTENT_TYPE));

    static HttpAnswer of(EndpointResponse response) {
        return new HttpAnswer(response.httpStatus(), response.resCode().code(), response.body(), Map.of());
    }

    static HttpAnswer openApi() {
        return OPEN_API;
    }

    static HttpAnswer noSuchEndpoint(EndpointRoute.NoSuchEndpoint route) {
        return new HttpAnswer(EndpointRoute.NoSuchEndpoint.HTTP_STATUS, EndpointRoute.NoSuchEndpoint.RES_CODE,
                route.body(), Map.of());
    }

    static HttpAnswer methodNotAllowed(EndpointRoute.WrongMethod route) {
        return new HttpAnswer(EndpointRoute.WrongMethod.HTTP_STATUS, EndpointRoute.WrongMethod.RES_CODE, route.body(),
                Map.of("Allow", route.allowed()));
    }
}

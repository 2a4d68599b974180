package io.casekit.json;

import io.casekit.json.internal.Responses;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a host sends back for one request: the HTTP status, and the body, UTF-8 JSON to be sent with
 * {@link #CONTENT_TYPE}. Immutable and thread-safe.
 */
public final class EndpointResponse {
    /** The Content-Type of every response body. */
    public static final String CONTENT_TYPE = "application/json;charset=UTF-8";

    private final ResCode resCode;
    private final byte[] body;

    EndpointResponse(ResCode resCode, byte[] body) {
        this.resCode = Objects.requireNonNull(resCode, "resCode");
        this.body = Objects.requireNonNull(body, "body");
    }

    /**
     * A response with this code and its default {@code resMsg}, e.g. {@link ResCode#UNAUTHORIZED} or
     * {@link ResCode#UNSUPPORTED_MEDIA_TYPE} for the checks a host makes before calling casekit.
     */
    public static EndpointResponse of(ResCode resCode) {
        return of(resCode, resCode.message());
    }

    /** A response {@code {"resCode":…,"resMsg":resMsg}}; the message is sent as given, so it must hold no secret. */
    public static EndpointResponse of(ResCode resCode, String resMsg) {
        return new EndpointResponse(resCode, Responses.error(resCode, Objects.requireNonNull(resMsg, "resMsg")));
    }

    /** The HTTP status to send: 200 for success, else the first three digits of the {@code resCode}. */
    public int httpStatus() {
        return resCode.httpStatus();
    }

    public ResCode resCode() {
        return resCode;
    }

    /** The body's bytes; a fresh copy on each call. */
    public byte[] body() {
        return body.clone();
    }

    public int bodyLength() {
        return body.length;
    }

    /** Writes the body without copying it. */
    public void writeBodyTo(OutputStream out) throws IOException {
        out.write(body);
    }

    /** The body as text, for logs and tests. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return httpStatus() + " " + bodyText();
    }
}

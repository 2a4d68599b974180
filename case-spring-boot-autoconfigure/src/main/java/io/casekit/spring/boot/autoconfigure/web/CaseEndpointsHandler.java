package io.casekit.spring.boot.autoconfigure.web;

import io.casekit.core.TenantId;
import io.casekit.json.CaseEndpoints;
import io.casekit.json.ContentTypes;
import io.casekit.json.EndpointResponse;
import io.casekit.json.EndpointRoute;
import io.casekit.json.ResCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Serves every request under {@link EndpointRoute#BASE_PATH} as the reference host (case-example)
 * does, with the same rules, from case-json: the route ({@link EndpointRoute}: {@code 404000},
 * {@code 405000} with {@code Allow}), the one {@code access-token} through the {@link TenantResolver}
 * ({@code 401001} with {@code WWW-Authenticate: access-token}), then for an endpoint with a body the
 * Content-Type ({@link ContentTypes}, {@code 415001}) and a declared Content-Length
 * ({@link CaseEndpoints#refuseDeclaredLength}, {@code 413001}), each without reading the body; then
 * the {@link CaseEndpoints} call, which reads the body up to one byte past the limit and no further.
 * The answer is the {@link EndpointResponse}'s status and bytes as they are, with
 * {@link EndpointResponse#CONTENT_TYPE}; a {@code HEAD} request gets no body. Anything thrown (the
 * resolver's exception included) is answered {@code 500001}, the throwable logged at ERROR.
 * Thread-safe.
 */
final class CaseEndpointsHandler implements HandlerFunction<ServerResponse> {
    static final String ACCESS_TOKEN = "access-token";

    private static final Log LOG = LogFactory.getLog(CaseEndpointsHandler.class);

    private final CaseEndpoints endpoints;
    private final TenantResolver tenants;

    CaseEndpointsHandler(CaseEndpoints endpoints, TenantResolver tenants) {
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
    }

    @Override
    public ServerResponse handle(ServerRequest request) {
        Answer answer;
        try {
            answer = answer(request);
        } catch (RuntimeException | Error | IOException e) {
            // As the reference host: whatever the work threw, the client gets the envelope, never a
            // stack trace nor Spring's error page, and the host keeps serving.
            LOG.error("A casekit request failed unexpectedly", e);
            answer = Answer.of(EndpointResponse.of(ResCode.INTERNAL_ERROR));
        }
        return send(request.method().name(), answer);
    }

    private Answer answer(ServerRequest request) throws IOException {
        HttpServletRequest servlet = request.servletRequest();
        EndpointRoute route = EndpointRoute.of(servlet.getMethod(), request.requestPath().pathWithinApplication().value());
        if (route instanceof EndpointRoute.NoSuchEndpoint none) {
            return new Answer(EndpointRoute.NoSuchEndpoint.HTTP_STATUS, none.body(), null);
        }
        if (route instanceof EndpointRoute.WrongMethod wrong) {
            return new Answer(EndpointRoute.WrongMethod.HTTP_STATUS, wrong.body(), wrong.allowed());
        }
        Optional<TenantId> tenant = tenant(headers(servlet, ACCESS_TOKEN));
        if (tenant.isEmpty()) {
            return Answer.of(EndpointResponse.of(ResCode.UNAUTHORIZED));
        }
        InputStream body = InputStream.nullInputStream();
        if (route.takesBody()) {
            if (!ContentTypes.isJsonInUtf8(headers(servlet, HttpHeaders.CONTENT_TYPE))) {
                return Answer.of(EndpointResponse.of(ResCode.UNSUPPORTED_MEDIA_TYPE));
            }
            long declared = servlet.getContentLengthLong();
            Optional<EndpointResponse> tooLarge = declared < 0 ? Optional.empty() : endpoints.refuseDeclaredLength(declared);
            if (tooLarge.isPresent()) {
                return Answer.of(tooLarge.get());
            }
            body = servlet.getInputStream();
        }
        return Answer.of(route.call(endpoints, tenant.get(), body));
    }

    /** Every header of this name as the request sent it, one entry per header line (not Spring's parsed view). */
    private static List<String> headers(HttpServletRequest servlet, String name) {
        return Collections.list(servlet.getHeaders(name));
    }

    /** The tenant of the one {@code access-token} the request carries; none for zero or several. */
    private Optional<TenantId> tenant(List<String> presented) {
        if (presented.size() != 1) {
            return Optional.empty();
        }
        return Objects.requireNonNull(tenants.resolve(presented.get(0)), "TenantResolver returned null");
    }

    private static ServerResponse send(String method, Answer answer) {
        return ServerResponse.status(answer.status()).build((HttpServletRequest req, HttpServletResponse res) -> {
            res.setContentType(EndpointResponse.CONTENT_TYPE);
            if (answer.allow() != null) {
                res.setHeader(HttpHeaders.ALLOW, answer.allow());
            }
            if (answer.status() == HttpServletResponse.SC_UNAUTHORIZED) {
                res.setHeader(HttpHeaders.WWW_AUTHENTICATE, ACCESS_TOKEN);
            }
            if (!method.equals("HEAD")) {
                // A HEAD answer has no body, whatever its status.
                res.setContentLength(answer.body().length);
                res.getOutputStream().write(answer.body());
            }
            return null;
        });
    }

    /** The status, the body bytes and, for a wrong method, the {@code Allow} header. */
    private record Answer(int status, byte[] body, @org.jspecify.annotations.Nullable String allow) {
        static Answer of(EndpointResponse response) {
            return new Answer(response.httpStatus(), response.body(), null);
        }
    }
}

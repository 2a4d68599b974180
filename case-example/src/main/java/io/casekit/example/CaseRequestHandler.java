package io.casekit.example;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.casekit.core.TenantId;
import io.casekit.json.CaseEndpoints;
import io.casekit.json.ContentTypes;
import io.casekit.json.EndpointResponse;
import io.casekit.json.EndpointRoute;
import io.casekit.json.ResCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves one request: finds the endpoint, makes the host's checks, lets {@link CaseEndpoints} do the
 * case work, sends the answer and records one log line. Thread-safe.
 *
 * <p>The checks, in this order, each answered without reading the body: the path and method
 * ({@code 404000}, {@code 405000}), then (for every path but the OpenAPI document's, which is
 * answered at once) the {@code access-token} ({@code 401001}), then for an endpoint
 * that takes a body the Content-Type ({@code 415001}) and a declared Content-Length over the limit
 * ({@code 413001}). A body without a declared length (chunked) is read up to one byte past the limit
 * and no further before it is answered; what the answer did not need is then dropped, up to
 * {@link #DISCARD_LIMIT} bytes, so that a client still sending can read the answer.
 *
 * <p>Whatever the work of a request throws, {@code Error}s included, it is answered {@code 500001}
 * (nothing of the failure in the answer; the throwable goes to the log at ERROR); when even that
 * answer can not be sent whole, the connection is closed. A client is never left waiting.
 */
final class CaseRequestHandler implements HttpHandler {
    static final String ACCESS_TOKEN = "access-token";
    /** The most of an unneeded body that is read (and dropped) after the answer: 2 MiB. */
    static final long DISCARD_LIMIT = 2L * 1024 * 1024;

    private static final System.Logger LOG = System.getLogger(CaseRequestHandler.class.getName());

    /** Built in advance, so that answering a failure needs no memory the failure may have used up. */
    private static final HttpAnswer INTERNAL_ERROR = HttpAnswer.of(EndpointResponse.of(ResCode.INTERNAL_ERROR));

    private final CaseEndpoints endpoints;
    private final AccessTokens tokens;
    private final RequestLog log;
    private final AtomicInteger inFlight = new AtomicInteger();

    CaseRequestHandler(CaseEndpoints endpoints, AccessTokens tokens, RequestLog log) {
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** How many requests are being served now; a request counts until its log line is written. */
    int inFlight() {
        return inFlight.get();
    }

    @Override
    public void handle(HttpExchange exchange) {
        long started = System.nanoTime();
        inFlight.incrementAndGet();
        String method = exchange.getRequestMethod();
        String path = Objects.requireNonNullElse(exchange.getRequestURI().getRawPath(), "");
        HttpAnswer answer;
        try {
            answer = answer(exchange, method, path);
        } catch (Throwable e) {
            // Errors too (OutOfMemoryError, StackOverflowError, an Error of a host's listener or
            // store): one left to the server would end this thread with the client's connection open
            // and unanswered, or, on the server's own thread (see CaseHttpServer), stop the server.
            unexpected(e);
            answer = INTERNAL_ERROR;
        }
        long millis = -1;
        try (exchange) {
            try (OutputStream body = send(exchange, method, answer)) {
                millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                // Before the answer's stream is closed: closing it ends the exchange, and the server
                // then resets a connection whose request body was not read to its end.
                discardUnreadBody(exchange);
            }
        } catch (IOException e) {
            // The client went away before the whole answer was sent, or while the rest of its body was
            // discarded: there is nobody left to tell.
        } catch (Throwable e) {
            // Sending failed half-way: closing the exchange (done above, by the try) closes the
            // connection of an answer not wholly sent, so the client sees the end, never a hang.
            unexpected(e);
        } finally {
            try {
                log.record(method, path, answer.status(), answer.resCode(),
                        millis >= 0 ? millis : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            } catch (Throwable e) {
                unexpected(e);
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    /**
     * Logs what a request threw and keeps serving: the request's own garbage is gone once it is
     * answered, so an OutOfMemoryError of one oversized piece of work need not end the host. A host
     * that prefers to stop on the first one runs the JVM with {@code -XX:+ExitOnOutOfMemoryError}.
     */
    private static void unexpected(Throwable e) {
        try {
            LOG.log(System.Logger.Level.ERROR, "A request failed unexpectedly", e);
        } catch (Throwable ignored) {
            // Logging itself failed (e.g. out of memory again): the answer matters more than the log.
        }
    }

    /**
     * Reads and drops what is left of a body the answer did not need (one over the limit, or one sent
     * without a valid token or Content-Type), up to {@link #DISCARD_LIMIT} bytes, through a small
     * buffer: nothing of it is kept. A server that closes a connection while the client is still
     * sending makes the client's TCP stack drop the answer it has not read yet (a reset), so the
     * client would see a broken connection instead of {@code 413001}. Past the limit the server
     * closes the connection all the same, as web servers do (Tomcat's {@code maxSwallowSize}).
     */
    private static void discardUnreadBody(HttpExchange exchange) throws IOException {
        InputStream rest = exchange.getRequestBody();
        byte[] buffer = new byte[8192];
        long left = DISCARD_LIMIT;
        int read;
        while (left > 0 && (read = rest.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
            left -= read;
        }
    }

    private HttpAnswer answer(HttpExchange exchange, String method, String path) {
        EndpointRoute route = EndpointRoute.of(method, path);
        if (route instanceof EndpointRoute.NoSuchEndpoint none) {
            return HttpAnswer.noSuchEndpoint(none);
        }
        if (route instanceof EndpointRoute.WrongMethod wrong) {
            return HttpAnswer.methodNotAllowed(wrong);
        }
        if (route instanceof EndpointRoute.OpenApi) {
            return HttpAnswer.openApi();
        }
        Headers headers = exchange.getRequestHeaders();
        Optional<TenantId> tenant = tenant(headers);
        if (tenant.isEmpty()) {
            return HttpAnswer.of(EndpointResponse.of(ResCode.UNAUTHORIZED));
        }
        if (route.takesBody()) {
            if (!ContentTypes.isJsonInUtf8(headers.getOrDefault("Content-Type", List.of()))) {
                return HttpAnswer.of(EndpointResponse.of(ResCode.UNSUPPORTED_MEDIA_TYPE));
            }
            Optional<EndpointResponse> tooLarge = declaredTooLarge(headers);
            if (tooLarge.isPresent()) {
                return HttpAnswer.of(tooLarge.get());
            }
        }
        return HttpAnswer.of(route.call(endpoints, tenant.get(), exchange.getRequestBody()));
    }

    /** The tenant of the one {@code access-token} the request carries; none for zero or several. */
    private Optional<TenantId> tenant(Headers headers) {
        List<String> presented = headers.getOrDefault(ACCESS_TOKEN, List.of());
        return presented.size() == 1 ? tokens.tenantOf(presented.get(0)) : Optional.empty();
    }

    private Optional<EndpointResponse> declaredTooLarge(Headers headers) {
        String declared = headers.getFirst("Content-Length");
        if (declared == null) {
            return Optional.empty();
        }
        long length;
        try {
            length = Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            // The server itself refuses a malformed length before any handler runs.
            return Optional.empty();
        }
        return endpoints.refuseDeclaredLength(length);
    }

    /** Sends the status, the headers and the body, and returns the body's stream, flushed and still open. */
    private static OutputStream send(HttpExchange exchange, String method, HttpAnswer answer) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", EndpointResponse.CONTENT_TYPE);
        for (Map.Entry<String, String> header : answer.headers().entrySet()) {
            headers.set(header.getKey(), header.getValue());
        }
        if (answer.status() == 401) {
            headers.set("WWW-Authenticate", ACCESS_TOKEN);
        }
        if (method.equals("HEAD")) {
            // A HEAD answer has no body, whatever its status.
            exchange.sendResponseHeaders(answer.status(), -1);
            return exchange.getResponseBody();
        }
        exchange.sendResponseHeaders(answer.status(), answer.body().length);
        OutputStream out = exchange.getResponseBody();
        out.write(answer.body());
        out.flush();
        return out;
    }
}

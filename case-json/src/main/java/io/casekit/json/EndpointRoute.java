package io.casekit.json;

import io.casekit.core.TenantId;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * Which AICC endpoint a request asks for, from its method and raw path, for any HTTP host: one of
 * the endpoints under {@link #BASE_PATH}, a path of an endpoint with the wrong method
 * ({@link WrongMethod}, {@code 405000}), or no endpoint at all ({@link NoSuchEndpoint},
 * {@code 404000}). The rule of the reference host (case-example), moved here so that every host
 * routes the same way. Immutable and thread-safe.
 *
 * <p>The path is matched as sent (not percent-decoded): a case id holds only letters, digits,
 * {@code -} and {@code _}, which never need encoding. A path segment that is no possible case id
 * still routes, and the endpoint answers {@code 404001} for it, as for any id the tenant lacks.
 * {@code GET case/modify} reads the case whose id is {@code modify}; the other calls under
 * {@code case/} ({@code list}, {@code cancel}, {@code transfer}, {@code resume}, {@code reopen},
 * {@code erase}) take only {@code POST} (any other method is 405 with {@code Allow: POST}), so a case
 * whose id is one of those words can not be read through a host (our decision: a client that sends
 * such a call with the wrong method learns that, rather than "case not found";
 * {@code GET case/list/history} still reads that case's history). {@code status/update} and
 * {@code close} take only {@code POST}, {@code statistics/case/current} only {@code GET}; every
 * other method ({@code HEAD}, {@code OPTIONS}, {@code PUT}, …) is a wrong method.
 *
 * <p>A host checks, in this order, each without reading the body: the route (this type), the
 * {@code access-token} ({@code 401001}), then for a route that {@link #takesBody() takes a body}
 * the Content-Type ({@link ContentTypes}, {@code 415001}) and a declared length
 * ({@link CaseEndpoints#refuseDeclaredLength}, {@code 413001}); then it {@link #call calls} the
 * endpoint.
 */
public sealed interface EndpointRoute {
    /** The prefix of every endpoint's path (AICC): {@code /service/AICC__Case/1.0.0/openapi/}. */
    String BASE_PATH = "/service/AICC__Case/1.0.0/openapi/";

    /** {@code POST case}. */
    record Create() implements EndpointRoute {}

    /** {@code POST case/modify}. */
    record Modify() implements EndpointRoute {}

    /** {@code POST case/list}. */
    record List() implements EndpointRoute {}

    /** {@code GET case/{id}}; {@code caseId} as sent, possibly no valid id. */
    record Read(String caseId) implements EndpointRoute {}

    /** {@code GET case/{id}/history}; {@code caseId} as sent, possibly no valid id. */
    record History(String caseId) implements EndpointRoute {}

    /** A lifecycle call, all {@code POST} with a body: which one. */
    record Lifecycle(Call call) implements EndpointRoute {}

    /** {@code GET statistics/case/current}. */
    record Statistics() implements EndpointRoute {}

    /**
     * A path of an endpoint, with a method it does not take: HTTP 405 with the {@code Allow} header
     * {@code allowed} ({@code "GET"}, {@code "POST"} or {@code "GET, POST"}) and {@link #body()}.
     */
    record WrongMethod(String allowed) implements EndpointRoute {
        /** The {@code resCode} of this answer: the host's own, ending in {@code 000} (our decision). */
        public static final String RES_CODE = "405000";
        /** The HTTP status. */
        public static final int HTTP_STATUS = 405;

        public WrongMethod {
            Objects.requireNonNull(allowed, "allowed");
        }

        /** {@code {"resCode":"405000","resMsg":"Method not allowed"}}, UTF-8; a fresh array on each call. */
        public byte[] body() {
            return hostAnswer(RES_CODE, "Method not allowed");
        }
    }

    /** A path of no endpoint: HTTP 404 with {@link #body()}. */
    record NoSuchEndpoint() implements EndpointRoute {
        /** The {@code resCode} of this answer: the host's own, ending in {@code 000} (our decision). */
        public static final String RES_CODE = "404000";
        /** The HTTP status. */
        public static final int HTTP_STATUS = 404;

        /** {@code {"resCode":"404000","resMsg":"No such endpoint"}}, UTF-8; a fresh array on each call. */
        public byte[] body() {
            return hostAnswer(RES_CODE, "No such endpoint");
        }
    }

    /** The lifecycle calls, each with its path under {@link #BASE_PATH}. */
    enum Call {
        STATUS_UPDATE("status/update"),
        CLOSE("close"),
        CANCEL("case/cancel"),
        TRANSFER("case/transfer"),
        RESUME("case/resume"),
        REOPEN("case/reopen"),
        ERASE("case/erase");

        private final String path;

        Call(String path) {
            this.path = path;
        }

        /** The path under {@link #BASE_PATH}, e.g. {@code case/cancel}. */
        public String path() {
            return path;
        }

        static Optional<Call> ofPath(String path) {
            for (Call c : values()) {
                if (c.path.equals(path)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }
    }

    /** Whether this is an endpoint ({@code true}), rather than a wrong method or no endpoint. */
    default boolean isEndpoint() {
        return !(this instanceof WrongMethod || this instanceof NoSuchEndpoint);
    }

    /** Whether the endpoint reads a request body (every {@code POST} endpoint). */
    default boolean takesBody() {
        return this instanceof Create || this instanceof Modify || this instanceof List || this instanceof Lifecycle;
    }

    /**
     * Calls the endpoint on {@code endpoints} for {@code tenant}. Never throws for an endpoint (as
     * {@link CaseEndpoints}); the body is read (at most one byte past the limit) only by a route that
     * {@link #takesBody() takes one}.
     *
     * @param body the request body; not read by a route without one
     * @throws IllegalStateException when this is no endpoint ({@link WrongMethod}, {@link NoSuchEndpoint})
     */
    default EndpointResponse call(CaseEndpoints endpoints, TenantId tenant, InputStream body) {
        if (this instanceof Read read) {
            return endpoints.read(tenant, read.caseId());
        }
        if (this instanceof History history) {
            return endpoints.history(tenant, history.caseId());
        }
        if (this instanceof Statistics) {
            return endpoints.statistics(tenant);
        }
        if (this instanceof Create) {
            return endpoints.create(tenant, body);
        }
        if (this instanceof Modify) {
            return endpoints.modify(tenant, body);
        }
        if (this instanceof List) {
            return endpoints.list(tenant, body);
        }
        if (this instanceof Lifecycle lifecycle) {
            return switch (lifecycle.call()) {
                case STATUS_UPDATE -> endpoints.changeStatus(tenant, body);
                case CLOSE -> endpoints.close(tenant, body);
                case CANCEL -> endpoints.cancel(tenant, body);
                case TRANSFER -> endpoints.transfer(tenant, body);
                case RESUME -> endpoints.resume(tenant, body);
                case REOPEN -> endpoints.reopen(tenant, body);
                case ERASE -> endpoints.erase(tenant, body);
            };
        }
        throw new IllegalStateException("No endpoint to call for " + this);
    }

    /**
     * The route of a request.
     *
     * @param method  the HTTP method, case-sensitive as HTTP says ({@code GET}, {@code POST})
     * @param rawPath the request's path as sent, not percent-decoded, without the query
     */
    static EndpointRoute of(String method, String rawPath) {
        if (!rawPath.startsWith(BASE_PATH)) {
            return new NoSuchEndpoint();
        }
        String path = rawPath.substring(BASE_PATH.length());
        java.util.List<String> segments = java.util.List.of(path.split("/", -1));
        if (segments.stream().anyMatch(String::isEmpty)) {
            return new NoSuchEndpoint();
        }
        boolean get = method.equals("GET");
        boolean post = method.equals("POST");
        Optional<Call> call = Call.ofPath(path);
        if (call.isPresent()) {
            return post ? new Lifecycle(call.get()) : new WrongMethod("POST");
        }
        if (path.equals("statistics/case/current")) {
            return get ? new Statistics() : new WrongMethod("GET");
        }
        if (!segments.get(0).equals("case")) {
            return new NoSuchEndpoint();
        }
        return switch (segments.size()) {
            case 1 -> post ? new Create() : new WrongMethod("POST");
            case 2 -> segments.get(1).equals("modify")
                    ? post ? new Modify() : get ? new Read(segments.get(1)) : new WrongMethod("GET, POST")
                    : segments.get(1).equals("list") ? post ? new List() : new WrongMethod("POST")
                    : get ? new Read(segments.get(1)) : new WrongMethod("GET");
            case 3 -> segments.get(2).equals("history")
                    ? get ? new History(segments.get(1)) : new WrongMethod("GET")
                    : new NoSuchEndpoint();
            default -> new NoSuchEndpoint();
        };
    }

    private static byte[] hostAnswer(String resCode, String resMsg) {
        return ("{\"resCode\":\"" + resCode + "\",\"resMsg\":\"" + resMsg + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}

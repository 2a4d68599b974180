package io.casekit.example;

import io.casekit.json.OpenApiDocument;

/**
 * What a request asks for, from its method and path: one of the endpoints under {@link #BASE_PATH},
 * a known path with the wrong method, or no endpoint at all.
 *
 * <p>The path is matched as sent (not percent-decoded): a case id holds only letters, digits,
 * {@code -} and {@code _}, which never need encoding. A path segment that is no possible case id
 * still routes, and the endpoint answers {@code 404001} for it, as for any id the tenant lacks.
 * {@code GET case/modify} reads the case whose id is {@code modify}; the other calls under
 * {@code case/} ({@code list}, {@code cancel}, {@code transfer}, {@code resume}, {@code reopen},
 * {@code erase}) take only {@code POST} (any other method is 405 with {@code Allow: POST}), so a case
 * whose id is one of those words can not be read through this host (our decision: a client that
 * sends such a call with the wrong method learns that, rather than "case not found";
 * {@code GET case/list/history} still reads that case's history). {@code status/update} and
 * {@code close} take only {@code POST}, {@code statistics/case/current} only {@code GET}. The OpenAPI
 * document is {@code GET} {@link OpenApiDocument#SERVED_PATH}, beside the base path, not under it.
 */
sealed interface Route {
    /** The prefix of every endpoint. */
    String BASE_PATH = "/service/AICC__Case/1.0.0/openapi/";

    /** {@code POST case}. */
    record Create() implements Route {}

    /** {@code POST case/modify}. */
    record Modify() implements Route {}

    /** {@code POST case/list}. */
    record List() implements Route {}

    /** {@code GET case/{id}}. */
    record Read(String caseId) implements Route {}

    /** {@code GET case/{id}/history}. */
    record History(String caseId) implements Route {}

    /** A lifecycle call, all {@code POST} with a body: which one. */
    record Lifecycle(Call call) implements Route {}

    /** {@code GET statistics/case/current}. */
    record Statistics() implements Route {}

    /** {@code GET /service/AICC__Case/1.0.0/openapi.json}: the OpenAPI document, which needs no access token. */
    record OpenApi() implements Route {}

    /** A path of an endpoint, with a method it does not take. */
    record WrongMethod(String allowed) implements Route {}

    /** A path of no endpoint. */
    record NoSuchEndpoint() implements Route {}

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
        String path() {
            return path;
        }

        static java.util.Optional<Call> ofPath(String path) {
            for (Call c : values()) {
                if (c.path.equals(path)) {
                    return java.util.Optional.of(c);
                }
            }
            return java.util.Optional.empty();
        }
    }

    /** Whether the endpoint reads a request body. */
    default boolean takesBody() {
        return this instanceof Create || this instanceof Modify || this instanceof List || this instanceof Lifecycle;
    }

    static Route of(String method, String rawPath) {
        if (rawPath.equals(OpenApiDocument.SERVED_PATH)) {
            return method.equals("GET") ? new OpenApi() : new WrongMethod("GET");
        }
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
        java.util.Optional<Call> call = Call.ofPath(path);
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
}

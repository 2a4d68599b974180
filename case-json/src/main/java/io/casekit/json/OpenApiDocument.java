package io.casekit.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The OpenAPI document of the AICC endpoints casekit serves, for a host to serve at
 * {@link #SERVED_PATH} (the reference host does; no {@code access-token} is needed to read it).
 *
 * <p>Shape: OpenAPI <b>3.1.0</b> as UTF-8 JSON (send it as {@code application/json}). It describes
 * every endpoint of {@link CaseEndpoints} with the paths the reference host routes under the server
 * {@code /service/AICC__Case/1.0.0/openapi}: {@code POST case}, {@code POST case/modify},
 * {@code POST case/list}, {@code GET case/{id}}, {@code GET case/{id}/history}, {@code POST status/update},
 * {@code POST close}, {@code POST case/cancel}, {@code POST case/transfer}, {@code POST case/resume},
 * {@code POST case/reopen}, {@code POST case/erase}, {@code GET statistics/case/current}, and
 * {@code GET} of the document itself. It gives the {@code access-token} header as an {@code apiKey}
 * security scheme, each request body and each answer per HTTP status as a JSON Schema 2020-12 in
 * {@code components/schemas} (the envelope {@code {"resCode","resMsg"[,"result"]}}, the case as read
 * returns it, the list page, the history, the statistics, the violations of a {@code 400002}
 * answer). Text limits are counted in UTF-8 bytes, as the wire counts them: they are stated in each
 * schema's {@code description}, and {@code maxLength} is used only for ASCII-only values (ids), where
 * characters and bytes agree. {@code info.version} is the version of this jar. The rules behind the
 * document are case-json's README and the AICC case OpenAPI pages (see each schema's description for
 * casekit's own decisions and extensions).
 *
 * <p>Thread-safe: the document is read once from this jar, when the class is first used; each call
 * returns a fresh copy.
 */
public final class OpenApiDocument {
    /** The path the reference host serves the document at, beside the endpoints' base path. */
    public static final String SERVED_PATH = "/service/AICC__Case/1.0.0/openapi.json";
    /** The Content-Type to serve it with. */
    public static final String CONTENT_TYPE = "application/json";

    private static final byte[] DOCUMENT = read();

    private OpenApiDocument() {}

    /** The document: UTF-8 JSON of OpenAPI 3.1.0; a fresh copy on each call. */
    public static byte[] bytes() {
        return DOCUMENT.clone();
    }

    private static byte[] read() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from case-json's jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

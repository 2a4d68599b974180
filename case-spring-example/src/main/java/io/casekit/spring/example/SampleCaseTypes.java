package io.casekit.spring.example;

import io.casekit.core.spi.TemplateCatalog;
import io.casekit.core.template.CaseType;
import io.casekit.json.CaseJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;

/**
 * The case types of {@code sample.case-types}, saved into casekit's {@link TemplateCatalog} at
 * start-up, before the web server takes requests, so that a create of one of them works at once.
 * Each save replaces a stored type of the same tenant and id; types stored earlier and not in the
 * document stay.
 */
final class SampleCaseTypes implements InitializingBean {
    private final @Nullable Resource document;
    private final CaseJson json;
    private final TemplateCatalog catalog;
    private List<CaseType> loaded = List.of();

    /** @param document the case type document; null loads nothing */
    SampleCaseTypes(@Nullable Resource document, CaseJson json, TemplateCatalog catalog) {
        this.document = document;
        this.json = json;
        this.catalog = catalog;
    }

    /**
     * Reads the document and saves its types. Each exception stops the start, with the reason.
     *
     * @throws UncheckedIOException when the document can not be read
     * @throws io.casekit.json.UnreadableJsonException when it is not UTF-8 JSON within
     *         {@code casekit.json.*}'s limits
     * @throws io.casekit.core.CaseValidationException with every problem of its definitions
     */
    @Override
    public void afterPropertiesSet() {
        if (document == null) {
            return;
        }
        byte[] bytes;
        try (InputStream in = document.getInputStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("sample.case-types: can not read " + document.getDescription(), e);
        }
        loaded = json.readCaseTypes(bytes);
        loaded.forEach(catalog::save);
    }

    /** The types saved at start-up, in document order. */
    List<CaseType> loaded() {
        return loaded;
    }
}

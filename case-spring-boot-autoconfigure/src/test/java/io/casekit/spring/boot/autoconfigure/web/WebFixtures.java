package io.casekit.spring.boot.autoconfigure.web;

import io.casekit.core.TenantId;
import io.casekit.core.service.CaseService;
import io.casekit.core.template.CaseType;
import io.casekit.json.CaseEndpoints;
import io.casekit.json.CaseJson;
import io.casekit.json.JsonLimits;
import io.casekit.store.memory.InMemoryCaseStore;
import io.casekit.store.memory.InMemoryTemplateCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The tenant, tokens, case types and clock of the endpoint tests, and a twin of the endpoints off Spring. */
final class WebFixtures {
    static final TenantId ACME = TenantId.of("acme");
    static final String ACME_TOKEN = "acme-0c13SlwjAaU1LbErgyPvinLsrUldpDS3oUXNwpV-Exg";
    /** The token whose look-up fails in {@link #resolver()}, with {@link #SECRET} in its message. */
    static final String FAILING_TOKEN = "token-whose-store-is-down";
    static final String SECRET = "jdbc:postgresql://tokens.internal/secret-password";
    static final String COMPLAINT = "ct000000000000000001";
    static final String TICKET = "ct000000000000000002";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T08:00:00Z"), ZoneOffset.UTC);

    private WebFixtures() {}

    /** The resolver of the tests: {@link #ACME_TOKEN} opens acme, {@link #FAILING_TOKEN} throws, any other none. */
    static TenantResolver resolver() {
        return token -> {
            if (token.equals(FAILING_TOKEN)) {
                throw new IllegalStateException("token store unreachable at " + SECRET);
            }
            return token.equals(ACME_TOKEN) ? Optional.of(ACME) : Optional.empty();
        };
    }

    /** The case types of acme: a Complaint with a required picklist, a Ticket with a strict flow. */
    static List<CaseType> caseTypes() {
        try (InputStream in = WebFixtures.class.getResourceAsStream("web-case-types.json")) {
            return CaseJson.create().readCaseTypes(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InMemoryTemplateCatalog catalog() {
        InMemoryTemplateCatalog catalog = new InMemoryTemplateCatalog();
        caseTypes().forEach(catalog::save);
        return catalog;
    }

    /**
     * {@link CaseEndpoints} off Spring, on a store of its own with the same types and clock as
     * {@link InMemoryHost}: the same calls in the same order give the same bytes.
     */
    static CaseEndpoints twin(int maxDocumentBytes) {
        CaseService service = CaseService.builder(new InMemoryCaseStore(), catalog()).clock(CLOCK).build();
        return CaseEndpoints.of(service, CaseJson.create(JsonLimits.defaults().withMaxDocumentBytes(maxDocumentBytes)));
    }

    /** A host's in-memory store and catalog (the auto-configuration's CaseService uses them) and the clock. */
    @Configuration(proxyBeanMethods = false)
    static class InMemoryHost {
        @Bean
        InMemoryCaseStore caseStore() {
            return new InMemoryCaseStore();
        }

        @Bean
        InMemoryTemplateCatalog templateCatalog() {
            return catalog();
        }

        @Bean
        Clock clock() {
            return CLOCK;
        }
    }
}

package io.casekit.spring.boot.autoconfigure;

import io.casekit.json.CasekitModule;
import io.casekit.store.jdbc.JdbcSchema;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/**
 * casekit's versions, for Actuator's info endpoint: the detail {@code casekit} holds {@value #VERSION}
 * (the library's version, as its jars were built, e.g. {@code 0.1.0}; read from case-json's
 * {@link CasekitModule#version()}) and {@value #SCHEMA_VERSION} (the schema version this library
 * reads and writes, {@link JdbcSchema#VERSION}; the database's own is in the health details). Reads
 * no database. Immutable and thread-safe.
 */
public final class CasekitInfoContributor implements InfoContributor {
    public static final String VERSION = "version";
    public static final String SCHEMA_VERSION = "schemaVersion";

    private final Map<String, Object> details;

    public CasekitInfoContributor() {
        Map<String, Object> casekit = new LinkedHashMap<>();
        casekit.put(VERSION, new CasekitModule().version().toString());
        casekit.put(SCHEMA_VERSION, JdbcSchema.VERSION);
        this.details = Collections.unmodifiableMap(casekit);
    }

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail(CasekitModule.NAME, details);
    }
}

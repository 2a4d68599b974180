package io.casekit.spring.boot.autoconfigure;

import io.casekit.spring.boot.autoconfigure.CasekitProperties.SchemaMode;

/**
 * The start-up check of {@code casekit.jdbc.schema=validate} found casekit's tables missing,
 * incomplete, older or newer than this release's. Its message is {@link io.casekit.store.jdbc.JdbcSchema}'s;
 * Boot's failure report adds what a Boot host can do about it ({@code CasekitSchemaFailureAnalyzer}).
 */
public final class CasekitSchemaException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final String tablePrefix;

    CasekitSchemaException(String tablePrefix, IllegalStateException cause) {
        super(cause.getMessage(), cause);
        this.tablePrefix = tablePrefix;
    }

    /** The table prefix whose tables were checked. */
    public String tablePrefix() {
        return tablePrefix;
    }

    /** The mode that checked: always {@link SchemaMode#VALIDATE}. */
    public SchemaMode mode() {
        return SchemaMode.VALIDATE;
    }
}

package io.casekit.spring.boot.autoconfigure;

import io.casekit.spring.boot.autoconfigure.CasekitProperties.SchemaMode;
import io.casekit.store.jdbc.JdbcSchema;
import io.casekit.store.jdbc.JdbcStoreOptions;
import org.jdbi.v3.core.Jdbi;
import org.springframework.beans.factory.InitializingBean;

/**
 * casekit's tables at start-up, as {@code casekit.jdbc.schema} says: created or upgraded in place
 * ({@link JdbcSchema#create}), validated ({@link JdbcSchema#validate}), or left alone. The JDBC
 * store and catalog beans depend on this bean, so a start with a missing or outdated schema fails
 * before any of them is used, with {@link JdbcSchema}'s message. This bean is itself ordered after
 * the host's database initializers (Flyway, Liquibase, {@code spring.sql.init}), so that validate
 * sees the tables a Flyway migration made.
 */
public final class CasekitSchema implements InitializingBean {
    private final Jdbi jdbi;
    private final JdbcStoreOptions options;
    private final SchemaMode mode;

    /** @param mode what to do; never null (the auto-configuration resolves "unset" first) */
    public CasekitSchema(Jdbi jdbi, JdbcStoreOptions options, SchemaMode mode) {
        this.jdbi = jdbi;
        this.options = options;
        this.mode = mode;
    }

    /** What this bean did, or checked, at start-up. */
    public SchemaMode mode() {
        return mode;
    }

    /**
     * @throws CasekitSchemaException when validating and the schema is missing, incomplete, older or
     *                               newer than this library's (the message says what to do; Boot's
     *                               failure report adds the properties that fix it)
     * @throws IllegalStateException when creating and the database holds a newer schema
     * @throws io.casekit.core.StorageUnavailableException when the database can not be reached or
     *                               refuses the DDL
     */
    @Override
    public void afterPropertiesSet() {
        switch (mode) {
            case CREATE -> JdbcSchema.create(jdbi, options);
            case VALIDATE -> {
                try {
                    JdbcSchema.validate(jdbi, options);
                } catch (CasekitSchemaException e) {
                    throw e;
                } catch (IllegalStateException e) {
                    throw new CasekitSchemaException(options.tablePrefix(), e);
                }
            }
            case NONE -> { }
        }
    }
}

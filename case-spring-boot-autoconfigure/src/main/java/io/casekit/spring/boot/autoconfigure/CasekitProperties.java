package io.casekit.spring.boot.autoconfigure;

import io.casekit.core.service.CaseServiceOptions;
import io.casekit.json.JsonLimits;
import io.casekit.store.jdbc.JdbcStoreOptions;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code casekit.*} properties of a Spring Boot host. Every property has the default of the
 * library class it configures, so that a host that sets none gets what a plain Java host gets; the
 * exceptions are named. Spring binds them once, at start-up; the object is not used after that.
 *
 * <p>Each setter checks its value with the rule of the library class it configures (the same
 * {@code IllegalArgumentException} and message), so that a bad value fails the start while it is
 * bound, in Boot's report naming the property, its value and the reason.
 */
@ConfigurationProperties("casekit")
public class CasekitProperties {

    /**
     * The tenants' zone: a case's dueDate is a local date-time in it, and the AICC list window
     * (startTime, endTime) and the statistics day are read in it. An IANA zone id such as
     * Europe/Berlin, or an offset such as +02:00. Default Z (UTC, CaseService's default).
     */
    private ZoneId zone = ZoneOffset.UTC;

    private final Service service = new Service();
    private final Jdbc jdbc = new Jdbc();
    private final Templates templates = new Templates();
    private final Json json = new Json();
    private final Web web = new Web();

    public ZoneId getZone() {
        return zone;
    }

    public void setZone(ZoneId zone) {
        this.zone = zone;
    }

    public Service getService() {
        return service;
    }

    public Jdbc getJdbc() {
        return jdbc;
    }

    public Templates getTemplates() {
        return templates;
    }

    public Json getJson() {
        return json;
    }

    public Web getWeb() {
        return web;
    }

    /** The rules of CaseService ({@link CaseServiceOptions}). */
    public static class Service {
        /**
         * How often a modify is re-read and re-applied when a concurrent change of the same case
         * wins, before it gives up with a conflict. 0 never re-applies.
         */
        private int maxReapplies = CaseServiceOptions.defaults().maxReapplies();

        /** Whether a dueDate that a request sets to another value must not lie in the past. */
        private boolean dueDateNotInPast = CaseServiceOptions.defaults().dueDateNotInPast();

        public int getMaxReapplies() {
            return maxReapplies;
        }

        public void setMaxReapplies(int maxReapplies) {
            CaseServiceOptions.defaults().withMaxReapplies(maxReapplies);
            this.maxReapplies = maxReapplies;
        }

        public boolean isDueDateNotInPast() {
            return dueDateNotInPast;
        }

        public void setDueDateNotInPast(boolean dueDateNotInPast) {
            this.dueDateNotInPast = dueDateNotInPast;
        }
    }

    /** The JDBC store's tables. */
    public static class Jdbc {
        /**
         * Put in front of every casekit table name: a lowercase ASCII letter, then at most 39
         * lowercase ASCII letters, digits or underscores.
         */
        private String tablePrefix = JdbcStoreOptions.DEFAULT_TABLE_PREFIX;

        /**
         * What casekit does with its tables at start-up: create (create them, or upgrade an older
         * casekit schema in place), validate (fail the start when they are missing, incomplete,
         * older or newer) or none. Unset: create on an embedded database (H2, HSQLDB, Derby),
         * validate on any other.
         */
        private @Nullable SchemaMode schema;

        public String getTablePrefix() {
            return tablePrefix;
        }

        public void setTablePrefix(String tablePrefix) {
            JdbcStoreOptions.defaults().withTablePrefix(tablePrefix);
            this.tablePrefix = tablePrefix;
        }

        public @Nullable SchemaMode getSchema() {
            return schema;
        }

        public void setSchema(@Nullable SchemaMode schema) {
            this.schema = schema;
        }
    }

    /** What casekit does with its tables at start-up. */
    public enum SchemaMode {
        /** Creates the tables, or brings an older casekit schema up to the current version, in place. */
        CREATE,
        /** Checks that the tables are there, complete, at the current version; fails the start otherwise. */
        VALIDATE,
        /** Touches nothing: the host manages the tables (Flyway, Liquibase, a DBA). */
        NONE
    }

    /** The JDBC template catalog's cache of case types. */
    public static class Templates {
        /**
         * How long a case type read from the database (or its absence) is kept before it is read
         * again; 0 reads it on every lookup. A type saved by another process is seen at most this
         * long after.
         */
        private Duration cacheTtl = JdbcStoreOptions.defaults().templateCacheTtl();

        /** How many lookups (tenant and case type id) the cache keeps at most; 0 turns it off. */
        private long cacheMaximumSize = JdbcStoreOptions.DEFAULT_TEMPLATE_CACHE_MAXIMUM_SIZE;

        public Duration getCacheTtl() {
            return cacheTtl;
        }

        public void setCacheTtl(Duration cacheTtl) {
            JdbcStoreOptions.defaults().withTemplateCacheTtl(cacheTtl);
            this.cacheTtl = cacheTtl;
        }

        public long getCacheMaximumSize() {
            return cacheMaximumSize;
        }

        public void setCacheMaximumSize(long cacheMaximumSize) {
            JdbcStoreOptions.defaults().withTemplateCacheMaximumSize(cacheMaximumSize);
            this.cacheMaximumSize = cacheMaximumSize;
        }
    }

    /** The limits of the AICC wire ({@link JsonLimits}), applied to every request body. */
    public static class Json {
        /** The largest request body, in bytes; a larger one is refused (413001) before it is parsed. */
        private int maxDocumentBytes = JsonLimits.DEFAULT_MAX_DOCUMENT_BYTES;

        /** The deepest nesting of arrays and objects in a request body. */
        private int maxNestingDepth = JsonLimits.DEFAULT_MAX_NESTING_DEPTH;

        public int getMaxDocumentBytes() {
            return maxDocumentBytes;
        }

        public void setMaxDocumentBytes(int maxDocumentBytes) {
            JsonLimits.defaults().withMaxDocumentBytes(maxDocumentBytes);
            this.maxDocumentBytes = maxDocumentBytes;
        }

        public int getMaxNestingDepth() {
            return maxNestingDepth;
        }

        public void setMaxNestingDepth(int maxNestingDepth) {
            JsonLimits.defaults().withMaxNestingDepth(maxNestingDepth);
            this.maxNestingDepth = maxNestingDepth;
        }
    }

    /** The AICC endpoints on Spring MVC. */
    public static class Web {
        /**
         * Whether the AICC endpoints are served under /service/AICC__Case/1.0.0/openapi/ (in a
         * servlet web application with Spring MVC). The host's TenantResolver bean names the tenant
         * of each access-token; without one every request is refused (401001). Off by default: a
         * library does not open endpoints a host did not ask for.
         */
        private boolean enabled;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }
}

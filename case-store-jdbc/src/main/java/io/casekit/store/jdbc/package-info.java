/**
 * The JDBC store: {@link io.casekit.store.jdbc.JdbcCaseStore} and
 * {@link io.casekit.store.jdbc.JdbcTemplateCatalog} on the host's Jdbi, for H2, PostgreSQL and
 * MariaDB, with the opt-in schema helper {@link io.casekit.store.jdbc.JdbcSchema}. Everything not
 * public here is internal and may change without notice.
 */
@NullMarked
package io.casekit.store.jdbc;

import org.jspecify.annotations.NullMarked;

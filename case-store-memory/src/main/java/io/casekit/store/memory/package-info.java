/**
 * The in-memory store and template catalog: for host test suites and small hosts. Same semantics
 * as the JDBC store, nothing persisted.
 */
@NullMarked
package io.casekit.store.memory;

import org.jspecify.annotations.NullMarked;

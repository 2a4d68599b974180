/**
 * The reliability and security tests of casekit: faults inside a modify on every database, a load
 * soak, tenant isolation as a property, and SQL and JSON injection in every field. They use the
 * library only through its public API ({@code CaseService}, {@code CaseEndpoints}, the stores), as a
 * host would; {@code docs/reliability.md} says what each proves and the figures of the last run.
 */
@NullMarked
package io.casekit.reliability;

import org.jspecify.annotations.NullMarked;

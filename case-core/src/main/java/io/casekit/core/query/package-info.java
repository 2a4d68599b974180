/**
 * Finding cases: one immutable {@link io.casekit.core.query.CaseQuery} value (filters combined with
 * AND, one sort that always ends in the case id, a page size and a typed keyset
 * {@link io.casekit.core.query.PagePosition}), evaluated by a store through
 * {@link io.casekit.core.spi.CaseQueries} and validated by the service against the case types it
 * names. The semantics every store must match are defined here, on the records themselves
 * ({@link io.casekit.core.query.CaseFilter#test}, {@link io.casekit.core.query.CaseSort#compare}),
 * and checked by the kit's {@code CaseQueryContract}.
 */
@NullMarked
package io.casekit.core.query;

import org.jspecify.annotations.NullMarked;

/**
 * The implementation of casekit's JSON mapping: the strict reader, the documents' readers and the
 * writers. No compatibility promise: these types may change in any release; use
 * {@link io.casekit.json} instead.
 */
@NullMarked
package io.casekit.json.internal;

import org.jspecify.annotations.NullMarked;

/**
 * The casekit domain: the {@link io.casekit.core.Case} aggregate, its identifiers, the values a
 * case holds, the requests that create and modify it, its history and the library's exceptions.
 *
 * <p>Every type here is an immutable value and safe to share between threads. No method accepts or
 * returns {@code null}: optional values are {@link java.util.Optional}.
 */
@NullMarked
package io.casekit.core;

import org.jspecify.annotations.NullMarked;

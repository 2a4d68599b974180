/**
 * The casekit domain: the {@link io.casekit.core.Case} aggregate, its identifiers, the values a
 * case holds, the requests that create and modify it, its history and the library's exceptions.
 *
 * <p>Every type here is an immutable value and safe to share between threads, except the builders
 * ({@code Case.Builder}, {@code CaseDraft.Builder}, {@code CaseModification.Builder}), which are
 * mutable and must be confined to one thread. No method accepts or returns {@code null}: optional
 * values are {@link java.util.Optional}. The one exception is marked {@code @Nullable}: the setters of
 * {@code Case.Builder} that take an optional component's plain value, where {@code null} means
 * empty.
 */
@NullMarked
package io.casekit.core;

import org.jspecify.annotations.NullMarked;

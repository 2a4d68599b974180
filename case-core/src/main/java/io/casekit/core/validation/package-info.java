/**
 * The rules of domain-rules §2–§5 and the validator that applies them to create and modify
 * requests. Static rules are Jakarta Validation constraints ({@link io.casekit.core.validation.Utf8MaxBytes},
 * {@link io.casekit.core.validation.CaseText}, {@link io.casekit.core.validation.IdText}, …) run by a Hibernate Validator that casekit
 * configures for itself; template rules are dynamic and feed the same
 * {@link io.casekit.core.Violation} type.
 */
@NullMarked
package io.casekit.core.validation;

import org.jspecify.annotations.NullMarked;

/**
 * Case types and their templates: the extension fields a case of a type may carry, each with a
 * {@link io.casekit.core.template.FieldType} and its options. A definition is checked when it is
 * built; a bad one is refused with a message that names the case type and the field.
 */
@NullMarked
package io.casekit.core.template;

import org.jspecify.annotations.NullMarked;

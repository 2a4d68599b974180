/**
 * The storage contract kit: the tests that define a correct {@link io.casekit.core.spi.CaseStore}
 * and {@link io.casekit.core.spi.TemplateCatalog}. A store's test class extends
 * {@link io.casekit.store.tck.CaseStoreContract}; everything else in this package is the kit's own.
 */
@NullMarked
package io.casekit.store.tck;

import org.jspecify.annotations.NullMarked;

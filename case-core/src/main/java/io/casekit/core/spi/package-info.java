/**
 * The storage SPI: what a store must do for the service. It is small on purpose, and stable:
 * third parties implement it, and prove their implementation with the contract kit
 * ({@code case-store-tck}). It depends on the domain types alone.
 */
@NullMarked
package io.casekit.core.spi;

import org.jspecify.annotations.NullMarked;

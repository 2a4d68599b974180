/**
 * The entry point of the library: {@link io.casekit.core.service.CaseService} creates, reads,
 * previews and modifies cases of a tenant against any {@link io.casekit.core.spi.CaseStore}, with
 * every rule enforced, and the hooks a host plugs into it.
 */
@NullMarked
package io.casekit.core.service;

import org.jspecify.annotations.NullMarked;

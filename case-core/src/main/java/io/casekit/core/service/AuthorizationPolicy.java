package io.casekit.core.service;

import io.casekit.core.Case;
import io.casekit.core.FieldChange;
import io.casekit.core.TenantId;
import java.util.List;
import java.util.Objects;

/**
 * The host's say over each effective modification: it sees who changes what and may refuse, e.g.
 * "only the current owner may change ownerId". It is asked after validation and no-op detection,
 * before anything is stored; a refusal is a {@link io.casekit.core.CaseRefusedException}. It must be
 * thread-safe, and should be quick: it runs on every modify.
 */
@FunctionalInterface
public interface AuthorizationPolicy {

    Decision decide(TenantId tenant, String actor, Case before, List<FieldChange> changes);

    /** Allows everything: the default. */
    static AuthorizationPolicy allowAll() {
        return (tenant, actor, before, changes) -> Decision.allow();
    }

    /** What a policy decided. */
    sealed interface Decision {
        record Allow() implements Decision {}

        /** @param reason why, in words the host chooses for its callers */
        record Refuse(String reason) implements Decision {
            public Refuse {
                Objects.requireNonNull(reason, "reason");
            }
        }

        static Decision allow() {
            return new Allow();
        }

        static Decision refuse(String reason) {
            return new Refuse(reason);
        }
    }
}

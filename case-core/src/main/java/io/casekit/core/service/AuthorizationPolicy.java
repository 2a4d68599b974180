package io.casekit.core.service;

import java.util.Objects;

/**
 * The host's say over every operation of a {@link CaseService}: it sees which operation, in which
 * tenant, by whom, on which case, changing what, and may refuse, e.g. "only the current owner may
 * change ownerId" (the AICC transfer page) or "only members of the case's team may read it". A
 * refusal is a {@link io.casekit.core.CaseRefusedException} ({@code 403001} on the wire), whatever
 * the operation, and nothing is stored, returned or told to the listener.
 *
 * <p>When it is asked (our decision; domain-rules §8 says "asked for every operation"):
 * <ul>
 *   <li>{@link AuthorizationRequest.Operation#CREATE CREATE}: after validation, before the store,
 *       with the case about to be created.</li>
 *   <li>{@link AuthorizationRequest.Operation#READ READ} ({@code get} and {@code find}) and
 *       {@link AuthorizationRequest.Operation#HISTORY HISTORY}: after the case is found. A case the
 *       tenant does not have (another tenant's included) is not found without asking.</li>
 *   <li>{@link AuthorizationRequest.Operation#PREVIEW PREVIEW}: after the case is found and the
 *       request judged, whether or not the request is valid or changes anything, before the pinned
 *       version is compared.</li>
 *   <li>{@link AuthorizationRequest.Operation#MODIFY MODIFY}: after validation, before the pinned
 *       version is compared and before anything is stored; also when the request changes nothing
 *       (then with no changes), so that the success of a no-op does not tell a refused caller that
 *       the values it sent are the stored ones. It is asked again at each re-apply, with the case
 *       as re-read and the diff against it.</li>
 * </ul>
 * Once per operation (once per attempt for a re-applied modify), on the caller's thread; for a
 * modify inside the store's session (so a JDBC policy may use the same connection). Validation
 * failures and "not found" come before it: they tell a caller about its request and the tenant's
 * case ids, never about a stored case's fields.
 *
 * <p>A policy must be thread-safe and should be quick: it runs on every call. An exception it throws
 * (other than a {@link io.casekit.core.CaseException}) reaches the caller as it is; nothing is stored.
 *
 * <p><b>More operations will come</b> (the lifecycle operations: change status, close, cancel,
 * transfer, erase; and queries) as new {@link AuthorizationRequest.Operation} values. Decide
 * consciously what yours does with an operation it does not know, e.g. a {@code default} branch that
 * refuses (safe) or allows (compatible), rather than a switch expression that fails on a new value.
 */
@FunctionalInterface
public interface AuthorizationPolicy {

    /**
     * Decides one operation.
     *
     * @param request what is about to happen; never null
     * @return the decision; never null (a null is treated as a programming error:
     *         {@link NullPointerException})
     */
    Decision decide(AuthorizationRequest request);

    /** Allows everything: the default. */
    static AuthorizationPolicy allowAll() {
        return AllowAll.INSTANCE;
    }

    /** What a policy decided. */
    sealed interface Decision {
        record Allow() implements Decision {}

        /** @param reason why, in words the host chooses for its callers (it reaches the wire in {@code resMsg}) */
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

/** The default policy; one instance, so that the service can tell it needs no request built. */
enum AllowAll implements AuthorizationPolicy {
    INSTANCE;

    private static final Decision ALLOW = Decision.allow();

    @Override
    public Decision decide(AuthorizationRequest request) {
        return ALLOW;
    }
}

package io.casekit.core.service;

import io.casekit.core.query.CaseFilter;
import java.util.Arrays;
import java.util.List;
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
 *   <li>{@link AuthorizationRequest.Operation#QUERY QUERY} ({@code query} and {@code count}): after the
 *       caller's query is validated (a faulty query is a validation failure, whatever the policy),
 *       before the store is asked; once per call, so once per page.</li>
 * </ul>
 * Once per operation (once per attempt for a re-applied modify), on the caller's thread; for a
 * modify inside the store's session (so a JDBC policy may use the same connection). Validation
 * failures and "not found" come before it: they tell a caller about its request and the tenant's
 * case ids, never about a stored case's fields.
 *
 * <p><b>Row-level restriction</b>: besides allowing and refusing, a policy may answer
 * {@link Decision#allowWhere}: allowed, but only for cases that match every one of its
 * {@link CaseFilter}s (e.g. "an agent sees only the cases it owns":
 * {@code allowWhere(new CaseFilter.PartyIn(Party.OWNER_ID, Set.of(actor)))}). For {@code QUERY} the
 * service adds those filters to the caller's (AND) for both the page and the count, so that pages,
 * next positions and counts are those of the restricted set, exactly; the caller's query in the
 * request is unchanged. For an operation on one case (CREATE, READ, HISTORY, PREVIEW, MODIFY) the
 * operation is allowed exactly when its {@link AuthorizationRequest#target() target} matches every
 * filter ({@link CaseFilter#test}); otherwise it is refused like a {@link Decision.Refuse}, a read
 * included (our decision: refused, not "not found", as for any refused read; see
 * {@link CaseService#find}), with the reason "the case is not among the cases the authorization
 * policy allows". For MODIFY and PREVIEW that is the case as stored, before the change: a policy that
 * must also keep a modify from moving a case out of the allowed set (e.g. giving it another owner)
 * looks at {@link AuthorizationRequest#changes()} and refuses. The filters are the host's code, trusted, but they must be a valid query
 * on their own (checked with {@link io.casekit.core.query.QueryValidation} against the tenant's case
 * types: non-empty sets, an extension filter with its own {@code TypeIs}); filters that are not are a
 * programming error of the policy, an {@link IllegalStateException} naming the violations, never a
 * validation failure reported to the caller.
 *
 * <p>A policy must be thread-safe and should be quick: it runs on every call. An exception it throws
 * (other than a {@link io.casekit.core.CaseException}) reaches the caller as it is; nothing is stored.
 *
 * <p><b>More operations will come</b> (the lifecycle operations: change status, close, cancel,
 * transfer, erase) as new {@link AuthorizationRequest.Operation} values. Decide
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

    /**
     * What a policy decided: {@link #allow()}, {@link #refuse(String)} or {@link #allowWhere}. More
     * kinds may be added; a host builds decisions through these factories rather than switching over
     * them.
     */
    sealed interface Decision {
        record Allow() implements Decision {}

        /**
         * Allowed for the cases that match every filter: see {@link AuthorizationPolicy} (row-level
         * restriction). No filter at all allows as {@link Allow} does.
         *
         * @param filters the conditions, combined with AND; immutable
         */
        record AllowWhere(List<CaseFilter> filters) implements Decision {
            public AllowWhere {
                filters = List.copyOf(filters);
            }
        }

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

        /** Allowed for the cases that match every one of {@code filters}. */
        static Decision allowWhere(CaseFilter... filters) {
            return new AllowWhere(Arrays.asList(filters));
        }

        /** Allowed for the cases that match every one of {@code filters}. */
        static Decision allowWhere(List<CaseFilter> filters) {
            return new AllowWhere(filters);
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

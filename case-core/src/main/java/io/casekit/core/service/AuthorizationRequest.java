package io.casekit.core.service;

import io.casekit.core.Case;
import io.casekit.core.FieldChange;
import io.casekit.core.TenantId;
import io.casekit.core.query.CaseQuery;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an {@link AuthorizationPolicy} is asked to decide: one operation of a {@link CaseService}.
 * Immutable and thread-safe.
 *
 * <p>A class with factories rather than a record, so that the data of the operations still to come
 * (a lifecycle change's target status) can be added as new accessors and factories without breaking a
 * host that builds requests in its own policy tests; {@link Operation#QUERY} was added that way
 * ({@link #ofQuery}, {@link #query()}). For the same reason a policy should read only the accessors
 * it needs, and look at {@link #operation()} first: a {@code QUERY} request has no target case.
 *
 * <table>
 *   <caption>What each operation carries</caption>
 *   <tr><th>operation</th><th>{@link #actor()}</th><th>{@link #target()}</th><th>{@link #changes()}</th></tr>
 *   <tr><td>CREATE</td><td>the draft's {@code creatorId}</td><td>the case about to be stored (version 1)</td>
 *       <td>every field it sets (old value empty), as its creation history entry will hold them</td></tr>
 *   <tr><td>READ, HISTORY</td><td>the actor the caller passed, else empty</td><td>the case as stored</td>
 *       <td>empty</td></tr>
 *   <tr><td>PREVIEW</td><td>the request's operator ({@code creatorId}), empty when it is missing or invalid</td>
 *       <td>the case as stored</td><td>the diff of the request's valid fields against it (may be empty)</td></tr>
 *   <tr><td>MODIFY</td><td>the request's operator ({@code creatorId})</td><td>the case as stored (re-read for a
 *       re-apply)</td><td>the diff against it; empty for a request that changes nothing</td></tr>
 *   <tr><td>QUERY</td><td>the actor the caller passed to {@code query}/{@code count}, else empty</td>
 *       <td>none: {@link #target()} throws; {@link #query()} holds the caller's query as validated</td>
 *       <td>empty</td></tr>
 *   <tr><td>CHANGE_STATUS, CLOSE, CANCEL, RESUME, REOPEN, TRANSFER</td><td>the request's operator
 *       ({@code creatorId})</td><td>the case as stored (re-read for a re-apply)</td><td>what the operation
 *       changes ({@code status}, {@code state}, {@code closedReason}, {@code reopened}, {@code ownerId});
 *       empty when it changes nothing</td></tr>
 *   <tr><td>ERASE</td><td>the operator</td><td>the case about to be erased</td><td>empty</td></tr>
 *   <tr><td>STATISTICS</td><td>the actor the caller passed, else empty</td><td>none: {@link #target()}
 *       throws</td><td>empty</td></tr>
 * </table>
 *
 * <p>{@link #query()} is present exactly for {@code QUERY}. Our decision on {@link #target()} for a
 * {@code QUERY} request: it throws {@link IllegalStateException} rather than return a stand-in case,
 * so that a policy written before {@code QUERY} existed, which reads the target of every request,
 * fails closed (the caller gets an error, never cases) instead of deciding on a case that is not
 * there. Every other operation keeps its target, so such a policy needs no change for them.
 */
public final class AuthorizationRequest {

    /**
     * The operations a policy is asked about. <b>More values will be added</b> (change status, close,
     * cancel, transfer, erase); a policy decides consciously what it does with a value it does
     * not know (see {@link AuthorizationPolicy}).
     */
    public enum Operation {
        /** {@link CaseService#create}. */
        CREATE,
        /** {@link CaseService#get} and {@link CaseService#find}. */
        READ,
        /** {@link CaseService#history} and {@link CaseService#historyPage}. */
        HISTORY,
        /** {@link CaseService#preview}: what a modify would do; stores nothing but shows the case. */
        PREVIEW,
        /** {@link CaseService#modify}. */
        MODIFY,
        /**
         * {@link CaseService#query} and {@link CaseService#count}: a search among the tenant's cases,
         * no single target; the request carries the {@link #query()}. A policy may answer
         * {@link AuthorizationPolicy.Decision#allowWhere} to restrict which cases it finds.
         */
        QUERY,
        /** {@link CaseService#changeStatus}; the changes hold the status (and state) change. */
        CHANGE_STATUS,
        /** {@link CaseService#close}. */
        CLOSE,
        /** {@link CaseService#cancel}. */
        CANCEL,
        /** {@link CaseService#resume}. */
        RESUME,
        /** {@link CaseService#reopen}. */
        REOPEN,
        /**
         * {@link CaseService#transfer}: the changes hold the owner change. AICC allows it to "only the
         * current owner or a role with the owner assignment permission"; the default policy allows it,
         * a host that keeps that rule refuses it here.
         */
        TRANSFER,
        /** {@link CaseService#erase}: the target is the case about to be erased (no changes). */
        ERASE,
        /** {@link CaseService#statistics}: about the tenant's cases, no target, like {@link #QUERY}. */
        STATISTICS
    }

    private final Operation operation;
    private final TenantId tenant;
    private final Optional<String> actor;
    /** Null exactly for QUERY. */
    private final Case target;
    private final List<FieldChange> changes;
    private final Optional<CaseQuery> query;

    private AuthorizationRequest(Operation operation, TenantId tenant, Optional<String> actor, Case target,
                                 List<FieldChange> changes, Optional<CaseQuery> query) {
        this.operation = operation;
        this.tenant = tenant;
        this.actor = actor;
        this.target = target;
        this.changes = changes;
        this.query = query;
    }

    /**
     * A request; the service builds them, a host builds them to test its policy.
     *
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when the operation is QUERY (use {@link #ofQuery}), the target
     *                                  belongs to another tenant, or a READ or HISTORY request carries
     *                                  changes
     */
    public static AuthorizationRequest of(Operation operation, TenantId tenant, Optional<String> actor, Case target,
                                          List<FieldChange> changes) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(target, "target");
        List<FieldChange> copy = List.copyOf(changes);
        if (operation == Operation.QUERY || operation == Operation.STATISTICS) {
            throw new IllegalArgumentException("a " + operation + " request has no target case: use ofQuery or ofStatistics");
        }
        if (!target.tenant().equals(tenant)) {
            throw new IllegalArgumentException("the target case belongs to another tenant");
        }
        if ((operation == Operation.READ || operation == Operation.HISTORY) && !copy.isEmpty()) {
            throw new IllegalArgumentException(operation + " changes nothing");
        }
        return new AuthorizationRequest(operation, tenant, actor, target, copy, Optional.empty());
    }

    /**
     * A {@link Operation#QUERY} request: the caller's query (as the caller sent it, validated; the
     * service's {@code query} and {@code count} ask with it), no target and no changes.
     *
     * @throws NullPointerException when an argument is null
     */
    public static AuthorizationRequest ofQuery(TenantId tenant, Optional<String> actor, CaseQuery query) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(query, "query");
        return new AuthorizationRequest(Operation.QUERY, tenant, actor, null, List.of(), Optional.of(query));
    }

    /**
     * A {@link Operation#STATISTICS} request: about the tenant's cases as a whole; no target, no
     * changes, no query.
     *
     * @throws NullPointerException when an argument is null
     */
    public static AuthorizationRequest ofStatistics(TenantId tenant, Optional<String> actor) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(actor, "actor");
        return new AuthorizationRequest(Operation.STATISTICS, tenant, actor, null, List.of(), Optional.empty());
    }

    /** Which operation is asked about. */
    public Operation operation() {
        return operation;
    }

    /** The tenant of the call; the target's tenant too. */
    public TenantId tenant() {
        return tenant;
    }

    /**
     * On whose behalf the operation is made, where it has one: see the table above. The service
     * does not check who the actor is; the host vouches for it.
     */
    public Optional<String> actor() {
        return actor;
    }

    /**
     * The case the operation is on: as stored, or for CREATE the case about to be stored.
     *
     * @throws IllegalStateException for a {@link Operation#QUERY} request, which is about no single
     *                               case (see the class comment: a policy that does not know QUERY
     *                               fails closed)
     */
    public Case target() {
        if (target == null) {
            throw new IllegalStateException("a " + operation + " request has no target case"
                    + (operation == Operation.QUERY ? "; see query()" : ""));
        }
        return target;
    }

    /** The fields the operation sets or changes, in request order; immutable; empty for QUERY. */
    public List<FieldChange> changes() {
        return changes;
    }

    /** The caller's query, present exactly for {@link Operation#QUERY}. */
    public Optional<CaseQuery> query() {
        return query;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthorizationRequest other && operation == other.operation && tenant.equals(other.tenant)
                && actor.equals(other.actor) && Objects.equals(target, other.target) && changes.equals(other.changes)
                && query.equals(other.query);
    }

    @Override
    public int hashCode() {
        return Objects.hash(operation, tenant, actor, target, changes, query);
    }

    /**
     * For logs: names the operation, tenant, actor, case id and changed fields (for QUERY the number
     * of filters), never a field's value.
     */
    @Override
    public String toString() {
        if (target == null) {
            return "AuthorizationRequest[" + operation + " by " + actor.orElse("(none)") + " on " + tenant.value()
                    + ", " + query.map(q -> q.filters().size()).orElse(0) + " filters]";
        }
        return "AuthorizationRequest[" + operation + " by " + actor.orElse("(none)") + " on " + tenant.value() + "/"
                + target.id().value() + ", fields " + changes.stream().map(FieldChange::field).toList() + "]";
    }
}

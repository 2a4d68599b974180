package io.casekit.core.service;

import io.casekit.core.Case;
import io.casekit.core.FieldChange;
import io.casekit.core.TenantId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an {@link AuthorizationPolicy} is asked to decide: one operation of a {@link CaseService}.
 * Immutable and thread-safe.
 *
 * <p>A class with a factory rather than a record, so that the data of the operations still to come
 * (a lifecycle change's target status, a query) can be added as new accessors and factories without
 * breaking a host that builds requests in its own policy tests. For the same reason a policy should
 * read only the accessors it needs.
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
 * </table>
 */
public final class AuthorizationRequest {

    /**
     * The operations a policy is asked about. <b>More values will be added</b> (change status, close,
     * cancel, transfer, erase, query); a policy decides consciously what it does with a value it does
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
        MODIFY
    }

    private final Operation operation;
    private final TenantId tenant;
    private final Optional<String> actor;
    private final Case target;
    private final List<FieldChange> changes;

    private AuthorizationRequest(Operation operation, TenantId tenant, Optional<String> actor, Case target,
                                 List<FieldChange> changes) {
        this.operation = operation;
        this.tenant = tenant;
        this.actor = actor;
        this.target = target;
        this.changes = changes;
    }

    /**
     * A request; the service builds them, a host builds them to test its policy.
     *
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when the target belongs to another tenant, or a READ or
     *                                  HISTORY request carries changes
     */
    public static AuthorizationRequest of(Operation operation, TenantId tenant, Optional<String> actor, Case target,
                                          List<FieldChange> changes) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(target, "target");
        List<FieldChange> copy = List.copyOf(changes);
        if (!target.tenant().equals(tenant)) {
            throw new IllegalArgumentException("the target case belongs to another tenant");
        }
        if ((operation == Operation.READ || operation == Operation.HISTORY) && !copy.isEmpty()) {
            throw new IllegalArgumentException(operation + " changes nothing");
        }
        return new AuthorizationRequest(operation, tenant, actor, target, copy);
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

    /** The case the operation is on: as stored, or for CREATE the case about to be stored. */
    public Case target() {
        return target;
    }

    /** The fields the operation sets or changes, in request order; immutable. */
    public List<FieldChange> changes() {
        return changes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthorizationRequest other && operation == other.operation && tenant.equals(other.tenant)
                && actor.equals(other.actor) && target.equals(other.target) && changes.equals(other.changes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(operation, tenant, actor, target, changes);
    }

    /** For logs: names the operation, tenant, actor, case id and changed fields, never a field's value. */
    @Override
    public String toString() {
        return "AuthorizationRequest[" + operation + " by " + actor.orElse("(none)") + " on " + tenant.value() + "/"
                + target.id().value() + ", fields " + changes.stream().map(FieldChange::field).toList() + "]";
    }
}

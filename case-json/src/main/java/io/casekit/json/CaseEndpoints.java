package io.casekit.json;

import io.casekit.core.Case;
import io.casekit.core.CaseConflictException;
import io.casekit.core.CaseDraft;
import io.casekit.core.CaseException;
import io.casekit.core.CaseId;
import io.casekit.core.CaseModification;
import io.casekit.core.CaseReadOnlyException;
import io.casekit.core.CaseRefusedException;
import io.casekit.core.CaseValidationException;
import io.casekit.core.HistoryEntry;
import io.casekit.core.TenantId;
import io.casekit.core.query.CasePage;
import io.casekit.core.query.CaseQuery;
import io.casekit.core.query.PagePosition;
import io.casekit.core.service.CaseService;
import io.casekit.core.validation.LifecycleValidator.Rule;
import io.casekit.json.internal.JsonTree;
import io.casekit.json.internal.LifecycleRequest;
import io.casekit.json.internal.ListCursor;
import io.casekit.json.internal.ListRequest;
import io.casekit.json.internal.Responses;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The AICC case endpoints for a host: one call per endpoint, from the request's bytes to the
 * response's status and bytes. The host authenticates the caller (its access token names the
 * tenant) and checks the Content-Type; everything after that is here. Immutable and thread-safe.
 *
 * <pre>{@code
 * CaseEndpoints endpoints = CaseEndpoints.of(service);
 * EndpointResponse response = endpoints.modify(tenant, requestBody);
 * exchange.sendResponseHeaders(response.httpStatus(), response.bodyLength());
 * response.writeBodyTo(exchange.getResponseBody());
 * }</pre>
 *
 * <p>No call throws. Every failure becomes its {@link ResCode}, chosen by the kind of the failure
 * ({@link CaseException#kind()}), never by its message: {@code 400001} for a body that is not a
 * request document, {@code 413001} for one over the size limit, {@code 400002} with every
 * violation, {@code 403001}, {@code 404001}, {@code 409001}, {@code 409002} (a create with an id the
 * tenant has), {@code 409003} (a change of a closed or cancelled case), {@code 503001}, and {@code 500001} for anything unexpected, whose details go to the
 * log ({@link System.Logger}) and never into the response.
 *
 * <p>The AICC modify request carries no expected version: a modify applies to the current version,
 * and the service re-applies it when a concurrent change wins (domain-rules §6). {@code 409001} is
 * then answered only when concurrent changes kept winning.
 */
public final class CaseEndpoints {
    private static final System.Logger LOG = System.getLogger(CaseEndpoints.class.getName());

    private final CaseService service;
    private final CaseJson json;

    private CaseEndpoints(CaseService service, CaseJson json) {
        this.service = Objects.requireNonNull(service, "service");
        this.json = Objects.requireNonNull(json, "json");
    }

    /** Endpoints on this service with the default {@link JsonLimits}. */
    public static CaseEndpoints of(CaseService service) {
        return new CaseEndpoints(service, CaseJson.create());
    }

    /** Endpoints on this service reading requests with {@code json}'s limits. */
    public static CaseEndpoints of(CaseService service, CaseJson json) {
        return new CaseEndpoints(service, json);
    }

    /** The reader of requests, whose limits a host may want to know (e.g. to cap what it reads). */
    public CaseJson json() {
        return json;
    }

    /**
     * The answer to a request whose declared body length (its {@code Content-Length}) is over the
     * size limit, given before the body is read: {@code 413001} with {@code resMsg}
     * {@code Request body is <declaredBytes> bytes, at most <limit> allowed}, as the same body read
     * whole would get. Empty when the length is within the limit, so that the body is then read
     * (through a method taking an {@code InputStream}, which stops one byte past the limit whatever
     * was declared).
     *
     * @param declaredBytes the declared length of the body, in bytes
     */
    public Optional<EndpointResponse> refuseDeclaredLength(long declaredBytes) {
        int limit = json.limits().maxDocumentBytes();
        if (declaredBytes <= limit) {
            return Optional.empty();
        }
        return Optional.of(EndpointResponse.of(ResCode.BODY_TOO_LARGE,
                "Request body is " + declaredBytes + " bytes, at most " + limit + " allowed"));
    }

    /**
     * {@code POST case}: creates a case from {@code {"caseInfo":{…}}}; success is
     * {@code {"resCode":"0","resMsg":"Success","result":{"caseId":…}}}.
     */
    public EndpointResponse create(TenantId tenant, byte[] body) {
        return answer(() -> {
            CaseDraft draft = json.readDraft(body);
            Case created = service.create(tenant, draft);
            return new EndpointResponse(ResCode.SUCCESS, Responses.created(created.id()));
        });
    }

    /** As {@link #create(TenantId, byte[])}, reading at most one byte more than the size limit. */
    public EndpointResponse create(TenantId tenant, InputStream body) {
        return answer(() -> create(tenant, readBounded(body)));
    }

    /**
     * {@code POST case/modify}: modifies the case {@code caseInfo.id} names; success is exactly
     * {@code {"resCode":"0","resMsg":"Success"}}, also when nothing changed.
     */
    public EndpointResponse modify(TenantId tenant, byte[] body) {
        return answer(() -> {
            CaseModification modification = json.readModification(body);
            service.modify(tenant, modification);
            return new EndpointResponse(ResCode.SUCCESS, Responses.success());
        });
    }

    /** As {@link #modify(TenantId, byte[])}, reading at most one byte more than the size limit. */
    public EndpointResponse modify(TenantId tenant, InputStream body) {
        return answer(() -> modify(tenant, readBounded(body)));
    }

    /**
     * {@code GET case/{id}}: {@code result} is an array holding the case. An id that no case can
     * have is {@code 404001}, as an unknown one is.
     */
    public EndpointResponse read(TenantId tenant, String caseId) {
        if (!CaseId.isValid(caseId)) {
            return EndpointResponse.of(ResCode.NOT_FOUND);
        }
        return answer(() -> {
            Case found = service.get(tenant, CaseId.of(caseId));
            return new EndpointResponse(ResCode.SUCCESS, Responses.read(found));
        });
    }

    /** {@code GET case/{id}/history}: {@code result} is the case's history, oldest first. */
    public EndpointResponse history(TenantId tenant, String caseId) {
        if (!CaseId.isValid(caseId)) {
            return EndpointResponse.of(ResCode.NOT_FOUND);
        }
        return answer(() -> {
            List<HistoryEntry> history = service.history(tenant, CaseId.of(caseId));
            return new EndpointResponse(ResCode.SUCCESS, Responses.history(history));
        });
    }

    /**
     * {@code POST case/list}: one page of the tenant's cases that match the request's filters,
     * newest first unless the request's {@code sort} says otherwise. Success is
     * {@code {"resCode":"0","resMsg":"Success","result":[{"caseList":[…],"count":N}]}}, each case as
     * {@link #read} returns it, {@code count} the exact number of matching cases, and
     * {@code nextCursor} (casekit's extension) when more follow. The request's rules, the extensions
     * ({@code sort}, {@code cursor}) and the bounds ({@code start} at most 10,000; a window of at most
     * 31 days) are in case-json's README. Every fault of the request is a violation at its own key
     * ({@code 400002}); the policy is asked as for {@link CaseService#query} ({@code QUERY}, no actor)
     * for every page read, and once for the count.
     */
    public EndpointResponse list(TenantId tenant, byte[] body) {
        return answer(() -> {
            Objects.requireNonNull(tenant, "tenant");
            Map<String, JsonTree> members = json.readObjectMembers(body);
            ListRequest.Result read = ListRequest.read(members, tenant, service.zone(),
                    id -> service.templates().find(tenant, id));
            if (read.request().isEmpty()) {
                throw new CaseValidationException(read.violations());
            }
            ListRequest request = read.request().get();
            CaseQuery query = request.query();
            Optional<PagePosition> position = query.after();
            int skip = request.start();
            while (skip > 0) {
                // The store pages by key only: an offset is walked in the largest pages there are.
                CaseQuery walk = new CaseQuery(query.filters(), query.sort(), Math.min(skip, CaseQuery.MAX_LIMIT), position);
                CasePage skipped = service.query(tenant, walk);
                if (skipped.next().isEmpty()) {
                    return new EndpointResponse(ResCode.SUCCESS,
                            Responses.list(List.of(), service.count(tenant, query), Optional.empty()));
                }
                position = skipped.next();
                skip -= skipped.cases().size();
            }
            CasePage page = service.query(tenant, new CaseQuery(query.filters(), query.sort(), request.limit(), position));
            long count = service.count(tenant, query);
            String fingerprint = ListCursor.fingerprint(tenant, query.filters(), query.sort());
            return new EndpointResponse(ResCode.SUCCESS, Responses.list(page.cases(), count,
                    page.next().map(next -> ListCursor.encode(next, fingerprint))));
        });
    }

    /** As {@link #list(TenantId, byte[])}, reading at most one byte more than the size limit. */
    public EndpointResponse list(TenantId tenant, InputStream body) {
        return answer(() -> list(tenant, readBounded(body)));
    }

    // --- lifecycle (issue 14) ---------------------------------------------------------------------

    private static final LifecycleRequest.Key ID = new LifecycleRequest.Key("id", Rule.ID, true);
    private static final LifecycleRequest.Key CREATOR_ID = new LifecycleRequest.Key("creatorId", Rule.CREATOR_ID, true);
    private static final LifecycleRequest.Key REMARK = new LifecycleRequest.Key("remark", Rule.REMARK, true);
    private static final LifecycleRequest.Key OPTIONAL_REMARK = new LifecycleRequest.Key("remark", Rule.REMARK, false);

    /**
     * {@code POST status/update} {@code {"id","creatorId","status","remark"?}}: moves the case to
     * another status of its type's flow ({@link CaseService#changeStatus}); success is exactly
     * {@code {"resCode":"0","resMsg":"Success"}}, also when the case is in that status already. A
     * status the flow lacks, or not the next one under strict order, is {@code 400002} with
     * {@code invalid_transition} at {@code /status}; a closed or cancelled case is {@code 409003}.
     */
    public EndpointResponse changeStatus(TenantId tenant, byte[] body) {
        return lifecycle(tenant, body, List.of(ID, CREATOR_ID, new LifecycleRequest.Key("status", Rule.STATUS, true),
                OPTIONAL_REMARK), (id, r) -> service.changeStatus(tenant, id, r.get("creatorId"), r.get("status"),
                r.get("remark")));
    }

    /** As {@link #changeStatus(TenantId, byte[])}, reading at most one byte more than the size limit. */
    public EndpointResponse changeStatus(TenantId tenant, InputStream body) {
        return answer(() -> changeStatus(tenant, readBounded(body)));
    }

    /**
     * {@code POST close} {@code {"caseId","creatorId","remark","closedReason"?}}: closes the case
     * ({@link CaseService#close}), only from the last status of its flow ({@code invalid_transition} at
     * {@code /caseId} otherwise); closing a closed case succeeds and changes nothing; a cancelled case
     * is {@code 409003}.
     */
    public EndpointResponse close(TenantId tenant, byte[] body) {
        return lifecycle(tenant, body, List.of(new LifecycleRequest.Key("caseId", Rule.ID, true), CREATOR_ID, REMARK,
                new LifecycleRequest.Key("closedReason", Rule.CLOSED_REASON, false)),
                (id, r) -> service.close(tenant, id, r.get("creatorId"), r.get("remark"), r.get("closedReason")));
    }

    /** As {@link #close(TenantId, byte[])}, reading at most one byte more than the size limit. */
    public EndpointResponse close(TenantId tenant, InputStream body) {
        return answer(() -> close(tenant, readBounded(body)));
    }

    /**
     * {@code POST case/cancel} {@code {"id","creatorId","remark"}}: cancels the case
     * ({@link CaseService#cancel}); cancelling a cancelled case succeeds and changes nothing; a closed
     * case is {@code 409003}.
     */
    public EndpointResponse cancel(TenantId tenant, byte[] body) {
        return lifecycle(tenant, body, List.of(ID, CREATOR_ID, REMARK),
                (id, r) -> service.cancel(tenant, id, r.get("creatorId"), r.get("remark")));
    }

    /** As {@link #cancel(TenantId, byte[])}, reading at most one byte more than the size limit. */
    public EndpointResponse cancel(TenantId tenant, InputStream body) {
        return answer(() -> cancel(tenant, readBounded(body)));
    }

    /**
     * {@code POST case/transfer} {@code {"id","ownerId","creatorId","remark"}}: sets the case's owner
     * ({@link CaseService#transfer}); the host's policy may refuse ({@code 403001}); a closed or
     * cancelled case is {@code 409003}.
     */
    public EndpointResponse transfer(TenantId tenant, byte[] body) {
        return lifecycle(tenant, body, List.of(ID, new LifecycleRequest.Key("ownerId", Rule.OWNER_ID, true),
                CREATOR_ID, REMARK), (id, r) -> service.transfer(tenant, id, r.get("creatorId"), r.get("ownerId"),
                r.get("remark")));
    }

    /** As {@link #transfer(TenantId, byte[])}, reading at most one byte more than the size limit. */
    public EndpointResponse transfer(TenantId tenant, InputStream body) {
        return answer(() -> transfer(tenant, readBounded(body)));
    }

    /**
     * {@code POST case/resume} (casekit's extension) {@code {"id","creatorId","remark"?}}: brings a
     * cancelled case back to the state of its status ({@link CaseService#resume}); resuming an open
     * case succeeds and changes nothing; a closed case is {@code invalid_transition} at {@code /id}.
     */
    public EndpointResponse resume(TenantId tenant, byte[] body) {
        return lifecycle(tenant, body, List.of(ID, CREATOR_ID, OPTIONAL_REMARK),
                (id, r) -> service.resume(tenant, id, r.get("creatorId"), r.get("remark")));
    }

    /** As {@link #resume(TenantId, byte[])}, reading at most one byte more than the size limit. */
    public EndpointResponse resume(TenantId tenant, InputStream body) {
        return answer(() -> resume(tenant, readBounded(body)));
    }

    /**
     * {@code POST case/reopen} (casekit's extension) {@code {"id","creatorId","remark"}}: reopens a
     * closed case ({@link CaseService#reopen}); reopening an open case succeeds and changes nothing; a
     * cancelled case is {@code invalid_transition} at {@code /id}.
     */
    public EndpointResponse reopen(TenantId tenant, byte[] body) {
        return lifecycle(tenant, body, List.of(ID, CREATOR_ID, REMARK),
                (id, r) -> service.reopen(tenant, id, r.get("creatorId"), r.get("remark")));
    }

    /** As {@link #reopen(TenantId, byte[])}, reading at most one byte more than the size limit. */
    public EndpointResponse reopen(TenantId tenant, InputStream body) {
        return answer(() -> reopen(tenant, readBounded(body)));
    }

    /**
     * {@code POST case/erase} (casekit's extension) {@code {"id","creatorId"}}: deletes the case and
     * its whole history ({@link CaseService#erase}). Success is
     * {@code {"resCode":"0","resMsg":"Success","result":{"erased":true}}}, or {@code "erased":false}
     * when the tenant had no such case (erasing twice is not an error, and the answer does not tell a
     * case that never existed from one erased before).
     */
    public EndpointResponse erase(TenantId tenant, byte[] body) {
        return answer(() -> {
            Objects.requireNonNull(tenant, "tenant");
            Map<String, String> request = LifecycleRequest.read(json.readObjectMembers(body), List.of(ID, CREATOR_ID));
            boolean erased = service.erase(tenant, CaseId.of(request.get("id")), request.get("creatorId"));
            return new EndpointResponse(ResCode.SUCCESS, Responses.erased(erased));
        });
    }

    /** As {@link #erase(TenantId, byte[])}, reading at most one byte more than the size limit. */
    public EndpointResponse erase(TenantId tenant, InputStream body) {
        return answer(() -> erase(tenant, readBounded(body)));
    }

    /**
     * {@code GET statistics/case/current}: today's figures of the tenant's cases
     * ({@link CaseService#statistics(TenantId)}, today in the service's zone):
     * {@code {"resCode":"0","resMsg":"Success","result":{"newCases":n,"finishedCases":n,
     * "unfinishedCases":n,"overCases":n,"averageDuration":d}}}, {@code averageDuration} in days as a
     * JSON number with exactly two decimals (e.g. {@code 1.50}, {@code 0.00} when no case finished
     * today). A store that computes no statistics is {@code 500001}.
     */
    public EndpointResponse statistics(TenantId tenant) {
        return answer(() -> {
            Objects.requireNonNull(tenant, "tenant");
            return new EndpointResponse(ResCode.SUCCESS, Responses.statistics(service.statistics(tenant)));
        });
    }

    private EndpointResponse lifecycle(TenantId tenant, byte[] body, List<LifecycleRequest.Key> keys,
                                       BiConsumer<CaseId, Map<String, String>> operation) {
        return answer(() -> {
            Objects.requireNonNull(tenant, "tenant");
            Map<String, String> request = LifecycleRequest.read(json.readObjectMembers(body), keys);
            operation.accept(CaseId.of(request.get(keys.get(0).name())), request);
            return new EndpointResponse(ResCode.SUCCESS, Responses.success());
        });
    }

    private byte[] readBounded(InputStream body) {
        int limit = json.limits().maxDocumentBytes();
        try {
            // One byte more than allowed is enough to know the body is too large, however large it is.
            byte[] read = body.readNBytes(limit + 1);
            if (read.length > limit) {
                // Its real size is unknown: it was not read to the end, so the message names only the limit.
                throw new UnreadableJsonException(ResCode.BODY_TOO_LARGE,
                        "Request body is larger than the limit of " + limit + " bytes");
            }
            return read;
        } catch (IOException e) {
            throw new UnreadableJsonException(ResCode.MALFORMED_REQUEST, "Malformed request: the body could not be read");
        }
    }

    private static EndpointResponse answer(Supplier<EndpointResponse> call) {
        try {
            return call.get();
        } catch (UnreadableJsonException e) {
            return EndpointResponse.of(e.resCode(), e.getMessage());
        } catch (CaseException e) {
            return failure(e);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "A case endpoint failed unexpectedly", e);
            return EndpointResponse.of(ResCode.INTERNAL_ERROR);
        }
    }

    private static EndpointResponse failure(CaseException e) {
        ResCode code = ResCode.of(e.kind());
        return switch (e.kind()) {
            case VALIDATION -> new EndpointResponse(code,
                    Responses.validationFailed((CaseValidationException) e));
            case CONFLICT -> new EndpointResponse(code, Responses.conflict((CaseConflictException) e));
            case REFUSED -> EndpointResponse.of(code, code.message() + ": " + ((CaseRefusedException) e).reason());
            case STORAGE_UNAVAILABLE -> {
                LOG.log(System.Logger.Level.WARNING, "The case store is unavailable", e);
                yield EndpointResponse.of(code);
            }
            case READ_ONLY_CASE -> new EndpointResponse(code, Responses.readOnly((CaseReadOnlyException) e));
            case NOT_FOUND, DUPLICATE -> EndpointResponse.of(code);
        };
    }
}

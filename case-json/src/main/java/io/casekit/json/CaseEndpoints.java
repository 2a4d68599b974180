package io.casekit.json;

import io.casekit.core.Case;
import io.casekit.core.CaseConflictException;
import io.casekit.core.CaseDraft;
import io.casekit.core.CaseException;
import io.casekit.core.CaseId;
import io.casekit.core.CaseModification;
import io.casekit.core.CaseRefusedException;
import io.casekit.core.CaseValidationException;
import io.casekit.core.HistoryEntry;
import io.casekit.core.TenantId;
import io.casekit.core.query.CasePage;
import io.casekit.core.query.CaseQuery;
import io.casekit.core.query.PagePosition;
import io.casekit.core.service.CaseService;
import io.casekit.json.internal.JsonTree;
import io.casekit.json.internal.ListCursor;
import io.casekit.json.internal.ListRequest;
import io.casekit.json.internal.Responses;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * tenant has), {@code 503001}, and {@code 500001} for anything unexpected, whose details go to the
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
            case READ_ONLY_CASE -> new EndpointResponse(code, Responses.readOnly((io.casekit.core.CaseReadOnlyException) e));
            case NOT_FOUND, DUPLICATE -> EndpointResponse.of(code);
        };
    }
}

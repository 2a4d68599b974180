package io.casekit.core.service;

import io.casekit.core.service.CaseServiceObserver.Call;
import io.casekit.core.service.CaseServiceObserver.Operation;
import io.casekit.core.service.CaseServiceObserver.Outcome;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One public call of the service under its {@link CaseServiceObserver}, and the handle the call
 * reports its re-applies to. Every call into the observer is guarded: what it throws is logged and
 * dropped, so that an observer changes nothing of the call. Thread-safe (one handle per call).
 */
final class ObservedCall implements Call {
    private static final System.Logger LOG = System.getLogger(CaseService.class.getName());
    private static final Call UNOBSERVED = (outcome, error) -> { };

    static final CaseServiceObserver NONE = operation -> UNOBSERVED;

    private final Call call;

    private ObservedCall(Call call) {
        this.call = call;
    }

    /**
     * Runs {@code body} as one call of {@code operation}: started before it, ended after it with the
     * outcome {@code outcome} gives its result, or with {@link Outcome#of} what it threw, which is
     * then rethrown as it is.
     */
    static <T> T run(CaseServiceObserver observer, Operation operation, Function<Call, T> body,
                     Function<? super T, Outcome> outcome) {
        if (observer == NONE) {
            return body.apply(UNOBSERVED);
        }
        ObservedCall call = new ObservedCall(start(observer, operation));
        T result;
        try {
            result = body.apply(call);
        } catch (Throwable failure) {
            call.end(Outcome.of(failure), failure);
            throw failure;
        }
        call.end(outcome.apply(result), null);
        return result;
    }

    private static Call start(CaseServiceObserver observer, Operation operation) {
        try {
            Call started = observer.start(operation);
            return started == null ? UNOBSERVED : started;
        } catch (RuntimeException e) {
            failed(e);
            return UNOBSERVED;
        }
    }

    @Override
    public void reapplied(int reapply) {
        try {
            call.reapplied(reapply);
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    @Override
    public void gaveUp(int reapplies) {
        try {
            call.gaveUp(reapplies);
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    @Override
    public void end(Outcome outcome, @Nullable Throwable error) {
        try {
            call.end(outcome, error);
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private static void failed(RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "A case service observer failed; the call goes on as if unobserved", e);
    }
}

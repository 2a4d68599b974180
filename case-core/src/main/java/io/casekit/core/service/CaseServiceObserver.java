package io.casekit.core.service;

import io.casekit.core.CaseConflictException;
import io.casekit.core.CaseException;
import io.casekit.core.CaseNotFoundException;
import io.casekit.core.CaseReadOnlyException;
import io.casekit.core.CaseRefusedException;
import io.casekit.core.CaseValidationException;
import io.casekit.core.DuplicateCaseException;
import io.casekit.core.StorageUnavailableException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Watches the calls of a {@link CaseService}, for metrics and tracing, without the core knowing any
 * metrics library (case-spring-boot-autoconfigure has one on Micrometer's Observation API). Set with
 * {@link CaseService.Builder#observer}; the default, {@link #none()}, watches nothing.
 *
 * <p><b>What it learns.</b> For each public call of the service, on the caller's thread:
 * {@link #start} before anything else of the call runs, then on the returned {@link Call} each
 * compare-and-set re-apply ({@link Call#reapplied}) and give-up ({@link Call#gaveUp}) of a modify or
 * lifecycle call, and finally exactly one {@link Call#end} with the {@link Outcome} and, for a
 * failure, the exception the caller gets. A {@link CaseService#stream stream} is one {@code QUERY}
 * call per page it reads, each when it reads it. It learns the operation and outcome only: never
 * the tenant, a case id, an actor or a field (our decision: those are high-cardinality and personal
 * data, issue 15).
 *
 * <p><b>Failures.</b> An exception the observer or its call handle throws is logged (a warning of
 * the {@code io.casekit.core.service.CaseService} logger) and changes nothing of the call: its result,
 * its exception and what it stored are the same as without an observer. A {@code start} that throws
 * leaves the call unobserved.
 *
 * <p>Implementations must be thread-safe: one service serves many threads at once. A {@link Call}
 * is used by one thread, the caller's.
 */
@FunctionalInterface
public interface CaseServiceObserver {

    /**
     * What a call does. A type of its own rather than {@link AuthorizationRequest.Operation} (our
     * decision): a metric tells {@code count} from {@code query}, which the policy sees alike.
     * Values may be added; an observer should treat them all alike, by {@link #tagValue()}.
     */
    enum Operation {
        /** {@link CaseService#create}. */
        CREATE,
        /** {@link CaseService#find} and {@link CaseService#get}. */
        READ,
        /** {@link CaseService#history} and {@link CaseService#historyPage}. */
        HISTORY,
        /** {@link CaseService#preview}. */
        PREVIEW,
        /** {@link CaseService#modify}. */
        MODIFY,
        /** {@link CaseService#query}, and each page a {@link CaseService#stream} reads. */
        QUERY,
        /** {@link CaseService#count}. */
        COUNT,
        /** {@link CaseService#changeStatus}. */
        CHANGE_STATUS,
        /** {@link CaseService#close}. */
        CLOSE,
        /** {@link CaseService#cancel}. */
        CANCEL,
        /** {@link CaseService#resume}. */
        RESUME,
        /** {@link CaseService#reopen}. */
        REOPEN,
        /** {@link CaseService#transfer}. */
        TRANSFER,
        /** {@link CaseService#erase}. */
        ERASE,
        /** {@link CaseService#statistics}. */
        STATISTICS;

        /** The name in lower case, such as {@code change_status}: for a metric's tag. */
        public String tagValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How a call ended. */
    enum Outcome {
        /** It did what was asked: a change stored, a case or page read. */
        SUCCESS,
        /**
         * It changed nothing and that is no error: a modify or lifecycle call whose request changes
         * nothing ({@link ModificationResult#noOp()}), an erase of a case that is not there.
         */
        NO_OP,
        /** {@link CaseValidationException}: the request breaks a rule. */
        VALIDATION,
        /**
         * {@link CaseConflictException} (a version that does not match, or a give-up after lost
         * races), {@link DuplicateCaseException} (the id is taken) and {@link CaseReadOnlyException}
         * (the case is closed or cancelled): the request does not fit the stored state (our decision,
         * as an HTTP 409 does).
         */
        CONFLICT,
        /**
         * {@link CaseNotFoundException}, and a {@link CaseService#find find} that found nothing
         * (then with no exception).
         */
        NOT_FOUND,
        /** {@link CaseRefusedException}: the authorization policy refused. */
        REFUSED,
        /** {@link StorageUnavailableException}: the store failed or could not be reached. */
        UNAVAILABLE,
        /** Any other exception: a bug, a null or blank argument, a store without queries. */
        ERROR;

        /** The name in lower case, such as {@code not_found}: for a metric's tag. */
        public String tagValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The outcome of a call that threw {@code failure}: by the exception's kind, never its message. */
        public static Outcome of(Throwable failure) {
            if (!(failure instanceof CaseException e)) {
                return ERROR;
            }
            return switch (e.kind()) {
                case VALIDATION -> VALIDATION;
                case CONFLICT, DUPLICATE, READ_ONLY_CASE -> CONFLICT;
                case NOT_FOUND -> NOT_FOUND;
                case REFUSED -> REFUSED;
                case STORAGE_UNAVAILABLE -> UNAVAILABLE;
            };
        }
    }

    /** One call being watched; used by the caller's thread only. */
    interface Call {
        /**
         * A concurrent change won the compare-and-set, and the call re-reads the case to re-apply
         * itself (after the backoff's wait).
         *
         * @param reapply which re-apply this is: 1, 2, …
         */
        default void reapplied(int reapply) {
        }

        /**
         * Concurrent changes kept winning past the re-apply bound (or the thread was interrupted while
         * waiting): the call ends with a {@link CaseConflictException} ({@link Outcome#CONFLICT}).
         *
         * @param reapplies how many re-applies were made before, 0 or more
         */
        default void gaveUp(int reapplies) {
        }

        /**
         * The call is over; called exactly once, last.
         *
         * @param error the exception the caller gets, present exactly when the call threw
         */
        void end(Outcome outcome, @Nullable Throwable error);
    }

    /** A call of {@code operation} begins; the returned handle hears the rest of it. */
    Call start(Operation operation);

    /** Watches nothing. */
    static CaseServiceObserver none() {
        return ObservedCall.NONE;
    }
}

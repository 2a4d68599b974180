package io.casekit.store.tck;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Runs tasks on as many threads at once, released together so that they really race. A task that
 * has not finished after {@link #HANG_GUARD_MINUTES} minutes fails the test as a probable deadlock:
 * a guard against hanging the build, not a measurement.
 */
final class Race implements AutoCloseable {
    static final long HANG_GUARD_MINUTES = 2;

    private final ExecutorService pool;
    private final int threads;

    Race(int threads) {
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads);
    }

    /** What one task did: its result or what it threw. */
    record Outcome<T>(Optional<T> result, Optional<Throwable> failure) {
        T get() {
            if (failure.isPresent()) {
                throw new AssertionError("a racing task failed: " + failure.get(), failure.get());
            }
            return result.orElseThrow();
        }
    }

    /** Runs {@code task(0)} to {@code task(n - 1)} at once and returns their outcomes in that order. */
    <T> List<Outcome<T>> run(int n, IntFunction<T> task) {
        if (n > threads) {
            throw new IllegalArgumentException(n + " tasks can not race on " + threads + " threads");
        }
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return task.apply(index);
            }));
        }
        try {
            ready.await();
            go.countDown();
            List<Outcome<T>> outcomes = new ArrayList<>(n);
            for (Future<T> future : futures) {
                outcomes.add(outcome(future));
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while racing", e);
        }
    }

    private static <T> Outcome<T> outcome(Future<T> future) throws InterruptedException {
        try {
            return new Outcome<>(Optional.of(future.get(HANG_GUARD_MINUTES, TimeUnit.MINUTES)), Optional.empty());
        } catch (ExecutionException e) {
            return new Outcome<>(Optional.empty(), Optional.of(e.getCause()));
        } catch (TimeoutException e) {
            throw new AssertionError("a racing task did not finish in " + HANG_GUARD_MINUTES
                    + " minutes: a deadlock in the store?", e);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}

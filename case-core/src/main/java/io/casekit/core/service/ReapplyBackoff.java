package io.casekit.core.service;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * How long a modify without a pinned version waits before it re-reads the case and re-applies
 * itself, after a concurrent change won the compare-and-set. Full-jitter exponential backoff: before
 * re-apply {@code n} (1, 2, …) it waits a uniformly random time in
 * {@code [0, min(cap, base · 2^(n-1)))}, so that writers who lost the same race spread out instead
 * of meeting again at once. The first attempt never waits: only re-applies do. Immutable and
 * thread-safe when its random source and sleeper are.
 *
 * <p>The random source and the sleeper can be replaced ({@link #withRandom}, {@link #withSleeper}),
 * for deterministic tests that never sleep, or for a host's own scheduler.
 */
public final class ReapplyBackoff {
    /** Our decision: a wait of more than a minute inside a modify is a misconfiguration, not a backoff. */
    public static final Duration MAX_CAP = Duration.ofMinutes(1);

    /** Waits on the calling thread. */
    @FunctionalInterface
    public interface Sleeper {
        /**
         * Waits about {@code nanos} nanoseconds (more than zero).
         *
         * @throws InterruptedException when the thread is interrupted meanwhile; the modify then
         *                              gives up (see {@link CaseService#modify})
         */
        void sleep(long nanos) throws InterruptedException;
    }

    private static final RandomGenerator THREAD_LOCAL_RANDOM = () -> ThreadLocalRandom.current().nextLong();
    private static final Sleeper THREAD_SLEEP = TimeUnit.NANOSECONDS::sleep;
    private static final ReapplyBackoff NONE = new ReapplyBackoff(0, 0, THREAD_LOCAL_RANDOM, THREAD_SLEEP);

    private final long baseNanos;
    private final long capNanos;
    private final RandomGenerator random;
    private final Sleeper sleeper;

    private ReapplyBackoff(long baseNanos, long capNanos, RandomGenerator random, Sleeper sleeper) {
        this.baseNanos = baseNanos;
        this.capNanos = capNanos;
        this.random = random;
        this.sleeper = sleeper;
    }

    /** No wait: a re-apply follows the lost race at once. */
    public static ReapplyBackoff none() {
        return NONE;
    }

    /**
     * Full-jitter exponential backoff, with {@link ThreadLocalRandom} and {@link Thread#sleep}.
     *
     * @param base the bound of the first wait; more than zero
     * @param cap  the bound no wait reaches; at least {@code base}, at most {@link #MAX_CAP}
     * @throws IllegalArgumentException when a duration is out of those bounds
     */
    public static ReapplyBackoff fullJitter(Duration base, Duration cap) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        if (base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("base must be more than zero, not " + base);
        }
        if (cap.compareTo(base) < 0 || cap.compareTo(MAX_CAP) > 0) {
            throw new IllegalArgumentException("cap must lie between base (" + base + ") and " + MAX_CAP + ", not " + cap);
        }
        return new ReapplyBackoff(base.toNanos(), cap.toNanos(), THREAD_LOCAL_RANDOM, THREAD_SLEEP);
    }

    /** This backoff drawing its waits from {@code value} (its {@code nextLong(bound)}), called on the modifying thread. */
    public ReapplyBackoff withRandom(RandomGenerator value) {
        return new ReapplyBackoff(baseNanos, capNanos, Objects.requireNonNull(value, "random"), sleeper);
    }

    /** This backoff waiting through {@code value}, called on the modifying thread. */
    public ReapplyBackoff withSleeper(Sleeper value) {
        return new ReapplyBackoff(baseNanos, capNanos, random, Objects.requireNonNull(value, "sleeper"));
    }

    /** Whether re-applies wait at all; false for {@link #none()}. */
    public boolean enabled() {
        return baseNanos > 0;
    }

    /** The bound of the first wait; zero for {@link #none()}. */
    public Duration base() {
        return Duration.ofNanos(baseNanos);
    }

    /** The bound no wait reaches; zero for {@link #none()}. */
    public Duration cap() {
        return Duration.ofNanos(capNanos);
    }

    /**
     * The exclusive bound of the wait before re-apply {@code reapply}, in nanoseconds:
     * {@code min(cap, base · 2^(reapply-1))}; zero when disabled.
     *
     * @throws IllegalArgumentException when {@code reapply} is less than 1
     */
    public long boundNanos(int reapply) {
        if (reapply < 1) {
            throw new IllegalArgumentException("re-applies count from 1, not " + reapply);
        }
        int shift = reapply - 1;
        if (shift >= Long.numberOfLeadingZeros(baseNanos) - 1) {
            return capNanos;
        }
        return Math.min(capNanos, baseNanos << shift);
    }

    /** Waits before re-apply {@code reapply}; returns at once when disabled or when the draw is zero. */
    void pause(int reapply) throws InterruptedException {
        if (baseNanos == 0) {
            return;
        }
        long nanos = random.nextLong(boundNanos(reapply));
        if (nanos > 0) {
            sleeper.sleep(nanos);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReapplyBackoff other && baseNanos == other.baseNanos && capNanos == other.capNanos
                && random.equals(other.random) && sleeper.equals(other.sleeper);
    }

    @Override
    public int hashCode() {
        return Objects.hash(baseNanos, capNanos, random, sleeper);
    }

    @Override
    public String toString() {
        return enabled() ? "ReapplyBackoff[fullJitter base=" + base() + " cap=" + cap() + "]" : "ReapplyBackoff[none]";
    }
}

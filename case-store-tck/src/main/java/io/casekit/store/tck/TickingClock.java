package io.casekit.store.tck;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves one millisecond forward each time it is read, from a fixed start. Tests get
 * distinct, predictable, ever-increasing times without sleeping. Thread-safe.
 */
final class TickingClock extends Clock {
    private final Instant start;
    private final AtomicLong reads = new AtomicLong();

    TickingClock(Instant start) {
        this.start = start;
    }

    @Override
    public Instant instant() {
        return start.plusMillis(reads.getAndIncrement());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the kit's clock is always UTC");
    }
}

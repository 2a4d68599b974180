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
    private final AtomicLong reads;
    private final ZoneId zone;

    TickingClock(Instant start) {
        this(start, new AtomicLong(), ZoneOffset.UTC);
    }

    private TickingClock(Instant start, AtomicLong reads, ZoneId zone) {
        this.start = start;
        this.reads = reads;
        this.zone = zone;
    }

    @Override
    public Instant instant() {
        return start.plusMillis(reads.getAndIncrement());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same clock seen from another zone: it shares the ticks, so times stay ever-increasing. */
    @Override
    public Clock withZone(ZoneId otherZone) {
        return new TickingClock(start, reads, otherZone);
    }
}

package io.casekit.json;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock that moves one step forward at every reading, from a fixed start: each change gets its
 * own time. For the HTTP tests of the hosts (case-json's test jar). Thread-safe.
 */
public final class SteppingClock extends Clock {
    private final Duration step;
    private Instant now;

    public SteppingClock(Instant start, Duration step) {
        this.now = start;
        this.step = step;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public synchronized Instant instant() {
        now = now.plus(step);
        return now;
    }
}

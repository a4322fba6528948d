package dev.tandem.state.messaging;

import java.time.Duration;

/**
 * When the snapshot punctuator publishes the changed accounts. Caught up, at every tick ({@code snapshots.interval}):
 * a reader sees a change within a tick. Catching up (the newest touchpoint read since the last publication was
 * written to Kafka more than {@code catchUpAfter} ago: a backfill, a restart after downtime, a burst beyond the
 * engine's rate), at most every {@code catchUpInterval}: each intermediate state would be stale on arrival, and
 * publishing one per touchpoint would spend the time catching up needs. A tick after which nothing was read
 * publishes at once: the backlog is read (or the account changed by a punctuator), and the final states go out
 * without waiting for the interval. Touchpoints written at ingest carry the
 * time they were accepted, so the lag read from them is the real one, not the touchpoints' own event times.
 * One instance per task, used on its stream thread only.
 */
final class SnapshotPacing {

    private final long catchUpAfterMs;
    private final long catchUpIntervalMs;
    private long newestWrittenAt = Long.MIN_VALUE;
    private long lastPublishedAt = Long.MIN_VALUE;
    private boolean readSinceTick;

    SnapshotPacing(Duration catchUpAfter, Duration catchUpInterval) {
        this.catchUpAfterMs = catchUpAfter.toMillis();
        this.catchUpIntervalMs = catchUpInterval.toMillis();
    }

    /** A touchpoint record written to Kafka at {@code writtenAt} (epoch millis) was read. */
    void read(long writtenAt) {
        newestWrittenAt = Math.max(newestWrittenAt, writtenAt);
        readSinceTick = true;
    }

    /** Whether the changed accounts' snapshots go out at this tick; if so, counted as published. */
    boolean publishAt(long wallTime) {
        boolean reading = readSinceTick;
        readSinceTick = false;
        boolean catchingUp = reading && wallTime - newestWrittenAt > catchUpAfterMs;
        if (catchingUp && lastPublishedAt != Long.MIN_VALUE && wallTime - lastPublishedAt < catchUpIntervalMs) {
            return false;
        }
        lastPublishedAt = wallTime;
        newestWrittenAt = Long.MIN_VALUE;
        return true;
    }
}

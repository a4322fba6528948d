package dev.tandem.state.messaging;

import java.time.Duration;

/**
 * When the snapshot punctuator publishes the changed accounts. Caught up, at every tick ({@code snapshots.interval}):
 * a reader sees a change within a tick. Catching up (the newest touchpoint read since the last publication was
 * written to Kafka more than {@code catchUpAfter} ago: a backfill, a restart after downtime, a burst beyond the
 * engine's rate), at most every {@code catchUpInterval}: each intermediate state would be stale on arrival, and
 * publishing one per touchpoint would spend the time catching up needs. A task that has read nothing for
 * {@link #QUIET} has read its backlog: its final states go out at the next tick, not up to an interval later (a
 * tick without reads alone does not say so: one stream thread feeds several tasks, each in turn). Touchpoints
 * written at ingest carry the time they were accepted, so the lag read from them is the real one, not the
 * touchpoints' own event times. One instance per task, used on its stream thread only.
 */
final class SnapshotPacing {

    /** Nothing read for this long: the task's backlog is read. */
    static final Duration QUIET = Duration.ofSeconds(1);

    private final long catchUpAfterMs;
    private final long catchUpIntervalMs;
    private long newestWrittenAt = Long.MIN_VALUE;
    private long lastReadAt = Long.MIN_VALUE;
    private long lastPublishedAt = Long.MIN_VALUE;

    SnapshotPacing(Duration catchUpAfter, Duration catchUpInterval) {
        this.catchUpAfterMs = catchUpAfter.toMillis();
        this.catchUpIntervalMs = catchUpInterval.toMillis();
    }

    /** A touchpoint record written to Kafka at {@code writtenAt} was read at {@code readAt} (epoch millis). */
    void read(long writtenAt, long readAt) {
        newestWrittenAt = Math.max(newestWrittenAt, writtenAt);
        lastReadAt = readAt;
    }

    /** Whether the changed accounts' snapshots go out at this tick; if so, counted as published. */
    boolean publishAt(long wallTime) {
        boolean quiet = lastReadAt == Long.MIN_VALUE || wallTime - lastReadAt >= QUIET.toMillis();
        boolean catchingUp = !quiet && newestWrittenAt != Long.MIN_VALUE
                && wallTime - newestWrittenAt > catchUpAfterMs;
        if (catchingUp && lastPublishedAt != Long.MIN_VALUE && wallTime - lastPublishedAt < catchUpIntervalMs) {
            return false;
        }
        lastPublishedAt = wallTime;
        newestWrittenAt = Long.MIN_VALUE;
        return true;
    }
}

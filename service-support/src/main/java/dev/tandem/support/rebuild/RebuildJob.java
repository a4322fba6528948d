package dev.tandem.support.rebuild;

import java.time.Instant;

/**
 * The progress of a projection rebuild, as its API shows it.
 *
 * @param state {@code running}, {@code swapping} (the rebuilt collections replace the live ones), {@code catching-up}
 *     (events the live consumer wrote to the replaced collections meanwhile), {@code done}, {@code failed}
 * @param eventsRead records read from the log so far
 * @param logOffsetsRead offsets of the log covered so far (transaction markers take offsets too)
 * @param logOffsetsTotal offsets of the log up to its end when the rebuild started (it reads on to the end it
 *     finds at the switch): the progress is {@code logOffsetsRead / logOffsetsTotal}
 * @param eventsPerSecond records read per second of the rebuild so far
 * @param skipped records that could never be applied (the live consumer dead-lettered them)
 */
public record RebuildJob(String id, String projection, String state, long eventsRead, long logOffsetsRead,
        long logOffsetsTotal, long eventsPerSecond, long skipped, Instant startedAt, Instant finishedAt, String error) {

    public static final String RUNNING = "running";
    public static final String SWAPPING = "swapping";
    public static final String CATCHING_UP = "catching-up";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    public boolean finished() {
        return DONE.equals(state) || FAILED.equals(state);
    }
}

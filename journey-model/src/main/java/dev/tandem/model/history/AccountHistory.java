package dev.tandem.model.history;

import java.util.List;
import java.util.Optional;

/**
 * One account's recent history as the engine needs it: the touchpoints within the lateness horizon in
 * position order, the ids seen (to drop resent touchpoints) and checkpoints of the canonical state every few
 * entries, so a late touchpoint is replayed from the checkpoint before it, not from the beginning.
 * journey-state keeps it in RocksDB stores with changelogs; {@link InMemoryAccountHistory} keeps it in maps.
 */
public interface AccountHistory {

    /** Whether a touchpoint with this id is in the history (a resend within the horizon). */
    boolean contains(String touchpointId);

    /** Adds an entry (its id becomes known). */
    void append(HistoryEntry entry);

    /** The entries strictly after {@code position} (all of them when null), in position order. */
    List<HistoryEntry> after(HistoryPosition position);

    /** The latest checkpoint strictly before {@code position}. */
    Optional<Checkpoint> latestCheckpointBefore(HistoryPosition position);

    void putCheckpoint(Checkpoint checkpoint);

    /** Removes the checkpoints strictly after {@code position} (all of them when null): a replay rewrites them. */
    void removeCheckpointsAfter(HistoryPosition position);

    /**
     * Drops what {@code base} makes unnecessary: entries at or before its position (their ids are forgotten)
     * and older checkpoints. {@code base} stays.
     */
    void pruneThrough(Checkpoint base);
}

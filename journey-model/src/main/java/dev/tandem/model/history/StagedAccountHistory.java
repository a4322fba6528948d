package dev.tandem.model.history;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Changes to an account's history held back until {@link #commit}: the engine applies a batch against this
 * view and commits only when the whole batch succeeded, so a touchpoint that fails half-way leaves the stored
 * history as it was (nothing half-written). Reads see the staged changes over the stored history.
 */
public final class StagedAccountHistory implements AccountHistory {

    private final AccountHistory stored;
    private final TreeMap<HistoryPosition, HistoryEntry> appended = new TreeMap<>();
    private final Set<String> appendedIds = new HashSet<>();
    private final TreeMap<HistoryPosition, Checkpoint> checkpoints = new TreeMap<>();
    private boolean storedCheckpointsRemoved;
    private HistoryPosition storedCheckpointsRemovedAfter;
    private Checkpoint prunedThrough;

    public StagedAccountHistory(AccountHistory stored) {
        this.stored = stored;
    }

    @Override
    public boolean contains(String touchpointId) {
        return appendedIds.contains(touchpointId) || stored.contains(touchpointId);
    }

    @Override
    public void append(HistoryEntry entry) {
        appended.put(entry.position(), entry);
        appendedIds.add(entry.touchpoint().id());
    }

    @Override
    public List<HistoryEntry> after(HistoryPosition position) {
        TreeMap<HistoryPosition, HistoryEntry> merged = new TreeMap<>();
        stored.after(position).forEach(entry -> merged.put(entry.position(), entry));
        merged.putAll(position == null ? appended : appended.tailMap(position, false));
        if (prunedThrough != null) {
            merged.headMap(prunedThrough.position(), true).clear();
        }
        return new ArrayList<>(merged.values());
    }

    @Override
    public Optional<Checkpoint> latestCheckpointBefore(HistoryPosition position) {
        Checkpoint best = Optional.ofNullable(checkpoints.lowerEntry(position)).map(e -> e.getValue()).orElse(null);
        if (!storedCheckpointsRemoved) {
            HistoryPosition bound = position;
            if (storedCheckpointsRemovedAfter != null && storedCheckpointsRemovedAfter.compareTo(position) < 0) {
                // strictly before "just after the removal point" is at or before it
                bound = new HistoryPosition(storedCheckpointsRemovedAfter.at(),
                        storedCheckpointsRemovedAfter.touchpointId() + "\u0000");
            }
            Checkpoint fromStore = stored.latestCheckpointBefore(bound).orElse(null);
            if (fromStore != null && prunedThrough != null
                    && fromStore.position().compareTo(prunedThrough.position()) < 0) {
                fromStore = prunedThrough.position().compareTo(position) < 0 ? prunedThrough : null;
            }
            if (fromStore != null && (best == null || fromStore.position().compareTo(best.position()) > 0)) {
                best = fromStore;
            }
        }
        return Optional.ofNullable(best);
    }

    @Override
    public void putCheckpoint(Checkpoint checkpoint) {
        checkpoints.put(checkpoint.position(), checkpoint);
    }

    @Override
    public void removeCheckpointsAfter(HistoryPosition position) {
        if (position == null) {
            checkpoints.clear();
            storedCheckpointsRemoved = true;
            return;
        }
        checkpoints.tailMap(position, false).clear();
        if (storedCheckpointsRemovedAfter == null || position.compareTo(storedCheckpointsRemovedAfter) < 0) {
            storedCheckpointsRemovedAfter = position;
        }
    }

    @Override
    public void pruneThrough(Checkpoint base) {
        if (prunedThrough == null || base.position().compareTo(prunedThrough.position()) > 0) {
            prunedThrough = base;
        }
        var dropped = appended.headMap(base.position(), true);
        dropped.values().forEach(entry -> appendedIds.remove(entry.touchpoint().id()));
        dropped.clear();
        checkpoints.headMap(base.position(), false).clear();
    }

    /** Writes the staged changes to the stored history, in an order that gives the same result. */
    public void commit() {
        if (storedCheckpointsRemoved) {
            stored.removeCheckpointsAfter(null);
        } else if (storedCheckpointsRemovedAfter != null) {
            stored.removeCheckpointsAfter(storedCheckpointsRemovedAfter);
        }
        appended.values().forEach(stored::append);
        checkpoints.values().forEach(stored::putCheckpoint);
        if (prunedThrough != null) {
            stored.pruneThrough(prunedThrough);
        }
    }
}

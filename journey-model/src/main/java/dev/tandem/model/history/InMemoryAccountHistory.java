package dev.tandem.model.history;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An account history in memory: for simulations and tests. Not thread-safe. Entries are a list in position order
 * (touchpoints mostly arrive in order, so appending is adding at the end; a simulation holds millions of them).
 */
public final class InMemoryAccountHistory implements AccountHistory {

    private final ArrayList<HistoryEntry> entries = new ArrayList<>();
    private final TreeMap<HistoryPosition, Checkpoint> checkpoints = new TreeMap<>();
    private final Set<String> ids = new HashSet<>();

    @Override
    public boolean contains(String touchpointId) {
        return ids.contains(touchpointId);
    }

    @Override
    public void append(HistoryEntry entry) {
        int at = entries.isEmpty() || entries.get(entries.size() - 1).position().compareTo(entry.position()) < 0
                ? entries.size() : firstAfter(entry.position());
        if (at > 0 && entries.get(at - 1).position().equals(entry.position())) {
            entries.set(at - 1, entry);
        } else {
            entries.add(at, entry);
        }
        ids.add(entry.touchpoint().id());
    }

    @Override
    public List<HistoryEntry> after(HistoryPosition position) {
        return new ArrayList<>(position == null ? entries : entries.subList(firstAfter(position), entries.size()));
    }

    /** The index of the first entry strictly after {@code position}. */
    private int firstAfter(HistoryPosition position) {
        int low = 0;
        int high = entries.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (entries.get(middle).position().compareTo(position) <= 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    @Override
    public Optional<Checkpoint> latestCheckpointBefore(HistoryPosition position) {
        return Optional.ofNullable(checkpoints.lowerEntry(position)).map(Map.Entry::getValue);
    }

    @Override
    public void putCheckpoint(Checkpoint checkpoint) {
        checkpoints.put(checkpoint.position(), checkpoint);
    }

    @Override
    public void removeCheckpointsAfter(HistoryPosition position) {
        (position == null ? checkpoints : checkpoints.tailMap(position, false)).clear();
    }

    @Override
    public void pruneThrough(Checkpoint base) {
        List<HistoryEntry> dropped = entries.subList(0, firstAfter(base.position()));
        dropped.forEach(entry -> ids.remove(entry.touchpoint().id()));
        dropped.clear();
        checkpoints.headMap(base.position(), false).clear();
    }

    /** Entries kept (for tests of the bound). */
    public int size() {
        return entries.size();
    }

    public int checkpointCount() {
        return checkpoints.size();
    }
}

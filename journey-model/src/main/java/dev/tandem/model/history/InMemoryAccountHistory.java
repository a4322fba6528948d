package dev.tandem.model.history;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** An account history in memory: for simulations and tests. Not thread-safe. */
public final class InMemoryAccountHistory implements AccountHistory {

    private final TreeMap<HistoryPosition, HistoryEntry> entries = new TreeMap<>();
    private final TreeMap<HistoryPosition, Checkpoint> checkpoints = new TreeMap<>();
    private final Set<String> ids = new HashSet<>();

    @Override
    public boolean contains(String touchpointId) {
        return ids.contains(touchpointId);
    }

    @Override
    public void append(HistoryEntry entry) {
        entries.put(entry.position(), entry);
        ids.add(entry.touchpoint().id());
    }

    @Override
    public List<HistoryEntry> after(HistoryPosition position) {
        return new ArrayList<>((position == null ? entries : entries.tailMap(position, false)).values());
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
        var dropped = entries.headMap(base.position(), true);
        dropped.values().forEach(entry -> ids.remove(entry.touchpoint().id()));
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

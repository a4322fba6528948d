package dev.tandem.state.repository;

import dev.tandem.model.state.CanonicalAccount;
import dev.tandem.events.EventJson;
import dev.tandem.events.TouchpointV1;
import dev.tandem.model.history.AccountHistory;
import dev.tandem.model.history.Checkpoint;
import dev.tandem.model.history.HistoryEntry;
import dev.tandem.model.history.HistoryPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** One account's history over the RocksDB stores: range scans of the account's keys, in position order. */
public final class StoreAccountHistory implements AccountHistory {

    private final String account;
    private final KeyValueStore<String, byte[]> history;
    private final KeyValueStore<String, byte[]> checkpoints;
    private final KeyValueStore<String, byte[]> ids;

    public StoreAccountHistory(String account, KeyValueStore<String, byte[]> history,
            KeyValueStore<String, byte[]> checkpoints, KeyValueStore<String, byte[]> ids) {
        this.account = account;
        this.history = history;
        this.checkpoints = checkpoints;
        this.ids = ids;
    }

    @Override
    public boolean contains(String touchpointId) {
        return ids.get(StoreKeys.id(account, touchpointId)) != null;
    }

    @Override
    public void append(HistoryEntry entry) {
        history.put(StoreKeys.position(account, entry.position()), EventJson.writeBytes(entry.touchpoint()));
        ids.put(StoreKeys.id(account, entry.touchpoint().id()), StoreKeys.PRESENT);
    }

    @Override
    public List<HistoryEntry> after(HistoryPosition position) {
        String from = position == null ? StoreKeys.first(account)
                : StoreKeys.justAfter(StoreKeys.position(account, position));
        List<HistoryEntry> entries = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> range = history.range(from, StoreKeys.last(account))) {
            range.forEachRemaining(kv -> entries.add(new HistoryEntry(StoreKeys.positionOf(kv.key),
                    EventJson.read(kv.value, TouchpointV1.class))));
        }
        return entries;
    }

    @Override
    public Optional<Checkpoint> latestCheckpointBefore(HistoryPosition position) {
        String before = StoreKeys.position(account, position);
        try (KeyValueIterator<String, byte[]> range = checkpoints.reverseRange(StoreKeys.first(account), before)) {
            while (range.hasNext()) {
                KeyValue<String, byte[]> kv = range.next();
                if (!kv.key.equals(before)) {
                    return Optional.of(new Checkpoint(StoreKeys.positionOf(kv.key),
                            EventJson.read(kv.value, CanonicalAccount.class)));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void putCheckpoint(Checkpoint checkpoint) {
        checkpoints.put(StoreKeys.position(account, checkpoint.position()), EventJson.writeBytes(checkpoint.state()));
    }

    @Override
    public void removeCheckpointsAfter(HistoryPosition position) {
        String from = position == null ? StoreKeys.first(account)
                : StoreKeys.justAfter(StoreKeys.position(account, position));
        deleteRange(checkpoints, from, StoreKeys.last(account), false);
    }

    @Override
    public void pruneThrough(Checkpoint base) {
        String baseKey = StoreKeys.position(account, base.position());
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> range = history.range(StoreKeys.first(account), baseKey)) {
            range.forEachRemaining(kv -> {
                keys.add(kv.key);
                ids.delete(StoreKeys.id(account, EventJson.read(kv.value, TouchpointV1.class).id()));
            });
        }
        keys.forEach(history::delete);
        deleteRange(checkpoints, StoreKeys.first(account), baseKey, true);
    }

    /** Deletes keys in [from, to]; with {@code keepTo}, {@code to} itself stays. */
    private static void deleteRange(KeyValueStore<String, byte[]> store, String from, String to, boolean keepTo) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> range = store.range(from, to)) {
            range.forEachRemaining(kv -> {
                if (!(keepTo && kv.key.equals(to))) {
                    keys.add(kv.key);
                }
            });
        }
        keys.forEach(store::delete);
    }
}

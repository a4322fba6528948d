package dev.tandem.state.repository;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The stores of the journey processor (RocksDB, but for three small in-memory ones), each with a changelog topic, so a restarted or moved task
 * restores them and exactly-once commits them with the outputs and offsets.
 */
public final class StateStores {

    /** {@code tenant/account} → the stored account (canonical journey, live stall, due time). */
    public static final String ACCOUNTS = "journey-accounts";
    /** account + position → touchpoint, within the lateness horizon. */
    public static final String HISTORY = "journey-history";
    /** account + position → canonical snapshot after that entry. */
    public static final String CHECKPOINTS = "journey-checkpoints";
    /** account + event id → nothing (present: seen within the horizon): resent touchpoints are dropped. */
    public static final String TOUCHPOINT_IDS = "journey-touchpoint-ids";
    /** {@code tenant/account} → late touchpoints waiting for the grace period, to be folded into one replay. */
    public static final String PENDING = "journey-pending";
    /** due time + account → nothing: the accounts the stall punctuator must visit, by time. */
    public static final String DUE = "journey-due";
    /** {@code tenant/account} → nothing: accounts whose snapshot is to be published at the next snapshot tick. */
    public static final String DIRTY = "journey-dirty";
    /** The global store of published journey definitions: {@code tenant/journeyId} → definition JSON. */
    public static final String DEFINITIONS = "journey-definitions";
    /** The global store of personas: {@code tenant/role} → {@code PersonaV1} JSON. */
    public static final String PERSONAS = "journey-personas";

    public static final List<String> PER_ACCOUNT = List.of(ACCOUNTS, HISTORY, CHECKPOINTS, TOUCHPOINT_IDS, PENDING,
            DUE, DIRTY);

    /** Written again and again under the same key: a record cache coalesces their writes per commit. */
    private static final List<String> CACHED = List.of(ACCOUNTS, DUE, DIRTY);
    /**
     * Small, scanned by punctuators and emptied again and again: kept in memory (still changelogged, so restored
     * after a restart), because a RocksDB scan would wade through the tombstones of every deleted entry.
     */
    private static final List<String> IN_MEMORY = List.of(PENDING, DUE, DIRTY);

    private StateStores() {
    }

    /**
     * A store of the touchpoint processor. Values are UTF-8 JSON kept as bytes (the same bytes a String serde
     * would write), so each value is serialised once, straight to bytes, and never through a UTF-16 String.
     */
    public static StoreBuilder<KeyValueStore<String, byte[]>> perAccount(String name) {
        StoreBuilder<KeyValueStore<String, byte[]>> builder = Stores.keyValueStoreBuilder(IN_MEMORY.contains(name)
                ? Stores.inMemoryKeyValueStore(name) : Stores.persistentKeyValueStore(name), Serdes.String(),
                Serdes.ByteArray());
        return CACHED.contains(name) ? builder.withCachingEnabled() : builder;
    }

    /** A global store of the design topics (definitions, personas): read rarely, kept as JSON strings. */
    public static StoreBuilder<KeyValueStore<String, String>> global(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.String())
                .withLoggingDisabled();
    }
}

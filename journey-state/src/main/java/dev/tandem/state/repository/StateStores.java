package dev.tandem.state.repository;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The RocksDB stores of the journey processor, each with a changelog topic, so a restarted or moved task
 * restores them and exactly-once commits them with the outputs and offsets.
 */
public final class StateStores {

    /** {@code tenant/account} → the stored account (canonical journey, live stall, due time). */
    public static final String ACCOUNTS = "journey-accounts";
    /** account + position → touchpoint, within the lateness horizon. */
    public static final String HISTORY = "journey-history";
    /** account + position → canonical snapshot after that entry. */
    public static final String CHECKPOINTS = "journey-checkpoints";
    /** account + event id → position: resent touchpoints are dropped. */
    public static final String TOUCHPOINT_IDS = "journey-touchpoint-ids";
    /** {@code tenant/account} → late touchpoints waiting for the grace period, to be folded into one replay. */
    public static final String PENDING = "journey-pending";
    /** due time + account → nothing: the accounts the stall punctuator must visit, by time. */
    public static final String DUE = "journey-due";
    /** The global store of published journey definitions: {@code tenant/journeyId} → definition JSON. */
    public static final String DEFINITIONS = "journey-definitions";

    public static final List<String> PER_ACCOUNT = List.of(ACCOUNTS, HISTORY, CHECKPOINTS, TOUCHPOINT_IDS, PENDING,
            DUE);

    private StateStores() {
    }

    public static StoreBuilder<KeyValueStore<String, String>> persistent(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.String());
    }
}

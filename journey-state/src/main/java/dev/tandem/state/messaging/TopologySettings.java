package dev.tandem.state.messaging;

import dev.tandem.state.config.StateConfig;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * What the topology is told by configuration.
 *
 * @param horizons the lateness horizon of each tenant
 * @param checkpointEvery history entries between checkpoints
 * @param grace how long late touchpoints of an account wait to be folded into one replay (wall time)
 * @param attempts tries before a touchpoint the engine refuses is dead-lettered
 * @param stallInterval how often the stall punctuator visits the accounts that are due
 * @param maxAccountsPerVisit most accounts one visit handles
 * @param snapshotInterval how often the changed accounts' snapshots are published (one per account)
 * @param accountCacheSize accounts kept as live aggregates per task (spares parsing the stored state)
 * @param snapshotCatchUpAfter how old the touchpoints read must be for journey-state to count as catching up
 * @param snapshotCatchUpInterval how often changed accounts' snapshots are published while catching up
 */
public record TopologySettings(Function<String, Duration> horizons, int checkpointEvery, Duration grace, int attempts,
        Duration stallInterval, int maxAccountsPerVisit, Duration snapshotInterval, int accountCacheSize,
        Duration snapshotCatchUpAfter, Duration snapshotCatchUpInterval) {

    public static TopologySettings from(StateConfig config) {
        Map<String, Duration> tenantHorizons = Map.copyOf(config.lateness().tenants());
        Duration horizon = config.lateness().horizon();
        return new TopologySettings(tenant -> tenantHorizons.getOrDefault(tenant, horizon),
                config.lateness().checkpointEvery(), config.lateness().grace(), config.lateness().attempts(),
                config.stallTick().interval(), config.stallTick().maxAccounts(), config.snapshots().interval(),
                config.streams().accountCacheSize(), config.snapshots().catchUpAfter(),
                config.snapshots().catchUpInterval());
    }

    Duration horizonOf(String tenantId) {
        return horizons.apply(tenantId);
    }
}

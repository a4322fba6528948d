package dev.tandem.model.state;

import dev.tandem.model.journey.Stall;

/**
 * What journey-state stores per account; never on the wire. The canonical journey is a function of the
 * touchpoints in event-time order; the live stall is what a clock derived from it since (readers were told);
 * the rest is the engine's bookkeeping of the account's history.
 *
 * @param canonical the account as its touchpoints make it
 * @param liveStall the stall a tick found after the latest touchpoint, or null
 * @param liveStallAt when the tick found it
 * @param sinceCheckpoint history entries applied since the latest checkpoint
 * @param historyPruned whether history before the lateness horizon was dropped (then a late touchpoint without a
 *        checkpoint before it is beyond the horizon)
 */
public record AccountState(CanonicalAccount canonical, Stall liveStall, java.time.Instant liveStallAt,
        int sinceCheckpoint, boolean historyPruned) {
}

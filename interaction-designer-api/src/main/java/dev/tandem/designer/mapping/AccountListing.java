package dev.tandem.designer.mapping;

import dev.tandem.model.Trend;

/**
 * One line of the sellers' account list: enough to choose which account to open.
 *
 * @param stageKey null for an account whose snapshots carry no journey yet
 * @param touchpointCount the distinct touchpoints the account's latest snapshot counts
 */
public record AccountListing(String accountKey, int momentum, String stageKey, String stageName, Trend trend,
        int alertCount, long touchpointCount, java.time.Instant lastTouchpointAt) {
}

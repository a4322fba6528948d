package dev.tandem.events;

import dev.tandem.model.CommitteeRole;
import dev.tandem.model.RoleSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The whole journey of one account after a change, on the compacted {@link Topics#ACCOUNT_SNAPSHOTS} topic.
 * {@code accountVersion} equals that of the last journey event it includes, so read models can guard upserts.
 */
public record AccountSnapshotV1(
        String tenantId,
        String accountKey,
        long accountVersion,
        int momentum,
        long touchpointCount,
        Map<String, Long> touchpointsBySource,
        Instant lastTouchpointAt,
        List<Member> committee) {

    public AccountSnapshotV1 {
        touchpointsBySource = Map.copyOf(touchpointsBySource);
        committee = List.copyOf(committee);
    }

    /** One member of the buying committee; engagement is as of the account's latest touchpoint. */
    public record Member(
            String contactKey,
            CommitteeRole role,
            RoleSource roleSource,
            double engagement,
            long touchpointCount,
            Instant lastEngagedAt) {
    }
}

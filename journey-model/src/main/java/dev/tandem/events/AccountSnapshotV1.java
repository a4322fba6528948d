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
        // sorted, so the same state always serialises to the same bytes
        touchpointsBySource = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(touchpointsBySource));
        committee = List.copyOf(committee);
    }

    /**
     * One member of the buying committee; engagement is as of the account's latest touchpoint.
     *
     * @param roleEvidence what the role rests on, so a late touchpoint cannot undo a newer title or assignment
     */
    public record Member(
            String contactKey,
            CommitteeRole role,
            RoleSource roleSource,
            double engagement,
            long touchpointCount,
            Instant lastEngagedAt,
            RoleEvidence roleEvidence) {
    }

    /**
     * The newest title-inferred role and the newest assigned role of a member, each with the event time and
     * id of the touchpoint that set it (event id breaks ties of equal times). Assigned wins over inferred.
     */
    public record RoleEvidence(
            CommitteeRole inferredRole, Instant inferredAt, String inferredBy,
            CommitteeRole assignedRole, Instant assignedAt, String assignedBy) {
    }
}

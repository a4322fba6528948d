package dev.tandem.model.state;

import dev.tandem.events.AccountSnapshotV1.Explanation;
import dev.tandem.events.AccountSnapshotV1.StageVisit;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.DealOutcome;
import dev.tandem.model.Trend;
import dev.tandem.model.journey.CommitteeActivity;
import dev.tandem.model.journey.Stall;
import dev.tandem.model.RoleSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One account as its touchpoints make it, in event-time order: what journey-state stores (inside
 * {@link AccountState}) and checkpoints keep, never on the wire. It holds what the engine needs to decide the next
 * step (role evidence, type counts, activity, trend sums, the clock's event id); {@link dev.tandem.events.AccountSnapshotV1}
 * is the part readers need.
 */
public record CanonicalAccount(
        String tenantId,
        String accountKey,
        long accountVersion,
        int momentum,
        long touchpointCount,
        Map<String, Long> touchpointsBySource,
        Instant lastTouchpointAt,
        List<Member> committee,
        Progress journey) {

    public CanonicalAccount {
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

    /**
     * Where the committee is in its journey, why, and what the engine keeps to decide the next step.
     * Null in snapshots written before journeys existed.
     *
     * @param stageEnteredAt event time the current stage was entered
     * @param alerts active stalls (at most one per stage today)
     * @param stageHistory every stage visit in order; the last one is open ({@code exitedAt} null)
     * @param explanations the latest reason per kind (stage, momentum, stall, outcome), in plain words
     * @param outcome how the journey closed, null while it is open
     * @param typeCounts touchpoints per type (what entry criteria see)
     * @param activity latest meaningful touchpoint overall and per role (what stall detection sees)
     * @param recentActivity engagement contributions decayed with a short half-life (trend)
     * @param sustainedActivity the same with the journey's half-life (trend)
     * @param clockEventId the greatest event id among the touchpoints at the account's clock: a touchpoint
     *        at that very time with a smaller id is late (replays order equal times by event id)
     */
    public record Progress(
            String journeyId,
            int journeyVersion,
            String stageKey,
            String stageName,
            Instant stageEnteredAt,
            Trend trend,
            List<Stall> alerts,
            List<StageVisit> stageHistory,
            List<Explanation> explanations,
            DealOutcome outcome,
            Instant closedAt,
            Map<String, Long> typeCounts,
            long buyerInitiated,
            long sellerInitiated,
            CommitteeActivity activity,
            double recentActivity,
            double sustainedActivity,
            String clockEventId) {

        public Progress {
            alerts = List.copyOf(alerts);
            stageHistory = List.copyOf(stageHistory);
            explanations = List.copyOf(explanations);
            typeCounts = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(typeCounts));
        }
    }
}

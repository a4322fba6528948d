package dev.tandem.designer.mapping;

import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.DealOutcome;
import dev.tandem.model.RoleSource;
import dev.tandem.model.Trend;
import dev.tandem.model.journey.Stall;
import java.time.Instant;
import java.util.List;

/**
 * One account's journey as the projection stores it: only pseudonymous contact keys, never names, so that erasing
 * a contact needs no rewrite of the accounts it belongs to.
 *
 * @param progress where the committee is in its journey; null for snapshots written before journeys existed
 */
public record ProjectedJourney(
        String tenantId,
        String accountKey,
        long accountVersion,
        int momentum,
        long touchpointCount,
        Instant lastTouchpointAt,
        List<Member> committee,
        Progress progress) {

    public ProjectedJourney {
        committee = List.copyOf(committee);
    }

    /** A journey without progress, as old snapshots have it. */
    public ProjectedJourney(String tenantId, String accountKey, long accountVersion, int momentum,
            long touchpointCount, Instant lastTouchpointAt, List<Member> committee) {
        this(tenantId, accountKey, accountVersion, momentum, touchpointCount, lastTouchpointAt, committee, null);
    }

    public record Member(String contactKey, CommitteeRole role, RoleSource roleSource, double engagement) {
    }

    /**
     * What sellers read of the engine's journey progress. The engine's own counters (touchpoints per type,
     * activity, decayed sums) stay out: they are inputs to decisions, not facts a seller acts on.
     *
     * @param alerts active stalls
     * @param stageHistory every stage visit in order; the last one is open while the journey is
     * @param explanations the latest reason per kind
     */
    public record Progress(
            String journeyId,
            int journeyVersion,
            String stageKey,
            String stageName,
            Instant stageEnteredAt,
            Trend trend,
            List<Stall> alerts,
            List<AccountSnapshotV1.StageVisit> stageHistory,
            List<AccountSnapshotV1.Explanation> explanations,
            DealOutcome outcome,
            Instant closedAt) {

        public Progress {
            alerts = alerts == null ? List.of() : List.copyOf(alerts);
            stageHistory = stageHistory == null ? List.of() : List.copyOf(stageHistory);
            explanations = explanations == null ? List.of() : List.copyOf(explanations);
        }

        /** The seller-facing part of a snapshot's progress; null stays null. */
        public static Progress of(AccountSnapshotV1.JourneyProgress journey) {
            if (journey == null) {
                return null;
            }
            return new Progress(journey.journeyId(), journey.journeyVersion(), journey.stageKey(),
                    journey.stageName(), journey.stageEnteredAt(), journey.trend(), journey.alerts(),
                    journey.stageHistory(), journey.explanations(), journey.outcome(), journey.closedAt());
        }
    }
}

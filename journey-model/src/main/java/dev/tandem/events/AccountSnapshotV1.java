package dev.tandem.events;

import dev.tandem.model.CommitteeRole;
import dev.tandem.model.DealOutcome;
import dev.tandem.model.RoleSource;
import dev.tandem.model.Trend;
import dev.tandem.model.journey.CriterionResult;
import dev.tandem.model.journey.Stall;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An account's journey as readers need it, after a change, on the compacted {@link Topics#ACCOUNT_SNAPSHOTS}
 * topic. {@code accountVersion} equals that of the last journey event it includes, so read models can guard
 * upserts. The engine's own bookkeeping (role evidence, counts per type, activity, trend sums) stays in
 * journey-state ({@link dev.tandem.model.state.CanonicalAccount}).
 *
 * <p>What depends on now is given as of the account's latest touchpoint plus what a clock changes from there if
 * nothing else happens: {@link #momentumDecay} (how momentum and engagement decay) and {@link
 * JourneyProgress#upcoming} (when a stall or trend change sets in). {@link dev.tandem.model.AsOfNow} derives the
 * account as of any instant from them, so a reader is right without waiting for journey-state's clock.
 *
 * @param momentumDecay how engagement and momentum decay after {@code lastTouchpointAt}; null in snapshots
 *        written before it existed (then momentum is shown as of the latest touchpoint)
 */
public record AccountSnapshotV1(
        String tenantId,
        String accountKey,
        long accountVersion,
        int momentum,
        long touchpointCount,
        Map<String, Long> touchpointsBySource,
        Instant lastTouchpointAt,
        List<Member> committee,
        JourneyProgress journey,
        MomentumDecay momentumDecay) {

    public AccountSnapshotV1 {
        // sorted, so the same state always serialises to the same bytes
        touchpointsBySource = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(touchpointsBySource));
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

    /**
     * Where the committee is in its journey and why. Null in snapshots written before journeys existed.
     *
     * @param stageEnteredAt event time the current stage was entered
     * @param alerts active stalls (at most one per stage today)
     * @param stageHistory every stage visit in order; the last one is open ({@code exitedAt} null)
     * @param explanations the latest reason per kind (stage, momentum, stall, outcome, late), in plain words
     * @param outcome how the journey closed, null while it is open
     * @param upcoming what the clock alone changes later, in time order, if no touchpoint arrives: from each
     *        entry's {@code at} on, its trend and alert hold (empty for a closed journey)
     */
    public record JourneyProgress(
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
            List<Upcoming> upcoming) {

        public JourneyProgress {
            alerts = List.copyOf(alerts);
            stageHistory = List.copyOf(stageHistory);
            explanations = List.copyOf(explanations);
            upcoming = upcoming == null ? List.of() : List.copyOf(upcoming);
        }
    }

    /**
     * A change the clock alone brings: from {@code at} on (no touchpoint in between), the trend is {@code trend}
     * and the active stall {@code alert} (null: none).
     */
    public record Upcoming(Instant at, Trend trend, Stall alert) {
    }

    /**
     * How momentum decays with time: every member's engagement halves each {@code halfLifeDays}, and momentum is
     * {@code round(100 * (1 - exp(-total / saturation)) * (soloCap + (1 - soloCap) * coverage))} where coverage
     * is the share of {@code requiredRoles} with a member engaged at least {@code engagedThreshold}.
     */
    public record MomentumDecay(double halfLifeDays, double engagedThreshold, double saturation, double soloCap,
            List<CommitteeRole> requiredRoles) {

        public MomentumDecay {
            requiredRoles = List.copyOf(requiredRoles);
        }
    }

    /** One stay in a stage; dwell is {@code exitedAt - enteredAt} (or up to now while open). */
    public record StageVisit(String stageKey, String stageName, Instant enteredAt, Instant exitedAt) {
    }

    /**
     * Why the account is where it is, in words a seller reads, with what it rests on.
     *
     * @param kind {@code stage}, {@code momentum}, {@code stall}, {@code outcome} or {@code late}
     * @param criteria the entry criteria results (for {@code stage})
     * @param causedBy the touchpoints behind it, at most {@link #MAX_CAUSED_BY} of them (the latest)
     * @param causedByCount how many touchpoints it rests on in all
     */
    public record Explanation(String kind, String text, int journeyVersion, List<CriterionResult> criteria,
            List<String> causedBy, Instant at, int causedByCount) {

        /** Explanations name at most this many touchpoints; a replay of a large burst keeps the count only. */
        public static final int MAX_CAUSED_BY = 20;

        public Explanation {
            criteria = criteria == null ? List.of() : List.copyOf(criteria);
            List<String> all = causedBy == null ? List.of() : causedBy;
            causedByCount = Math.max(causedByCount, all.size());
            causedBy = all.size() <= MAX_CAUSED_BY ? List.copyOf(all)
                    : List.copyOf(all.subList(all.size() - MAX_CAUSED_BY, all.size()));
        }

        public Explanation(String kind, String text, int journeyVersion, List<CriterionResult> criteria,
                List<String> causedBy, Instant at) {
            this(kind, text, journeyVersion, criteria, causedBy, at, 0);
        }
    }
}

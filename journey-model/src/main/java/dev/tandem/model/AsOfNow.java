package dev.tandem.model;

import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.events.AccountSnapshotV1.JourneyProgress;
import dev.tandem.events.AccountSnapshotV1.MomentumDecay;
import dev.tandem.events.AccountSnapshotV1.Upcoming;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * An account snapshot as of an instant after it was written: momentum and engagement decayed to it, and the
 * stall and trend the clock alone brought by then ({@link JourneyProgress#upcoming}). What readers call so they are
 * right as of now without waiting for journey-state's clock; a pure function of the snapshot and the instant.
 */
public final class AsOfNow {

    private AsOfNow() {
    }

    /** The decay readers need, from the policy journey-state applied. */
    public static MomentumDecay decayOf(EngagementPolicy policy) {
        return new MomentumDecay(policy.halfLife().toMillis() / (double) Duration.ofDays(1).toMillis(),
                policy.engagedThreshold(), policy.saturation(), policy.soloCap(),
                policy.requiredRoles().stream().sorted().toList());
    }

    /**
     * {@code snapshot} as of {@code now}; itself when {@code now} is not after its latest touchpoint. Snapshots
     * without decay (written before it existed) keep their momentum and engagement.
     */
    public static AccountSnapshotV1 at(AccountSnapshotV1 snapshot, Instant now) {
        Instant since = snapshot.lastTouchpointAt();
        if (since == null || now == null || !now.isAfter(since)) {
            return snapshot;
        }
        Duration elapsed = Duration.between(since, now);
        MomentumDecay decay = snapshot.momentumDecay();
        int momentum = snapshot.momentum();
        List<AccountSnapshotV1.Member> committee = snapshot.committee();
        if (decay != null && !committee.isEmpty()) {
            EngagementPolicy policy = policyOf(decay);
            committee = committee.stream().map(m -> new AccountSnapshotV1.Member(m.contactKey(), m.role(),
                    m.roleSource(), policy.decay(m.engagement(), elapsed), m.touchpointCount(), m.lastEngagedAt()))
                    .toList();
            momentum = Momentum.of(committee.stream().map(m -> new Momentum.Input(m.role(), m.engagement()))
                    .toList(), policy);
        }
        return new AccountSnapshotV1(snapshot.tenantId(), snapshot.accountKey(), snapshot.accountVersion(), momentum,
                snapshot.touchpointCount(), snapshot.touchpointsBySource(), snapshot.lastTouchpointAt(), committee,
                progressAt(snapshot.journey(), now), decay);
    }

    /** {@code progress} with the clock's changes up to {@code now} applied; the later ones stay upcoming. */
    public static JourneyProgress progressAt(JourneyProgress progress, Instant now) {
        if (progress == null || progress.upcoming().isEmpty() || progress.upcoming().get(0).at().isAfter(now)) {
            return progress;
        }
        List<Upcoming> later = new ArrayList<>();
        Upcoming reached = null;
        for (Upcoming change : progress.upcoming()) {
            if (change.at().isAfter(now)) {
                later.add(change);
            } else {
                reached = change;
            }
        }
        List<AccountSnapshotV1.Explanation> explanations = progress.explanations();
        boolean stallChanged = reached.alert() != null
                && (progress.alerts().isEmpty() || !reached.alert().sameAs(progress.alerts().get(0)));
        if (stallChanged) {
            explanations = new ArrayList<>(explanations.stream().filter(e -> !e.kind().equals("stall")).toList());
            explanations.add(new AccountSnapshotV1.Explanation("stall", reached.alert().explanation(),
                    progress.journeyVersion(), List.of(), List.of(), reached.at()));
        }
        return new JourneyProgress(progress.journeyId(), progress.journeyVersion(), progress.stageKey(),
                progress.stageName(), progress.stageEnteredAt(), reached.trend(),
                reached.alert() == null ? List.of() : List.of(reached.alert()), progress.stageHistory(),
                explanations, progress.outcome(), progress.closedAt(), later);
    }

    private static EngagementPolicy policyOf(MomentumDecay decay) {
        long halfLifeMillis = Math.max(1, Math.round(decay.halfLifeDays() * Duration.ofDays(1).toMillis()));
        return new EngagementPolicy(Duration.ofMillis(halfLifeMillis), Map.of(), 1.0, decay.engagedThreshold(),
                decay.saturation(), decay.soloCap(), decay.requiredRoles().isEmpty()
                        ? EnumSet.allOf(CommitteeRole.class) : EnumSet.copyOf(decay.requiredRoles()));
    }
}

package dev.tandem.designer.mapping;

import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.events.AccountSnapshotV1.JourneyProgress;
import dev.tandem.events.AccountSnapshotV1.MomentumDecay;
import dev.tandem.model.AsOfNow;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.RoleSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One account's journey as the projection stores it: only pseudonymous contact keys, never names, so that erasing
 * a contact needs no rewrite of the accounts it belongs to. Stored as of the account's latest touchpoint, with
 * what the clock changes from there; {@link #asOf} gives it as of any later instant.
 *
 * @param progress where the committee is in its journey; null for snapshots written before journeys existed
 * @param momentumDecay how momentum decays; null for snapshots written before it existed
 */
public record ProjectedJourney(
        String tenantId,
        String accountKey,
        long accountVersion,
        int momentum,
        long touchpointCount,
        Instant lastTouchpointAt,
        List<Member> committee,
        JourneyProgress progress,
        MomentumDecay momentumDecay) {

    public ProjectedJourney {
        committee = List.copyOf(committee);
    }

    /** A journey without progress, as old snapshots have it. */
    public ProjectedJourney(String tenantId, String accountKey, long accountVersion, int momentum,
            long touchpointCount, Instant lastTouchpointAt, List<Member> committee) {
        this(tenantId, accountKey, accountVersion, momentum, touchpointCount, lastTouchpointAt, committee, null, null);
    }

    /** @param lastEngagedAt the member's latest touchpoint; null in documents projected before it was kept */
    public record Member(String contactKey, CommitteeRole role, RoleSource roleSource, double engagement,
            Instant lastEngagedAt) {
    }

    /** What the projection keeps of a snapshot. */
    public static ProjectedJourney of(AccountSnapshotV1 snapshot) {
        return new ProjectedJourney(snapshot.tenantId(), snapshot.accountKey(), snapshot.accountVersion(),
                snapshot.momentum(), snapshot.touchpointCount(), snapshot.lastTouchpointAt(),
                snapshot.committee().stream().map(m -> new Member(m.contactKey(), m.role(), m.roleSource(),
                        m.engagement(), m.lastEngagedAt())).toList(),
                snapshot.journey(), snapshot.momentumDecay());
    }

    /**
     * The journey as of {@code now}: engagement and momentum decayed, and the stall and trend the clock alone
     * brought by then (the same derivation journey-state's clock makes, {@link AsOfNow}).
     */
    public ProjectedJourney asOf(Instant now) {
        AccountSnapshotV1 then = new AccountSnapshotV1(tenantId, accountKey, accountVersion, momentum,
                touchpointCount, Map.of(), lastTouchpointAt, committee.stream().map(m ->
                        new AccountSnapshotV1.Member(m.contactKey(), m.role(), m.roleSource(), m.engagement(), 0,
                                m.lastEngagedAt())).toList(), progress, momentumDecay);
        AccountSnapshotV1 current = AsOfNow.at(then, now);
        if (current == then) {
            return this;
        }
        return new ProjectedJourney(tenantId, accountKey, accountVersion, current.momentum(), touchpointCount,
                lastTouchpointAt, current.committee().stream().map(m -> new Member(m.contactKey(), m.role(),
                        m.roleSource(), m.engagement(), m.lastEngagedAt())).toList(), current.journey(), momentumDecay);
    }
}

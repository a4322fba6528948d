package dev.tandem.model.journey;

import dev.tandem.model.CommitteeRole;
import java.time.Instant;
import java.util.List;

/**
 * An account stuck in its stage, with what would unblock it.
 *
 * @param reasons why, in a fixed order (no touchpoint first, then silent roles)
 * @param silentRoles the stage's required roles that went quiet, in the stage's order
 * @param unblockWith the stage's interaction points for the silent roles (or for the whole stage when nobody
 *     in particular is missing)
 * @param since when the quiet behind the earliest reason crossed the stage's threshold; the same whatever
 *     {@code now} was, so it identifies the stall. A role that fell below the engaged threshold only later (its
 *     engagement decayed) is reported from then on with this same instant; the event time of a StallDetected is
 *     the evaluation time, not this.
 * @param explanation the same in plain words, for a seller
 */
public record Stall(
        String stageKey,
        String stageName,
        List<StallReason> reasons,
        List<CommitteeRole> silentRoles,
        List<InteractionPoint> unblockWith,
        Instant since,
        String explanation) {

    public Stall {
        reasons = List.copyOf(reasons);
        silentRoles = List.copyOf(silentRoles);
        unblockWith = List.copyOf(unblockWith);
    }

    /** The same stall as {@code other} (same stage, reasons and silent roles), told once; null is none. */
    public boolean sameAs(Stall other) {
        return other != null && stageKey.equals(other.stageKey) && reasons.equals(other.reasons)
                && silentRoles.equals(other.silentRoles);
    }
}

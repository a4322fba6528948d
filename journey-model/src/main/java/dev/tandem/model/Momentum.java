package dev.tandem.model;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Committee momentum, 0 to 100: how much the committee engages (intensity, saturating) times how broadly
 * across the roles the journey requires (breadth caps a lone enthusiast low).
 * <pre>
 *   intensity = 1 - exp(-totalEngagement / saturation)
 *   coverage  = |required roles with an engaged member| / |required roles|
 *   breadth   = soloCap + (1 - soloCap) * coverage
 *   momentum  = round(100 * intensity * breadth)
 * </pre>
 */
public final class Momentum {

    private Momentum() {
    }

    /** A member's contribution to momentum: its role and its engagement at the evaluation time. */
    public record Input(CommitteeRole role, double engagement) {
    }

    public static int of(Collection<Input> members, EngagementPolicy policy) {
        double total = 0;
        Set<CommitteeRole> covered = EnumSet.noneOf(CommitteeRole.class);
        for (Input member : members) {
            total += Math.max(0, member.engagement());
            if (member.engagement() >= policy.engagedThreshold() && policy.requiredRoles().contains(member.role())) {
                covered.add(member.role());
            }
        }
        double intensity = 1 - Math.exp(-total / policy.saturation());
        double coverage = (double) covered.size() / policy.requiredRoles().size();
        double breadth = policy.soloCap() + (1 - policy.soloCap()) * coverage;
        long value = Math.round(100 * intensity * breadth);
        return (int) Math.max(0, Math.min(100, value));
    }
}

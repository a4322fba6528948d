package dev.tandem.model.journey;

import dev.tandem.model.TouchpointCatalog;
import java.util.Set;

/**
 * Which touchpoints say the committee is still moving, for stall detection. A glance (an opened email, a page
 * view, an ad click: weight below 1) is not; neither is a seller sending something nobody has answered yet,
 * an outcome, or a role assignment. Tenants' own types count (they weigh 1.0 by default).
 */
public final class MeaningfulTouchpoints {

    /** Below this catalogue weight a touchpoint is a glance. */
    public static final double MIN_WEIGHT = 1.0;

    /** Sent by the seller: proof of effort, not of the buyer moving. */
    private static final Set<String> ONE_WAY_FROM_SELLER = Set.of("proposal.sent", "contract.sent");

    private MeaningfulTouchpoints() {
    }

    public static boolean isMeaningful(String type) {
        if (type == null || TouchpointCatalog.ROLE_ASSIGNED.equals(type) || ONE_WAY_FROM_SELLER.contains(type)) {
            return false;
        }
        boolean outcome = TouchpointCatalog.standard(type)
                .map(entry -> entry.outcome() != TouchpointCatalog.Outcome.NONE)
                .orElse(false);
        return !outcome && TouchpointCatalog.weightOf(type) >= MIN_WEIGHT;
    }
}

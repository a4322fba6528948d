package dev.tandem.designer.mapping;

import dev.tandem.model.CommitteeRole;
import dev.tandem.model.RoleSource;
import java.time.Instant;
import java.util.List;

/**
 * One account's journey as the projection stores it: only pseudonymous contact keys, never names, so that erasing
 * a contact needs no rewrite of the accounts it belongs to.
 */
public record ProjectedJourney(
        String tenantId,
        String accountKey,
        long accountVersion,
        int momentum,
        long touchpointCount,
        Instant lastTouchpointAt,
        List<Member> committee) {

    public ProjectedJourney {
        committee = List.copyOf(committee);
    }

    public record Member(String contactKey, CommitteeRole role, RoleSource roleSource, double engagement) {
    }
}

package dev.tandem.kpi.service;

import dev.tandem.model.CommitteeRole;
import dev.tandem.model.TouchpointSource;
import java.util.Map;

/**
 * A tenant's shared sales and marketing KPIs over all its tracked accounts.
 *
 * @param averageMomentum over the accounts whose momentum is known; null when none is
 */
public record KpiSummary(
        long accountsTracked,
        Map<TouchpointSource, Long> touchpointsBySource,
        Map<CommitteeRole, Long> committeeMembersByRole,
        Double averageMomentum) {
}

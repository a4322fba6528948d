package dev.tandem.kpi.service;

import dev.tandem.model.CommitteeRole;
import dev.tandem.model.TouchpointSource;
import java.util.Map;

/**
 * A tenant's shared sales and marketing KPIs over all its tracked accounts.
 *
 * @param averageMomentum over the accounts whose momentum is known; null when none is
 * @param journey stage, stall and outcome KPIs
 */
public record KpiSummary(
        long accountsTracked,
        Map<TouchpointSource, Long> touchpointsBySource,
        Map<CommitteeRole, Long> committeeMembersByRole,
        Double averageMomentum,
        StageSummary journey) {

    /** The summary before its journey KPIs are known. */
    public KpiSummary(long accountsTracked, Map<TouchpointSource, Long> touchpointsBySource,
            Map<CommitteeRole, Long> committeeMembersByRole, Double averageMomentum) {
        this(accountsTracked, touchpointsBySource, committeeMembersByRole, averageMomentum, StageSummary.empty());
    }

    public KpiSummary withJourney(StageSummary stages) {
        return new KpiSummary(accountsTracked, touchpointsBySource, committeeMembersByRole, averageMomentum, stages);
    }
}

package dev.tandem.kpi.rest;

import dev.tandem.kpi.service.AccountKpis;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One account's KPIs, as of {@code version}. */
@Schema(name = "AccountKpis")
public record AccountKpisResponse(
        String accountKey,
        long version,
        long touchpointCount,
        Map<String, Long> touchpointsBySource,
        Map<String, Long> committeeMembersByRole,
        @Schema(nullable = true) Integer momentum) {

    public static AccountKpisResponse of(AccountKpis kpis) {
        return new AccountKpisResponse(kpis.accountKey(), kpis.accountVersion(), kpis.touchpointCount(),
                WireCounts.bySource(kpis.touchpointsBySource()), WireCounts.byRole(kpis.membersByRole()),
                kpis.momentum());
    }
}

package dev.tandem.kpi.rest;

import dev.tandem.kpi.mapping.StageKpisDocuments;
import dev.tandem.kpi.service.AccountKpis;
import dev.tandem.kpi.service.StageKpis;
import java.time.Instant;
import java.util.LinkedHashMap;
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
        @Schema(nullable = true) Integer momentum,
        @Schema(nullable = true, description = "The current stage's key") String stage,
        @Schema(description = "How often the account entered each stage") Map<String, Long> stageEntries,
        @Schema(description = "Per stage the account left, its mean time there in days (one decimal)")
        Map<String, Double> averageDaysInStage,
        @Schema(description = "Whether a stall is active") boolean stalled,
        @Schema(nullable = true, enumeration = {"won", "lost", "no_decision"}) String outcome,
        @Schema(nullable = true) Instant closedAt) {

    public static AccountKpisResponse of(AccountKpis kpis) {
        StageKpis journey = kpis.journey();
        Map<String, Long> entries = new LinkedHashMap<>();
        Map<String, Double> days = new LinkedHashMap<>();
        journey.stages().forEach((stage, stats) -> {
            entries.put(stage, stats.entries());
            if (stats.averageDays() != null) {
                days.put(stage, stats.averageDays());
            }
        });
        return new AccountKpisResponse(kpis.accountKey(), kpis.accountVersion(), kpis.touchpointCount(),
                WireCounts.bySource(kpis.touchpointsBySource()), WireCounts.byRole(kpis.membersByRole()),
                kpis.momentum(), journey.currentStage(), entries, WireCounts.days(days), journey.stalled(),
                journey.outcome() == null ? null : StageKpisDocuments.wireName(journey.outcome()),
                journey.closedAt());
    }
}

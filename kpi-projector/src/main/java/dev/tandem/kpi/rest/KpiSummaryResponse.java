package dev.tandem.kpi.rest;

import dev.tandem.kpi.service.KpiSummary;
import dev.tandem.kpi.service.StageSummary;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The tenant's shared KPIs; every source, role and outcome is present, with 0 when none. */
@Schema(name = "KpiSummary")
public record KpiSummaryResponse(
        long accountsTracked,
        Map<String, Long> touchpointsBySource,
        Map<String, Long> committeeMembersByRole,
        @Schema(description = "Over accounts whose momentum is known, one decimal; null when none is",
                nullable = true) Double averageMomentum,
        @Schema(description = "Every stage key any account entered, with the open accounts in it now (0 included); "
                + "closed accounts are counted under outcomes") Map<String, Long> accountsByStage,
        @Schema(description = "Accounts with an active stall") long stalledAccounts,
        @Schema(description = "Closed accounts per outcome: won, lost, no_decision") Map<String, Long> outcomes,
        @Schema(description = "Per move from one stage to the next, the accounts that made it")
        List<Conversion> stageConversion,
        @Schema(description = "Per stage with an ended stay, the mean time in it over those stays, in days "
                + "(one decimal); a stay ends with a move on, a fall back or a close, so the stage a deal closed "
                + "from counts") Map<String, Double> averageDaysInStage,
        @Schema(description = "no_decision over all closed accounts, three decimals; null while none closed",
                nullable = true) Double noDecisionRate) {

    @Schema(name = "StageConversion")
    public record Conversion(
            @Schema(examples = "solution_exploration") String from,
            @Schema(examples = "requirements_building") String to,
            long accounts) {
    }

    public static KpiSummaryResponse of(KpiSummary summary) {
        StageSummary journey = summary.journey();
        return new KpiSummaryResponse(summary.accountsTracked(),
                WireCounts.bySource(summary.touchpointsBySource()),
                WireCounts.byRole(summary.committeeMembersByRole()),
                WireCounts.rounded(summary.averageMomentum(), 1),
                journey.accountsByStage(),
                journey.stalledAccounts(),
                WireCounts.byOutcome(journey.outcomes()),
                journey.stageConversion().stream()
                        .map(move -> new Conversion(move.from(), move.to(), move.accounts())).toList(),
                WireCounts.days(journey.averageDaysInStage()),
                WireCounts.rounded(journey.noDecisionRate(), 3));
    }
}

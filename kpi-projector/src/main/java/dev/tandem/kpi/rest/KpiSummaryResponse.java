package dev.tandem.kpi.rest;

import dev.tandem.kpi.service.KpiSummary;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The tenant's shared KPIs; every source and role is present, with 0 when none. */
@Schema(name = "KpiSummary")
public record KpiSummaryResponse(
        long accountsTracked,
        Map<String, Long> touchpointsBySource,
        Map<String, Long> committeeMembersByRole,
        @Schema(description = "Over accounts whose momentum is known, one decimal; null when none is",
                nullable = true) Double averageMomentum) {

    public static KpiSummaryResponse of(KpiSummary summary) {
        return new KpiSummaryResponse(summary.accountsTracked(),
                WireCounts.bySource(summary.touchpointsBySource()),
                WireCounts.byRole(summary.committeeMembersByRole()),
                oneDecimal(summary.averageMomentum()));
    }

    private static Double oneDecimal(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}

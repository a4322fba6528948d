package dev.tandem.kpi.rest;

import dev.tandem.kpi.mapping.StageKpisDocuments;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.DealOutcome;
import dev.tandem.model.TouchpointSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts keyed by the wire names dashboards know ({@code marketing}, {@code economic_buyer}, {@code no_decision}…),
 * in enum order, every constant present.
 */
final class WireCounts {

    private WireCounts() {
    }

    static Map<String, Long> bySource(Map<TouchpointSource, Long> counts) {
        Map<String, Long> wire = new LinkedHashMap<>();
        for (TouchpointSource source : TouchpointSource.values()) {
            wire.put(source.wireName(), counts.getOrDefault(source, 0L));
        }
        return wire;
    }

    static Map<String, Long> byRole(Map<CommitteeRole, Long> counts) {
        Map<String, Long> wire = new LinkedHashMap<>();
        for (CommitteeRole role : CommitteeRole.values()) {
            wire.put(role.wireName(), counts.getOrDefault(role, 0L));
        }
        return wire;
    }

    static Map<String, Long> byOutcome(Map<DealOutcome, Long> counts) {
        Map<String, Long> wire = new LinkedHashMap<>();
        for (DealOutcome outcome : DealOutcome.values()) {
            wire.put(StageKpisDocuments.wireName(outcome), counts.getOrDefault(outcome, 0L));
        }
        return wire;
    }

    static Double rounded(Double value, int decimals) {
        return value == null ? null
                : BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    /** Days per stage with one decimal, in the map's order. */
    static Map<String, Double> days(Map<String, Double> byStage) {
        Map<String, Double> wire = new LinkedHashMap<>();
        byStage.forEach((stage, days) -> wire.put(stage, rounded(days, 1)));
        return wire;
    }
}

package dev.tandem.kpi.rest;

import dev.tandem.model.CommitteeRole;
import dev.tandem.model.TouchpointSource;
import java.util.LinkedHashMap;
import java.util.Map;

/** Counts keyed by the wire names dashboards know ({@code marketing}, {@code economic_buyer}…), in enum order. */
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
}

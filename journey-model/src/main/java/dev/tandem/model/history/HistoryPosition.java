package dev.tandem.model.history;

import dev.tandem.events.TouchpointV1;
import java.time.Instant;

/**
 * Where a touchpoint stands in an account's history: event time, then touchpoint id ({@link TouchpointV1#id()}; a
 * replay orders equal times by it). A touchpoint counted beyond the lateness horizon stands at the account's clock
 * when it was counted.
 */
public record HistoryPosition(Instant at, String touchpointId) implements Comparable<HistoryPosition> {

    public static HistoryPosition of(TouchpointV1 touchpoint) {
        return new HistoryPosition(touchpoint.occurredAt(), touchpoint.id());
    }

    @Override
    public int compareTo(HistoryPosition other) {
        // written out rather than a Comparator chain: histories are TreeMaps, and this runs for every lookup
        int byTime = at.compareTo(other.at);
        return byTime != 0 ? byTime : touchpointId.compareTo(other.touchpointId);
    }
}

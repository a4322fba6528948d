package dev.tandem.model.history;

import dev.tandem.events.TouchpointV1;

/** One touchpoint of an account's history at its position. */
public record HistoryEntry(HistoryPosition position, TouchpointV1 touchpoint) {

    public static HistoryEntry inPlace(TouchpointV1 touchpoint) {
        return new HistoryEntry(HistoryPosition.of(touchpoint), touchpoint);
    }
}

package dev.tandem.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a journey closed. No decision is its own outcome: most lost B2B deals are lost to no decision. */
public enum DealOutcome {
    @JsonProperty("won") WON,
    @JsonProperty("lost") LOST,
    @JsonProperty("no_decision") NO_DECISION;

    /** The outcome a touchpoint type closes the journey with, if it is one of the outcome types. */
    public static java.util.Optional<DealOutcome> ofTouchpointType(String type) {
        return switch (type) {
            case "deal.won" -> java.util.Optional.of(WON);
            case "deal.lost" -> java.util.Optional.of(LOST);
            case "deal.no_decision" -> java.util.Optional.of(NO_DECISION);
            default -> java.util.Optional.empty();
        };
    }
}

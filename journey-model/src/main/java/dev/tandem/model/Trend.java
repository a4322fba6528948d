package dev.tandem.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where the committee's momentum is heading: recent activity against its sustained pace, or stalled. */
public enum Trend {
    @JsonProperty("accelerating") ACCELERATING,
    @JsonProperty("steady") STEADY,
    @JsonProperty("slowing") SLOWING,
    @JsonProperty("stalled") STALLED
}

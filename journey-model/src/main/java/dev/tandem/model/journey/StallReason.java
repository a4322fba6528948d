package dev.tandem.model.journey;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why an account is stalled in its stage. */
public enum StallReason {
    /** Nobody on the committee did anything meaningful for longer than the stage's threshold. */
    @JsonProperty("no_meaningful_touchpoint") NO_MEANINGFUL_TOUCHPOINT("no_meaningful_touchpoint"),
    /** A role the stage needs has no engaged member and has been quiet for longer than the threshold. */
    @JsonProperty("required_role_silent") REQUIRED_ROLE_SILENT("required_role_silent");

    private final String wireName;

    StallReason(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}

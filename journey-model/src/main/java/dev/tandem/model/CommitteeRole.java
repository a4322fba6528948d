package dev.tandem.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Optional;

/** The roles a buying committee is made of. */
public enum CommitteeRole {
    @JsonProperty("economic_buyer") ECONOMIC_BUYER("economic_buyer"),
    @JsonProperty("champion") CHAMPION("champion"),
    @JsonProperty("technical_evaluator") TECHNICAL_EVALUATOR("technical_evaluator"),
    @JsonProperty("end_user") END_USER("end_user"),
    @JsonProperty("procurement") PROCUREMENT("procurement"),
    @JsonProperty("legal_security") LEGAL_SECURITY("legal_security"),
    @JsonProperty("influencer") INFLUENCER("influencer"),
    @JsonProperty("blocker") BLOCKER("blocker");

    private final String wireName;

    CommitteeRole(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<CommitteeRole> fromWireName(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
    }
}

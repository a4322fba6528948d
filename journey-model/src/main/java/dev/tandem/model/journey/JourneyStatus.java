package dev.tandem.model.journey;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Optional;

/** A journey definition version's life: designers edit drafts, accounts follow the published version. */
public enum JourneyStatus {
    @JsonProperty("draft") DRAFT("draft"),
    @JsonProperty("published") PUBLISHED("published"),
    @JsonProperty("archived") ARCHIVED("archived");

    private final String wireName;

    JourneyStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<JourneyStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }
}

package dev.tandem.model.journey;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Optional;

/** Which team owns an interaction point: the same journey tells marketing and sales what each must do. */
public enum InteractionOwner {
    @JsonProperty("marketing") MARKETING("marketing"),
    @JsonProperty("sales") SALES("sales");

    private final String wireName;

    InteractionOwner(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<InteractionOwner> fromWireName(String name) {
        return Arrays.stream(values()).filter(o -> o.wireName.equals(name)).findFirst();
    }
}

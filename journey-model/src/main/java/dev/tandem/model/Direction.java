package dev.tandem.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Optional;

/** Who started the interaction: a buyer reaching out says more than a seller reaching in. */
public enum Direction {
    @JsonProperty("buyer_initiated") BUYER_INITIATED("buyer_initiated"),
    @JsonProperty("seller_initiated") SELLER_INITIATED("seller_initiated");

    private final String wireName;

    Direction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Direction> fromWireName(String name) {
        return Arrays.stream(values()).filter(d -> d.wireName.equals(name)).findFirst();
    }
}

package dev.tandem.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Optional;

/** Where a touchpoint came from; sales and marketing contribution are measured on the same events. */
public enum TouchpointSource {
    @JsonProperty("marketing") MARKETING("marketing"),
    @JsonProperty("sales") SALES("sales"),
    @JsonProperty("product") PRODUCT("product"),
    @JsonProperty("partner") PARTNER("partner"),
    @JsonProperty("customer_success") CUSTOMER_SUCCESS("customer_success");

    private final String wireName;

    TouchpointSource(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<TouchpointSource> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }
}

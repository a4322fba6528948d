package dev.tandem.state.mapping;

import dev.tandem.events.EventJson;
import dev.tandem.model.journey.JourneyDefinition;
import java.time.Instant;

/** A value of the global definitions store: a published journey version and when it was published. */
public record PublishedDefinition(Instant publishedAt, JourneyDefinition definition) {

    public String toJson() {
        return EventJson.write(this);
    }

    public static PublishedDefinition fromJson(String json) {
        return EventJson.read(json, PublishedDefinition.class);
    }
}

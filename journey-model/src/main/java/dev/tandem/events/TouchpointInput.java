package dev.tandem.events;

import java.util.Map;

/** A touchpoint as a marketing or sales tool sends it (see {@code schemas/touchpoint-input.v1.json}). */
public record TouchpointInput(
        String eventId,
        String accountKey,
        String type,
        String source,
        String direction,
        String occurredAt,
        Contact contact,
        Map<String, Object> properties) {

    /** The contact as sent; the name and email never reach the touchpoint log. */
    public record Contact(String email, String name, String title) {
    }
}

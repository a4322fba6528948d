package dev.tandem.events;

import dev.tandem.model.Direction;
import dev.tandem.model.TouchpointSource;
import java.time.Instant;
import java.util.Map;

/**
 * A touchpoint as it stands on {@link Topics#TOUCHPOINTS}. It carries no direct personal data: the contact is
 * a pseudonymous key; the contact's job title stays because it is role data the committee engine needs.
 *
 * @param contactKey pseudonymous key of the contact, or null for an account-level touchpoint
 * @param contactTitle the contact's job title as given, or null
 */
public record TouchpointV1(
        String eventId,
        String tenantId,
        String accountKey,
        String type,
        TouchpointSource source,
        Direction direction,
        Instant occurredAt,
        Instant receivedAt,
        String contactKey,
        String contactTitle,
        Map<String, Object> properties) {

    public TouchpointV1 {
        // a null property value says nothing; dropping it keeps the map immutable and the record valid
        properties = properties == null ? Map.of() : properties.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getValue() != null)
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** This touchpoint if every field the engine needs is there; a record without them can never be applied. */
    public TouchpointV1 requireComplete() {
        if (eventId == null || tenantId == null || accountKey == null || type == null || source == null
                || direction == null || occurredAt == null) {
            throw new MalformedEventException("touchpoint " + eventId + " lacks a required field");
        }
        return this;
    }
}

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
 * @param sourceSystem the sending system the credentials name (an API key's system, a token's {@code system}
 *                     claim), or null for records written before systems were told apart
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
        Map<String, Object> properties,
        String sourceSystem) {

    /** The sending system of the role assignments sellers make in the seller view. */
    public static final String SELLER_VIEW_SYSTEM = "tandem-seller-view";

    /**
     * A seller's decision that a committee member plays {@code role}: a {@code role.assigned} touchpoint, which the
     * engine applies like any other (in event time) and which wins over the role the title infers until another
     * assignment. It weighs nothing in engagement.
     */
    public static TouchpointV1 roleAssignment(String eventId, String tenantId, String accountKey, String contactKey,
            dev.tandem.model.CommitteeRole role, String assignedBy, Instant at) {
        return new TouchpointV1(eventId, tenantId, accountKey, dev.tandem.model.TouchpointCatalog.ROLE_ASSIGNED,
                TouchpointSource.SALES, Direction.SELLER_INITIATED, at, at, contactKey, null,
                Map.of("role", role.wireName(), "assignedBy", assignedBy), SELLER_VIEW_SYSTEM);
    }

    /** What separates a system from its event id in {@link #id()}; system names cannot contain it. */
    public static final char SYSTEM_SEPARATOR = ':';

    /** A touchpoint of no named system: records written before systems were told apart, and tests. */
    public TouchpointV1(String eventId, String tenantId, String accountKey, String type, TouchpointSource source,
            Direction direction, Instant occurredAt, Instant receivedAt, String contactKey, String contactTitle,
            Map<String, Object> properties) {
        this(eventId, tenantId, accountKey, type, source, direction, occurredAt, receivedAt, contactKey,
                contactTitle, properties, null);
    }

    public TouchpointV1 {
        // a null property value says nothing; dropping it keeps the map immutable and the record valid
        properties = properties == null ? Map.of() : properties.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getValue() != null)
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * The touchpoint's identity within its tenant: the sending system and the id that system gave it, so two
     * tools that both send {@code 1001} are two touchpoints, while a tool resending its {@code 1001} is one.
     * Everything that deduplicates, orders ties or cites a touchpoint uses this, never the bare event id.
     */
    public String id() {
        return sourceSystem == null ? eventId : sourceSystem + SYSTEM_SEPARATOR + eventId;
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

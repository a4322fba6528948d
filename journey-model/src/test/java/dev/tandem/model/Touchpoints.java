package dev.tandem.model;

import dev.tandem.events.TouchpointV1;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Test builders for touchpoints of one account. */
final class Touchpoints {

    static final String TENANT = "t1";
    static final String ACCOUNT = "acme-robotics";
    static final Instant DAY_0 = Instant.parse("2026-10-01T09:00:00Z");

    private Touchpoints() {
    }

    static Instant day(double days) {
        return DAY_0.plus(Duration.ofMinutes(Math.round(days * 24 * 60)));
    }

    /** A standard-catalogue touchpoint, with the catalogue's direction, by a contact with a title. */
    static TouchpointV1 of(String eventId, double day, String type, TouchpointSource source, String contactKey,
            String title) {
        return new TouchpointV1(eventId, TENANT, ACCOUNT, type, source, TouchpointCatalog.defaultDirectionOf(type),
                day(day), day(day), contactKey, title, Map.of());
    }

    static TouchpointV1 roleAssigned(String eventId, double day, String contactKey, CommitteeRole role) {
        return new TouchpointV1(eventId, TENANT, ACCOUNT, TouchpointCatalog.ROLE_ASSIGNED, TouchpointSource.SALES,
                Direction.SELLER_INITIATED, day(day), day(day), contactKey, null, Map.of("role", role.wireName()));
    }

    static AccountJourney newJourney() {
        return AccountJourney.start(TENANT, ACCOUNT, EngagementPolicy.defaults(), RoleInference.defaults());
    }
}

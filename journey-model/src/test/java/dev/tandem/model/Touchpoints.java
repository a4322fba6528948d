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

    /** Gives each touchpoint a distinct event id (as deduplication upstream guarantees), in list order. */
    static java.util.List<TouchpointV1> numbered(java.util.List<TouchpointV1> touchpoints) {
        java.util.List<TouchpointV1> result = new java.util.ArrayList<>(touchpoints.size());
        for (int i = 0; i < touchpoints.size(); i++) {
            TouchpointV1 t = touchpoints.get(i);
            result.add(new TouchpointV1("tp-" + i, t.tenantId(), t.accountKey(), t.type(), t.source(), t.direction(),
                    t.occurredAt(), t.receivedAt(), t.contactKey(), t.contactTitle(), t.properties()));
        }
        return result;
    }

    /**
     * Applies touchpoints one at a time as journey-state does, through the {@link JourneyEngine} with a history
     * (in place when on time, replayed from a checkpoint when late; a horizon longer than any test history).
     */
    static AccountJourney applyAsJourneyStateDoes(AccountJourney journey, java.util.List<TouchpointV1> touchpoints) {
        JourneyEngine engine = new JourneyEngine(java.time.Duration.ofDays(3650), 4);
        dev.tandem.model.history.InMemoryAccountHistory history = new dev.tandem.model.history.InMemoryAccountHistory();
        for (TouchpointV1 touchpoint : touchpoints) {
            engine.apply(journey, java.util.List.of(touchpoint), history);
        }
        return journey;
    }
}

package dev.tandem.state;

import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.events.EventJson;
import dev.tandem.events.EventKeys;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.Topics;
import dev.tandem.events.TouchpointV1;
import dev.tandem.infra.KafkaTestClient;
import dev.tandem.infra.LocalInfrastructure;
import dev.tandem.model.Direction;
import dev.tandem.model.TouchpointSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Sending touchpoints and reading what journey-state made of them, for the service's tests. */
final class StateTestSupport {

    static final Duration WAIT = Duration.ofSeconds(60);

    final KafkaTestClient kafka;

    StateTestSupport(LocalInfrastructure infra) {
        this.kafka = new KafkaTestClient(infra.kafkaBootstrapServers());
    }

    static TouchpointV1 touchpoint(String tenant, String account, String contactKey, String title, String type,
            Instant occurredAt) {
        return new TouchpointV1("evt-" + UUID.randomUUID(), tenant, account, type, TouchpointSource.MARKETING,
                Direction.BUYER_INITIATED, occurredAt, Instant.now(), contactKey, title, Map.of());
    }

    void send(TouchpointV1 touchpoint) {
        kafka.send(Topics.TOUCHPOINTS, EventKeys.account(touchpoint.tenantId(), touchpoint.accountKey()),
                EventJson.write(touchpoint));
    }

    /** The journey events of an account, read until one matches {@code until}. */
    List<JourneyEventV1> journeyEventsUntil(String tenant, String account, Predicate<JourneyEventV1> until) {
        String key = EventKeys.account(tenant, account);
        return kafka.readUntil(Topics.JOURNEY_EVENTS,
                        r -> key.equals(r.key()) && until.test(EventJson.read(r.value(), JourneyEventV1.class)), WAIT)
                .stream()
                .filter(r -> key.equals(r.key()))
                .map(r -> EventJson.read(r.value(), JourneyEventV1.class))
                .toList();
    }

    /** The account's latest snapshot once one at {@code version} or later is out. */
    AccountSnapshotV1 snapshotAtLeast(String tenant, String account, long version) {
        String key = EventKeys.account(tenant, account);
        return kafka.readUntil(Topics.ACCOUNT_SNAPSHOTS,
                        r -> key.equals(r.key())
                                && EventJson.read(r.value(), AccountSnapshotV1.class).accountVersion() >= version,
                        WAIT).stream()
                .filter(r -> key.equals(r.key()))
                .map(r -> EventJson.read(r.value(), AccountSnapshotV1.class))
                .reduce((first, second) -> second).orElseThrow();
    }
}

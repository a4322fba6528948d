package dev.tandem.state;

import dev.tandem.events.EventJson;
import dev.tandem.events.EventKeys;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.Topics;
import dev.tandem.events.TouchpointV1;
import dev.tandem.infra.KafkaTestClient;
import dev.tandem.infra.LocalInfrastructure;
import dev.tandem.infra.LocalPostgres;
import dev.tandem.model.Direction;
import dev.tandem.model.TouchpointSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Sending touchpoints and reading what journey-state made of them, for the service's tests. */
final class StateTestSupport {

    static final Duration WAIT = Duration.ofSeconds(30);

    final LocalInfrastructure infra;
    final KafkaTestClient kafka;

    StateTestSupport(LocalInfrastructure infra) {
        this.infra = infra;
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

    long count(String sql, String... parameters) throws SQLException {
        try (Connection db = DriverManager.getConnection(infra.postgres().jdbcUrl("journey_state"),
                LocalPostgres.USER, "");
                PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}

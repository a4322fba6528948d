package dev.tandem.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.events.EventJson;
import dev.tandem.events.EventKeys;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.Topics;
import dev.tandem.events.TouchpointV1;
import dev.tandem.infra.KafkaTestClient;
import dev.tandem.infra.LocalInfrastructure;
import dev.tandem.infra.LocalPostgres;
import dev.tandem.infra.TandemInfrastructureResource;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.Direction;
import dev.tandem.model.TouchpointSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
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
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TandemInfrastructureResource.class)
class JourneyStateFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final LocalInfrastructure infra = TandemInfrastructureResource.infrastructure();
    private final KafkaTestClient kafka = new KafkaTestClient(infra.kafkaBootstrapServers());

    private static TouchpointV1 touchpoint(String account, String contactKey, String title, String type,
            String occurredAt) {
        return new TouchpointV1("evt-" + UUID.randomUUID(), "dev", account, type, TouchpointSource.MARKETING,
                Direction.BUYER_INITIATED, Instant.parse(occurredAt), Instant.now(), contactKey, title, Map.of());
    }

    private void send(TouchpointV1 touchpoint) {
        kafka.send(Topics.TOUCHPOINTS, EventKeys.account(touchpoint.tenantId(), touchpoint.accountKey()),
                EventJson.write(touchpoint));
    }

    private List<JourneyEventV1> journeyEventsOf(String account, long untilVersion) {
        return kafka.readUntil(Topics.JOURNEY_EVENTS,
                        r -> r.value().contains("\"" + account + "\"")
                                && EventJson.read(r.value(), JourneyEventV1.class).accountVersion() >= untilVersion,
                        WAIT).stream()
                .filter(r -> r.key().equals("dev/" + account))
                .map(r -> EventJson.read(r.value(), JourneyEventV1.class))
                .toList();
    }

    private AccountSnapshotV1 latestSnapshotOf(String account, long version) {
        List<ConsumerRecord<String, String>> records = kafka.readUntil(Topics.ACCOUNT_SNAPSHOTS,
                r -> r.key().equals("dev/" + account)
                        && EventJson.read(r.value(), AccountSnapshotV1.class).accountVersion() == version,
                WAIT);
        return records.stream().filter(r -> r.key().equals("dev/" + account))
                .map(r -> EventJson.read(r.value(), AccountSnapshotV1.class))
                .reduce((first, second) -> second).orElseThrow();
    }

    @Test
    void touchpointsBecomeCommitteeStateJourneyEventsAndSnapshots() throws SQLException {
        String account = "acct-" + UUID.randomUUID();
        send(touchpoint(account, "c_cfo", "Chief Financial Officer", "webinar.attended", "2026-11-01T09:00:00Z"));
        send(touchpoint(account, "c_arch", "Enterprise Architect", "demo.requested", "2026-11-02T09:00:00Z"));

        List<ConsumerRecord<String, String>> snapshots = kafka.readUntil(Topics.ACCOUNT_SNAPSHOTS,
                r -> r.key().equals("dev/" + account)
                        && EventJson.read(r.value(), AccountSnapshotV1.class).touchpointCount() == 2, WAIT);
        AccountSnapshotV1 snapshot = snapshots.stream().filter(r -> r.key().equals("dev/" + account))
                .map(r -> EventJson.read(r.value(), AccountSnapshotV1.class))
                .reduce((first, second) -> second).orElseThrow();
        List<JourneyEventV1> events = journeyEventsOf(account, snapshot.accountVersion());
        assertThat(events).extracting(JourneyEventV1::type)
                .filteredOn(type -> !type.startsWith("Stage"))
                .containsExactly("TouchpointRecorded", "CommitteeMemberAdded", "MomentumShifted",
                        "TouchpointRecorded", "CommitteeMemberAdded", "MomentumShifted");
        // the default journey places the account in a stage from its first touchpoint on
        assertThat(events).extracting(JourneyEventV1::type).contains("StageEntered");
        assertThat(events).extracting(JourneyEventV1::accountVersion)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, snapshot.accountVersion()).boxed().toList());
        assertThat(events.get(1).data()).isEqualTo(new JourneyEventV1.CommitteeMemberAdded("c_cfo",
                CommitteeRole.ECONOMIC_BUYER, dev.tandem.model.RoleSource.INFERRED));

        assertThat(snapshot.committee()).extracting(AccountSnapshotV1.Member::role)
                .containsExactlyInAnyOrder(CommitteeRole.ECONOMIC_BUYER, CommitteeRole.TECHNICAL_EVALUATOR);
        assertThat(snapshot.momentum()).isBetween(1, 100);

        try (Connection db = database();
                PreparedStatement query = db.prepareStatement(
                        "SELECT account_version, momentum FROM account_state WHERE tenant_id = 'dev' AND account_key = ?")) {
            query.setString(1, account);
            try (ResultSet rs = query.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(snapshot.accountVersion());
                assertThat(rs.getInt(2)).isEqualTo(snapshot.momentum());
            }
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(outboxRowsOf(account)).isZero());
    }

    @Test
    void aTouchpointAppliedBeforeChangesNothing() {
        String account = "acct-" + UUID.randomUUID();
        TouchpointV1 first = touchpoint(account, "c_champ", "Director of Operations", "meeting.held",
                "2026-11-03T09:00:00Z");
        send(first);
        send(first);
        TouchpointV1 next = touchpoint(account, "c_champ", "Director of Operations", "email.replied",
                "2026-11-04T09:00:00Z");
        send(next);

        AccountSnapshotV1 snapshot = latestSnapshotOf(account, lastVersionAfter(account, next.eventId()));
        assertThat(snapshot.touchpointCount()).isEqualTo(2);
        List<JourneyEventV1> events = journeyEventsOf(account, snapshot.accountVersion());
        assertThat(events).filteredOn(e -> e.type().equals("TouchpointRecorded"))
                .extracting(e -> e.causedBy().get(0)).containsExactly(first.eventId(), next.eventId());
        assertThat(events).extracting(JourneyEventV1::accountVersion)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicAndTheNextOneIsApplied() {
        String account = "acct-" + UUID.randomUUID();
        kafka.send(Topics.TOUCHPOINTS, "dev/" + account, "{not json " + account);
        TouchpointV1 good = touchpoint(account, "c_user", "Support Specialist", "trial.started",
                "2026-11-05T09:00:00Z");
        send(good);

        List<ConsumerRecord<String, String>> dead = kafka.recordsContaining(Topics.DLQ_JOURNEY_STATE, account, WAIT);
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("TouchpointV1");
        assertThat(latestSnapshotOf(account, lastVersionAfter(account, good.eventId())).touchpointCount()).isEqualTo(1);
    }

    /** The account version of the last journey event caused by {@code eventId}, waiting until it is out. */
    private long lastVersionAfter(String account, String eventId) {
        return kafka.readUntil(Topics.JOURNEY_EVENTS, r -> r.value().contains(eventId), WAIT).stream()
                .filter(r -> r.key().equals("dev/" + account))
                .map(r -> EventJson.read(r.value(), JourneyEventV1.class))
                .filter(e -> e.causedBy().contains(eventId))
                .mapToLong(JourneyEventV1::accountVersion)
                .max().orElseThrow(() -> new AssertionError("no journey event caused by " + eventId));
    }

    private long outboxRowsOf(String account) throws SQLException {
        try (Connection db = database();
                PreparedStatement query = db.prepareStatement("SELECT count(*) FROM outbox_record WHERE account_key = ?")) {
            query.setString(1, account);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private Connection database() throws SQLException {
        return DriverManager.getConnection(infra.postgres().jdbcUrl("journey_state"), LocalPostgres.USER, "");
    }
}

package dev.tandem.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.events.EventJson;
import dev.tandem.events.EventKeys;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.Topics;
import dev.tandem.events.TouchpointV1;
import dev.tandem.infra.TandemInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TandemInfrastructureResource.class)
class BatchConsumerTest {

    private final StateTestSupport support = new StateTestSupport(TandemInfrastructureResource.infrastructure());

    /** Sends all records at once (lingering producer), so the consumer gets them in few polls. */
    private void sendTogether(List<String[]> keyAndValues) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, support.infra.kafkaBootstrapServers());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "50");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            keyAndValues.forEach(kv -> producer.send(new ProducerRecord<>(Topics.TOUCHPOINTS, kv[0], kv[1])));
            producer.flush();
        }
    }

    private static String[] record(TouchpointV1 touchpoint) {
        return new String[] {EventKeys.account(touchpoint.tenantId(), touchpoint.accountKey()),
                EventJson.write(touchpoint)};
    }

    @Test
    void aBatchWithDuplicatesAndSeveralAccountsAppliesEachTouchpointOnceWithGaplessVersions() throws Exception {
        List<String> accounts = List.of("acct-" + UUID.randomUUID(), "acct-" + UUID.randomUUID(),
                "acct-" + UUID.randomUUID());
        String[] types = {"content.downloaded", "webinar.attended", "demo.requested", "meeting.held"};
        List<TouchpointV1> touchpoints = new ArrayList<>();
        for (String account : accounts) {
            for (int i = 0; i < types.length; i++) {
                touchpoints.add(StateTestSupport.touchpoint("dev", account, "c_" + (i % 2), i % 2 == 0
                        ? "VP Engineering" : "Chief Financial Officer", types[i],
                        Instant.parse("2026-10-01T09:00:00Z").plusSeconds(3600L * i)));
            }
        }
        List<String[]> records = new ArrayList<>();
        touchpoints.forEach(t -> records.add(record(t)));
        // every touchpoint twice, shuffled: duplicates within the batch and across batches, arrival order mixed
        touchpoints.forEach(t -> records.add(record(t)));
        Collections.shuffle(records, new Random(7));
        sendTogether(records);

        for (String account : accounts) {
            await().atMost(StateTestSupport.WAIT).until(() -> support.count(
                    "SELECT count(*) FROM outbox_record WHERE account_key = ?", account) == 0
                    && support.count("SELECT count(*) FROM processed_touchpoint WHERE account_key = ?", account) == 4);
        }
        List<ConsumerRecord<String, String>> snapshots = support.kafka.readToEnd(Topics.ACCOUNT_SNAPSHOTS);
        List<ConsumerRecord<String, String>> events = support.kafka.readToEnd(Topics.JOURNEY_EVENTS);
        for (String account : accounts) {
            List<JourneyEventV1> mine = events.stream().filter(r -> r.key().equals("dev/" + account))
                    .map(r -> EventJson.read(r.value(), JourneyEventV1.class)).toList();
            assertThat(mine).extracting(JourneyEventV1::accountVersion)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, mine.size()).boxed().toList());
            assertThat(mine).filteredOn(e -> e.type().equals("TouchpointRecorded"))
                    .extracting(e -> e.causedBy().get(0))
                    .containsExactlyInAnyOrderElementsOf(touchpoints.stream()
                            .filter(t -> t.accountKey().equals(account)).map(TouchpointV1::eventId).toList());
            AccountSnapshotV1 last = snapshots.stream().filter(r -> r.key().equals("dev/" + account))
                    .map(r -> EventJson.read(r.value(), AccountSnapshotV1.class))
                    .reduce((a, b) -> b).orElseThrow();
            assertThat(last.touchpointCount()).isEqualTo(4);
            assertThat(last.accountVersion()).isEqualTo(mine.size());
            assertThat(last.committee()).hasSize(2);
        }
    }

    @Test
    void poisonRecordsInsideABatchGoToTheDeadLetterTopicAndTheirNeighboursAreApplied() throws Exception {
        String account = "acct-" + UUID.randomUUID();
        TouchpointV1 before = StateTestSupport.touchpoint("dev", account, "c_a", "Head of IT", "web.visited",
                Instant.parse("2026-10-02T09:00:00Z"));
        TouchpointV1 incomplete = new TouchpointV1("evt-incomplete-" + account, "dev", account, null, null, null,
                Instant.parse("2026-10-02T10:00:00Z"), Instant.now(), "c_a", null, null);
        TouchpointV1 after = StateTestSupport.touchpoint("dev", account, "c_b", "Procurement Manager",
                "pricing.viewed", Instant.parse("2026-10-02T11:00:00Z"));
        sendTogether(List.of(record(before), new String[] {"dev/" + account, "{broken json " + account},
                record(incomplete), record(after)));

        await().atMost(StateTestSupport.WAIT).until(() -> support.count(
                "SELECT count(*) FROM processed_touchpoint WHERE account_key = ?", account) == 2);
        await().atMost(StateTestSupport.WAIT).until(() -> support.kafka.readToEnd(Topics.DLQ_JOURNEY_STATE).stream()
                .filter(r -> r.value() != null && r.value().contains(account)).count() == 2);
        List<ConsumerRecord<String, String>> dead = support.kafka.readToEnd(Topics.DLQ_JOURNEY_STATE).stream()
                .filter(r -> r.value() != null && r.value().contains(account)).toList();
        assertThat(dead).extracting(r -> header(r, "dead-letter-reason"))
                .anySatisfy(reason -> assertThat(reason).contains("TouchpointV1"))
                .anySatisfy(reason -> assertThat(reason).contains("lacks a required field"));
        assertThat(dead).extracting(r -> header(r, "dead-letter-topic")).containsOnly(Topics.TOUCHPOINTS);
        assertThat(dead).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo("dev/" + account);
            assertThat(Long.parseLong(header(r, "dead-letter-offset"))).isNotNegative();
            assertThat(header(r, "dead-letter-partition")).isNotBlank();
        });
        List<JourneyEventV1> events = support.journeyEventsUntil("dev", account,
                e -> e.causedBy().contains(after.eventId()));
        assertThat(events).filteredOn(e -> e.type().equals("TouchpointRecorded"))
                .extracting(e -> e.causedBy().get(0)).containsExactly(before.eventId(), after.eventId());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}

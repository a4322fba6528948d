package dev.tandem.designer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.tandem.designer.messaging.AccountSnapshotConsumer;
import dev.tandem.designer.messaging.ContactProfileConsumer;
import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.events.ContactProfileV1;
import dev.tandem.events.EventJson;
import dev.tandem.events.EventKeys;
import dev.tandem.events.MalformedEventException;
import dev.tandem.events.Topics;
import dev.tandem.infra.KafkaTestClient;
import dev.tandem.infra.TandemInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The batch consumers: most tests hand a batch straight to the consumer (exactly the records a poll could return,
 * at made-up offsets far beyond the real ones), so what one batch holds is certain; the dead letters still go
 * through the real broker. One test sends a burst through Kafka, as a producer would.
 */
@QuarkusTest
@QuarkusTestResource(TandemInfrastructureResource.class)
class BatchProjectionTest {

    private static final String TENANT = "dev";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final KafkaTestClient KAFKA =
            new KafkaTestClient(TandemInfrastructureResource.infrastructure().kafkaBootstrapServers());
    /** Offsets of hand-made batches: far beyond what the tests write, and never reused. */
    private static final AtomicLong OFFSETS = new AtomicLong(1_000_000_000L);

    @Inject
    AccountSnapshotConsumer snapshots;

    @Inject
    ContactProfileConsumer contacts;

    @Inject
    MongoClient mongo;

    @AfterAll
    static void closeKafka() {
        KAFKA.close();
    }

    @Test
    void aPoisonRecordAmongValidOnesIsDeadLetteredAndTheOthersAreProjected() {
        String first = unique("acme");
        String second = unique("globex");
        String poisonId = unique("poison");
        String mismatched = unique("mismatch");
        RecordHeaders poisonHeaders = new RecordHeaders();
        poisonHeaders.add("ce_id", poisonId.getBytes(StandardCharsets.UTF_8));
        List<ConsumerRecord<String, String>> batch = List.of(
                snapshotRecord(0, snapshot(first, 1, 10)),
                record(Topics.ACCOUNT_SNAPSHOTS, 0, EventKeys.account(TENANT, poisonId), "not JSON " + poisonId,
                        poisonHeaders),
                snapshotRecord(0, snapshot(second, 2, 20)),
                record(Topics.ACCOUNT_SNAPSHOTS, 0, EventKeys.account("other-tenant", mismatched),
                        EventJson.write(snapshot(mismatched, 1, 5)), new RecordHeaders()),
                snapshotRecord(0, snapshot(first, 2, 30)));

        snapshots.consume(KafkaTestClient.batchOf(batch)).await().atMost(PATIENCE);

        assertThat(journey(first)).hasValueSatisfying(stored -> {
            assertThat(stored.get("accountVersion", Number.class).longValue()).isEqualTo(2);
            assertThat(stored.getInteger("momentum")).isEqualTo(30);
        });
        assertThat(journey(second)).hasValueSatisfying(stored -> assertThat(stored.getInteger("momentum"))
                .isEqualTo(20));
        assertThat(journey(mismatched)).isEmpty();

        List<ConsumerRecord<String, String>> dead =
                KAFKA.recordsContaining(Topics.DLQ_DESIGNER_API, poisonId, PATIENCE);
        assertThat(dead).hasSize(1);
        ConsumerRecord<String, String> letter = dead.get(0);
        ConsumerRecord<String, String> poison = batch.get(1);
        assertThat(letter.key()).isEqualTo(poison.key());
        assertThat(letter.value()).isEqualTo(poison.value());
        assertThat(header(letter, "dead-letter-reason")).contains("AccountSnapshotV1");
        assertThat(header(letter, "dead-letter-exception-class-name"))
                .isEqualTo(MalformedEventException.class.getName());
        assertThat(header(letter, "dead-letter-topic")).isEqualTo(Topics.ACCOUNT_SNAPSHOTS);
        assertThat(header(letter, "dead-letter-partition")).isEqualTo("0");
        assertThat(header(letter, "dead-letter-offset")).isEqualTo(Long.toString(poison.offset()));
        assertThat(header(letter, "ce_id")).as("the record's own headers travel along").isEqualTo(poisonId);
        assertThat(KAFKA.recordsContaining(Topics.DLQ_DESIGNER_API, mismatched, PATIENCE)).singleElement()
                .satisfies(record -> assertThat(header(record, "dead-letter-reason")).contains("key"));
    }

    @Test
    void ofSeveralVersionsInABatchTheNewestWinsAndOlderOnesInLaterBatchesChangeNothing() {
        String account = unique("initech");
        snapshots.consume(KafkaTestClient.batchOf(List.of(
                snapshotRecord(1, snapshot(account, 3, 30)),
                snapshotRecord(1, snapshot(account, 5, 50)),
                snapshotRecord(1, snapshot(account, 4, 40)),
                snapshotRecord(1, snapshot(account, 5, 99))))).await().atMost(PATIENCE);

        Document newest = journey(account).orElseThrow();
        assertThat(newest.get("accountVersion", Number.class).longValue()).isEqualTo(5);
        assertThat(newest.getInteger("momentum")).as("of equal versions the first one counts").isEqualTo(50);

        snapshots.consume(KafkaTestClient.batchOf(List.of(snapshotRecord(1, snapshot(account, 4, 10))))).await().atMost(PATIENCE);
        snapshots.consume(KafkaTestClient.batchOf(List.of(
                snapshotRecord(1, snapshot(account, 5, 77)),
                snapshotRecord(1, snapshot(account, 1, 1))))).await().atMost(PATIENCE);

        assertThat(journey(account)).as("not even projectedAt moved: nothing was written").contains(newest);
    }

    @Test
    void aContactBatchKeepsEachContactsLastChangeAndTombstonesErase() {
        String erased = unique("c");
        String changedTwice = unique("c");
        String added = unique("c");
        String poisonKey = unique("c");
        contacts.consume(KafkaTestClient.batchOf(List.of(contactRecord(profile(erased, "Ann Lee"))))).await().atMost(PATIENCE);
        assertThat(contact(erased)).isPresent();

        contacts.consume(KafkaTestClient.batchOf(List.of(
                contactRecord(profile(erased, "Ann Leigh")),
                record(Topics.CONTACTS, 2, EventKeys.contact(TENANT, erased), null, new RecordHeaders()),
                contactRecord(profile(changedTwice, "Bo Chen")),
                record(Topics.CONTACTS, 2, EventKeys.contact(TENANT, changedTwice), null, new RecordHeaders()),
                record(Topics.CONTACTS, 2, EventKeys.contact(TENANT, poisonKey), "{broken " + poisonKey,
                        new RecordHeaders()),
                contactRecord(profile(changedTwice, "Cy Chen")),
                contactRecord(profile(added, "Di Park"))))).await().atMost(PATIENCE);

        assertThat(contact(erased)).hasValueSatisfying(tombstone -> {
            assertThat(tombstone.keySet()).doesNotContain("name", "title");
            assertThat(tombstone.getBoolean("erased")).isTrue();
        });
        assertThat(contact(changedTwice)).hasValueSatisfying(c -> assertThat(c.getString("name")).isEqualTo("Cy Chen"));
        assertThat(contact(added)).hasValueSatisfying(c -> assertThat(c.getString("name")).isEqualTo("Di Park"));
        assertThat(KAFKA.recordsContaining(Topics.DLQ_DESIGNER_API, poisonKey, PATIENCE)).singleElement()
                .satisfies(record -> assertThat(header(record, "dead-letter-topic")).isEqualTo(Topics.CONTACTS));
    }

    @Test
    void aBurstThroughKafkaWithPoisonInsideIsProjectedAndEachPoisonDeadLetteredOnce() throws Exception {
        List<String> accounts = new ArrayList<>();
        List<String> poisons = new ArrayList<>();
        List<ProducerRecord<String, String>> burst = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            accounts.add(unique("burst"));
        }
        for (int version = 1; version <= 3; version++) {
            for (String account : accounts) {
                burst.add(new ProducerRecord<>(Topics.ACCOUNT_SNAPSHOTS, EventKeys.account(TENANT, account),
                        EventJson.write(snapshot(account, version, 10 * version))));
            }
            String poison = unique("poison");
            poisons.add(poison);
            burst.add(new ProducerRecord<>(Topics.ACCOUNT_SNAPSHOTS, EventKeys.account(TENANT, poison),
                    "{\"tenantId\": \"" + TENANT + "\", \"accountKey\": \"" + poison + "\", \"accountVersion\": 0}"));
        }
        KAFKA.sendAsOneBurst(burst);

        await().atMost(PATIENCE).until(() -> accounts.stream().allMatch(account -> journey(account)
                .map(stored -> stored.get("accountVersion", Number.class).longValue() == 3).orElse(false)));
        for (String account : accounts) {
            assertThat(journey(account).orElseThrow().getInteger("momentum")).isEqualTo(30);
        }
        for (String poison : poisons) {
            assertThat(KAFKA.recordsContaining(Topics.DLQ_DESIGNER_API, poison, PATIENCE)).hasSize(1);
            assertThat(journey(poison)).isEmpty();
        }
        Map<org.apache.kafka.common.TopicPartition, Long> end = KAFKA.endOffsets(Topics.ACCOUNT_SNAPSHOTS);
        await().atMost(PATIENCE).until(() -> KAFKA.committedUpTo("interaction-designer-api", end));
    }

    private Optional<Document> journey(String account) {
        MongoCollection<Document> journeys = ReadModelCollections.current(mongo, "account_journeys");
        return Optional.ofNullable(journeys.find(Filters.eq("_id", EventKeys.account(TENANT, account))).first());
    }

    private Optional<Document> contact(String contactKey) {
        MongoCollection<Document> stored = ReadModelCollections.current(mongo, "contacts");
        return Optional.ofNullable(stored.find(Filters.eq("_id", EventKeys.contact(TENANT, contactKey))).first());
    }


    private static ConsumerRecord<String, String> snapshotRecord(int partition, AccountSnapshotV1 snapshot) {
        return record(Topics.ACCOUNT_SNAPSHOTS, partition, EventKeys.account(snapshot.tenantId(),
                snapshot.accountKey()), EventJson.write(snapshot), new RecordHeaders());
    }

    private static ConsumerRecord<String, String> contactRecord(ContactProfileV1 profile) {
        return record(Topics.CONTACTS, 2, EventKeys.contact(profile.tenantId(), profile.contactKey()),
                EventJson.write(profile), new RecordHeaders());
    }

    private static ConsumerRecord<String, String> record(String topic, int partition, String key, String value,
            RecordHeaders headers) {
        return new ConsumerRecord<>(topic, partition, OFFSETS.incrementAndGet(), System.currentTimeMillis(),
                TimestampType.CREATE_TIME, -1, -1, key, value, headers, Optional.empty());
    }

    private static AccountSnapshotV1 snapshot(String account, long version, int momentum) {
        return new AccountSnapshotV1(TENANT, account, version, momentum, 7, Map.of("marketing", 4L, "sales", 3L),
                Instant.parse("2026-11-20T10:15:30Z"), List.of(), null, null);
    }

    private static ContactProfileV1 profile(String contactKey, String name) {
        return new ContactProfileV1(TENANT, contactKey, contactKey + "@example.com", name, "CTO",
                Instant.parse("2026-11-20T09:00:00Z"));
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

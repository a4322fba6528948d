package dev.tandem.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.tandem.events.EventJson;
import dev.tandem.events.EventKeys;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.MalformedEventException;
import dev.tandem.events.Topics;
import dev.tandem.infra.KafkaTestClient;
import dev.tandem.infra.TandemInfrastructureResource;
import dev.tandem.kpi.mapping.AccountKpisDocuments;
import dev.tandem.kpi.messaging.JourneyEventConsumer;
import dev.tandem.kpi.service.AccountKpis;
import dev.tandem.kpi.repository.KpiStore;
import dev.tandem.kpi.service.KpiProjection;
import dev.tandem.kpi.service.LoggedEvent;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.DealOutcome;
import dev.tandem.model.Direction;
import dev.tandem.model.RoleSource;
import dev.tandem.model.TouchpointSource;
import dev.tandem.model.journey.StallReason;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * The batch consumer: most tests hand a batch straight to the consumer (exactly the records a poll could return, at
 * made-up offsets far beyond the real ones), so what one batch holds is certain; dead letters still go through the
 * real broker. One test sends a burst through Kafka. Expected states are {@link AccountKpis#apply} folded one event
 * at a time, the definition of the projection.
 */
@QuarkusTest
@QuarkusTestResource(TandemInfrastructureResource.class)
class BatchKpiProjectionTest {

    private static final String TENANT = "dev";
    private static final int SYNTHETIC_PARTITIONS = 10_000;
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");
    private static final KafkaTestClient KAFKA =
            new KafkaTestClient(TandemInfrastructureResource.infrastructure().kafkaBootstrapServers());
    /** Offsets of hand-made batches: far beyond what the tests write, and never reused. */
    private static final AtomicLong OFFSETS = new AtomicLong(1_000_000_000L);

    @Inject
    JourneyEventConsumer consumer;

    @Inject
    KpiProjection projection;

    @Inject
    MongoClient mongo;

    @Inject
    KpiStore store;

    @AfterAll
    static void closeKafka() {
        KAFKA.close();
    }

    @Test
    void aBatchOfSeveralAccountsGivesTheSameDocumentsAsApplyingItsEventsOneByOne() {
        String stage = "stage-" + UUID.randomUUID();
        List<String> batched = List.of(unique("acme"), unique("globex"), unique("initech"));
        List<String> single = List.of(unique("acme"), unique("globex"), unique("initech"));
        List<JourneyEventV1> events = interleaved(batched, stage);

        consumer.consume(KafkaTestClient.batchOf(events.stream().map(e -> eventRecord(0, e)).toList())).await().atMost(PATIENCE);
        long offset = 0;
        for (JourneyEventV1 event : renamed(events, batched, single)) {
            projection.applyAll(List.of(new LoggedEvent(event, SYNTHETIC_PARTITIONS + 50, offset++)))
                    .await().atMost(PATIENCE);
        }

        for (int i = 0; i < batched.size(); i++) {
            assertThat(withoutIdentity(stored(batched.get(i)).orElseThrow()))
                    .as("account %d: the batch's document is the one-by-one document", i)
                    .isEqualTo(withoutIdentity(stored(single.get(i)).orElseThrow()));
            assertThat(AccountKpisDocuments.fromDocument(stored(batched.get(i)).orElseThrow()))
                    .isEqualTo(expected(batched.get(i), events));
        }
        assertThat(AccountKpisDocuments.fromDocument(stored(batched.get(0)).orElseThrow()).touchpointCount())
                .as("the duplicates inside the batch counted once").isEqualTo(3);
    }

    @Test
    void aBatchSplitAnywhereOrReplayedConvergesAndAReplayWritesNothing() {
        String stage = "stage-" + UUID.randomUUID();
        List<String> accounts = List.of(unique("hooli"), unique("umbrella"));
        List<JourneyEventV1> events = interleaved(accounts, stage);
        List<ConsumerRecord<String, String>> records = events.stream().map(e -> eventRecord(1, e)).toList();

        consumer.consume(KafkaTestClient.batchOf(records.subList(0, 7))).await().atMost(PATIENCE);
        consumer.consume(KafkaTestClient.batchOf(records.subList(7, records.size()))).await().atMost(PATIENCE);
        Map<String, Document> after = new LinkedHashMap<>();
        for (String account : accounts) {
            after.put(account, stored(account).orElseThrow());
            assertThat(AccountKpisDocuments.fromDocument(after.get(account))).isEqualTo(expected(account, events));
        }

        consumer.consume(KafkaTestClient.batchOf(events.stream().map(e -> eventRecord(1, e)).toList())).await().atMost(PATIENCE);
        consumer.consume(KafkaTestClient.batchOf(List.of(eventRecord(1, event(accounts.get(1), 2,
                touchpoint(TouchpointSource.PRODUCT)))))).await().atMost(PATIENCE);

        for (String account : accounts) {
            assertThat(stored(account)).as("not even projectedAt moved: nothing was written")
                    .contains(after.get(account));
        }
    }

    @Test
    void aPoisonRecordAmongValidOnesIsDeadLetteredAndTheOthersAreApplied() {
        String account = unique("soylent");
        String poisonId = unique("poison");
        String mismatched = unique("mismatch");
        RecordHeaders poisonHeaders = new RecordHeaders();
        poisonHeaders.add("ce_id", poisonId.getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, String> poison = record(2, EventKeys.account(TENANT, poisonId),
                "not a journey event " + poisonId, poisonHeaders);
        List<JourneyEventV1> valid = List.of(
                event(account, 1, touchpoint(TouchpointSource.MARKETING)),
                event(account, 2, new JourneyEventV1.MomentumShifted(0, 35)));
        consumer.consume(KafkaTestClient.batchOf(List.of(
                eventRecord(2, valid.get(0)),
                poison,
                record(2, EventKeys.account("other-tenant", mismatched),
                        EventJson.write(event(mismatched, 1, touchpoint(TouchpointSource.SALES))), new RecordHeaders()),
                eventRecord(2, valid.get(1))))).await().atMost(PATIENCE);

        assertThat(AccountKpisDocuments.fromDocument(stored(account).orElseThrow()))
                .isEqualTo(expected(account, valid));
        assertThat(stored(mismatched)).isEmpty();
        List<ConsumerRecord<String, String>> dead =
                KAFKA.recordsContaining(Topics.DLQ_KPI_PROJECTOR, poisonId, PATIENCE);
        assertThat(dead).hasSize(1);
        ConsumerRecord<String, String> letter = dead.get(0);
        assertThat(letter.key()).isEqualTo(poison.key());
        assertThat(letter.value()).isEqualTo(poison.value());
        assertThat(header(letter, "dead-letter-reason")).contains("JourneyEventV1");
        assertThat(header(letter, "dead-letter-exception-class-name"))
                .isEqualTo(MalformedEventException.class.getName());
        assertThat(header(letter, "dead-letter-topic")).isEqualTo(Topics.JOURNEY_EVENTS);
        assertThat(header(letter, "dead-letter-partition")).isEqualTo(String.valueOf(SYNTHETIC_PARTITIONS + 2));
        assertThat(header(letter, "dead-letter-offset")).isEqualTo(Long.toString(poison.offset()));
        assertThat(header(letter, "ce_id")).isEqualTo(poisonId);
        assertThat(KAFKA.recordsContaining(Topics.DLQ_KPI_PROJECTOR, mismatched, PATIENCE)).hasSize(1);
    }

    @Test
    void aBurstThroughKafkaWithDuplicatesAndPoisonConverges() throws Exception {
        String stage = "stage-" + UUID.randomUUID();
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            accounts.add(unique("burst"));
        }
        List<JourneyEventV1> events = interleaved(accounts, stage);
        String poisonId = unique("poison");
        List<ProducerRecord<String, String>> burst = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            JourneyEventV1 event = events.get(i);
            burst.add(new ProducerRecord<>(Topics.JOURNEY_EVENTS, EventKeys.account(TENANT, event.accountKey()),
                    EventJson.write(event)));
            if (i == events.size() / 2) {
                burst.add(new ProducerRecord<>(Topics.JOURNEY_EVENTS, EventKeys.account(TENANT, poisonId),
                        "{\"tenantId\": \"" + TENANT + "\", \"accountKey\": \"" + poisonId + "\"}"));
            }
        }
        KAFKA.sendAsOneBurst(burst);

        long last = events.stream().mapToLong(JourneyEventV1::accountVersion).max().orElseThrow();
        await().atMost(PATIENCE).until(() -> accounts.stream().allMatch(account -> stored(account)
                .map(document -> AccountKpisDocuments.fromDocument(document).accountVersion() == last).orElse(false)));
        for (String account : accounts) {
            assertThat(AccountKpisDocuments.fromDocument(stored(account).orElseThrow()))
                    .isEqualTo(expected(account, events));
        }
        assertThat(KAFKA.recordsContaining(Topics.DLQ_KPI_PROJECTOR, poisonId, PATIENCE)).hasSize(1);
        Map<org.apache.kafka.common.TopicPartition, Long> end = KAFKA.endOffsets(Topics.JOURNEY_EVENTS);
        await().atMost(PATIENCE).until(() -> KAFKA.committedUpTo("kpi-projector", end));
    }

    /**
     * Each account's journey (touchpoints, committee, momentum, stages, a stall, the close), the accounts' events
     * interleaved, with a duplicate and a late older version per account: what a partition of several accounts holds.
     */
    private static List<JourneyEventV1> interleaved(List<String> accounts, String stage) {
        List<List<JourneyEventV1.Payload>> script = List.of(
                List.of(touchpoint(TouchpointSource.MARKETING)),
                List.of(new JourneyEventV1.CommitteeMemberAdded("c1", CommitteeRole.CHAMPION, RoleSource.INFERRED)),
                List.of(new JourneyEventV1.StageEntered(stage + "-a", "A", null, "default", 1, List.of(), "entered")),
                List.of(touchpoint(TouchpointSource.SALES)),
                List.of(new JourneyEventV1.RoleAssigned("c1", CommitteeRole.CHAMPION, CommitteeRole.ECONOMIC_BUYER,
                        RoleSource.ASSIGNED)),
                List.of(new JourneyEventV1.StageExited(stage + "-a", "A", START, 86_400, stage + "-b")),
                List.of(new JourneyEventV1.StageEntered(stage + "-b", "B", stage + "-a", "default", 1, List.of(),
                        "moved")),
                List.of(new JourneyEventV1.MomentumShifted(0, 55)),
                List.of(new JourneyEventV1.StallDetected(stage + "-b", List.of(StallReason.NO_MEANINGFUL_TOUCHPOINT),
                        List.of(), List.of(), START, "quiet")),
                List.of(touchpoint(TouchpointSource.PARTNER)),
                List.of(new JourneyEventV1.DealClosed(DealOutcome.WON, stage + "-b", 80, "won")));
        List<JourneyEventV1> events = new ArrayList<>();
        for (int version = 1; version <= script.size(); version++) {
            for (String account : accounts) {
                JourneyEventV1 event = event(account, version, script.get(version - 1).get(0));
                events.add(event);
                if (version == 4) {
                    events.add(event); // a duplicate, right behind
                    events.add(event(account, 2, touchpoint(TouchpointSource.PRODUCT))); // late and older
                }
            }
        }
        return events;
    }

    private static AccountKpis expected(String account, List<JourneyEventV1> events) {
        AccountKpis state = AccountKpis.untracked(TENANT, account);
        for (JourneyEventV1 event : events) {
            if (event.accountKey().equals(account)) {
                state = state.apply(event);
            }
        }
        return state;
    }

    private static List<JourneyEventV1> renamed(List<JourneyEventV1> events, List<String> from, List<String> to) {
        return events.stream().map(e -> {
            String account = to.get(from.indexOf(e.accountKey()));
            return new JourneyEventV1(JourneyEventV1.eventIdOf(TENANT, account, e.accountVersion()), TENANT, account,
                    e.accountVersion(), e.occurredAt(), e.causedBy(), e.data());
        }).toList();
    }

    private static Document withoutIdentity(Document document) {
        Document copy = new Document(document);
        copy.remove("_id");
        copy.remove("accountKey");
        copy.remove("projectedAt");
        return copy;
    }

    private Optional<Document> stored(String account) {
        MongoCollection<Document> kpis = mongo.getDatabase("tandem_kpi").getCollection(KpiStore.collectionName(
                AccountKpisDocuments.COLLECTION, store.current().await().atMost(PATIENCE).number()));
        return Optional.ofNullable(kpis.find(Filters.eq("_id", EventKeys.account(TENANT, account))).first());
    }


    private static ConsumerRecord<String, String> eventRecord(int partition, JourneyEventV1 event) {
        return record(partition, EventKeys.account(event.tenantId(), event.accountKey()), EventJson.write(event),
                new RecordHeaders());
    }

    private static ConsumerRecord<String, String> record(int partition, String key, String value,
            RecordHeaders headers) {
        // partitions the real topic does not have, so that the tenant totals' fences of the real ones stay untouched
        return new ConsumerRecord<>(Topics.JOURNEY_EVENTS, SYNTHETIC_PARTITIONS + partition, OFFSETS.incrementAndGet(),
                System.currentTimeMillis(), TimestampType.CREATE_TIME, -1, -1, key, value, headers, Optional.empty());
    }

    private static JourneyEventV1 event(String account, long version, JourneyEventV1.Payload data) {
        return new JourneyEventV1(JourneyEventV1.eventIdOf(TENANT, account, version), TENANT, account, version,
                START.plusSeconds(version), List.of("tp-" + account + "-" + version), data);
    }

    private static JourneyEventV1.TouchpointRecorded touchpoint(TouchpointSource source) {
        return new JourneyEventV1.TouchpointRecorded("tp-" + UUID.randomUUID(), "email.clicked", source,
                Direction.BUYER_INITIATED, "c1", 1.0);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

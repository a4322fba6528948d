package dev.tandem.launcher.rejected;

import dev.tandem.events.RawTouchpointRecords;
import dev.tandem.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The raw touchpoints journey-ingest refused ({@code tandem.touchpoints.rejected.v1}, contract
 * {@link RawTouchpointRecords}): counted by tenant and reason, and sent back to {@code tandem.touchpoints.raw.v1}
 * once the cause is fixed (a mapping, an account domain) exactly as they first came (key, value and headers, the
 * {@code tandem-rejected-*} ones dropped), so ingest judges them again; what is still wrong is refused again, with
 * its reason. Without a filter a replay continues where the last one stopped (consumer group
 * {@value #GROUP}, committed once the raw topic acknowledged every record sent); with one it reads the whole
 * topic and commits nothing, so the others stay for a later replay.
 */
public final class RejectedTouchpoints {

    public static final String GROUP = "tandem-rejected-replay";
    private static final Duration POLL = Duration.ofMillis(500);

    /** Which rejected records to take: null matches any. */
    public record Filter(String tenant, String reason) {
        boolean matches(ConsumerRecord<byte[], byte[]> record) {
            return (tenant == null || tenant.equals(header(record, RawTouchpointRecords.TENANT)))
                    && (reason == null || reason.equals(header(record, RawTouchpointRecords.REJECTED_REASON)));
        }

        boolean any() {
            return tenant == null && reason == null;
        }
    }

    /** What a replay did. */
    public record Replay(long replayed, long passedOver) {
    }

    private final String bootstrapServers;

    public RejectedTouchpoints(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Rejected records on the topic now, by tenant and then reason. */
    public Map<String, Map<String, Long>> counts() {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(null)) {
            readToEnd(consumer, record -> counts.computeIfAbsent(String.valueOf(header(record,
                    RawTouchpointRecords.TENANT)), tenant -> new TreeMap<>()).merge(String.valueOf(header(record,
                    RawTouchpointRecords.REJECTED_REASON)), 1L, Long::sum));
        }
        return counts;
    }

    /** Sends the matching rejected records back to the raw topic; see the class comment for what is committed. */
    public Replay replay(Filter filter) throws InterruptedException, ExecutionException {
        boolean committing = filter.any();
        long replayed = 0;
        long passedOver = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(committing ? GROUP : null);
                KafkaProducer<byte[], byte[]> producer = producer()) {
            Map<TopicPartition, Long> end = consumer.endOffsets(assignment(consumer));
            while (!reached(consumer, end)) {
                List<Future<RecordMetadata>> sent = new ArrayList<>();
                Map<TopicPartition, OffsetAndMetadata> read = new HashMap<>();
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.getOrDefault(partition, 0L)) {
                        continue; // rejected after the replay began: the next replay's, so not committed
                    }
                    read.put(partition, new OffsetAndMetadata(record.offset() + 1));
                    if (!filter.matches(record)) {
                        passedOver++;
                        continue;
                    }
                    sent.add(producer.send(asRaw(record)));
                    replayed++;
                }
                for (Future<RecordMetadata> acknowledged : sent) {
                    acknowledged.get(); // on the raw topic before the offsets move on
                }
                if (committing && !read.isEmpty()) {
                    consumer.commitSync(read);
                }
            }
        }
        return new Replay(replayed, passedOver);
    }

    /** The record as it first came to the raw topic: its key, value and headers, without the rejection's. */
    static ProducerRecord<byte[], byte[]> asRaw(ConsumerRecord<byte[], byte[]> rejected) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : rejected.headers()) {
            if (!header.key().startsWith(RawTouchpointRecords.REJECTED_PREFIX)) {
                headers.add(header);
            }
        }
        return new ProducerRecord<>(Topics.TOUCHPOINTS_RAW, null, rejected.key(), rejected.value(), headers);
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<byte[], byte[]> consumer(String group) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        if (group != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.TOUCHPOINTS_REJECTED).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        if (group == null) {
            consumer.seekToBeginning(partitions);
        } else {
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(java.util.Set.copyOf(partitions));
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata offset = committed.get(partition);
                if (offset == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, offset.offset());
                }
            }
        }
        return consumer;
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static List<TopicPartition> assignment(KafkaConsumer<byte[], byte[]> consumer) {
        return List.copyOf(consumer.assignment());
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static void readToEnd(KafkaConsumer<byte[], byte[]> consumer,
            java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> each) {
        Map<TopicPartition, Long> end = consumer.endOffsets(assignment(consumer));
        while (!reached(consumer, end)) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    each.accept(record);
                }
            }
        }
    }
}

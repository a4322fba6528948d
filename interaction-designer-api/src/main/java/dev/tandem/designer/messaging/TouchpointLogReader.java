package dev.tandem.designer.messaging;

import dev.tandem.events.EventJson;
import dev.tandem.events.MalformedEventException;
import dev.tandem.events.Topics;
import dev.tandem.events.TouchpointV1;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads the recorded touchpoint log ({@code tandem.touchpoints.v1}) from its beginning up to its end as of the
 * start, for one tenant. A plain consumer with assigned partitions and no group: it commits nothing and no live
 * consumer notices it. Records of other tenants are skipped by their key, before any parsing; a record that cannot
 * be read is counted and skipped (journey-state dead-letters it live). Blocking: for a worker thread.
 */
@ApplicationScoped
public class TouchpointLogReader {

    private static final Logger LOG = Logger.getLogger(TouchpointLogReader.class);

    /** How far a read got: records of the log read, of how many, and the tenant's touchpoints found. */
    public interface Progress {
        void update(long recordsRead, long recordsTotal, long touchpoints, long unreadable);
    }

    private final Map<String, Object> kafka;

    public TouchpointLogReader(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.kafka = kafka;
    }

    /**
     * Hands the tenant's touchpoints to {@code sink}, a poll at a time, until the end offsets of the start are
     * reached or {@code cancelled} says so.
     *
     * @return whether the end was reached (false: cancelled)
     */
    public boolean read(String tenantId, Consumer<List<TouchpointV1>> sink, BooleanSupplier cancelled,
            Progress progress) {
        Map<String, Object> config = new HashMap<>();
        kafka.forEach((key, value) -> {
            // the shared client settings (servers, security), not a channel's own
            if (!key.contains(".deserializer") && !key.startsWith("group.")) {
                config.put(key, value);
            }
        });
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "interaction-designer-api-simulation");
        String prefix = tenantId + "/";
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.TOUCHPOINTS, Duration.ofSeconds(30))
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long total = partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
            Map<TopicPartition, Long> remaining = partitions.stream().filter(p -> end.get(p) > begin.get(p))
                    .collect(Collectors.toMap(p -> p, end::get));
            consumer.pause(partitions.stream().filter(p -> !remaining.containsKey(p)).toList());
            long read = 0;
            long found = 0;
            long unreadable = 0;
            progress.update(0, total, 0, 0);
            while (!remaining.isEmpty()) {
                if (cancelled.getAsBoolean()) {
                    return false;
                }
                List<TouchpointV1> batch = new ArrayList<>();
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    Long stopAt = remaining.get(partition);
                    if (stopAt == null || record.offset() >= stopAt) {
                        continue;
                    }
                    read++;
                    if (record.offset() + 1 >= stopAt) {
                        remaining.remove(partition);
                        consumer.pause(List.of(partition));
                    }
                    if (record.key() == null || !record.key().startsWith(prefix) || record.value() == null) {
                        continue;
                    }
                    try {
                        TouchpointV1 touchpoint = EventJson.read(record.value(), TouchpointV1.class).requireComplete();
                        if (tenantId.equals(touchpoint.tenantId())) {
                            batch.add(touchpoint);
                        }
                    } catch (MalformedEventException e) {
                        unreadable++;
                    }
                }
                // transaction markers and aborted records take offsets that never come back as records
                for (TopicPartition partition : List.copyOf(remaining.keySet())) {
                    if (consumer.position(partition) >= remaining.get(partition)) {
                        remaining.remove(partition);
                        consumer.pause(List.of(partition));
                    }
                }
                if (!batch.isEmpty()) {
                    found += batch.size();
                    sink.accept(batch);
                }
                progress.update(read, total, found, unreadable);
            }
            LOG.debugf("Read %d records of the touchpoint log, %d of tenant %s", read, found, tenantId);
            return true;
        }
    }
}

package dev.tandem.support.rebuild;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole topic from its beginning, as a projection's rebuild does: every partition assigned (no consumer
 * group, nothing committed, so the live consumer's position is untouched), committed records only, in batches.
 * Blocking: run it on a worker thread, never on an event loop.
 */
public final class LogReplay implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions;
    private final Map<TopicPartition, Long> beginnings;

    public LogReplay(String bootstrapServers, String topic, int maxPollRecords) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        properties.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 64 * 1024);
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "rebuild-" + topic);
        consumer = new KafkaConsumer<>(properties);
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        partitions = infos == null ? List.of()
                : infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        beginnings = new HashMap<>(consumer.beginningOffsets(partitions));
    }

    /** The partitions' end offsets now: what a read {@link #readTo} reaches at least. */
    public Map<TopicPartition, Long> endOffsets() {
        return new HashMap<>(consumer.endOffsets(partitions));
    }

    /** Offsets covered since the beginning, over all partitions (transaction markers included, like the ends). */
    public long covered() {
        long covered = 0;
        for (TopicPartition partition : partitions) {
            covered += consumer.position(partition) - beginnings.getOrDefault(partition, 0L);
        }
        return covered;
    }

    /** Offsets from the beginnings to {@code until}, over all partitions. */
    public long span(Map<TopicPartition, Long> until) {
        long span = 0;
        for (TopicPartition partition : partitions) {
            span += Math.max(0, until.getOrDefault(partition, 0L) - beginnings.getOrDefault(partition, 0L));
        }
        return span;
    }

    /**
     * Hands every batch to {@code handler} (which applies it before returning) until each partition's position
     * reaches {@code until}, or {@code stop} says so.
     *
     * @return whether the end was reached (false: stopped)
     */
    public boolean readTo(Map<TopicPartition, Long> until, Consumer<ConsumerRecords<String, String>> handler,
            java.util.function.BooleanSupplier stop) {
        while (!reached(until)) {
            if (stop.getAsBoolean()) {
                return false;
            }
            ConsumerRecords<String, String> records = consumer.poll(POLL);
            if (!records.isEmpty()) {
                handler.accept(records);
            }
        }
        return true;
    }

    private boolean reached(Map<TopicPartition, Long> until) {
        for (TopicPartition partition : partitions) {
            // positions may stand past the last record (transaction markers), never before it once read
            if (consumer.position(partition) < until.getOrDefault(partition, 0L)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}

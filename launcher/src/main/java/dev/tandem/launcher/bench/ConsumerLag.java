package dev.tandem.launcher.bench;

import dev.tandem.events.Topics;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group got on a keyed topic: its committed offsets against the topic's end offsets. For
 * journey-state (a Kafka Streams application under exactly-once) the offsets are committed in the same
 * transactions as its stores and outputs, so they say what it has really done.
 */
final class ConsumerLag implements AutoCloseable {

    /** journey-state's Kafka Streams application id, i.e. its consumer group (the default configuration). */
    static final String STATE_GROUP = "journey-state";

    /** Records the group has consumed and committed, out of all records on the topic. */
    record Progress(long committed, long total) {

        boolean drained() {
            return total > 0 && committed >= total;
        }

        /** Records on the topic the group has not committed yet. */
        long lag() {
            return Math.max(0, total - committed);
        }
    }

    private final Admin admin;

    ConsumerLag(String bootstrapServers) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.admin = Admin.create(props);
    }

    /** The group's progress on one of the keyed topics ({@value Topics#KEYED_PARTITIONS} partitions). */
    Progress progress(String group, String topic) throws InterruptedException {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin
                    .listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            for (int partition = 0; partition < Topics.KEYED_PARTITIONS; partition++) {
                ends.put(new TopicPartition(topic, partition), OffsetSpec.latest());
            }
            long total = 0;
            for (var end : admin.listOffsets(ends).all().get().values()) {
                total += end.offset();
            }
            long done = committed.entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset())
                    .sum();
            return new Progress(done, total);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not read the progress of " + group + " on " + topic, e.getCause());
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}

package dev.tandem.infra;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plain Kafka clients for tests and tools: write records (one producer, made on first use), or read a topic
 * from its beginning without a consumer group, so no offsets are left behind.
 */
public final class KafkaTestClient implements AutoCloseable {

    private final String bootstrapServers;
    private KafkaProducer<String, String> producer;

    public KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Sends one record and waits for the broker's acknowledgement. */
    public RecordMetadata send(String topic, String key, String value) {
        return send(topic, null, key, value);
    }

    /** Sends one record to the given partition (null: by key) and waits for the acknowledgement. */
    public synchronized RecordMetadata send(String topic, Integer partition, String key, String value) {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        try {
            return producer.send(new ProducerRecord<>(topic, partition, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /**
     * Reads {@code topic} from the beginning until a record matching {@code until} has been seen or the timeout
     * passed, and returns every record read (matching or not), in partition order.
     */
    public List<ConsumerRecord<String, String>> readUntil(String topic,
            Predicate<ConsumerRecord<String, String>> until, Duration timeout) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumerAtBeginning(topic)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            boolean found = false;
            while (!found && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(record);
                    found |= until.test(record);
                }
            }
        }
        return seen;
    }

    /** The records of {@code topic} whose value contains {@code text}, waiting until at least one arrived. */
    public List<ConsumerRecord<String, String>> recordsContaining(String topic, String text, Duration timeout) {
        return readUntil(topic, r -> r.value() != null && r.value().contains(text), timeout).stream()
                .filter(r -> r.value() != null && r.value().contains(text))
                .toList();
    }

    /**
     * Every record of {@code topic} up to the end offsets of the moment of the call, so "not there" means not
     * there rather than "not seen within a timeout".
     */
    public List<ConsumerRecord<String, String>> readToEnd(String topic) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumerAtBeginning(topic)) {
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end " + end);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** A record as one line of text (key, value and headers), so a search finds an id wherever it was put. */
    /** Sends {@code burst} from a producer of its own that lingers, so the records travel together. */
    public void sendAsOneBurst(List<ProducerRecord<String, String>> burst) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.LINGER_MS_CONFIG, "50");
        try (KafkaProducer<String, String> burstProducer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            burst.forEach(burstProducer::send);
            burstProducer.flush();
        }
    }

    /** The end offset of every partition of {@code topic} now. */
    public Map<TopicPartition, Long> endOffsets(String topic) {
        try (org.apache.kafka.clients.admin.Admin admin = admin()) {
            Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.LinkedHashMap<>();
            for (int partition = 0; partition < dev.tandem.events.Topics.KEYED_PARTITIONS; partition++) {
                latest.put(new TopicPartition(topic, partition), org.apache.kafka.clients.admin.OffsetSpec.latest());
            }
            Map<TopicPartition, Long> end = new java.util.LinkedHashMap<>();
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
                    .forEach((partition, info) -> end.put(partition, info.offset()));
            return end;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("end offsets of " + topic, e);
        }
    }

    /** Whether consumer group {@code group} committed every partition up to {@code end}. */
    public boolean committedUpTo(String group, Map<TopicPartition, Long> end) {
        try (org.apache.kafka.clients.admin.Admin admin = admin()) {
            Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            return end.entrySet().stream().allMatch(partition -> partition.getValue() == 0
                    || committed.get(partition.getKey()) != null
                    && committed.get(partition.getKey()).offset() >= partition.getValue());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("committed offsets of " + group, e);
        }
    }

    /** {@code records} as one poll's batch, as a batch consumer receives them. */
    public static org.apache.kafka.clients.consumer.ConsumerRecords<String, String> batchOf(
            List<ConsumerRecord<String, String>> records) {
        Map<TopicPartition, List<ConsumerRecord<String, String>>> byPartition = new java.util.LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            byPartition.computeIfAbsent(new TopicPartition(record.topic(), record.partition()),
                    partition -> new ArrayList<>()).add(record);
        }
        return new org.apache.kafka.clients.consumer.ConsumerRecords<>(byPartition, Map.of());
    }

    private org.apache.kafka.clients.admin.Admin admin() {
        return org.apache.kafka.clients.admin.Admin.create(Map.<String, Object>of(
                org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    public static String describe(ConsumerRecord<String, String> record) {
        StringBuilder text = new StringBuilder("key=").append(record.key()).append(" value=").append(record.value());
        for (Header header : record.headers()) {
            text.append(' ').append(header.key()).append('=')
                    .append(header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    private KafkaConsumer<String, String> consumerAtBeginning(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // as every Tandem consumer: only committed transactions (journey-state writes exactly-once)
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }
}

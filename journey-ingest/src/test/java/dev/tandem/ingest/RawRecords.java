package dev.tandem.ingest;

import dev.tandem.events.RawTouchpointRecords;
import dev.tandem.events.Topics;
import dev.tandem.infra.KafkaTestClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;

/** Raw touchpoint records as bytes with headers (a tool that speaks Kafka), and waiting for ingest to take them. */
final class RawRecords implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaTestClient kafka;

    RawRecords(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        this.kafka = new KafkaTestClient(bootstrapServers);
    }

    static ProducerRecord<byte[], byte[]> record(String key, byte[] value, Map<String, String> headers) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.TOUCHPOINTS_RAW, null,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8), value);
        headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    static Map<String, String> tenantHeaders(String tenant, String system) {
        return Map.of(RawTouchpointRecords.TENANT, tenant, RawTouchpointRecords.SYSTEM, system);
    }

    /** Sends every record and waits for the broker's acknowledgements. */
    void sendAll(List<ProducerRecord<byte[], byte[]>> records) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        records.forEach(record -> acks.add(producer.send(record)));
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get();
            } catch (Exception e) {
                throw new IllegalStateException("raw record not sent", e);
            }
        }
    }

    /** Waits until journey-ingest committed the raw topic up to its end: every record sent so far is handled. */
    void awaitConsumed(Duration timeout) {
        var end = kafka.endOffsets(Topics.TOUCHPOINTS_RAW);
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200))
                .until(() -> kafka.committedUpTo("journey-ingest-raw", end));
    }

    @Override
    public void close() {
        producer.close();
        kafka.close();
    }
}

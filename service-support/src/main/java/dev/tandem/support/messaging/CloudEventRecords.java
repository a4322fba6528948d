package dev.tandem.support.messaging;

import dev.tandem.events.IsoInstants;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Kafka records in the CloudEvents Kafka binding, binary mode, for code that talks to a Kafka producer itself (Kafka
 * Streams, batch publishing): the JSON event is the value and its attributes travel as {@code ce_*} headers, as
 * {@link CloudEventMessages} writes them through a channel.
 */
public final class CloudEventRecords {

    public static final String JSON = "application/json";

    private CloudEventRecords() {
    }

    /** A keyed record whose subject is its key (one account's or contact's records in order on one partition). */
    public static ProducerRecord<String, String> keyed(String topic, String key, String json, String id, String type,
            String source, Instant time) {
        return new ProducerRecord<>(topic, null, null, key, json, headers(id, type, source, key, time));
    }

    /** The attributes of one event; {@code time} may be null (the header is then left out). */
    public static Headers headers(String id, String type, String source, String subject, Instant time) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, "ce_specversion", "1.0");
        add(headers, "ce_id", id);
        add(headers, "ce_type", type);
        add(headers, "ce_source", source);
        add(headers, "ce_subject", subject);
        if (time != null) {
            add(headers, "ce_time", IsoInstants.format(time));
        }
        add(headers, "content-type", JSON);
        return headers;
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}

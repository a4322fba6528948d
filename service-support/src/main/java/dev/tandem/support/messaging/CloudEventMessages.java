package dev.tandem.support.messaging;

import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.net.URI;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Outgoing Kafka records in the CloudEvents Kafka binding, binary mode: the JSON event is the value, the
 * attributes travel as {@code ce_*} headers, the key keeps one account's records in order.
 */
public final class CloudEventMessages {

    private CloudEventMessages() {
    }

    public static Message<String> keyed(String topic, String key, String json, String ceId, String ceType,
            URI ceSource, Instant ceTime) {
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic)
                .withKey(key)
                .build();
        OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(ceId)
                .withType(ceType)
                .withSource(ceSource)
                .withSubject(key)
                .withTimestamp(ceTime.atZone(java.time.ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build();
        return Message.of(json).addMetadata(kafka).addMetadata(cloudEvent);
    }

    /** A tombstone (null value) on a compacted topic: erases what was stored under the key. */
    public static Message<String> tombstone(String topic, String key) {
        return Message.<String>of(null).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic).withKey(key).build());
    }
}

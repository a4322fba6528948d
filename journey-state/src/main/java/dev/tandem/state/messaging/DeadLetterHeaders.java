package dev.tandem.state.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Headers of a dead letter: the same names as SmallRye's dead-letter queue, so operators and the replay tool
 * read every service's dead letters alike. Where the record came from is known when it is dead-lettered while
 * being processed, not when a folded batch fails in a punctuation.
 */
final class DeadLetterHeaders {

    private DeadLetterHeaders() {
    }

    static Headers of(Exception reason, Optional<RecordMetadata> origin) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, "dead-letter-reason", String.valueOf(reason.getMessage()));
        add(headers, "dead-letter-exception-class-name", reason.getClass().getName());
        origin.ifPresent(metadata -> {
            add(headers, "dead-letter-topic", metadata.topic());
            add(headers, "dead-letter-partition", Integer.toString(metadata.partition()));
            add(headers, "dead-letter-offset", Long.toString(metadata.offset()));
        });
        return headers;
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}

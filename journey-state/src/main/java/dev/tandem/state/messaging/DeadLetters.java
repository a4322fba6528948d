package dev.tandem.state.messaging;

import dev.tandem.events.Topics;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Sends poison records of a batch to {@code tandem.dlq.journey-state.v1} ourselves: the batch goes on, so the
 * channel's own dead-letter strategy (which would take the whole batch) does not apply. Same headers as
 * SmallRye's dead-letter queue, so operators and the replay tool read both alike.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final MutinyEmitter<String> out;

    public DeadLetters(@Channel("dead-letters-out") MutinyEmitter<String> out) {
        this.out = out;
    }

    /** Completes once the broker acknowledged the dead letter; only then may the record's offset be committed. */
    public Uni<Void> send(KafkaRecord<String, String> record, Throwable reason) {
        LOG.warnf("Poison touchpoint record %s-%d@%d sent to the dead-letter topic: %s", record.getTopic(),
                record.getPartition(), offsetOf(record), reason.getMessage());
        Headers headers = new RecordHeaders(record.getHeaders().toArray());
        header(headers, "dead-letter-reason", String.valueOf(reason.getMessage()));
        header(headers, "dead-letter-exception-class-name", reason.getClass().getName());
        header(headers, "dead-letter-topic", record.getTopic());
        header(headers, "dead-letter-partition", Integer.toString(record.getPartition()));
        header(headers, "dead-letter-offset", Long.toString(offsetOf(record)));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(Topics.DLQ_JOURNEY_STATE)
                .withKey(record.getKey())
                .withHeaders(headers)
                .build();
        return out.sendMessage(Message.of(record.getPayload()).addMetadata(metadata));
    }

    public Uni<Void> sendAll(List<KafkaRecord<String, String>> records, Throwable reason) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(records.stream().map(r -> send(r, reason)).toList()).andFailFast().replaceWithVoid();
    }

    private static void header(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    static long offsetOf(KafkaRecord<String, String> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getOffset)
                .orElse(-1L);
    }
}

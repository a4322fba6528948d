package dev.tandem.support.messaging;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Writes the records a service's batch consumers can never apply to its dead-letter topic (the service's outgoing
 * channel {@code dead-letters}; each service declares its bean as a subclass that injects that channel). In batch mode the connector's dead-letter-queue strategy would take every
 * record of a failed batch, so the consumers send only the records at fault, here, and let the batch succeed. A dead
 * letter is what SmallRye's dead-letter queue writes: the record's key and value unchanged, the same
 * {@code dead-letter-*} headers, then the record's own headers. The returned Uni completes once the broker
 * acknowledged every dead letter ({@code acks=all}), so a batch's offsets are committed only after that; a send
 * that fails is retried without limit.
 */
public class DeadLetterQueue {

    static final String EXCEPTION_CLASS_NAME = "dead-letter-exception-class-name";
    static final String CAUSE_CLASS_NAME = "dead-letter-cause-class-name";
    static final String REASON = "dead-letter-reason";
    static final String CAUSE = "dead-letter-cause";
    static final String TOPIC = "dead-letter-topic";
    static final String PARTITION = "dead-letter-partition";
    static final String OFFSET = "dead-letter-offset";

    private static final Logger LOG = Logger.getLogger(DeadLetterQueue.class);
    /** Dead letters in flight at once: well within the emitter's buffer however poisoned a batch is. */
    private static final int IN_FLIGHT = 16;

    private final MutinyEmitter<String> emitter;
    private final TransientRetries retries;

    protected DeadLetterQueue(MutinyEmitter<String> emitter, TransientRetries retries) {
        this.emitter = emitter;
        this.retries = retries;
    }

    /** Logs name the record's position, never its value: contact profiles hold names and emails. */
    public Uni<Void> send(List<RecordBatch.Rejected> rejected, String kind) {
        if (rejected.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(rejected)
                .onItem().transformToUni(dead -> {
                    LOG.warnf("%s record %s goes to the dead-letter topic (%s)", kind, dead.position(),
                            dead.reason().getClass().getSimpleName());
                    return retries.untilDone(
                            Uni.createFrom().deferred(() -> emitter.sendMessage(of(dead.record(), dead.reason()))),
                            "Dead letter of " + dead.position());
                })
                .merge(IN_FLIGHT)
                .collect().last()
                .replaceWithVoid();
    }

    /** The dead letter of {@code record}; the channel's {@code topic} decides where it goes. */
    static Message<String> of(ConsumerRecord<String, String> record, Throwable reason) {
        return Message.of(record.value()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.key())
                .withHeaders(headers(record, reason))
                .build());
    }

    /** The {@code dead-letter-*} headers of a record that failed for {@code reason}, then the record's own. */
    static Headers headers(ConsumerRecord<?, ?> record, Throwable reason) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, EXCEPTION_CLASS_NAME, reason.getClass().getName());
        add(headers, REASON, messageOf(reason));
        if (reason.getCause() != null) {
            add(headers, CAUSE_CLASS_NAME, reason.getCause().getClass().getName());
            add(headers, CAUSE, messageOf(reason.getCause()));
        }
        add(headers, TOPIC, record.topic());
        add(headers, PARTITION, Integer.toString(record.partition()));
        add(headers, OFFSET, Long.toString(record.offset()));
        for (Header header : record.headers()) {
            headers.add(header);
        }
        return headers;
    }

    private static String messageOf(Throwable throwable) {
        return throwable.getMessage() != null ? throwable.getMessage() : throwable.toString();
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}

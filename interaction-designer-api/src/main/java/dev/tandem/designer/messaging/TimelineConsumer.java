package dev.tandem.designer.messaging;

import dev.tandem.designer.service.TimelineProjection;
import dev.tandem.support.messaging.BatchProjection;
import dev.tandem.support.messaging.DeadLetterQueue;
import dev.tandem.support.messaging.JourneyEventRecords;
import dev.tandem.support.messaging.TransientRetries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Projects the touchpoints of {@code tandem.journey-events.v1} into {@code account_timelines}, a poll at a time. */
@ApplicationScoped
public class TimelineConsumer {

    private final TimelineProjection projection;
    private final DeadLetterQueue deadLetters;
    private final TransientRetries retries;

    public TimelineConsumer(TimelineProjection projection, DeadLetterQueue deadLetters, TransientRetries retries) {
        this.projection = projection;
        this.deadLetters = deadLetters;
        this.retries = retries;
    }

    /**
     * Failure strategy dead-letter-queue, per record, as for snapshots: a record that can never be applied goes to
     * {@code tandem.dlq.interaction-designer-api.v1} with its reason and the rest of the batch is applied. MongoDB
     * failures are retried for the whole batch until they pass (the merge by touchpoint id is idempotent). Commit
     * strategy throttled: the offsets are committed once the batch was applied or dead-lettered.
     */
    @Incoming("journey-events")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return BatchProjection.consume(records, JourneyEventRecords::read, projection::apply, "Journey event", deadLetters, retries);
    }
}

package dev.tandem.designer.messaging;

import dev.tandem.support.messaging.BatchProjection;
import dev.tandem.support.messaging.DeadLetterQueue;
import dev.tandem.designer.service.AccountJourneyProjection;
import dev.tandem.support.messaging.TransientRetries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Projects the compacted {@code tandem.contacts.v1} into {@code contacts}, one poll (batch) at a time; a tombstone
 * erases the contact.
 */
@ApplicationScoped
public class ContactProfileConsumer {

    private final AccountJourneyProjection projection;
    private final DeadLetterQueue deadLetters;
    private final TransientRetries retries;

    public ContactProfileConsumer(AccountJourneyProjection projection, DeadLetterQueue deadLetters,
            TransientRetries retries) {
        this.projection = projection;
        this.deadLetters = deadLetters;
        this.retries = retries;
    }

    /**
     * Failure strategy dead-letter-queue, per record: a record that can never be applied is written to
     * {@code tandem.dlq.interaction-designer-api.v1} with its reason ({@link DeadLetterQueue}) and the rest of the
     * batch is applied; the partition goes on. The valid changes are collapsed per contact (the last one of the
     * batch wins, a tombstone erases) and written with one bulk write, each only over an older record's (by offset). Other failures (MongoDB unreachable) are
     * retried for the whole batch until they pass (the writes are idempotent): nothing is skipped, and this Uni
     * never fails, so the connector's own dead-letter-queue (which would take the whole batch) is never reached.
     * Commit strategy throttled: the batch's offsets are committed only after this Uni completed, i.e. once every
     * record of the batch was applied or dead-lettered. Batches are handled one after the other.
     * Logs never carry a record's value: it holds names and emails.
     */
    @Incoming("contacts")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return BatchProjection.consumeRecords(records, IncomingRecords::contact, projection::applyContactChanges, "Contact", deadLetters, retries);
    }
}

package dev.tandem.designer.messaging;

import dev.tandem.support.messaging.TransientRetries;
import dev.tandem.designer.service.AccountJourneyProjection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Projects the compacted {@code tandem.contacts.v1} into {@code contacts}; a tombstone erases the contact. */
@ApplicationScoped
public class ContactProfileConsumer {

    private static final Logger LOG = Logger.getLogger(ContactProfileConsumer.class);

    private final AccountJourneyProjection projection;
    private final TransientRetries retries;

    public ContactProfileConsumer(AccountJourneyProjection projection, TransientRetries retries) {
        this.projection = projection;
        this.retries = retries;
    }

    /**
     * Failure strategy dead-letter-queue: a malformed record is nacked to {@code tandem.dlq.interaction-designer-api.v1} with its reason and the partition goes on.
     * Commit strategy throttled: an offset is committed only after this Uni completed (or the DLQ took it).
     * Other failures (MongoDB unreachable) are retried until they pass: nothing is skipped.
     * Logs never carry the record's value: it holds names and emails.
     */
    @Incoming("contacts")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        Uni<Void> work = Uni.createFrom().item(() -> IncomingRecords.contact(record.key(), record.value()))
                .chain(this::apply);
        return retries.untilDone(work, "Record " + record.topic() + "-" + record.partition() + "@" + record.offset())
                .onFailure().invoke(failure -> LOG.warnf("Contact record %s-%d@%d goes to the dead-letter topic (%s)",
                        record.topic(), record.partition(), record.offset(), failure.getClass().getSimpleName()));
    }

    private Uni<Void> apply(ContactChange change) {
        if (change instanceof ContactChange.Erase erase) {
            return projection.eraseContact(erase.tenantId(), erase.contactKey());
        }
        return projection.applyContact(((ContactChange.Upsert) change).profile());
    }
}

package dev.tandem.designer.messaging;

import dev.tandem.support.messaging.TransientRetries;
import dev.tandem.designer.service.AccountJourneyProjection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Projects {@code tandem.account-snapshots.v1} into {@code account_journeys}. */
@ApplicationScoped
public class AccountSnapshotConsumer {

    private static final Logger LOG = Logger.getLogger(AccountSnapshotConsumer.class);

    private final AccountJourneyProjection projection;
    private final TransientRetries retries;

    public AccountSnapshotConsumer(AccountJourneyProjection projection, TransientRetries retries) {
        this.projection = projection;
        this.retries = retries;
    }

    /**
     * Failure strategy dead-letter-queue: a malformed record is nacked to {@code tandem.dlq.interaction-designer-api.v1} with its reason and the partition goes on.
     * Commit strategy throttled: an offset is committed only after this Uni completed (or the DLQ took it).
     * Other failures (MongoDB unreachable) are retried until they pass: nothing is skipped.
     */
    @Incoming("account-snapshots")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        Uni<Boolean> work = Uni.createFrom().item(() -> IncomingRecords.snapshot(record.key(), record.value()))
                .chain(projection::applySnapshot);
        return retries.untilDone(work, "Record " + record.topic() + "-" + record.partition() + "@" + record.offset())
                .onFailure().invoke(failure -> LOG.warnf("Snapshot record %s-%d@%d goes to the dead-letter topic (%s)",
                        record.topic(), record.partition(), record.offset(), failure.getClass().getSimpleName()))
                .replaceWithVoid();
    }
}

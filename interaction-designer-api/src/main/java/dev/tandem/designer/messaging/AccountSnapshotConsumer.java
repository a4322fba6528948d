package dev.tandem.designer.messaging;

import dev.tandem.support.messaging.BatchProjection;
import dev.tandem.support.messaging.DeadLetterQueue;
import dev.tandem.designer.service.AccountJourneyProjection;
import dev.tandem.support.messaging.TransientRetries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Projects {@code tandem.account-snapshots.v1} into {@code account_journeys}, one poll (batch) at a time. */
@ApplicationScoped
public class AccountSnapshotConsumer {

    private final AccountJourneyProjection projection;
    private final DeadLetterQueue deadLetters;
    private final TransientRetries retries;

    public AccountSnapshotConsumer(AccountJourneyProjection projection, DeadLetterQueue deadLetters,
            TransientRetries retries) {
        this.projection = projection;
        this.deadLetters = deadLetters;
        this.retries = retries;
    }

    /**
     * Failure strategy dead-letter-queue, per record: a record that can never be applied is written to
     * {@code tandem.dlq.interaction-designer-api.v1} with its reason ({@link DeadLetterQueue}) and the rest of the
     * batch is applied; the partition goes on. The valid snapshots are written with one bulk write (newest per
     * account, version-guarded). Other failures (MongoDB unreachable) are retried for the whole batch until they
     * pass, which is safe because every write is idempotent: nothing is skipped, and this Uni never fails, so the
     * connector's own dead-letter-queue (which would take the whole batch) is never reached.
     * Commit strategy throttled: the batch's offsets are committed only after this Uni completed, i.e. once every
     * record of the batch was applied or dead-lettered. Batches are handled one after the other.
     */
    @Incoming("account-snapshots")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return BatchProjection.consume(records, IncomingRecords::snapshot, projection::applySnapshots, "Snapshot", deadLetters, retries);
    }
}

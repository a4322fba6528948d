package dev.tandem.ingest.messaging;

import dev.tandem.events.ErasureV1;
import dev.tandem.ingest.service.ErasureService;
import dev.tandem.support.messaging.ErasureSteps;
import dev.tandem.support.messaging.TransientRetries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows {@code tandem.erasures.v1} for the services' confirmations and completes erasures in the vault.
 * Failure strategy: a record that is not an erasure step is logged (topic, partition, offset; never a value) and
 * skipped: it can never complete anything, and a confirmation is idempotent, so nothing waits on it. A vault that
 * is unreachable is retried with back-off until it answers ({@link TransientRetries}). Commit strategy throttled:
 * an offset is committed only after its record was handled, so a restart re-reads at most what was in flight,
 * and recording a confirmation twice changes nothing.
 */
@ApplicationScoped
public class ErasureConfirmationConsumer {

    private final ErasureService erasures;
    private final TransientRetries retries;

    public ErasureConfirmationConsumer(ErasureService erasures, TransientRetries retries) {
        this.erasures = erasures;
        this.retries = retries;
    }

    @Incoming("erasures-in")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        ErasureV1 step = ErasureSteps.read(record).orElse(null);
        if (step == null || !ErasureV1.CONFIRMED.equals(step.step()) || step.service() == null) {
            return Uni.createFrom().voidItem(); // requests are ours; nothing to do
        }
        return retries.untilDone(Uni.createFrom().deferred(() -> erasures.confirmed(step)),
                "Erasure confirmation " + step.erasureId());
    }
}

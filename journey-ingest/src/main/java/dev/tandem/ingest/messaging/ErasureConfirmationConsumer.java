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
 * Failure strategy: a record that is not a whole erasure step (no tenant, say) goes to the dead-letter topic
 * {@code tandem.dlq.journey-ingest.v1} and the next is handled: it can never complete anything. A vault that is
 * unreachable is retried with back-off until it answers ({@link TransientRetries}). Commit strategy throttled:
 * an offset is committed only after its record was handled, so a restart re-reads at most what was in flight,
 * and recording a confirmation twice changes nothing.
 */
@ApplicationScoped
public class ErasureConfirmationConsumer {

    private final ErasureService erasures;
    private final TransientRetries retries;
    private final DeadLetters deadLetters;

    public ErasureConfirmationConsumer(ErasureService erasures, TransientRetries retries, DeadLetters deadLetters) {
        this.erasures = erasures;
        this.retries = retries;
        this.deadLetters = deadLetters;
    }

    @Incoming("erasures-in")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        // confirmations only: the requests are ours
        return ErasureSteps.handle(record, deadLetters,
                step -> ErasureV1.CONFIRMED.equals(step.step()) && step.service() != null,
                step -> retries.untilDone(Uni.createFrom().deferred(() -> erasures.confirmed(step)),
                        "Erasure confirmation " + step.erasureId()));
    }
}

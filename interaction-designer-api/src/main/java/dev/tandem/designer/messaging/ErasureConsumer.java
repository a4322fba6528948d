package dev.tandem.designer.messaging;

import dev.tandem.designer.service.AccountJourneyProjection;
import dev.tandem.events.ErasureV1;
import dev.tandem.support.messaging.ErasureSteps;
import dev.tandem.support.messaging.TransientRetries;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Erases a person here when journey-ingest asks ({@code tandem.erasures.v1}): their contact document is deleted,
 * their data key forgotten, then the confirmation is written to the same topic.
 * Failure strategy: a record that is not a whole erasure step (no tenant, say) goes to the dead-letter topic
 * {@code tandem.dlq.interaction-designer-api.v1} and the next is handled; it erases nothing and confirms nothing.
 * A MongoDB or broker that does not answer is retried with back-off until it does ({@link TransientRetries}).
 * Commit strategy throttled: the offset is committed only after the deletion and the acknowledged confirmation,
 * so a restart half-way deletes (idempotently) and confirms again.
 */
@ApplicationScoped
public class ErasureConsumer {

    static final String SERVICE = "interaction-designer-api";
    private static final URI SOURCE = URI.create("https://tandem.dev/" + SERVICE);
    private static final Logger LOG = Logger.getLogger(ErasureConsumer.class);

    private final AccountJourneyProjection projection;
    private final MutinyEmitter<String> confirmations;
    private final TransientRetries retries;
    private final DeadLetters deadLetters;
    private final Clock clock = Clock.systemUTC();

    public ErasureConsumer(AccountJourneyProjection projection,
            @Channel("erasure-confirmations") MutinyEmitter<String> confirmations, TransientRetries retries,
            DeadLetters deadLetters) {
        this.projection = projection;
        this.confirmations = confirmations;
        this.retries = retries;
        this.deadLetters = deadLetters;
    }

    @Incoming("erasures")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        // requests only: confirmations, ours and others', are journey-ingest's
        return ErasureSteps.handle(record, deadLetters, ErasureV1::stepIsRequest, this::erase);
    }

    private Uni<Void> erase(ErasureV1 step) {
        ErasureV1 confirmation = step.confirmedBy(SERVICE, clock.instant());
        return retries.untilDone(Uni.createFrom().deferred(() -> projection.erase(step.tenantId(), step.contactKey())
                        .chain(() -> confirmations.sendMessage(ErasureSteps.message(confirmation, SOURCE)))),
                        "Erasure " + step.erasureId())
                .invoke(() -> LOG.infof("Erasure %s: contact %s of tenant %s deleted and confirmed", step.erasureId(),
                        step.contactKey(), step.tenantId()));
    }
}

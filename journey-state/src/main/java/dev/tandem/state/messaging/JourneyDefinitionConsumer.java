package dev.tandem.state.messaging;

import dev.tandem.events.MalformedEventException;
import dev.tandem.state.service.JourneyDefinitionService;
import dev.tandem.support.messaging.TransientRetries;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes {@code tandem.journey-definitions.v1} (compacted, key {@code tenantId/journeyId}).
 * <ul>
 *   <li>Commit: {@code throttled}: an offset is committed only after its definition was stored.</li>
 *   <li>Poison (unreadable, invalid, not compiling, key not matching the body): nacked to
 *       {@code tandem.dlq.journey-state.v1} with the reason; the tenant keeps its previous journey.</li>
 *   <li>Transient failure: retried with back-off until it passes (a lost publication would leave the tenant
 *       on an old journey for good).</li>
 * </ul>
 * The record's timestamp is the publication time: the most recently published journey of a tenant wins.
 */
@ApplicationScoped
public class JourneyDefinitionConsumer {

    private static final Logger LOG = Logger.getLogger(JourneyDefinitionConsumer.class);

    private final JourneyDefinitionService service;
    private final TransientRetries retries;

    public JourneyDefinitionConsumer(JourneyDefinitionService service, TransientRetries retries) {
        this.service = service;
        this.retries = retries;
    }

    @Incoming("journey-definitions-in")
    public Uni<Void> consume(Message<String> message) {
        IncomingKafkaRecordMetadata<?, ?> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        String key = kafka.getKey() == null ? null : kafka.getKey().toString();
        Instant publishedAt = kafka.getTimestamp();
        return retries.untilDone(Uni.createFrom().deferred(() -> service.apply(key, message.getPayload(), publishedAt)),
                        "Journey definition " + key)
                .invoke(change -> LOG.infof("Journey definition %s: %s", key, change))
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure(MalformedEventException.class).call(failure -> {
                    LOG.warnf("Poison journey definition %s sent to the dead-letter topic: %s", key,
                            failure.getMessage());
                    return Uni.createFrom().completionStage(message.nack(failure));
                })
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}

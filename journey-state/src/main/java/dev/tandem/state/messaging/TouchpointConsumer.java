package dev.tandem.state.messaging;

import dev.tandem.events.EventJson;
import dev.tandem.events.MalformedEventException;
import dev.tandem.events.TouchpointV1;
import dev.tandem.support.messaging.TransientRetries;
import dev.tandem.state.service.JourneyStateService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code tandem.touchpoints.v1}.
 * <ul>
 *   <li>Commit: {@code throttled}: an offset is committed only after its record's transaction committed.</li>
 *   <li>Poison (unreadable or incomplete record): nacked to {@code tandem.dlq.journey-state.v1} with the reason;
 *       the partition goes on.</li>
 *   <li>Transient failure (database down, optimistic-lock conflict): retried with back-off until it passes, so
 *       nothing is skipped; the throttled strategy reports the channel unhealthy if it lasts.</li>
 * </ul>
 */
@ApplicationScoped
public class TouchpointConsumer {

    private static final Logger LOG = Logger.getLogger(TouchpointConsumer.class);

    private final JourneyStateService service;
    private final TransientRetries retries;
    private final OutboxRelay relay;

    public TouchpointConsumer(JourneyStateService service, TransientRetries retries, OutboxRelay relay) {
        this.service = service;
        this.retries = retries;
        this.relay = relay;
    }

    @Incoming("touchpoints-in")
    public Uni<Void> consume(String json) {
        TouchpointV1 touchpoint;
        try {
            touchpoint = EventJson.read(json, TouchpointV1.class).requireComplete();
        } catch (MalformedEventException e) {
            LOG.warnf("Poison touchpoint record sent to the dead-letter topic: %s", e.getMessage());
            return Uni.createFrom().failure(e);
        }
        return retries.untilDone(service.apply(touchpoint), "Touchpoint " + touchpoint.eventId())
                .invoke(outcome -> {
                    LOG.debugf("Touchpoint %s: %s", touchpoint.eventId(), outcome);
                    relay.wakeUp();
                })
                .replaceWithVoid();
    }
}

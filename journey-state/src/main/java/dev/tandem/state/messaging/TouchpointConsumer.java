package dev.tandem.state.messaging;

import dev.tandem.events.EventJson;
import dev.tandem.events.MalformedEventException;
import dev.tandem.events.TouchpointV1;
import dev.tandem.state.config.StateConfig;
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
    private final StateConfig config;
    private final OutboxRelay relay;

    public TouchpointConsumer(JourneyStateService service, StateConfig config, OutboxRelay relay) {
        this.service = service;
        this.config = config;
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
        return service.apply(touchpoint)
                .onFailure().invoke(e -> LOG.warnf("Touchpoint %s not applied yet, retrying: %s",
                        touchpoint.eventId(), e.toString()))
                .onFailure().retry()
                .withBackOff(config.retry().initialBackoff(), config.retry().maxBackoff())
                .indefinitely()
                .invoke(outcome -> {
                    LOG.debugf("Touchpoint %s: %s", touchpoint.eventId(), outcome);
                    relay.wakeUp();
                })
                .replaceWithVoid();
    }
}

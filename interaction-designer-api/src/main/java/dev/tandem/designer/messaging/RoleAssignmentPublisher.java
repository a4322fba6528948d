package dev.tandem.designer.messaging;

import dev.tandem.events.CloudEventTypes;
import dev.tandem.events.EventJson;
import dev.tandem.events.EventKeys;
import dev.tandem.events.Topics;
import dev.tandem.events.TouchpointV1;
import dev.tandem.support.messaging.CloudEventMessages;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Puts a seller's role assignment on {@code tandem.touchpoints.v1} as a {@code role.assigned} touchpoint (key
 * {@code tenant/account}, CloudEvents binary mode like ingest's), so journey-state applies it in the account's
 * order like every other touchpoint. The returned Uni completes once the broker acknowledged ({@code acks=all}).
 */
@ApplicationScoped
public class RoleAssignmentPublisher {

    private static final URI SOURCE = URI.create("https://tandem.dev/interaction-designer-api");

    private final MutinyEmitter<String> touchpoints;

    public RoleAssignmentPublisher(@Channel("role-assignments") MutinyEmitter<String> touchpoints) {
        this.touchpoints = touchpoints;
    }

    public Uni<Void> publish(TouchpointV1 assignment) {
        String key = EventKeys.account(assignment.tenantId(), assignment.accountKey());
        return touchpoints.sendMessage(CloudEventMessages.keyed(Topics.TOUCHPOINTS, key, EventJson.write(assignment),
                assignment.id(), CloudEventTypes.TOUCHPOINT, SOURCE, assignment.occurredAt()));
    }
}

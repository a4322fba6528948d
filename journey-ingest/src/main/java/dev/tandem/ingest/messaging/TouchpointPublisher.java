package dev.tandem.ingest.messaging;

import dev.tandem.events.CloudEventTypes;
import dev.tandem.events.ContactProfileV1;
import dev.tandem.events.EventJson;
import dev.tandem.events.ErasureV1;
import dev.tandem.events.EventKeys;
import dev.tandem.events.Topics;
import dev.tandem.events.TouchpointV1;
import dev.tandem.support.messaging.CloudEventMessages;
import dev.tandem.support.messaging.ErasureSteps;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes accepted touchpoints and contact profiles. Each returned {@link Uni} completes only when the broker
 * acknowledged every record ({@code acks=all}, idempotent producer: see the shared defaults).
 */
@ApplicationScoped
public class TouchpointPublisher {

    private static final URI SOURCE = URI.create("https://tandem.dev/journey-ingest");

    private final MutinyEmitter<String> touchpoints;
    private final MutinyEmitter<String> contacts;
    private final MutinyEmitter<String> erasures;

    public TouchpointPublisher(
            @Channel("touchpoints-out") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
            MutinyEmitter<String> touchpoints,
            @Channel("contacts-out") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
            MutinyEmitter<String> contacts,
            @Channel("erasures-out") MutinyEmitter<String> erasures) {
        this.touchpoints = touchpoints;
        this.contacts = contacts;
        this.erasures = erasures;
    }

    /**
     * Announces an erasure: a tombstone on the contact's profile (compaction then removes its older values) and the
     * request on the erasures topic; completes when both are acknowledged.
     */
    public Uni<Void> publishErasure(ErasureV1 request) {
        String key = EventKeys.contact(request.tenantId(), request.contactKey());
        return contacts.sendMessage(CloudEventMessages.tombstone(Topics.CONTACTS, key))
                .chain(() -> erasures.sendMessage(ErasureSteps.message(request, SOURCE)));
    }

    /**
     * Sends the contact profiles first and, once the broker acknowledged them, the touchpoints in the order given
     * (one account's touchpoints land on one partition in that order): a touchpoint is never on the log before the
     * profile it names. Completes when all are acknowledged.
     */
    public Uni<Void> publish(List<ContactProfileV1> profiles, List<TouchpointV1> batch) {
        List<Uni<Void>> profileAcks = new ArrayList<>(profiles.size());
        for (ContactProfileV1 profile : profiles) {
            String key = EventKeys.contact(profile.tenantId(), profile.contactKey());
            profileAcks.add(contacts.sendMessage(CloudEventMessages.keyed(Topics.CONTACTS, key,
                    EventJson.write(profile), key + "@" + profile.updatedAt().toEpochMilli(),
                    CloudEventTypes.CONTACT_PROFILE, SOURCE, profile.updatedAt())));
        }
        return all(profileAcks).chain(() -> {
            List<Uni<Void>> acks = new ArrayList<>(batch.size());
            for (TouchpointV1 touchpoint : batch) {
                String key = EventKeys.account(touchpoint.tenantId(), touchpoint.accountKey());
                acks.add(touchpoints.sendMessage(CloudEventMessages.keyed(Topics.TOUCHPOINTS, key,
                        EventJson.write(touchpoint), touchpoint.tenantId() + "/" + touchpoint.id(),
                        CloudEventTypes.TOUCHPOINT, SOURCE, touchpoint.occurredAt())));
            }
            return all(acks);
        });
    }

    private static Uni<Void> all(List<Uni<Void>> acks) {
        return acks.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(acks).andFailFast().replaceWithVoid();
    }
}

package dev.tandem.ingest.messaging;

import dev.tandem.events.CloudEventTypes;
import dev.tandem.events.ContactProfileV1;
import dev.tandem.events.EventJson;
import dev.tandem.events.ErasureV1;
import dev.tandem.events.EventKeys;
import dev.tandem.events.Topics;
import dev.tandem.events.TouchpointV1;
import dev.tandem.support.messaging.CloudEventMessages;
import dev.tandem.support.messaging.CloudEventRecords;
import dev.tandem.support.messaging.ErasureSteps;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaProducer;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Publishes accepted touchpoints and contact profiles through the producers of the {@code touchpoints-out} and
 * {@code contacts-out} channels (their settings: application.properties and the shared defaults, {@code acks=all},
 * idempotent), a request's records as one batch ({@link RecordBatches}). Each returned {@link Uni} completes only
 * when the broker acknowledged every record.
 */
@ApplicationScoped
public class TouchpointPublisher {

    static final String TOUCHPOINTS_CHANNEL = "touchpoints-out";
    static final String CONTACTS_CHANNEL = "contacts-out";
    private static final String SOURCE = "https://tandem.dev/journey-ingest";
    private static final URI SOURCE_URI = URI.create(SOURCE);

    private final KafkaClientService kafka;
    private final MutinyEmitter<String> contacts;
    private final MutinyEmitter<String> erasures;

    public TouchpointPublisher(KafkaClientService kafka,
            @Channel(CONTACTS_CHANNEL) MutinyEmitter<String> contacts,
            @Channel("erasures-out") MutinyEmitter<String> erasures,
            // unused: injecting it is what connects the channel, so SmallRye builds (and health-checks) its producer
            @Channel(TOUCHPOINTS_CHANNEL) MutinyEmitter<String> touchpointsChannel) {
        this.kafka = kafka;
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
                .chain(() -> erasures.sendMessage(ErasureSteps.message(request, SOURCE_URI)));
    }

    /** A request's records, built (JSON, headers) before they are sent. */
    public record OutgoingRecords(List<ProducerRecord<String, String>> profiles,
            List<ProducerRecord<String, String>> touchpoints) {
    }

    /** The records of sealed profiles and touchpoints: CPU work, done off the event loop by the caller. */
    public static OutgoingRecords records(List<ContactProfileV1> profiles, List<TouchpointV1> batch) {
        List<ProducerRecord<String, String>> profileRecords = new ArrayList<>(profiles.size());
        for (ContactProfileV1 profile : profiles) {
            String key = EventKeys.contact(profile.tenantId(), profile.contactKey());
            profileRecords.add(CloudEventRecords.keyed(Topics.CONTACTS, key, EventJson.write(profile),
                    key + "@" + profile.updatedAt().toEpochMilli(), CloudEventTypes.CONTACT_PROFILE, SOURCE,
                    profile.updatedAt()));
        }
        List<ProducerRecord<String, String>> touchpointRecords = new ArrayList<>(batch.size());
        for (TouchpointV1 touchpoint : batch) {
            String key = EventKeys.account(touchpoint.tenantId(), touchpoint.accountKey());
            touchpointRecords.add(CloudEventRecords.keyed(Topics.TOUCHPOINTS, key, EventJson.write(touchpoint),
                    touchpoint.tenantId() + "/" + touchpoint.id(), CloudEventTypes.TOUCHPOINT, SOURCE,
                    touchpoint.occurredAt()));
        }
        return new OutgoingRecords(List.copyOf(profileRecords), List.copyOf(touchpointRecords));
    }

    /**
     * Sends the contact profiles first and, once the broker acknowledged them, the touchpoints in the order given
     * (one account's touchpoints land on one partition in that order): a touchpoint is never on the log before the
     * profile it names. Completes when all are acknowledged.
     */
    public Uni<Void> send(OutgoingRecords records) {
        return RecordBatches.send(producer(CONTACTS_CHANNEL), records.profiles())
                .chain(() -> RecordBatches.send(producer(TOUCHPOINTS_CHANNEL), records.touchpoints()));
    }

    private KafkaProducer<String, String> producer(String channel) {
        return kafka.getProducer(channel);
    }
}

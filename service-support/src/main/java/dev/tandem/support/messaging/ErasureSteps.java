package dev.tandem.support.messaging;

import dev.tandem.events.ErasureV1;
import dev.tandem.events.EventJson;
import dev.tandem.events.MalformedEventException;
import dev.tandem.events.CloudEventTypes;
import dev.tandem.events.EventKeys;
import dev.tandem.events.Topics;
import io.smallrye.mutiny.Uni;
import java.net.URI;
import org.eclipse.microprofile.reactive.messaging.Message;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reading {@code tandem.erasures.v1}: a record that is not a whole erasure step (its tenant, erasure id, contact
 * key and step) can erase and confirm nothing; its readers dead-letter it and go on.
 */
public final class ErasureSteps {

    private ErasureSteps() {
    }

    /** @throws MalformedEventException when the record is not a whole erasure step */
    public static ErasureV1 read(ConsumerRecord<String, String> record) {
        ErasureV1 step = EventJson.read(record.value(), ErasureV1.class);
        if (step == null || step.tenantId() == null || step.erasureId() == null || step.contactKey() == null
                || step.step() == null) {
            throw new MalformedEventException("an erasure step needs tenantId, erasureId, contactKey and step");
        }
        return step;
    }

    /** The record of {@code step} on {@code tandem.erasures.v1}, keyed by tenant and contact, from {@code source}. */
    public static Message<String> message(ErasureV1 step, URI source) {
        return CloudEventMessages.keyed(Topics.ERASURES, EventKeys.contact(step.tenantId(), step.contactKey()),
                EventJson.write(step), step.erasureId() + "/" + (step.stepIsRequest() ? step.step() : step.service()),
                CloudEventTypes.ERASURE, source, step.at());
    }

    /**
     * Hands the record's step to {@code handler} when it is one this reader takes ({@code wanted}), dead-letters a
     * record that is not a whole step, and passes over the others (the other side's steps).
     */
    public static Uni<Void> handle(ConsumerRecord<String, String> record, DeadLetterQueue deadLetters,
            Predicate<ErasureV1> wanted, Function<ErasureV1, Uni<Void>> handler) {
        ErasureV1 step;
        try {
            step = read(record);
        } catch (MalformedEventException e) {
            return deadLetters.send(List.of(new RecordBatch.Rejected(record, e)), "Erasure");
        }
        return wanted.test(step) ? handler.apply(step) : Uni.createFrom().voidItem();
    }
}

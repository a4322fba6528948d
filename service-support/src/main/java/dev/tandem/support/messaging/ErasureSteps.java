package dev.tandem.support.messaging;

import dev.tandem.events.ErasureV1;
import dev.tandem.events.EventJson;
import dev.tandem.events.MalformedEventException;
import java.util.List;
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

    /** The record as the dead letter {@link DeadLetterQueue#send} takes. */
    public static List<RecordBatch.Rejected> rejected(ConsumerRecord<String, String> record,
            MalformedEventException reason) {
        return List.of(new RecordBatch.Rejected(record, reason));
    }
}

package dev.tandem.support.messaging;

import dev.tandem.events.ErasureV1;
import dev.tandem.events.EventJson;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Reading {@code tandem.erasures.v1}: a record that is not a whole erasure step can erase and confirm nothing, so
 * its readers log where it is (never its value) and go on.
 */
public final class ErasureSteps {

    private static final Logger LOG = Logger.getLogger(ErasureSteps.class);

    private ErasureSteps() {
    }

    /** The record's step, or empty (logged) when it is not one with its tenant, erasure id and contact key. */
    public static Optional<ErasureV1> read(ConsumerRecord<String, String> record) {
        try {
            ErasureV1 step = EventJson.read(record.value(), ErasureV1.class);
            if (step != null && step.tenantId() != null && step.erasureId() != null && step.contactKey() != null
                    && step.step() != null) {
                return Optional.of(step);
            }
        } catch (RuntimeException e) {
            // as below: where it is, not what it says
        }
        LOG.warnf("Skipped a record of %s-%d@%d that is not an erasure step", record.topic(), record.partition(),
                record.offset());
        return Optional.empty();
    }
}

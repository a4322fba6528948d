package dev.tandem.kpi.messaging;

import dev.tandem.support.messaging.TransientRetries;
import dev.tandem.kpi.service.KpiProjection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Projects {@code tandem.journey-events.v1} into {@code account_kpis}. */
@ApplicationScoped
public class JourneyEventConsumer {

    private static final Logger LOG = Logger.getLogger(JourneyEventConsumer.class);

    private final KpiProjection projection;
    private final TransientRetries retries;

    public JourneyEventConsumer(KpiProjection projection, TransientRetries retries) {
        this.projection = projection;
        this.retries = retries;
    }

    /**
     * Failure strategy dead-letter-queue: a malformed record is nacked to {@code tandem.dlq.kpi-projector.v1} with its reason and the partition goes on.
     * Commit strategy throttled: an offset is committed only after this Uni completed (or the DLQ took it).
     * Other failures (MongoDB unreachable) are retried until they pass: nothing is skipped.
     * One channel processes its records one at a time, so one account's events are applied in log order.
     */
    @Incoming("journey-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        Uni<Boolean> work = Uni.createFrom().item(() -> IncomingEvents.journeyEvent(record.key(), record.value()))
                .chain(projection::apply);
        return retries.untilDone(work, "Record " + record.topic() + "-" + record.partition() + "@" + record.offset())
                .onFailure().invoke(failure -> LOG.warnf("Journey event %s-%d@%d goes to the dead-letter topic (%s)",
                        record.topic(), record.partition(), record.offset(), failure.getClass().getSimpleName()))
                .replaceWithVoid();
    }
}
